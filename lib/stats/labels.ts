/** Labels of the statistics' keys, from the SCB file profile's code lists. Pure: no DOM, no browser APIs. */
import { codeLabel, defaultProfile } from '../scb/profile-core';
import type { ScbProfile } from '../scb/profile';
import { MISSING } from './stats';

export type StatsList = 'age' | 'SenSysReg' | 'Atgard' | 'Sysselsattning' | 'GrundRegSlut';

/** "16 – Coachning / motiverande samtal"; "16 år" for ages; "uppgift saknas" for an empty field. */
export function statsLabel(list: StatsList, key: string, profile: ScbProfile = defaultProfile()): string {
  if (key === MISSING) return 'uppgift saknas i filen';
  if (list === 'age') return `${key} år`;
  const label = codeLabel(profile, list, key);
  return label ? `${key} – ${label}` : `${key} (okänd kod)`;
}
