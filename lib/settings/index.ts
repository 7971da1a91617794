/**
 * Settings storage. The user's own values live in browser.storage.local under the key "settings"; an organisation
 * can set any key through enterprise policy (browser.storage.managed, schema in public/managed_schema.json).
 * Policy values win over local ones and are "locked": saveSettings refuses to change them.
 *
 * Locked keys are reported as strings: a top-level key ("ukaOrigin"), or for the nested objects one entry per
 * sub-key ("features.tips", "ladder.followUpMonths", "scbDeadlines.H1") plus the top-level key when policy sets
 * every sub-key.
 */
import { browser } from 'wxt/browser';
import { asRecord, isManagedChange, readManagedArea } from '../platform/managed';
import { SETTINGS_KEY } from '../platform/storage-keys';
import { readStoredSettings } from './raw';
import {
  applyPatch,
  DEFAULT_SETTINGS,
  defaultSettings,
  FIELD_SCHEMAS,
  isNestedKey,
  MESSAGES,
  readableSettings,
  SETTINGS_KEYS,
  type FieldErrors,
  type Settings,
  type SettingsKey,
  type SettingsPatch,
} from './schema';

export * from './schema';


export interface LoadedSettings {
  /** Effective settings: defaults ← local ← policy. */
  settings: Settings;
  /** Keys set by policy (see the module comment for the format). Serialisable, so it can travel in messages. */
  locked: string[];
  /** Policy values that did not validate and were ignored (Swedish messages, per top-level key). */
  policyErrors: FieldErrors;
  /**
   * Keys that were set on purpose, locally or by policy ("kommun", "ladder.followUpMonths", …); every other value is
   * a default. Lets a metodbok pack supply the defaults of the routine intervals (lib/platform/effective.ts).
   */
  explicit: string[];
}

export type SaveResult = { ok: true; settings: Settings; locked: string[] } | { ok: false; errors: FieldErrors };

/** True when `key` (top-level or "features.tips"-style) is locked by policy. */
export function isLocked(locked: readonly string[], key: string): boolean {
  if (locked.includes(key)) return true;
  const top = key.split('.')[0] ?? key;
  return locked.includes(top);
}

/** The user's stored values, readable today (renamed keys, legacy ranges: see readableSettings). */
async function readLocal(): Promise<Record<string, unknown>> {
  return readableSettings(await readStoredSettings());
}

/** Policy values (see lib/platform/managed.ts), readable today. */
async function readManaged(): Promise<Record<string, unknown>> {
  return readableSettings(await readManagedArea());
}

/** Local values on top of the defaults; invalid stored values fall back to the default, key by key. */
function localSettings(stored: Record<string, unknown>): Settings {
  const known = Object.fromEntries(Object.entries(stored).filter(([k]) => k in FIELD_SCHEMAS));
  const first = applyPatch(defaultSettings(), known);
  if (Object.keys(first.errors).length === 0) return first.settings;
  const valid = Object.fromEntries(Object.entries(known).filter(([k]) => !(k in first.errors)));
  return applyPatch(defaultSettings(), valid).settings;
}

function applyPolicy(base: Settings, managed: Record<string, unknown>): Omit<LoadedSettings, 'explicit'> {
  let settings = base;
  const locked: string[] = [];
  const policyErrors: FieldErrors = {};
  for (const key of SETTINGS_KEYS) {
    if (!(key in managed) || managed[key] === undefined) continue;
    const value = managed[key];
    const result = applyPatch(settings, { [key]: value });
    if (result.errors[key]) {
      policyErrors[key] = result.errors[key];
      continue;
    }
    settings = result.settings;
    if (isNestedKey(key)) {
      const subs = Object.keys(asRecord(value));
      for (const sub of subs) locked.push(`${key}.${sub}`);
      if (Object.keys(DEFAULT_SETTINGS[key]).every((k) => subs.includes(k))) locked.push(key);
    } else {
      locked.push(key);
    }
  }
  return { settings, locked, policyErrors };
}

/** Effective settings and the keys locked by policy. Never throws. */
export async function loadSettings(): Promise<LoadedSettings> {
  const [local, managed] = await Promise.all([readLocal(), readManaged()]);
  return settingsFrom(local, managed);
}

/** Effective settings from what is stored locally (readStoredSettings) and the policy (readManagedArea). */
export function settingsFrom(storedLocal: Record<string, unknown>, storedManaged: Record<string, unknown>): LoadedSettings {
  const local = readableSettings(storedLocal);
  const managed = readableSettings(storedManaged);
  const loaded = applyPolicy(localSettings(local), managed);
  return { ...loaded, explicit: [...new Set([...explicitKeys(local), ...loaded.locked])] };
}

/** The values of the given keys ("kommun", "ladder.followUpMonths", …) out of complete settings. */
function pickKeys(settings: Settings, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(keys)) {
    const [top, sub] = key.split('.') as [SettingsKey, string | undefined];
    if (sub === undefined) out[top] = settings[top];
    else out[top] = { ...asRecord(out[top]), [sub]: (settings[top] as Record<string, unknown>)[sub] };
  }
  return out;
}

/** The keys present in stored values, nested ones as "ladder.followUpMonths". */
function explicitKeys(stored: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of SETTINGS_KEYS) {
    if (!(key in stored) || stored[key] === undefined) continue;
    if (isNestedKey(key)) for (const sub of Object.keys(asRecord(stored[key]))) out.push(`${key}.${sub}`);
    else out.push(key);
  }
  return out;
}

/** The local values alone (what the user chose), on top of the defaults. */
export async function loadLocalSettings(): Promise<Settings> {
  return localSettings(await readLocal());
}

let saving: Promise<unknown> = Promise.resolve();

/**
 * Save a patch from the options form (raw strings are accepted: "0180", " https://uka.kommun.se/ ", "90").
 * All or nothing: with any field error nothing is written. A locked key may be passed with its current effective
 * value (the form sends every field) and is then ignored; a different value is refused with a Swedish message.
 */
export function saveSettings(patch: SettingsPatch | Record<string, unknown>): Promise<SaveResult> {
  const run = saving.then(() => doSave(patch as Record<string, unknown>));
  saving = run.catch(() => undefined);
  return run;
}

async function doSave(patch: Record<string, unknown>): Promise<SaveResult> {
  const [stored, managed] = await Promise.all([readLocal(), readManaged()]);
  const local = localSettings(stored);
  const effective = applyPolicy(local, managed);
  const errors: FieldErrors & Record<string, string> = {};
  const allowed: Record<string, unknown> = {};

  // Normalise the patch against the effective settings so that "same value" can be recognised for locked keys.
  const normalised = applyPatch(effective.settings, patch);
  Object.assign(errors, normalised.errors);

  for (const [rawKey, value] of Object.entries(patch)) {
    if (value === undefined || rawKey in errors) continue;
    const key = rawKey as SettingsKey;
    if (isNestedKey(key)) {
      const subs = asRecord(value);
      const current = effective.settings[key] as Record<string, unknown>;
      const next = normalised.settings[key] as Record<string, unknown>;
      const free: Record<string, unknown> = {};
      for (const sub of Object.keys(subs)) {
        if (isLocked(effective.locked, `${key}.${sub}`)) {
          if (JSON.stringify(next[sub]) !== JSON.stringify(current[sub])) errors[key] = MESSAGES.locked;
        } else {
          free[sub] = subs[sub];
        }
      }
      if (Object.keys(free).length) allowed[key] = free;
    } else if (isLocked(effective.locked, key)) {
      if (JSON.stringify(normalised.settings[key]) !== JSON.stringify(effective.settings[key])) errors[key] = MESSAGES.locked;
    } else {
      allowed[key] = value;
    }
  }
  if (Object.keys(errors).length) return { ok: false, errors };

  const result = applyPatch(local, allowed);
  if (Object.keys(result.errors).length) return { ok: false, errors: result.errors };
  // Store only what has been set on purpose (before or now), so that untouched values keep following their defaults.
  await browser.storage.local.set({ [SETTINGS_KEY]: pickKeys(result.settings, [...explicitKeys(stored), ...explicitKeys(allowed)]) });
  const after = applyPolicy(result.settings, managed);
  return { ok: true, settings: after.settings, locked: after.locked };
}

/** Remove the user's own settings (policy values stay). Used by "Radera all lokal data" via the store. */
export async function clearLocalSettings(): Promise<void> {
  await browser.storage.local.remove(SETTINGS_KEY);
}

/**
 * Call `callback` with the fresh effective settings whenever local settings or policy change.
 * Returns a function that stops watching.
 */
export function watchSettings(callback: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if ((area === 'local' && SETTINGS_KEY in changes) || isManagedChange(changes, area)) {
      void loadSettings().then(callback, () => undefined);
    }
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
