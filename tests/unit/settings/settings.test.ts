import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readFileSync } from 'node:fs';
import { ROUTINE, SETTINGS_LADDER_KEYS } from '../../../lib/domain/routine';
import {
  checkOrigin,
  DEFAULT_SETTINGS,
  FEATURE_IDS,
  isLocked,
  loadSettings,
  MESSAGES,
  migrateSettings,
  rangeMessage,
  originPattern,
  RENAMED_FEATURE_IDS,
  saveSettings,
  SETTINGS_KEYS,
  validateSettings,
  watchSettings,
} from '../../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('checkOrigin / originPattern', () => {
  it.each([
    ['https://uka.example.se', 'https://uka.example.se'],
    ['https://uka.example.se/', 'https://uka.example.se'],
    ['  https://UKA.Example.se  ', 'https://uka.example.se'],
    ['https://uka.example.se:8443', 'https://uka.example.se:8443'],
    ['http://127.0.0.1:4173', 'http://127.0.0.1:4173'],
    ['http://localhost:3000/', 'http://localhost:3000'],
  ])('accepts %s', (input, origin) => {
    expect(checkOrigin(input)).toEqual({ ok: true, origin });
  });

  it.each([
    ['uka.example.se', MESSAGES.originInvalid],
    ['ftp://uka.example.se', MESSAGES.originInvalid],
    ['javascript:alert(1)', MESSAGES.originInvalid],
    ['http://uka.example.se', MESSAGES.originScheme],
    ['https://uka.example.se/uka', MESSAGES.originPath],
    ['https://uka.example.se/?x=1', MESSAGES.originPath],
    ['https://uka.example.se/#a', MESSAGES.originPath],
    ['https://anna:secret@uka.example.se', MESSAGES.originCredentials],
  ])('refuses %s', (input, message) => {
    expect(checkOrigin(input)).toEqual({ ok: false, message });
  });

  it.each([
    ['https://*', MESSAGES.originWildcard],
    ['https://*/', MESSAGES.originWildcard],
    ['https://*.kommun.se', MESSAGES.originWildcard],
    ['https://uka.*.se', MESSAGES.originWildcard],
    ['https://uka%2Ekommun.se', MESSAGES.originEscape],
    ['https://uka.kommun.se%2F', MESSAGES.originEscape],
    ['https://%75ka.kommun.se', MESSAGES.originEscape],
    ['https://uka.kommun.se.', MESSAGES.originTrailingDot],
    ['https://uka.kommun.se.:8443', MESSAGES.originTrailingDot],
    ['https://anna@uka.kommun.se', MESSAGES.originCredentials],
    ['https://@uka.kommun.se', MESSAGES.originCredentials],
    ['https://:pw@uka.kommun.se', MESSAGES.originCredentials],
    ['https://uka.kommun.se/start', MESSAGES.originPath],
    ['https://uka.kommun.se\\evil.se', MESSAGES.originPath],
    ['https://uka', MESSAGES.originHost],
    ['https://192.168.1.10', MESSAGES.originHost],
    ['https://[2001:db8::1]', MESSAGES.originHost],
    ['https://uka.kommun.123', MESSAGES.originInvalid],
    ['https://-uka.kommun.se', MESSAGES.originHost],
    ['https://uka..kommun.se', MESSAGES.originHost],
  ])('refuses the non-concrete origin %s with its own message', (input, message) => {
    const result = checkOrigin(input, { allowLoopback: false });
    expect(result.ok ? 'accepted' : result.message).toBe(message);
  });

  it('accepts http only on a loopback name, and only in test builds', () => {
    for (const loopback of ['http://127.0.0.1:4173', 'http://localhost', 'http://[::1]:8080', 'https://localhost']) {
      expect(checkOrigin(loopback, { allowLoopback: true }).ok).toBe(true);
      expect(checkOrigin(loopback, { allowLoopback: false }).ok).toBe(false);
    }
    expect(checkOrigin('http://localhost', { allowLoopback: false })).toEqual({ ok: false, message: MESSAGES.originScheme });
    expect(checkOrigin('https://localhost', { allowLoopback: false })).toEqual({ ok: false, message: MESSAGES.originHost });
    expect(checkOrigin('https://uka.malmö.se', { allowLoopback: false })).toEqual({ ok: true, origin: 'https://uka.xn--malm-8qa.se' });
  });

  it('builds a match pattern without the port', () => {
    expect(originPattern('https://uka.example.se')).toBe('https://uka.example.se/*');
    expect(originPattern('https://uka.example.se/')).toBe('https://uka.example.se/*');
    expect(originPattern('http://127.0.0.1:4173')).toBe('http://127.0.0.1/*');
    expect(() => originPattern('http://uka.example.se')).toThrow();
  });
});

describe('validation', () => {
  it('keeps the leading zero of a kommunkod and explains bad ones in Swedish', () => {
    expect(validateSettings({ kommun: '0180' }).settings?.kommun).toBe('0180');
    expect(validateSettings({ kommun: ' 2281 ' }).settings?.kommun).toBe('2281');
    expect(validateSettings({ kommun: '' }).settings?.kommun).toBeNull();
    for (const bad of ['180', '01800', 'abcd', '01-8']) {
      expect(validateSettings({ kommun: bad }).errors.kommun).toBe('Kommunkoden ska vara fyra siffror, t.ex. 0180.');
    }
  });

  it('has the documented defaults', () => {
    const { settings } = validateSettings({});
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(settings?.retentionDays).toBe(90);
    expect(settings?.ladder).toEqual({ followUpMonths: 3, failedCallsBeforeLetter: 3, letterDaysBeforeVisit: 7, handoverDaysBefore20: 30 });
    expect(settings?.scbDeadlines).toEqual({ H1: '09-01', H2: '02-01' });
    expect(Object.values(settings!.features).every(Boolean)).toBe(true);
    expect(Object.keys(settings!.features).sort()).toEqual([...FEATURE_IDS].sort());
  });

  it('accepts form strings for numbers and refuses nonsense', () => {
    expect(validateSettings({ retentionDays: '30' }).settings?.retentionDays).toBe(30);
    expect(validateSettings({ retentionDays: '-1' }).errors.retentionDays).toBe(MESSAGES.retentionDays);
    expect(validateSettings({ retentionDays: '1.5' }).errors.retentionDays).toBe(MESSAGES.retentionDays);
    expect(validateSettings({ language: 'de' }).errors.language).toBe(MESSAGES.language);
    expect(validateSettings({ scbDeadlines: { H1: '02-30' } }).errors.scbDeadlines).toBe(MESSAGES.deadline);
    expect(validateSettings({ features: { nope: true } }).errors.features).toBe(MESSAGES.feature);
    expect(validateSettings({ ladder: { followUpMonths: 0 } }).errors.ladder).toBe('Ange ett helt tal mellan 1 och 6.');
    expect(validateSettings({ ladder: { letterDaysBeforeVisit: '31x' } }).errors.ladder).toBe(rangeMessage('letterDaysBeforeVisit'));
    expect(validateSettings({ myLabel: 'x'.repeat(101) }).errors.myLabel).toBe(MESSAGES.myLabel);
    expect(validateSettings({ bogus: 1 }).errors).toHaveProperty('bogus');
  });
});

describe('storage', () => {
  it('loads defaults when nothing is stored and there is no policy', async () => {
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.locked).toEqual([]);
  });

  it('survives a browser without managed storage (Firefox without a policy manifest)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const loaded = await loadSettings();
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    vi.restoreAllMocks();
  });

  it('saves a normalised patch, merges features one level deep, and is all-or-nothing', async () => {
    const ok = await saveSettings({ ukaOrigin: 'https://uka.example.se/', kommun: '0180', retentionDays: '60', features: { tips: false } });
    expect(ok.ok).toBe(true);
    let loaded = await loadSettings();
    expect(loaded.settings.ukaOrigin).toBe('https://uka.example.se');
    expect(loaded.settings.kommun).toBe('0180');
    expect(loaded.settings.retentionDays).toBe(60);
    expect(loaded.settings.features.tips).toBe(false);
    expect(loaded.settings.features.tour).toBe(true);

    const bad = await saveSettings({ myLabel: 'Coach Anna', kommun: '180' });
    expect(bad).toEqual({ ok: false, errors: { kommun: MESSAGES.kommun } });
    loaded = await loadSettings();
    expect(loaded.settings.myLabel).toBeNull();
    expect(loaded.settings.kommun).toBe('0180');
  });

  it('falls back to the default for a stored value that no longer validates, key by key', async () => {
    await fakeBrowser.storage.local.set({ settings: { kommun: 'x', myLabel: 'Coach Anna' } });
    const { settings } = await loadSettings();
    expect(settings.kommun).toBeNull();
    expect(settings.myLabel).toBe('Coach Anna');
  });

  it('lets policy override local values and locks those keys', async () => {
    await saveSettings({ ukaOrigin: 'https://old.example.se', kommun: '0180', features: { tips: false } });
    await fakeBrowser.storage.managed.set({ ukaOrigin: 'https://uka.kommun.se', features: { tips: true, tour: false }, retentionDays: 30 });
    const loaded = await loadSettings();
    expect(loaded.settings.ukaOrigin).toBe('https://uka.kommun.se');
    expect(loaded.settings.kommun).toBe('0180');
    expect(loaded.settings.features.tips).toBe(true);
    expect(loaded.settings.features.tour).toBe(false);
    expect(loaded.settings.retentionDays).toBe(30);
    expect(new Set(loaded.locked)).toEqual(new Set(['ukaOrigin', 'features.tips', 'features.tour', 'retentionDays']));
    expect(isLocked(loaded.locked, 'features.tips')).toBe(true);
    expect(isLocked(loaded.locked, 'features.review')).toBe(false);
    expect(isLocked(loaded.locked, 'kommun')).toBe(false);
  });

  it('ignores invalid policy values and reports them', async () => {
    await fakeBrowser.storage.managed.set({ ukaOrigin: 'http://uka.kommun.se', kommun: '0180' });
    const loaded = await loadSettings();
    expect(loaded.settings.ukaOrigin).toBeNull();
    expect(loaded.policyErrors.ukaOrigin).toBe(MESSAGES.originScheme);
    expect(loaded.locked).toEqual(['kommun']);
  });

  it('refuses to change locked keys but accepts the form sending their current value', async () => {
    await fakeBrowser.storage.managed.set({ ukaOrigin: 'https://uka.kommun.se', features: { tour: false } });
    const refused = await saveSettings({ ukaOrigin: 'https://other.example.se' });
    expect(refused).toEqual({ ok: false, errors: { ukaOrigin: MESSAGES.locked } });
    const refusedFeature = await saveSettings({ features: { tour: true } });
    expect(refusedFeature).toEqual({ ok: false, errors: { features: MESSAGES.locked } });

    const same = await saveSettings({ ukaOrigin: 'https://uka.kommun.se/', myLabel: 'Coach Anna', features: { tour: false, tips: false } });
    expect(same.ok).toBe(true);
    const loaded = await loadSettings();
    expect(loaded.settings.myLabel).toBe('Coach Anna');
    expect(loaded.settings.features.tips).toBe(false);
    // Nothing of the policy value was copied into local storage.
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as { ukaOrigin?: string | null };
    expect(stored.ukaOrigin ?? null).toBeNull();
  });

  it('stores only what was set on purpose and reports it as explicit (defaults stay defaults)', async () => {
    await saveSettings({ kommun: '0180', ladder: { failedCallsBeforeLetter: '4' } });
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    expect(stored).toEqual({ kommun: '0180', ladder: { failedCallsBeforeLetter: 4 } });
    await saveSettings({ myLabel: 'Coach Omar' });
    const loaded = await loadSettings();
    expect(loaded.explicit.sort()).toEqual(['kommun', 'ladder.failedCallsBeforeLetter', 'myLabel']);
    expect(loaded.settings.ladder).toEqual({ followUpMonths: 3, failedCallsBeforeLetter: 4, letterDaysBeforeVisit: 7, handoverDaysBefore20: 30 });
  });

  it('reads a renamed feature id under its new name, locally, in policy and in an import', async () => {
    expect(RENAMED_FEATURE_IDS).toEqual({ checklist: 'ladder' });
    await fakeBrowser.storage.local.set({ settings: { features: { checklist: false, tips: false } } });
    let loaded = await loadSettings();
    expect(loaded.settings.features.ladder).toBe(false);
    expect(loaded.settings.features.tips).toBe(false);
    expect(loaded.settings.features).not.toHaveProperty('checklist');
    expect(loaded.explicit).toContain('features.ladder');

    // Saving something else keeps the choice, now stored under the new id.
    expect((await saveSettings({ kommun: '0180' })).ok).toBe(true);
    const stored = (await fakeBrowser.storage.local.get('settings')).settings as Record<string, unknown>;
    expect(stored.features).toEqual({ ladder: false, tips: false });
    expect((await loadSettings()).settings.features.ladder).toBe(false);

    // A policy with the old id locks the feature under its new id.
    await fakeBrowser.storage.managed.set({ features: { checklist: true } });
    loaded = await loadSettings();
    expect(loaded.settings.features.ladder).toBe(true);
    expect(loaded.locked).toContain('features.ladder');
    expect(loaded.policyErrors).toEqual({});

    expect(validateSettings({ features: { checklist: false } }).settings?.features.ladder).toBe(false);
    // The new id wins when both are present.
    expect(migrateSettings({ features: { checklist: false, ladder: true } })).toEqual({ features: { ladder: true } });
    const untouched = { features: { tips: false } };
    expect(migrateSettings(untouched)).toBe(untouched);
  });

  it('reads SCB deadlines spelled h1/h2 as H1/H2 (H1/H2 win when both are there)', async () => {
    await fakeBrowser.storage.local.set({ settings: { scbDeadlines: { h1: '08-15' } } });
    let loaded = await loadSettings();
    expect(loaded.settings.scbDeadlines).toEqual({ H1: '08-15', H2: '02-01' });
    expect(loaded.explicit).toContain('scbDeadlines.H1');
    await fakeBrowser.storage.managed.set({ scbDeadlines: { h2: '02-10' } });
    loaded = await loadSettings();
    expect(loaded.settings.scbDeadlines).toEqual({ H1: '08-15', H2: '02-10' });
    expect(loaded.locked).toContain('scbDeadlines.H2');
    expect(migrateSettings({ scbDeadlines: { h1: '08-01', H1: '09-01' } })).toEqual({ scbDeadlines: { H1: '09-01' } });
    expect(validateSettings({ scbDeadlines: { h1: '09-15', h2: '01-31' } }).settings?.scbDeadlines).toEqual({ H1: '09-15', H2: '01-31' });
  });

  it('a routine interval saved under the wider range of earlier versions loads clamped; the other values are kept', async () => {
    // Before the routine table, the options page accepted follow-up 1-24 months, 1-20 calls and 1-60 letter days.
    await fakeBrowser.storage.local.set({ settings: { ladder: { followUpMonths: 12, failedCallsBeforeLetter: '20', letterDaysBeforeVisit: 45, handoverDaysBefore20: 60 } } });
    let loaded = await loadSettings();
    expect(loaded.settings.ladder).toEqual({ followUpMonths: 6, failedCallsBeforeLetter: 10, letterDaysBeforeVisit: 30, handoverDaysBefore20: 60 });
    expect(loaded.explicit).toEqual(expect.arrayContaining(['ladder.followUpMonths', 'ladder.letterDaysBeforeVisit']));
    // Beyond even the old range: refused as before, and only the ladder group falls back (to the defaults).
    await fakeBrowser.storage.local.set({ settings: { kommun: '0180', ladder: { followUpMonths: 25 } } });
    loaded = await loadSettings();
    expect(loaded.settings.ladder.followUpMonths).toBe(3);
    expect(loaded.settings.kommun).toBe('0180');
    // A policy of the old range is clamped and locked, not ignored.
    await fakeBrowser.storage.managed.set({ ladder: { letterDaysBeforeVisit: 60 } });
    loaded = await loadSettings();
    expect(loaded.settings.ladder.letterDaysBeforeVisit).toBe(30);
    expect(loaded.policyErrors).toEqual({});
    expect(loaded.locked).toContain('ladder.letterDaysBeforeVisit');
    // New input is not clamped: the options page refuses it with the range.
    await fakeBrowser.storage.managed.clear();
    expect(await saveSettings({ ladder: { followUpMonths: '12' } })).toEqual({ ok: false, errors: { ladder: 'Ange ett helt tal mellan 1 och 6.' } });
    expect(validateSettings({ ladder: { followUpMonths: 12 } }).settings?.ladder.followUpMonths).toBe(6);
  });

  it('tells watchers about local and policy changes, and stops when asked', async () => {
    const seen: (string | null)[] = [];
    const stop = watchSettings((loaded) => seen.push(loaded.settings.kommun));
    await saveSettings({ kommun: '0180' });
    await vi.waitFor(() => expect(seen).toEqual(['0180']));
    await fakeBrowser.storage.managed.set({ kommun: '2281' });
    await vi.waitFor(() => expect(seen).toEqual(['0180', '2281']));
    stop();
    await saveSettings({ myLabel: 'x' });
    await new Promise((r) => setTimeout(r, 10));
    expect(seen).toHaveLength(2);
  });
});

describe('managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')) as {
    type: string;
    properties: Record<string, { type: string; properties?: Record<string, { type: string }> }>;
  };

  it('is a Chrome policy schema: top-level object, one type per property', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    for (const prop of Object.values(schema.properties)) {
      expect(typeof prop.type).toBe('string');
      for (const sub of Object.values(prop.properties ?? {})) expect(typeof sub.type).toBe('string');
    }
  });

  it('covers every Settings key and the policy documents (metodbok pack, UKA profile, Extens mappings), nothing else', () => {
    expect(Object.keys(schema.properties).sort()).toEqual([...SETTINGS_KEYS, 'contentPack', 'ukaProfile', 'extensMappings'].sort());
    for (const key of ['ladder', 'scbDeadlines'] as const) {
      expect(Object.keys(schema.properties[key]!.properties ?? {}).sort()).toEqual(Object.keys(DEFAULT_SETTINGS[key]).sort());
    }
    // Old feature ids stay in the schema, so that a policy written with them keeps validating.
    expect(Object.keys(schema.properties.features!.properties ?? {}).sort()).toEqual([...FEATURE_IDS, ...Object.keys(RENAMED_FEATURE_IDS)].sort());
  });

  it('gives the routine intervals the ranges and defaults of the routine table', () => {
    const ladder = schema.properties.ladder!.properties as unknown as Record<string, { minimum: number; maximum: number; description: string }>;
    for (const key of SETTINGS_LADDER_KEYS) {
      expect([key, ladder[key]!.minimum, ladder[key]!.maximum]).toEqual([key, ROUTINE[key].min, ROUTINE[key].max]);
      expect(ladder[key]!.description).toContain(`(standard ${ROUTINE[key].default})`);
    }
    const retention = schema.properties.retentionDays as unknown as { minimum: number; maximum: number; description: string };
    expect([retention.minimum, retention.maximum]).toEqual([ROUTINE.retentionDays.min, ROUTINE.retentionDays.max]);
    expect(retention.description).toContain(`Standard ${ROUTINE.retentionDays.default}.`);
  });

  it('declares a JSON type matching each default value', () => {
    for (const key of SETTINGS_KEYS) {
      const value = DEFAULT_SETTINGS[key];
      const type = schema.properties[key]!.type;
      if (value === null) expect(type).toBe('string');
      else if (typeof value === 'number') expect(type).toBe('integer');
      else expect(type).toBe(typeof value);
    }
  });
});
