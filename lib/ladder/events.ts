/**
 * The ladder's events and rounds: UKA's contact log and the local notes read as one dated list of events, and that
 * list replayed into ladder rounds.
 *
 * - UKA's contact log is the truth. A phone contact that did not reach anyone is a failed call; an unanswered
 *   brev/vykort is a letter (the first in a ladder round is the contact letter, later ones announce the home visit);
 *   an unanswered hembesök is a home visit without contact; any contact with `reached` is contact. Unreached sms,
 *   meetings and "annat" do not move the ladder.
 * - A local note of a kind UKA can also record (failed call, letters, visit, reached) is superseded by the nearest UKA
 *   entry of that kind within the window, one UKA entry per note ("UKA wins").
 * - A round starts with an attempt and closes when someone is reached or a home visit finds no one; the next attempt
 *   after a closed round starts a new round. Same-day order: failed calls, letters, visits, then contact.
 */
import { compareCodePoints, diffDays, isIsoDate, type IsoDate } from '../domain/dates';
import type { ContactEntry } from '../uka/types';
import type { LocalNote } from './types';

export type Source = 'uka' | 'local';
/** Whom a step is addressed to. */
export type Target = 'vardnadshavare' | 'ungdom';
type EventKind = 'callFailed' | 'letter' | 'visitLetter' | 'visitFailed' | 'reached' | 'notInterested';

export interface LadderEvent {
  date: IsoDate;
  kind: EventKind;
  source: Source;
  /** Whom UKA says the contact was with, when it says. */
  target?: Target;
  /** For UKA letters: decided by position in the round (first = contact letter). */
  letterRole?: 'auto' | 'contact' | 'visit';
}

export interface Round {
  calls: LadderEvent[];
  letter: LadderEvent | null;
  visitLetter: LadderEvent | null;
  visit: LadderEvent | null;
  reached: LadderEvent | null;
  notInterested: LadderEvent | null;
  empty: boolean;
}

const KIND_ORDER: Record<EventKind, number> = { callFailed: 0, letter: 1, visitLetter: 2, visitFailed: 3, reached: 4, notInterested: 5 };

type SupersedeClass = 'call' | 'letter' | 'visit' | 'reached';

function ukaClasses(c: ContactEntry): SupersedeClass[] {
  const out: SupersedeClass[] = [];
  if (c.reached) out.push('reached');
  else if (c.kind === 'telefon') out.push('call');
  else if (c.kind === 'brev' || c.kind === 'vykort') out.push('letter');
  if (c.kind === 'hembesok') out.push('visit');
  return out;
}

function noteClass(n: LocalNote): SupersedeClass | null {
  switch (n.step) {
    case 'callFailed':
      return 'call';
    case 'letterSent':
    case 'visitLetterSent':
      return 'letter';
    case 'homeVisitDone':
      return 'visit';
    case 'reached':
      return 'reached';
    default:
      return null;
  }
}

/** Split local notes into those still in force and those a UKA entry now covers. */
export function supersedeNotes(contacts: ContactEntry[], notes: LocalNote[], windowDays: number): { active: LocalNote[]; superseded: LocalNote[] } {
  const used = new Map<SupersedeClass, Set<number>>();
  const active: LocalNote[] = [];
  const superseded: LocalNote[] = [];
  const dated = notes
    .map((n, i) => ({ n, i }))
    .sort((a, b) => compareCodePoints('date' in a.n && a.n.date ? a.n.date : '', 'date' in b.n && b.n.date ? b.n.date : '') || a.i - b.i);
  const isSuperseded = new Set<number>();
  for (const { n, i } of dated) {
    const cls = noteClass(n);
    const noteDate = 'date' in n ? n.date : undefined;
    if (!cls || !isIsoDate(noteDate)) continue;
    const set = used.get(cls) ?? new Set<number>();
    used.set(cls, set);
    let best = -1;
    let bestDist = Infinity;
    contacts.forEach((c, ci) => {
      if (set.has(ci) || !isIsoDate(c.date) || !ukaClasses(c).includes(cls)) return;
      const dist = Math.abs(diffDays(noteDate, c.date));
      if (dist <= windowDays && dist < bestDist) {
        best = ci;
        bestDist = dist;
      }
    });
    if (best >= 0) {
      set.add(best);
      isSuperseded.add(i);
    }
  }
  notes.forEach((n, i) => (isSuperseded.has(i) ? superseded : active).push(n));
  return { active, superseded };
}

function ukaTarget(c: ContactEntry): Target | undefined {
  return c.target === 'annan' ? undefined : c.target;
}

export function toEvents(contacts: ContactEntry[], notes: LocalNote[]): LadderEvent[] {
  const evs: LadderEvent[] = [];
  for (const c of contacts) {
    const target = ukaTarget(c);
    if (c.reached) evs.push({ date: c.date, kind: 'reached', source: 'uka', target });
    else if (c.kind === 'telefon') evs.push({ date: c.date, kind: 'callFailed', source: 'uka', target });
    else if (c.kind === 'brev' || c.kind === 'vykort') evs.push({ date: c.date, kind: 'letter', source: 'uka', target, letterRole: 'auto' });
    else if (c.kind === 'hembesok') evs.push({ date: c.date, kind: 'visitFailed', source: 'uka', target });
  }
  for (const n of notes) {
    switch (n.step) {
      case 'callFailed':
        evs.push({ date: n.date, kind: 'callFailed', source: 'local' });
        break;
      case 'letterSent':
        evs.push({ date: n.date, kind: 'letter', source: 'local', letterRole: 'contact' });
        break;
      case 'visitLetterSent':
        evs.push({ date: n.date, kind: 'visitLetter', source: 'local', letterRole: 'visit' });
        break;
      case 'homeVisitDone':
        evs.push({ date: n.date, kind: n.reached ? 'reached' : 'visitFailed', source: 'local' });
        break;
      case 'reached':
        evs.push({ date: n.date, kind: 'reached', source: 'local' });
        break;
      case 'notInterested':
        evs.push({ date: n.date, kind: 'notInterested', source: 'local' });
        break;
      default:
        break;
    }
  }
  return evs.sort((a, b) => compareCodePoints(a.date, b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}

function newRound(): Round {
  return { calls: [], letter: null, visitLetter: null, visit: null, reached: null, notInterested: null, empty: true };
}

/** Replay events into ladder rounds; returns every round (the last is the current one) and no-contact visits. */
export function replay(events: LadderEvent[]): { rounds: Round[]; failedVisits: LadderEvent[] } {
  const rounds: Round[] = [newRound()];
  const failedVisits: LadderEvent[] = [];
  let cur = rounds[0] as Round;
  const start = (): Round => {
    cur = newRound();
    rounds.push(cur);
    return cur;
  };
  const closed = (r: Round): boolean => r.reached !== null || r.visit !== null;
  for (const e of events) {
    switch (e.kind) {
      case 'callFailed':
        if (closed(cur)) start();
        cur.calls.push(e);
        break;
      case 'letter':
      case 'visitLetter': {
        if (closed(cur)) start();
        const role = e.kind === 'visitLetter' ? 'visit' : e.letterRole === 'contact' ? 'contact' : cur.letter ? 'visit' : 'contact';
        if (role === 'contact') {
          if (!cur.letter) cur.letter = e;
        } else {
          cur.visitLetter = e;
        }
        break;
      }
      case 'visitFailed':
        if (closed(cur)) start();
        cur.visit = e;
        failedVisits.push(e);
        break;
      case 'reached':
        if (cur.reached || cur.visit) start();
        cur.reached = e;
        break;
      case 'notInterested':
        if (cur.visit || (cur.reached && cur.notInterested)) start();
        if (!cur.reached) cur.reached = e;
        cur.notInterested = e;
        break;
    }
    cur.empty = false;
  }
  return { rounds, failedVisits };
}
