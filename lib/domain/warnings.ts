/**
 * The eleven kinds of SCB warning that UKA shows on a person page and on "Export till SCB"
 * (six red "Problem", four yellow "Potentiella problem", one green "Oavslutade åtgärder").
 * The ids match the rule ids of the SCB file profile (see lib/scb), so a finding in the file and a warning in UKA
 * share one explanation.
 */
export const WARNING_KINDS = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'Y1', 'Y2', 'Y3', 'Y4', 'G1'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

export type WarningColourName = 'red' | 'yellow' | 'green';

export function colourOfKind(kind: WarningKind): WarningColourName {
  return kind.startsWith('R') ? 'red' : kind.startsWith('Y') ? 'yellow' : 'green';
}

/** Short technical summary of each kind (English, for code and logs; user-facing text lives in the content pack). */
export const WARNING_KIND_SUMMARY: Record<WarningKind, string> = {
  R1: 'InSys (no occupation) recorded during an ongoing measure',
  R2: 'measure period without any SysKontakt entry',
  R3: 'measure ended without GrundAtgSlut',
  R4: 'measure ended without SysEfter',
  R5: 'Atgard equals SysEfter',
  R6: 'SenSysReg regression between registration periods',
  Y1: 'BEDA studiebevis signal not recorded',
  Y2: 'no SenSysReg recorded',
  Y3: 'measure outside registration periods',
  Y4: 'no SysKontakt during the collection period',
  G1: 'ongoing measure',
};
