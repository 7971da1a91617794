/**
 * Pure derivation of reminders (what needs doing, when) from ladder results, birth dates and the SCB calendar.
 * No storage, no alarms API: the caller persists `snoozed`/`done` and schedules `nextAlarmTime`.
 */
import {
  addDays,
  compareCodePoints,
  addHalfYears,
  addMonths,
  birthdayOn,
  endOfMonth,
  startOfMonth,
  halfYearEnd,
  halfYearOf,
  halfYearStart,
  minIso,
  parseHalfYear,
  stockholmInstant,
  type HalfYear,
  type IsoDate,
} from '../domain/dates';
import type { Step, StepId, TextParams, TextRef } from '../ladder/types';
import {
  DEFAULT_REMINDER_SETTINGS,
  DEFAULT_SCB_DEADLINES,
  type Reminder,
  type ReminderInputs,
  type ReminderKind,
  type ReminderPerson,
  type ReminderSettings,
  type ReminderState,
  type ReminderTitleKey,
  type ScbDeadlineSettings,
} from './types';

interface Draft {
  id: string;
  kind: ReminderKind;
  dueDate: IsoDate;
  notifyFrom: IsoDate;
  alarmDates?: IsoDate[];
  personKey?: string;
  path?: string;
  titleKey: ReminderTitleKey;
  params: TextParams;
  detail?: TextRef;
}

const STEP_KIND: Partial<Record<StepId, { kind: ReminderKind; prefix: string }>> = {
  followUp: { kind: 'followup3m', prefix: 'followup' },
  halfYearMinimum: { kind: 'halfYearMinimum', prefix: 'halfyear' },
  visitLetter: { kind: 'visitLetter', prefix: 'visitletter' },
  handover20: { kind: 'handover20', prefix: 'handover' },
};

function isOpenStep(s: Step): s is Step & { dueDate: IsoDate; state: 'due' | 'overdue' | 'upcoming' } {
  return (s.state === 'due' || s.state === 'overdue' || s.state === 'upcoming') && s.dueDate !== undefined;
}

/** The SCB upload deadline of a collection period: H1 → same year, H2 → the following year. */
export function scbDeadline(h: HalfYear, scb: Pick<ScbDeadlineSettings, 'H1' | 'H2'> = DEFAULT_SCB_DEADLINES): IsoDate {
  const { year, half } = parseHalfYear(h);
  return half === 1 ? `${year}-${scb.H1}` : `${year + 1}-${scb.H2}`;
}

/** The date the stored data about a youth expires: the 20th birthday plus the retention period. */
export function expiresAt(birthDate: IsoDate, retentionDays: number, endAge = 20): IsoDate {
  return addDays(birthdayOn(birthDate, endAge), retentionDays);
}

function personDrafts(p: ReminderPerson, today: IsoDate, s: ReminderSettings): Draft[] {
  const out: Draft[] = [];
  const endDate = birthdayOn(p.birthDate, s.endAge);
  const soon = (due: IsoDate) => addDays(due, -s.dueSoonDays);
  const base = { personKey: p.key, path: p.path };

  // The ladder, when we have one.
  let hasHandover = false;
  let hasHalfYear = false;
  if (p.ladder) {
    for (const st of p.ladder.steps) {
      if (st.id === 'handover20') hasHandover = true;
      if (st.id === 'halfYearMinimum') hasHalfYear = true;
      if (!isOpenStep(st)) continue;
      const mapped = STEP_KIND[st.id];
      const id = mapped ? `${mapped.prefix}:${p.key}:${st.dueDate}` : `step:${p.key}:${st.id}:${st.dueDate}`;
      out.push({
        ...base,
        id,
        kind: mapped?.kind ?? 'ladderStep',
        dueDate: st.dueDate,
        notifyFrom: soon(st.dueDate),
        titleKey: st.title.key as ReminderTitleKey,
        params: { ...st.title.params, ...(st.target ? { target: st.target } : {}) },
        detail: st.reason,
      });
    }
  }
  const ended = today >= endDate;

  // A ladder that could not be computed at all is said, with its reason, rather than leaving the person silent; the
  // reminders that need no ladder (half-year, hand-over, 20th birthday) are kept below.
  const unavailable = p.ladder?.unavailable;
  if (unavailable && !ended) {
    out.push({ ...base, id: `unavailable:${p.key}`, kind: 'ladderStep', dueDate: today, notifyFrom: today, titleKey: 'reminder.ladderUnavailable', params: {}, detail: unavailable });
  }

  // Without a ladder result: the half-year minimum from the last known contact, and the hand-over.
  if ((!p.ladder || unavailable) && !ended) {
    const half = halfYearOf(today);
    if (!hasHalfYear && !(p.lastContact && p.lastContact >= halfYearStart(half))) {
      const due = minIso(halfYearEnd(half), addDays(endDate, -1));
      out.push({
        ...base,
        id: `halfyear:${p.key}:${due}`,
        kind: 'halfYearMinimum',
        dueDate: due,
        notifyFrom: soon(due),
        titleKey: 'reminder.halfYearMinimum',
        params: p.lastContact ? { halfYear: half, lastContact: p.lastContact } : { halfYear: half },
      });
    }
    if (!hasHandover) {
      const due = addDays(endDate, -s.handoverDaysBefore20);
      out.push({ ...base, id: `handover:${p.key}:${due}`, kind: 'handover20', dueDate: due, notifyFrom: soon(due), titleKey: 'reminder.handover20', params: { endDate } });
    }
  }

  // The 20th birthday itself: 'due' from a week before, kept (overdue) until a month after unless marked done.
  if (today <= addDays(endDate, s.turns20KeepDays)) {
    out.push({
      ...base,
      id: `turns20:${p.key}:${endDate}`,
      kind: 'turns20',
      dueDate: endDate,
      notifyFrom: addDays(endDate, -s.turns20NoticeDays),
      titleKey: 'reminder.turns20',
      params: { endDate },
    });
  }
  return out;
}

function scbDrafts(today: IsoDate, scb: ScbDeadlineSettings): Draft[] {
  const out: Draft[] = [];
  const cur = halfYearOf(today);
  const warn = [...new Set(scb.warnDays.filter((n) => Number.isFinite(n) && n >= 0))].sort((a, b) => b - a);
  for (const h of [addHalfYears(cur, -1), cur]) {
    const deadline = scbDeadline(h, scb);
    const alarmDates = [...warn.map((n) => addDays(deadline, -n)), deadline];
    out.push({
      id: `scb:${h}`,
      kind: 'scbDeadline',
      dueDate: deadline,
      notifyFrom: alarmDates[0] ?? deadline,
      alarmDates,
      titleKey: 'reminder.scbDeadline',
      params: { halfYear: h, deadline },
    });
  }
  return out;
}

function classify(today: IsoDate, dueDate: IsoDate, notifyFrom: IsoDate): ReminderState {
  if (dueDate < today) return 'overdue';
  return today >= notifyFrom ? 'due' : 'upcoming';
}

/**
 * All reminders for today. Done ones (by id) are left out; snoozed ones are kept with `snoozedUntil` so their alarm can
 * be scheduled, and sorted last. Order: not snoozed first; overdue before the rest; then by due date, then id.
 */
export function deriveReminders(inputs: ReminderInputs): Reminder[] {
  const s: ReminderSettings = { ...DEFAULT_REMINDER_SETTINGS, ...(inputs.settings ?? {}) };
  const scb: ScbDeadlineSettings = { ...DEFAULT_SCB_DEADLINES, ...(inputs.scb ?? {}) };
  const { today } = inputs;
  const drafts: Draft[] = [];
  for (const p of inputs.persons) drafts.push(...personDrafts(p, today, s));
  // A half-year whose file has been exported (the export log) needs no more deadline reminders.
  const exported = new Set(inputs.exportedPeriods ?? []);
  drafts.push(...scbDrafts(today, scb).filter((d) => !exported.has(String(d.params.halfYear))));
  // Never reviewed: due by the end of this month (a stable id, so snooze and done hold for the month).
  const reviewDue = inputs.lastMonthlyReview ? addMonths(inputs.lastMonthlyReview, s.monthlyReviewMonths) : endOfMonth(today);
  drafts.push({
    id: `monthly:${reviewDue}`,
    kind: 'monthlyReview',
    dueDate: reviewDue,
    notifyFrom: inputs.lastMonthlyReview ? reviewDue : startOfMonth(today),
    ...(inputs.monthlyReviewPath ? { path: inputs.monthlyReviewPath } : {}),
    titleKey: 'reminder.monthlyReview',
    params: inputs.lastMonthlyReview ? { lastReview: inputs.lastMonthlyReview } : {},
  });

  const seen = new Set<string>();
  const out: Reminder[] = [];
  for (const d of drafts) {
    if (seen.has(d.id) || inputs.done[d.id] !== undefined) continue;
    seen.add(d.id);
    const alarmDates = [...new Set(d.alarmDates ?? [d.notifyFrom, d.dueDate])].sort();
    const r: Reminder = {
      id: d.id,
      kind: d.kind,
      dueDate: d.dueDate,
      state: classify(today, d.dueDate, d.notifyFrom),
      notifyFrom: d.notifyFrom,
      alarmDates,
      titleKey: d.titleKey,
      params: d.params,
    };
    if (d.personKey !== undefined) r.personKey = d.personKey;
    if (d.path !== undefined) r.path = d.path;
    if (d.detail) r.detail = d.detail;
    const until = inputs.snoozed[d.id];
    if (until !== undefined && until > today) r.snoozedUntil = until;
    out.push(r);
  }
  return out.sort(compareReminders);
}

export function compareReminders(a: Reminder, b: Reminder): number {
  const sa = a.snoozedUntil ? 1 : 0;
  const sb = b.snoozedUntil ? 1 : 0;
  if (sa !== sb) return sa - sb;
  if (sa && a.snoozedUntil !== b.snoozedUntil) return compareCodePoints(a.snoozedUntil ?? '', b.snoozedUntil ?? '');
  const oa = a.state === 'overdue' ? 0 : 1;
  const ob = b.state === 'overdue' ? 0 : 1;
  if (oa !== ob) return oa - ob;
  return compareCodePoints(a.dueDate, b.dueDate) || compareCodePoints(a.id, b.id);
}

/**
 * The next moment (epoch ms, strictly after `now`) an alarm should fire: each alarm date (or the snooze end for a
 * snoozed reminder) at `alarmHour`:00 Stockholm time. Null when nothing is scheduled.
 */
export function nextAlarmTime(reminders: Reminder[], now: Date, opts: { alarmHour?: number } = {}): number | null {
  const hour = opts.alarmHour ?? 8;
  const nowMs = now.getTime();
  let best: number | null = null;
  for (const r of reminders) {
    const dates = r.snoozedUntil ? [r.snoozedUntil] : r.alarmDates;
    for (const d of dates) {
      const t = stockholmInstant(d, hour);
      if (t > nowMs && (best === null || t < best)) best = t;
    }
  }
  return best;
}

/** Reminders whose alarm instant falls in (since, until]: what to notify about when an alarm fires. */
export function remindersFiringBetween(reminders: Reminder[], since: Date, until: Date, opts: { alarmHour?: number } = {}): Reminder[] {
  const hour = opts.alarmHour ?? 8;
  return reminders.filter((r) => (r.snoozedUntil ? [r.snoozedUntil] : r.alarmDates).some((d) => {
    const t = stockholmInstant(d, hour);
    return t > since.getTime() && t <= until.getTime();
  }));
}
