import { describe, expect, it } from 'vitest';
import { applyPackDefaults } from '../../../lib/platform/routine';
import { getDefaultPack } from '../../../lib/content';
import { defaultSettings, type LoadedSettings } from '../../../lib/settings';
import { DEFAULT_LADDER_SETTINGS } from '../../../lib/ladder/types';

const loaded = (explicit: string[], patch: Partial<LoadedSettings['settings']> = {}): LoadedSettings => ({
  settings: { ...defaultSettings(), ...patch },
  locked: [],
  policyErrors: {},
  explicit,
});

describe('applyPackDefaults', () => {
  const base = getDefaultPack();
  const pack = { ...base, settings: { ...base.settings, followUpMonths: 2, failedCallsBeforeLetter: 5, restartMonthsAfterVisit: 4, retentionDays: 30 } };

  it('takes the routine from the metodbok pack where nothing was set on purpose', () => {
    const { routine, loaded: l } = applyPackDefaults(loaded([]), pack);
    expect(routine).toMatchObject({ followUpMonths: 2, failedCallsBeforeLetter: 5, restartMonthsAfterVisit: 4, letterDaysBeforeVisit: 7 });
    expect(l.settings.ladder.failedCallsBeforeLetter).toBe(5);
    expect(l.settings.retentionDays).toBe(30);
  });

  it('keeps values set in the options page or by policy', () => {
    const l = loaded(['ladder.failedCallsBeforeLetter', 'retentionDays'], { ladder: { ...defaultSettings().ladder, failedCallsBeforeLetter: 3 }, retentionDays: 120 });
    const { routine, loaded: out } = applyPackDefaults(l, pack);
    expect(routine.failedCallsBeforeLetter).toBe(3);
    expect(routine.followUpMonths).toBe(2);
    expect(out.settings.retentionDays).toBe(120);
  });

  it('a whole group set by policy counts for each of its values', () => {
    const { routine } = applyPackDefaults(loaded(['ladder']), pack);
    expect(routine.followUpMonths).toBe(3);
    expect(routine.failedCallsBeforeLetter).toBe(3);
  });
});

describe('the routine defaults agree wherever they are written down', () => {
  // The ladder's defaults (lib/ladder/types.ts), the settings' defaults (lib/settings/schema.ts) and the built-in
  // metodbok pack (data a kommun can replace) each carry the routine intervals; a change to one must reach the others.
  it('the settings and the built-in pack give the ladder its own defaults', () => {
    const settings = defaultSettings();
    for (const [key, value] of Object.entries(settings.ladder)) expect([key, value]).toEqual([key, DEFAULT_LADDER_SETTINGS[key as keyof typeof DEFAULT_LADDER_SETTINGS]]);
    const packSettings = getDefaultPack().settings as Record<string, unknown>;
    for (const [key, value] of Object.entries(packSettings)) {
      if (key in DEFAULT_LADDER_SETTINGS) expect([key, value]).toEqual([key, DEFAULT_LADDER_SETTINGS[key as keyof typeof DEFAULT_LADDER_SETTINGS]]);
    }
    expect(packSettings.retentionDays).toBe(settings.retentionDays);
  });
});
