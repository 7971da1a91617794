/**
 * Options page: the kommun's UKA markup profile. Import a profile document (checked first: a broken file is refused
 * with every problem and its place in the file, and the profile in use stays), remove it, and see which profiles are
 * tried in which order. A profile set by the organisation's policy is shown as locked.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProfileIssue } from '../../lib/uka/profile-schema';
import { domSelectorCheck } from '../../lib/uka/profile-schema';
import { BUILTIN_PROFILE_JSON } from '../../lib/uka/profiles';
import { useFileImport } from './file-import';
import { IssueList } from './IssueList';
import { importProfile, loadActiveProfiles, removeImportedProfile, type ActiveProfiles, type ImportProfileResult } from '../../lib/platform/uka-profile';

export interface ProfileApi {
  load(): Promise<ActiveProfiles>;
  importText(text: string): Promise<ImportProfileResult>;
  remove(): Promise<void>;
}

const DEFAULT_API: ProfileApi = {
  load: loadActiveProfiles,
  importText: (text) => importProfile(text, domSelectorCheck(document)),
  remove: removeImportedProfile,
};

const SOURCE_LABEL = { policy: 'från din organisation (låst)', imported: 'importerad av dig', builtin: 'inbyggd' } as const;

/** A profile document is small; anything this large is not one. */
const MAX_FILE_BYTES = 512 * 1024;

export function ProfileSection(props: { api?: ProfileApi }) {
  const api = props.api ?? DEFAULT_API;
  const [active, setActive] = useState<ActiveProfiles | null>(null);
  const { errors, setErrors, message, setMessage, busy, run, importFile } = useFileImport<ProfileIssue>();

  useEffect(() => {
    void api.load().then(setActive);
  }, []);

  const onFile = (e: Event) =>
    importFile(e, MAX_FILE_BYTES, (kB) => `Filen är för stor (${kB} kB). En UKA-profil får vara högst 512 kB.`, async (text) => {
      const result = await api.importText(text);
      if (result.ok) {
        setActive(await api.load());
        setMessage(`UKA-profilen ”${result.json.id}” (version ${result.json.version}) används från nästa sidvisning i UKA.`);
      } else setErrors(result.errors);
    });

  const onRemove = () =>
    run(async () => {
      await api.remove();
      setActive(await api.load());
      setMessage('Den importerade UKA-profilen är borttagen. De inbyggda profilerna används.');
    });

  const locked = active?.locked ?? false;
  const order = active ? [...active.docs.map((d) => ({ id: d.json.id, version: d.json.version, description: d.json.description, source: d.source })), ...BUILTIN_PROFILE_JSON.map((j) => ({ id: j.id, version: j.version, description: j.description, source: 'builtin' as const }))] : [];

  return (
    <section aria-labelledby="profile-heading" class="pack-section" data-testid="profile-section">
      <h2 id="profile-heading">UKA-profil (hur UKA:s sidor läses)</h2>
      {!active ? (
        <p>Läser in …</p>
      ) : (
        <>
          <p>Profilerna prövas i den här ordningen; den första som känner igen sidan används.</p>
          <ol data-testid="profile-order">
            {order.map((p) => (
              <li key={`${p.source}-${p.id}`} data-source={p.source}>
                <strong>{p.id}</strong> (version {p.version}, {SOURCE_LABEL[p.source]}){p.description ? ` – ${p.description}` : ''}
              </li>
            ))}
          </ol>
          {locked && (
            <p class="locked" data-testid="profile-locked">
              Din organisation har satt en UKA-profil. Den är låst och kan inte bytas här.
            </p>
          )}
          {active.policyErrors.length > 0 && (
            <div class="error" data-testid="profile-policy-errors">
              <p>Din organisations UKA-profil kunde inte läsas och används inte:</p>
              <IssueList errors={active.policyErrors} />
            </div>
          )}
          {active.importedErrors.length > 0 && (
            <div class="error">
              <p>Den sparade UKA-profilen kunde inte läsas och används inte:</p>
              <IssueList errors={active.importedErrors} />
            </div>
          )}
          <div class="field">
            <label for="profile-file">Importera UKA-profil (JSON)</label>
            <input id="profile-file" type="file" accept=".json,application/json" disabled={locked || busy} aria-describedby="profile-file-hint" onChange={(e) => void onFile(e)} />
            <span id="profile-file-hint" class="hint">
              En profil som beskriver hur kommunens UKA-sidor ser ut. Den kontrolleras först; är något fel används den inte. Pröva den på
              kalibreringssidan (öppnas från verktygsfältets knapp på en UKA-flik) innan den sparas.
            </span>
          </div>
          <div class="actions">
            <button type="button" class="secondary" onClick={() => void onRemove()} disabled={locked || busy || !active.docs.some((d) => d.source === 'imported')}>
              Ta bort importerad profil
            </button>
          </div>
          <div role="status" aria-live="polite" data-testid="profile-message">
            {message}
          </div>
          {errors.length > 0 && (
            <div tabIndex={-1} role="group" class="pack-errors" data-testid="profile-errors" aria-labelledby="profile-errors-heading">
              <h3 id="profile-errors-heading" class="error">
                UKA-profilen importerades inte ({errors.length} fel)
              </h3>
              <p>Profilerna du hade används fortfarande. Rätta filen och försök igen.</p>
              <IssueList errors={errors} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
