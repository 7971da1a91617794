/**
 * What every step of the ladder is built from: the settings, today, the birth date and what the replayed events say
 * (the current round, the last contact, an ongoing measure), with the rules shared by all steps:
 * - a step's addressee (guardians or youth) is decided by the age on the day the step will be done: today when it is
 *   due or overdue, its due date when it lies ahead; with a partly unknown birth date only when every possible date
 *   gives the same answer (null otherwise);
 * - an open step is overdue before today, due within `dueSoonDays`, upcoming after that.
 */
import { diffDays, type IsoDate } from '../domain/dates';
import type { ContactEntry, MeasureEntry } from '../uka/types';
import type { LadderEvent, Round, Source, Target } from './events';
import { ageRange, type BirthRange } from './inputs';
import type { LadderSettings, LadderTextKey, LocalNote, StepId, StepState, TextParams, TextRef } from './types';

export function ref(key: LadderTextKey, params: TextParams = {}): TextRef {
  return { key, params };
}

export function doneState(source: Source): StepState {
  return source === 'uka' ? 'done-uka' : 'done-local';
}

export type OpenState = 'due' | 'overdue' | 'upcoming';
type NoteOf<K extends LocalNote['step']> = Extract<LocalNote, { step: K }>;

export interface StepFacts {
  s: LadderSettings;
  today: IsoDate;
  birth: BirthRange;
  contacts: ContactEntry[];
  /** The local notes still in force (those a UKA entry covers are left out). */
  notes: LocalNote[];
  /** The current (last) ladder round. */
  cur: Round;
  failedVisits: LadderEvent[];
  lastContact: IsoDate | null;
  lastContactEv: LadderEvent | null;
  measure: MeasureEntry | null;
  /** The earliest and latest possible 20th birthday. */
  ends: { earliest: IsoDate; latest: IsoDate };
  /** The day the duty ends (the latest possible 20th birthday). */
  endDate: IsoDate;
  /** Steps whose addressee the birth date leaves open; the step builders add to it. */
  undecided: Set<StepId>;
}

export interface StepContext extends StepFacts {
  /** Guardians or youth by the age on `d`; null when a partly known birth date leaves both possible. */
  targetAt(d: IsoDate): Target | null;
  /** The day a step will be done: today when it is due already, its due date when that lies ahead. */
  actionDate(due: IsoDate | undefined): IsoDate;
  classify(due: IsoDate): OpenState;
  /** The latest note of this kind (that `pred` accepts), by date. */
  latestNote<K extends LocalNote['step']>(step: K, pred?: (n: NoteOf<K>) => boolean): NoteOf<K> | null;
}

export function stepContext(f: StepFacts): StepContext {
  const { s, today, birth, notes } = f;
  return {
    ...f,
    targetAt(d) {
      const a = ageRange(birth, d);
      if (a.max < s.adultAge) return 'vardnadshavare';
      if (a.min >= s.adultAge) return 'ungdom';
      return null;
    },
    actionDate: (due) => (due && due > today ? due : today),
    classify: (due) => (due < today ? 'overdue' : diffDays(today, due) <= s.dueSoonDays ? 'due' : 'upcoming'),
    latestNote<K extends LocalNote['step']>(step: K, pred: (n: NoteOf<K>) => boolean = () => true) {
      let best: NoteOf<K> | null = null;
      for (const n of notes) {
        if (n.step !== step) continue;
        const nn = n as NoteOf<K>;
        if (!pred(nn)) continue;
        const d = 'date' in nn ? (nn.date ?? '') : '';
        const bd = best && 'date' in best ? (best.date ?? '') : '';
        if (!best || d >= bd) best = nn;
      }
      return best;
    },
  };
}
