/**
 * Helpers over a validation report: grouping per person, and mapping SCB's returned error list to the file's rows.
 * Pure; nothing is stored (personnummer stay in memory only).
 */
import { maskId } from '../domain/personnummer';
import { decodeWindows1252, splitLines } from './decode';
import { defaultProfile } from './profile-core';
import type { ScbProfile } from './profile';
import type { Finding, ScbReport } from './validate/types';

export interface PersonFindings {
  /** 12-digit personnummer, or null for file-level findings and rows without a readable personnummer. */
  personKey: string | null;
  /** Masked for display: '20070612-****' (or 'Hela filen'). */
  label: string;
  /** Smallest line number among the findings (null = file-level only). */
  firstLine: number | null;
  worst: 'block' | 'warn' | 'info';
  findings: Finding[];
}

const RANK = { block: 0, warn: 1, info: 2 } as const;

/** Group findings per person: the file-level group first, then persons by their first line. */
export function groupFindingsByPerson(report: Pick<ScbReport, 'findings'>): PersonFindings[] {
  const groups = new Map<string | null, PersonFindings>();
  for (const f of report.findings) {
    const key = f.personKey ?? null;
    let g = groups.get(key);
    if (!g) {
      g = { personKey: key, label: key ? maskId(key) : 'Hela filen', firstLine: null, worst: 'info', findings: [] };
      groups.set(key, g);
    }
    g.findings.push(f);
    if (f.line !== null && (g.firstLine === null || f.line < g.firstLine)) g.firstLine = f.line;
    if (RANK[f.severity] < RANK[g.worst]) g.worst = f.severity;
  }
  return [...groups.values()].sort((a, b) => {
    if (a.personKey === null) return -1;
    if (b.personKey === null) return 1;
    return (a.firstLine ?? 0) - (b.firstLine ?? 0);
  });
}

export interface ScbErrorEntry {
  /** The line of SCB's error text this entry came from (trimmed). */
  text: string;
  /** Line number SCB reported, or null when the entry names no line. */
  reportedLine: number | null;
  /** Physical line in the file that this maps to (1-based, header = 1), or null. */
  fileLine: number | null;
  /** 12-digit personnummer found on that line (or written in SCB's text), or null. */
  personKey: string | null;
  /** maskId(personKey) for display, or null. */
  masked: string | null;
  /** Why nothing could be mapped, in Swedish (only when personKey is null). */
  note?: string;
}

export interface MapErrorOptions {
  profile?: ScbProfile;
  /**
   * How SCB counts lines. 'physical' (default): line 1 is the header, as in an editor.
   * 'data': line 1 is the first row after the header.
   */
  numbering?: 'physical' | 'data';
}

const LINE_REF_RE = /\b(?:rad(?:nummer|nr)?|post(?:nummer|nr)?|line|row|record)\s*(?:nr\.?|nummer)?\s*[:#.]?\s*(\d{1,7})((?:\s*(?:,|och|&|-|–)\s*\d{1,7})*)/gi;
const PNR_RE = /\b(\d{8})[-+]?(\d{4})\b/;

/**
 * Parse SCB's returned error list ("Rad 17: ...", "rad 17", "Post 17 ...", "Rad 3, 5 och 9 ...") and map each
 * reported line to the personnummer of that row of the file. Tolerant: lines without a number are kept with
 * reportedLine null (a personnummer written in the text is still picked up). Never throws.
 */
export function mapScbErrorList(errorText: string, bytes: Uint8Array, opts: MapErrorOptions = {}): ScbErrorEntry[] {
  const profile = opts.profile ?? defaultProfile();
  const out: ScbErrorEntry[] = [];
  try {
    let body = bytes;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
    const { lines } = splitLines(decodeWindows1252(body));
    const pnrCol = Math.max(0, profile.columns.findIndex((c) => c.role === 'personnummer'));
    const headerOffset = profile.header ? 1 : 0;
    const keyOfLine = (fileLine: number): string | null => {
      const l = lines[fileLine - 1];
      if (l === undefined) return null;
      const sep = l.includes(profile.separator) ? profile.separator : l.includes('\t') ? '\t' : ',';
      const raw = (l.split(sep)[pnrCol] ?? '').replace(/"/g, '').trim();
      return /^\d{12}$/.test(raw) ? raw : null;
    };
    for (const rawLine of errorText.split(/\r\n|\n|\r/)) {
      const text = rawLine.trim();
      if (text === '') continue;
      const numbers: number[] = [];
      LINE_REF_RE.lastIndex = 0;
      for (let m = LINE_REF_RE.exec(text); m; m = LINE_REF_RE.exec(text)) {
        const firstNo = Number(m[1]);
        numbers.push(firstNo);
        const rest = m[2] ?? '';
        const range = /^\s*[-–]\s*(\d{1,7})$/.exec(rest);
        if (range) {
          const to = Number(range[1]);
          for (let k = firstNo + 1; k <= to && k - firstNo <= 1000; k++) numbers.push(k);
        } else for (const r of rest.match(/\d{1,7}/g) ?? []) numbers.push(Number(r));
      }
      const pm = PNR_RE.exec(text);
      const textKey = pm ? `${pm[1]}${pm[2]}` : null;
      if (numbers.length === 0) {
        out.push({ text, reportedLine: null, fileLine: null, personKey: textKey, masked: textKey ? maskId(textKey) : null, ...(textKey ? {} : { note: 'Raden i SCB:s svar anger inget radnummer.' }) });
        continue;
      }
      for (const no of numbers) {
        const fileLine = opts.numbering === 'data' ? no + headerOffset : no;
        const inFile = fileLine >= 1 && fileLine <= lines.length;
        const key = inFile ? (keyOfLine(fileLine) ?? textKey) : textKey;
        const entry: ScbErrorEntry = { text, reportedLine: no, fileLine: inFile ? fileLine : null, personKey: key, masked: key ? maskId(key) : null };
        if (!key)
          entry.note = !inFile
            ? `Filen har inte rad ${no}; kontrollera att det är samma fil som skickades till SCB.`
            : fileLine <= headerOffset
              ? 'Raden är filens rubrikrad.'
              : 'Raden har inget läsbart personnummer.';
        out.push(entry);
      }
    }
  } catch {
    // tolerant: return what was mapped so far
  }
  return out;
}
