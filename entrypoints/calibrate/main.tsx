/**
 * The calibration page (opened from the popup on a UKA tab, ?tab=ID): reads a copy of the open UKA page's HTML (our
 * own elements left out), and shows for it the calibration report of the profiles in use, and of a draft profile the
 * user pastes or picks ("prova profil", never saved). "Spara sidans struktur" saves the page redacted
 * (lib/uka/capture.ts). Nothing leaves the browser; the page's values are shown masked.
 */
import '../../lib/platform/zod-setup';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings } from '../../lib/settings';
import { loadActiveProfiles } from '../../lib/platform/uka-profile';
import { readPartsSeen } from '../../lib/platform/parts-seen';
import { compileProfiles } from '../../lib/uka/compile';
import { builtinProfiles } from '../../lib/uka/profiles';
import { calibrate } from '../../lib/uka/calibrate';
import { captureStructure } from '../../lib/uka/capture';
import { createUkaAdapter } from '../../lib/uka/adapter';
import { domSelectorCheck, parseProfileText, type ProfileIssue } from '../../lib/uka/profile-schema';
import type { UkaProfile } from '../../lib/uka/profile';
import type { PartsSeen } from '../../lib/uka/parts';
import { CalibrationReport } from '../../components/calibrate/CalibrationReport';
import { downloadText } from '../../components/options/PackSection';
import { IssueList } from '../../components/options/IssueList';

interface Snapshot {
  html: string;
  url: string;
}

/** A copy of the tab's page as it is now, without KAA-lotsen's own elements. Runs in the UKA tab. */
function pageCopy(): Snapshot {
  const root = document.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(root.querySelectorAll('kaa-lotsen-ui'))) el.remove();
  return { html: `<!DOCTYPE html>${root.outerHTML}`, url: location.href };
}

async function snapshotOf(tabId: number, ukaOrigin: string): Promise<Snapshot> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.url || new URL(tab.url).origin !== ukaOrigin) throw new Error('Fliken visar inte längre UKA.');
  const [first] = await browser.scripting.executeScript({ target: { tabId }, func: pageCopy });
  const result = first?.result as Snapshot | undefined;
  if (!result?.html) throw new Error('Sidan kunde inte läsas.');
  return result;
}

/** Names and personnummer the profiles can read on the page: the capture redacts any heading that holds one. */
function knownPersonal(doc: Document, profiles: readonly UkaProfile[]): string[] {
  const adapter = createUkaAdapter(profiles);
  const out: string[] = [];
  const person = adapter.readPersonPage(doc);
  if (person.ok) out.push(person.value.header.name, person.value.header.personnummer);
  const start = adapter.readStartList(doc);
  if (start.ok) for (const r of start.value.rows) out.push(r.name, r.personnummer);
  const exp = adapter.readExportList(doc);
  if (exp.ok) for (const g of exp.value.groups) for (const r of g.rows) out.push(r.name, r.personnummer ?? '');
  return out.filter(Boolean);
}

function Calibration(props: { snapshot: Snapshot; profiles: UkaProfile[]; partsSeen: PartsSeen; onReload(): void }) {
  const doc = useMemo(() => new DOMParser().parseFromString(props.snapshot.html, 'text/html'), [props.snapshot]);
  const report = useMemo(() => calibrate(doc, props.profiles, props.partsSeen), [doc, props.profiles]);
  const [draftText, setDraftText] = useState('');
  const [draft, setDraft] = useState<{ profile: UkaProfile } | { errors: ProfileIssue[] } | null>(null);
  const [saved, setSaved] = useState('');

  const tryDraft = (text: string) => {
    setDraftText(text);
    if (!text.trim()) return setDraft(null);
    const parsed = parseProfileText(text, { source: 'draft', checkSelector: domSelectorCheck(document) });
    setDraft(parsed.ok ? { profile: parsed.profile } : { errors: parsed.errors });
  };

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file) tryDraft(await file.text());
    input.value = '';
  };

  const onCapture = () => {
    const html = captureStructure(doc, { known: knownPersonal(doc, props.profiles) });
    const name = `uka-sidans-struktur-${report.kind}-${new Date().toISOString().slice(0, 10)}.html`;
    downloadText(name, html, 'text/html');
    setSaved(`Sidans struktur är sparad som ${name}. Texter och värden är ersatta; rubriker och kolumnnamn finns kvar.`);
  };

  return (
    <main class="options calibrate">
      <h1>Kalibrering av UKA-profil</h1>
      <p>
        Så här läser KAA-lotsen sidan i fliken: vilken profil som känner igen den, och vad varje regel i profilen hittar.
        Alla värden visas maskerade (personnummer som ÅÅÅÅMMDD-XXXX, namn som initialer, fritext som antal tecken).
        Inget skickas någonstans.
      </p>
      <p class="muted">
        Sida: <code>{new URL(props.snapshot.url).pathname}</code>
      </p>
      <div class="actions">
        <button type="button" class="secondary" onClick={props.onReload}>
          Läs sidan igen
        </button>
        <button type="button" onClick={onCapture} data-testid="capture">
          Spara sidans struktur
        </button>
      </div>
      <div role="status" aria-live="polite" data-testid="capture-message">
        {saved}
      </div>
      <section aria-labelledby="active-heading">
        <h2 id="active-heading">Profilerna som används</h2>
        <CalibrationReport report={report} idPrefix="active" />
      </section>
      <section aria-labelledby="draft-heading">
        <h2 id="draft-heading">Prova profil</h2>
        <p>Klistra in eller välj en profil (JSON). Den prövas på samma sida direkt och sparas inte.</p>
        <div class="field">
          <label for="draft-text">Profil att prova</label>
          <textarea id="draft-text" rows={8} value={draftText} onInput={(e) => tryDraft((e.currentTarget as HTMLTextAreaElement).value)} aria-describedby="draft-hint" />
          <span id="draft-hint" class="hint">
            Samma format som en importerad profil. Spara den på inställningssidan när den fungerar.
          </span>
        </div>
        <div class="field">
          <label for="draft-file">Eller välj en fil</label>
          <input id="draft-file" type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
        </div>
        {draft && 'errors' in draft && (
          <div class="pack-errors" data-testid="draft-errors" role="group" aria-labelledby="draft-errors-heading">
            <h3 id="draft-errors-heading" class="error">
              Profilen går inte att använda ({draft.errors.length} fel)
            </h3>
            <IssueList errors={draft.errors} />
          </div>
        )}
        {draft && 'profile' in draft && <CalibrationReport report={calibrate(doc, [draft.profile], props.partsSeen)} idPrefix="draft" />}
      </section>
    </main>
  );
}

function App(props: { tabId: number | null }) {
  const [state, setState] = useState<{ snapshot: Snapshot; profiles: UkaProfile[]; partsSeen: PartsSeen } | { error: string } | null>(null);
  const load = async () => {
    try {
      const { settings } = await loadSettings();
      if (props.tabId === null || !settings.ukaOrigin) throw new Error('Öppna kalibreringen från verktygsfältets knapp när en UKA-sida visas.');
      const [snapshot, active, partsSeen] = await Promise.all([snapshotOf(props.tabId, new URL(settings.ukaOrigin).origin), loadActiveProfiles(), readPartsSeen()]);
      setState({ snapshot, profiles: [...compileProfiles(active.docs), ...builtinProfiles], partsSeen });
    } catch (e) {
      setState({ error: e instanceof Error ? e.message : 'Sidan kunde inte läsas.' });
    }
  };
  useEffect(() => void load(), []);
  if (!state) return <p>Läser sidan …</p>;
  if ('error' in state)
    return (
      <main class="options">
        <h1>Kalibrering av UKA-profil</h1>
        <p class="error" data-testid="calibrate-error">
          {state.error}
        </p>
      </main>
    );
  return <Calibration {...state} onReload={() => void load()} />;
}

const tab = new URLSearchParams(location.search).get('tab');
render(<App tabId={tab && /^\d+$/.test(tab) ? Number(tab) : null} />, document.getElementById('app')!);
