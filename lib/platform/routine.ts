/**
 * The routine intervals in force: the active metodbok pack supplies the defaults (a kommun's pack can carry its own
 * routine), and values set on purpose in the options page or by policy take precedence over the pack. Pure, and
 * light to import (types and the routine table's plain data), so the content script can use it before the pack module is loaded.
 */
import type { Pack } from '../content/schema';
import type { LadderSettings } from '../ladder/types';
import type { LoadedSettings } from '../settings';
import { SETTINGS_LADDER_KEYS } from '../domain/routine';

export interface Effective {
  loaded: LoadedSettings;
  pack: Pack;
  /** Everything the ladder engine reads from the routine (settings win where set on purpose, else the pack). */
  routine: Partial<LadderSettings>;
}

/** Pure: apply the pack's defaults to what was not set on purpose. */
export function applyPackDefaults(loaded: LoadedSettings, pack: Pack): Effective {
  const explicit = new Set(loaded.explicit);
  const isSet = (key: string) => explicit.has(key) || explicit.has(key.split('.')[0]!);
  const ladder = { ...loaded.settings.ladder };
  for (const key of SETTINGS_LADDER_KEYS) if (!isSet(`ladder.${key}`)) ladder[key] = pack.settings[key];
  const retentionDays = isSet('retentionDays') ? loaded.settings.retentionDays : pack.settings.retentionDays;
  const settings = { ...loaded.settings, ladder, retentionDays };
  return {
    loaded: { ...loaded, settings },
    pack,
    routine: {
      ...ladder,
      restartMonthsAfterVisit: pack.settings.restartMonthsAfterVisit,
      notInterestedMonths: pack.settings.notInterestedMonths,
      // The pack's words for "does not live at the address" in UKA's visit notes (a Skatteverket step made likely).
      notLivingPatterns: pack.settings.notLivingPatterns,
    },
  };
}

