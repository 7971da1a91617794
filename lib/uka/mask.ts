/**
 * Values read from UKA, masked for display on the calibration page and in `npm run uka-read` (unless asked not to):
 * a personnummer as ÅÅÅÅMMDD-XXXX, a name as its initials, free text as its length. Dates, short codes, yes/no and
 * the recognised kinds are shown as they are: they are what a profile author checks, and say nothing of who.
 */

/** What kind of value a field holds, which decides how it is shown. */
export type FieldKind = 'personnummer' | 'name' | 'date' | 'code' | 'value' | 'text';

export const PNR_MASK = 'ÅÅÅÅMMDD-XXXX';

/** A run of 10 or 12 digits with an optional separator: what a personnummer looks like in running text. */
const PNR_LIKE = /(?<!\d)(?:\d{2})?\d{6}[-+ ]?\d{4}(?!\d)/;

export function looksLikePersonnummer(text: string): boolean {
  return PNR_LIKE.test(text);
}

export function initials(name: string): string {
  const parts = name.trim().split(/[\s-]+/).filter(Boolean);
  return parts.length ? parts.map((p) => `${p[0]!.toUpperCase()}.`).join(' ') : '';
}

export function textLength(text: string): string {
  return `(${text.length} tecken)`;
}

/** One value as the calibration page and the CLI show it. */
export function maskValue(kind: FieldKind, raw: string | null | undefined): string {
  if (raw === null || raw === undefined) return '–';
  const text = raw.trim();
  if (!text) return '(tomt)';
  switch (kind) {
    case 'personnummer':
      return looksLikePersonnummer(text) ? PNR_MASK : `ej personnummer ${textLength(text)}`;
    case 'name':
      return initials(text);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : `ej datum ${textLength(text)}`;
    case 'code': {
      const m = /^(\d{1,3})\b/.exec(text);
      return m ? `${m[1]}${text.length > m[1]!.length ? ` + ${textLength(text.slice(m[1]!.length).trim())}` : ''}` : textLength(text);
    }
    case 'value':
      // Short numbers and words such as "Ja"/"Nej"; anything longer may be a name or a note.
      return /^\d{1,3}$/.test(text) || /^\p{L}{1,3}$/u.test(text) ? text : textLength(text);
    default:
      return textLength(text);
  }
}

/** How each field the adapter reads is shown. */
export const FIELD_KIND: Record<string, FieldKind> = {
  name: 'name',
  personnummer: 'personnummer',
  date: 'date',
  start: 'date',
  end: 'date',
  latestContact: 'date',
  code: 'code',
  senSysReg: 'code',
  atgard: 'code',
  grund: 'code',
  sysEfter: 'code',
  reached: 'value',
  alder: 'value',
};

export function fieldKind(field: string): FieldKind {
  return FIELD_KIND[field] ?? 'text';
}
