/**
 * Record only what the user works on (#17 item 4), on both markup variants: the youths on "Mina deltagare" and those
 * whose person page was opened are kept (pseudonymous key, birth date, page path); a youth only listed on "Export till
 * SCB" leaves nothing in the extension's storage, not even a pseudonymous key, also after a monthly review that
 * counted them. The shared storage and network guards run after the test as after every test.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from '@playwright/test';
import { test, expect, KOMMUN, TODAY, registeredScripts } from './fixtures';

const MY_LABEL = 'Coach Anna';

interface TruthPerson {
  id: number;
  label: string;
  personnummer: string;
  warnings: string[];
}

interface Stored {
  /** The pseudonymous key of each youth of the data set, by id (made with the install's own key, in its own page). */
  keys: Record<number, string>;
  persons: { key: string; path: string | null }[];
  reviews: { redAtStart: number; redKeys?: string[]; fixedKeys: string[] }[];
  /** Everything in the extension's storage (IndexedDB and storage areas), as one text. */
  dump: string;
}

/**
 * Read the extension's database in one of its own pages: the persons and reviews stores, the whole dump as text, and
 * every youth's key, signed with the install's pseudonymisation key (a non-extractable CryptoKey can sign; raw bytes of
 * an older install are imported first). The test never sees the key itself.
 */
async function readStored(context: BrowserContext, extensionId: string, youths: readonly TruthPerson[]): Promise<Stored> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/popup.html`);
    return await page.evaluate(async (list) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('kaa-lotsen');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const all = (name: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
      const dump: Record<string, unknown> = {};
      for (const name of Array.from(db.objectStoreNames)) dump[name] = await all(name);
      const secret = ((await all('secret')) as Array<{ key?: CryptoKey; bytes?: Uint8Array }>)[0];
      db.close();
      let key: CryptoKey | null = null;
      if (secret?.key instanceof CryptoKey) key = secret.key;
      else if (secret?.bytes) key = await crypto.subtle.importKey('raw', new Uint8Array(secret.bytes), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
      const keys: Record<number, string> = {};
      if (key) {
        for (const p of list) {
          const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(p.personnummer.replace(/\D/g, ''))));
          keys[p.id] = Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
        }
      }
      dump.local = await chrome.storage.local.get(null);
      dump.session = await chrome.storage.session.get(null);
      const text = JSON.stringify(dump, (_k, v) => (v instanceof ArrayBuffer || ArrayBuffer.isView(v) ? `[${(v as ArrayBuffer).byteLength} bytes]` : v));
      return { keys, persons: dump.persons as Stored['persons'], reviews: dump.reviews as Stored['reviews'], dump: text };
    }, youths.map((p) => ({ id: p.id, personnummer: p.personnummer })));
  } finally {
    await page.close();
  }
}

const isRed = (p: TruthPerson) => p.warnings.some((k) => k.startsWith('R'));

test.describe('record only what the user works on', () => {
  test('a youth only listed on "Export till SCB" leaves nothing in storage; an opened person page is kept, keyed', async ({ context, page, uka, configured, login, serviceWorker, extensionId }) => {
    void configured;
    // "Mina deltagare" is the coach's own list; the review covers every etikett (no etikett of mine set).
    await uka.control('/__test/mine', { labels: [MY_LABEL] });
    await serviceWorker.evaluate(
      async ({ origin, kommun, clock }) => chrome.storage.local.set({ testClock: clock, settings: { ukaOrigin: origin, kommun } }),
      { origin: uka.origin, kommun: KOMMUN, clock: `${TODAY}T12:00:00+01:00` },
    );
    await expect.poll(async () => (await registeredScripts(serviceWorker)).length).toBeGreaterThan(0);
    const youths = (await uka.state()).persons as unknown as TruthPerson[];
    const mine = youths.filter((p) => p.label === MY_LABEL);
    const others = youths.filter((p) => p.label !== MY_LABEL);
    const red = youths.filter(isRed);
    // The person page opened: a red youth of another coach (reached from the export list, as in a monthly review).
    const opened = others.find(isRed)!;
    const listedOnly = others.filter((p) => p.id !== opened.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(listedOnly.filter(isRed).length).toBeGreaterThan(0);

    // Logging in lands on "Mina deltagare": my youths are recorded.
    await login(page);
    await expect.poll(async () => (await readStored(context, extensionId, [])).persons.length).toBe(mine.length);

    // The monthly review on "Export till SCB", over every red youth on the list.
    await page.goto(`${uka.origin}/export`);
    const progress = page.getByTestId('review-progress');
    await expect(progress).not.toHaveText(/Räknar/);
    await page.getByRole('button', { name: 'Starta ny genomgång' }).focus();
    await page.keyboard.press('Enter');
    await expect(progress).toContainText(new RegExp(`^0 av ${red.length} röda? rättade sedan`));

    // One person page opened, then back to the list (the review recounts and stores its progress).
    await page.goto(`${uka.origin}/person/${opened.id}`);
    await expect.poll(async () => (await readStored(context, extensionId, [])).persons.length).toBe(mine.length + 1);
    await page.goto(`${uka.origin}/export`);
    await expect(page.getByTestId('review-progress')).toContainText(new RegExp(`^0 av ${red.length} röda? rättade`));

    const stored = await readStored(context, extensionId, youths);
    const keyOf = (p: TruthPerson) => stored.keys[p.id]!;
    expect(Object.keys(stored.keys)).toHaveLength(youths.length);
    // My youths and the opened one are kept: by key, with their page path.
    const kept = new Map(stored.persons.map((p) => [p.key, p.path]));
    expect(kept.size).toBe(mine.length + 1);
    for (const p of mine) expect(kept.get(keyOf(p)), `my youth ${p.id}`).toBe(`/person/${p.id}`);
    expect(kept.get(keyOf(opened))).toBe(`/person/${opened.id}`);
    // Everyone else was only listed on "Export till SCB": neither their key nor their page path is anywhere.
    for (const p of listedOnly) {
      expect(stored.dump.includes(keyOf(p)), `key of youth ${p.id} (listed only)`).toBe(false);
      expect(stored.dump.includes(`"/person/${p.id}"`), `path of youth ${p.id} (listed only)`).toBe(false);
    }
    // The review counted every red youth and keeps keys only of recorded ones.
    const review = stored.reviews.at(-1)!;
    expect(review.redAtStart).toBe(red.length);
    expect((review.redKeys ?? []).every((k) => kept.has(k))).toBe(true);
    // (The opened youth was not yet recorded when the review started: counted, not keyed.)
    expect(new Set(review.redKeys)).toEqual(new Set(mine.filter(isRed).map(keyOf)));
  });
});


test.describe('the retention in force', () => {
  test('is shown on the options page in Swedish, as the retention field’s description, and capped', async ({ configured, extensionPage, serviceWorker, uka }) => {
    void configured;
    const options = await extensionPage('options.html');
    const field = options.getByLabel('Lagringstid för lokala uppgifter (dagar)');
    await expect(field).toHaveValue('90');
    await expect(options.getByTestId('retention-in-force')).toHaveText(/^Just nu gäller 90 dagar \(standardvärdet\)\.\s*$/);
    await expect(field).toHaveAccessibleDescription(/Just nu gäller 90 dagar.*senast syntes i UKA.*20-årsdagen.*högst|Just nu gäller 90 dagar.*365/s);
    await expect(field).toHaveAttribute('max', '365');

    // A value stored by an earlier version (up to 3650 days) is capped when read: 365 is in force.
    await serviceWorker.evaluate(async ({ origin, kommun }) => chrome.storage.local.set({ settings: { ukaOrigin: origin, kommun, retentionDays: 3650 } }), { origin: uka.origin, kommun: KOMMUN });
    await options.reload();
    await expect(options.getByTestId('retention-in-force')).toHaveText(/^Just nu gäller 365 dagar \(din egen inställning\)\.\s*$/);
    await expect(options.getByLabel('Lagringstid för lokala uppgifter (dagar)')).toHaveValue('365');
    const axe = await new AxeBuilder({ page: options }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
