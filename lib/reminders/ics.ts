/**
 * iCalendar (RFC 5545) export of reminders: all-day events, CRLF line ends, lines folded at 75 octets.
 * Privacy: an event holds only our Swedish title/explanation (dates, no names, no personnummer) and a link into UKA.
 * UIDs are hashes of the reminder id, so not even the pseudonymous person key leaves the extension.
 */
import { addDays, compactDate } from '../domain/dates';
import { renderReminderDetail, renderReminderTitle } from './texts';
import type { Reminder } from './types';
import { isUkaPath } from '../platform/links';

const CRLF = '\r\n';
/** Ten or twelve digits with an optional separator: anything shaped like a personnummer. */
const PNR_SHAPE = /(^|\D)(\d{6}|\d{8})[-+]?\d{4}(?!\d)/;

/** Escape TEXT values (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** Fold a content line to at most 75 octets per physical line, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let cur = '';
  let curBytes = 0;
  let limit = 75;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    if (curBytes + n > limit) {
      parts.push(cur);
      cur = ' ';
      curBytes = 1;
      limit = 75;
    }
    cur += ch;
    curBytes += n;
  }
  parts.push(cur);
  return parts.join(CRLF);
}

function fnv1a(s: string, seed: number): string {
  let h = seed >>> 0;
  for (const b of new TextEncoder().encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** A link into UKA, or null when the origin is not http(s) or the path looks like it carries a personnummer. */
export function ukaLink(ukaOrigin: string, path: string | undefined): string | null {
  if (!isUkaPath(path) || PNR_SHAPE.test(path)) return null;
  let origin: string;
  try {
    const u = new URL(ukaOrigin);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    origin = u.origin;
  } catch {
    return null;
  }
  return origin + path;
}

export interface IcsOptions {
  /** DTSTAMP; defaults to the current time. */
  now?: Date;
  calendarName?: string;
  /**
   * Include the reminders whose dates are counted from a birth date (the 20th birthday and the hand-over before it),
   * which give a youth's birth date away. Default false: left out.
   */
  includeBirthDates?: boolean;
}

/** Reminder kinds dated from a birth date. */
export const BIRTH_DATE_KINDS: ReadonlySet<Reminder['kind']> = new Set(['turns20', 'handover20']);

export function toIcs(reminders: Reminder[], ukaOrigin: string, opts: IcsOptions = {}): string {
  const stamp = utcStamp(opts.now ?? new Date());
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//KAA-lotsen//Paminnelser//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(opts.calendarName ?? 'KAA-lotsen påminnelser')}`,
  ];
  for (const r of reminders) {
    if (!opts.includeBirthDates && BIRTH_DATE_KINDS.has(r.kind)) continue;
    const link = ukaLink(ukaOrigin, r.path);
    const detail = renderReminderDetail(r);
    const description = [detail, link ? `Öppna i UKA: ${link}` : ''].filter(Boolean).join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${fnv1a(r.id, 0x811c9dc5)}${fnv1a(r.id, 0x2c9277b5)}@kaa-lotsen`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(r.dueDate)}`,
      `DTEND;VALUE=DATE:${compactDate(addDays(r.dueDate, 1))}`,
      `SUMMARY:${escapeText(renderReminderTitle(r))}`,
    );
    if (description) lines.push(`DESCRIPTION:${escapeText(description)}`);
    if (link) lines.push(`URL:${link}`);
    lines.push(`CATEGORIES:${escapeText(r.kind)}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
