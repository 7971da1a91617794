import { afterEach, describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { parseHTML } from 'linkedom';
import { CODE_PARTS, forgetPartLoads, loadedPart, loadPart, PART_FILES, partFileFor, shelvePart, type PartContents } from '../../../lib/startup/parts';
import { COMMANDS } from '../../../lib/messages/commands';
import { senderAllowed } from '../../../lib/messages/senders';
import { ErrorListPanel } from '../../../components/scb/ErrorListPanel';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const shelfKey = '__kaaLotsenParts';

afterEach(() => {
  delete (globalThis as Record<string, unknown>)[shelfKey];
  forgetPartLoads();
});

const fakeTour = (mark: string) => ({ TourRun: (() => mark) as never, TOUR_CSS: mark }) as PartContents['tour'];

describe('on-demand parts (lib/startup/parts.ts)', () => {
  it('names one file per part, an unlisted script of the build that hands its part over', () => {
    expect(CODE_PARTS.sort()).toEqual(['glossary', 'scb-guard', 'tour']);
    for (const name of CODE_PARTS) {
      expect(partFileFor(name)).toBe(`uka-part-${name}.js`);
      expect(PART_FILES[name]).toBe(`uka-part-${name}.js`);
      const entry = readFileSync(path.join(root, 'entrypoints', `uka-part-${name}.ts`), 'utf8');
      expect(entry).toContain(`shelvePart('${name}'`);
    }
    // Every uka-part-*.ts entry is in the table (none loaded by some other way).
    const entries = readdirSync(path.join(root, 'entrypoints')).filter((f) => f.startsWith('uka-part-'));
    expect(entries.sort()).toEqual(CODE_PARTS.map((n) => `uka-part-${n}.ts`).sort());
  });

  it('has no file for anything else', () => {
    for (const name of ['unknown', 'toString', '__proto__', 'constructor', '', 'TOUR', 'person', null, undefined, 1, {}]) expect(partFileFor(name)).toBeNull();
  });

  it('loads a part once: two simultaneous and a later open share one injection', async () => {
    let injected = 0;
    const inject = vi.fn(async (name: string) => {
      injected++;
      await Promise.resolve();
      shelvePart(name as 'tour', fakeTour('ny'));
    });
    const [a, b] = await Promise.all([loadPart('tour', inject), loadPart('tour', inject)]);
    expect(a.TOUR_CSS).toBe('ny');
    expect(b).toBe(a);
    expect(await loadPart('tour', inject)).toBe(a);
    expect(loadedPart('tour')).toBe(a);
    expect(injected).toBe(1);
    expect(inject).toHaveBeenCalledWith('tour');
  });

  it('never takes what an older copy of the extension left on the shelf, and a failed load is tried again', async () => {
    (globalThis as Record<string, unknown>)[shelfKey] = { tour: fakeTour('gammal') };
    expect(loadedPart('tour')).toBeUndefined();
    // The injection "ran" but left nothing: the old entry is not taken.
    await expect(loadPart('tour', async () => undefined)).rejects.toThrow('kunde inte läsas in');
    await expect(loadPart('tour', async () => Promise.reject(new Error('ingen flik')))).rejects.toThrow('ingen flik');
    const part = await loadPart('tour', async () => shelvePart('tour', fakeTour('ny')));
    expect(part.TOUR_CSS).toBe('ny');
  });

  it('a part run without a loader that asked leaves nothing', () => {
    shelvePart('tour', fakeTour('x'));
    expect((globalThis as Record<string, unknown>)[shelfKey]).toBeUndefined();
  });
});

describe('the background injects a part (load-part)', () => {
  it('only a known part, only from UKA’s top frame, only into the sender’s own frame and document', async () => {
    expect(COMMANDS['load-part'].safeParse({ name: 'tour' }).success).toBe(true);
    for (const bad of [{ name: 'uka-person' }, { name: '../x' }, { name: 'tour', file: 'x.js' }, {}]) expect(COMMANDS['load-part'].safeParse(bad).success).toBe(false);
    const ctx = { extensionUrl: 'chrome-extension://x/', ukaOrigin: 'https://uka.example.se', scbOrigin: 'https://scb.example.se' };
    const uka = { url: 'https://uka.example.se/export', origin: 'https://uka.example.se', frameId: 0, tab: { id: 1 } };
    expect(senderAllowed('load-part', uka, ctx)).toBe(true);
    expect(senderAllowed('load-part', { ...uka, frameId: 2 }, ctx)).toBe(false);
    expect(senderAllowed('load-part', { ...uka, url: 'https://scb.example.se/', origin: 'https://scb.example.se' }, ctx)).toBe(false);
    expect(senderAllowed('load-part', { url: 'chrome-extension://x/popup.html' }, ctx)).toBe(false);

    const { fakeBrowser } = await import('wxt/testing/fake-browser');
    const { injectPart } = await import('../../../entrypoints/background/handlers/parts');
    const calls: unknown[] = [];
    const scripting = fakeBrowser.scripting as unknown as { executeScript(x: unknown): Promise<unknown> };
    const spy = vi.spyOn(scripting, 'executeScript').mockImplementation(async (x: unknown) => void calls.push(x));
    await injectPart('scb-guard', { tab: { id: 7 }, frameId: 0, documentId: 'DOC1' });
    await injectPart('tour', { tab: { id: 7 }, frameId: 0 });
    expect(calls).toEqual([
      { target: { tabId: 7, documentIds: ['DOC1'] }, files: ['uka-part-scb-guard.js'] },
      { target: { tabId: 7, frameIds: [0] }, files: ['uka-part-tour.js'] },
    ]);
    await expect(injectPart('uka-person', { tab: { id: 7 }, frameId: 0 })).rejects.toThrow();
    await expect(injectPart('toString', { tab: { id: 7 }, frameId: 0 })).rejects.toThrow();
    await expect(injectPart('tour', { frameId: 0 })).rejects.toThrow();
    expect(calls).toHaveLength(2);
    spy.mockRestore();
  });
});

describe('a part drawn inside one of our panels', () => {
  it('the error list’s form is loaded on the first opening of its disclosure, once, and drawn in the panel’s tree with working hooks', async () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="c"></div></body></html>');
    const g = globalThis as Record<string, unknown>;
    const before = g.document;
    g.document = document;
    try {
      const container = document.getElementById('c')!;
      let bump: (() => void) | null = null;
      function Form(props: { people: unknown }) {
        const [n, setN] = useState(0);
        bump = () => setN((x) => x + 1);
        return <span class="form">{`${typeof props.people} ${n}`}</span>;
      }
      const load = vi.fn(async () => ({ ErrorListForm: Form }) as unknown as PartContents['scb-guard']);
      render(<ErrorListPanel people={new Map()} load={load} />, container);
      const details = container.querySelector('details')!;
      expect(container.querySelector('.form')).toBeNull();
      const toggle = async (open: boolean) => {
        if (open) details.setAttribute('open', '');
        else details.removeAttribute('open');
        (details as unknown as { open: boolean }).open = open;
        details.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('toggle'));
        await new Promise((r) => setTimeout(r, 10));
      };
      await toggle(true);
      expect(container.querySelector('.form')?.textContent).toBe('object 0');
      bump!();
      await new Promise((r) => setTimeout(r, 10));
      await toggle(false);
      await toggle(true);
      // Drawn by the panel's own preact: its state stays while the disclosure is closed and opened again.
      expect(container.querySelector('.form')?.textContent).toBe('object 1');
      expect(load).toHaveBeenCalledTimes(1);
      render(null, container);
    } finally {
      g.document = before;
    }
  });
});
