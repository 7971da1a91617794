import { describe, expect, it } from 'vitest';
import { applyPackDefaults } from '../../../lib/platform/routine';
import { getDefaultPack } from '../../../lib/content';
import { defaultSettings, type LoadedSettings } from '../../../lib/settings';
import { DEFAULT_LADDER_SETTINGS } from '../../../lib/ladder/types';
import { LadderSettingsSchema } from '../../../lib/ladder/schema';
import { PackSettings } from '../../../lib/content/schema';
import { RetentionDaysSchema } from '../../../lib/settings/schema';
import { LadderSchema, MESSAGES, readableSettings, validateSettings } from '../../../lib/settings';
import { clampLegacy, LADDER_NUMBER_KEYS, PACK_KEYS, RETENTION_MAX_DAYS, ROUTINE, SETTINGS_LADDER_KEYS, type Bounds } from '../../../lib/domain/routine';

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

  it("gives the ladder the pack's words for a visit note saying the youth does not live there (#18)", () => {
    expect(applyPackDefaults(loaded([]), base).routine.notLivingPatterns).toEqual(DEFAULT_LADDER_SETTINGS.notLivingPatterns);
    const own = { ...base, settings: { ...base.settings, notLivingPatterns: ['ny adress okänd'] } };
    expect(applyPackDefaults(loaded([]), own).routine.notLivingPatterns).toEqual(['ny adress okänd']);
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

describe('the routine table is the one source of the routine numbers', () => {
  it('builds the ladder defaults, the settings, the pack schema and the built-in pack', () => {
    for (const key of LADDER_NUMBER_KEYS) expect([key, DEFAULT_LADDER_SETTINGS[key]]).toEqual([key, ROUTINE[key].default]);
    const settings = defaultSettings();
    expect(settings.ladder).toEqual(Object.fromEntries(SETTINGS_LADDER_KEYS.map((k) => [k, ROUTINE[k].default])));
    expect(settings.retentionDays).toBe(ROUTINE.retentionDays.default);
    // Beside the routine numbers, the pack carries the words for "does not live at the address" (#18).
    expect(getDefaultPack().settings).toEqual({ ...Object.fromEntries(PACK_KEYS.map((k) => [k, ROUTINE[k].default])), notLivingPatterns: DEFAULT_LADDER_SETTINGS.notLivingPatterns });
    expect(PackSettings.parse({})).toEqual(getDefaultPack().settings);
  });

  it('every place checks the same range', () => {
    for (const key of PACK_KEYS) {
      const { min, max } = ROUTINE[key];
      expect([key, PackSettings.safeParse({ [key]: min }).success, PackSettings.safeParse({ [key]: max }).success]).toEqual([key, true, true]);
      // Above the maximum: refused, or (a value an earlier version's packs allowed) brought down to the maximum.
      const legacyMax = (ROUTINE[key] as Bounds).legacy?.pack?.max;
      if (legacyMax === undefined || legacyMax <= max) expect([key, PackSettings.safeParse({ [key]: max + 1 }).success]).toEqual([key, false]);
      else {
        expect([key, PackSettings.parse({ [key]: max + 1 })[key]]).toEqual([key, max]);
        expect([key, PackSettings.safeParse({ [key]: legacyMax + 1 }).success]).toEqual([key, false]);
      }
    }
    for (const key of LADDER_NUMBER_KEYS) {
      const { min, max } = ROUTINE[key];
      expect([key, LadderSettingsSchema.safeParse({ [key]: min }).success, LadderSettingsSchema.safeParse({ [key]: max }).success]).toEqual([key, true, true]);
      expect([key, LadderSettingsSchema.safeParse({ [key]: min - 1 }).success, LadderSettingsSchema.safeParse({ [key]: max + 1 }).success]).toEqual([key, false, false]);
    }
    for (const key of SETTINGS_LADDER_KEYS) {
      const { min, max } = ROUTINE[key];
      expect([key, LadderSchema.safeParse({ ...defaultSettings().ladder, [key]: String(max) }).success]).toEqual([key, true]);
      expect([key, LadderSchema.safeParse({ ...defaultSettings().ladder, [key]: min - 1 }).success, LadderSchema.safeParse({ ...defaultSettings().ladder, [key]: max + 1 }).success]).toEqual([key, false, false]);
    }
  });

  it('caps the retention a content pack, a policy or stored settings can set at RETENTION_MAX_DAYS (365)', () => {
    expect(RETENTION_MAX_DAYS).toBe(365);
    expect(ROUTINE.retentionDays).toMatchObject({ min: 30, max: RETENTION_MAX_DAYS, default: 90 });
    // A pack: the cap is kept; more (as packs of earlier versions allowed, up to 3650) is capped; beyond that refused.
    expect(PackSettings.parse({ retentionDays: 365 }).retentionDays).toBe(365);
    expect(PackSettings.parse({ retentionDays: 366 }).retentionDays).toBe(365);
    expect(PackSettings.parse({ retentionDays: 3650 }).retentionDays).toBe(365);
    expect(PackSettings.safeParse({ retentionDays: 3651 }).success).toBe(false);
    expect(PackSettings.parse({ retentionDays: 0 }).retentionDays).toBe(30);
    // Stored settings and policies of earlier versions: capped when read.
    expect(readableSettings({ retentionDays: 3650 }).retentionDays).toBe(365);
    expect(readableSettings({ retentionDays: '1000' }).retentionDays).toBe(365);
    expect(readableSettings({ retentionDays: 0 }).retentionDays).toBe(30);
    expect(validateSettings({ retentionDays: 3650 }).settings?.retentionDays).toBe(365);
    expect(validateSettings({ retentionDays: 3651 }).errors.retentionDays).toBe(MESSAGES.retentionDays);
    // Typed on the options page: must be within range.
    expect(RetentionDaysSchema.safeParse('366').success).toBe(false);
    expect(RetentionDaysSchema.safeParse('29').success).toBe(false);
    expect(RetentionDaysSchema.parse('365')).toBe(365);
  });

  it('applies the capped retention of a pack when nothing else set it', () => {
    const pack = { ...getDefaultPack(), settings: PackSettings.parse({ retentionDays: 2000 }) };
    expect(applyPackDefaults(loaded([]), pack).loaded.settings.retentionDays).toBe(365);
  });

  it('clamps only what an earlier version accepted from the same source', () => {
    expect(clampLegacy('followUpMonths', 24, 'stored')).toBe(6);
    expect(clampLegacy('followUpMonths', '12', 'stored')).toBe(6);
    expect(clampLegacy('followUpMonths', 25, 'stored')).toBe(25);
    expect(clampLegacy('followUpMonths', 12, 'pack')).toBe(12);
    expect(clampLegacy('handoverDaysBefore20', 0, 'pack')).toBe(1);
    expect(clampLegacy('handoverDaysBefore20', 0, 'stored')).toBe(0);
    expect(clampLegacy('letterDaysBeforeVisit', 7, 'stored')).toBe(7);
    expect(clampLegacy('letterDaysBeforeVisit', 2.5, 'stored')).toBe(2.5);
  });
});
