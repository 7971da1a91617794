/** zod schemas for validating stored local notes and ladder settings (e.g. from IndexedDB or a content pack). */
import { z } from 'zod';
import { isIsoDate } from '../domain/dates';
import { ROUTINE, type RoutineKey } from '../domain/routine';
import type { LadderSettings, LocalNote } from './types';

const Day = z.string().refine(isIsoDate, { message: 'Ogiltigt datum (ÅÅÅÅ-MM-DD)' });

export const LocalNoteSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('callFailed'), date: Day }),
  z.object({ step: z.literal('letterSent'), date: Day }),
  z.object({ step: z.literal('homeVisitPlanned'), date: Day }),
  z.object({ step: z.literal('visitLetterSent'), date: Day }),
  z.object({ step: z.literal('homeVisitDone'), date: Day, reached: z.boolean() }),
  z.object({ step: z.literal('reached'), date: Day }),
  z.object({ step: z.literal('notInterested'), date: Day }),
  z.object({ step: z.literal('notLivingAtAddress'), date: Day }),
  z.object({ step: z.literal('skatteverketReported'), date: Day.optional() }),
  z.object({ step: z.literal('orosanmalanDone'), date: Day.optional() }),
  z.object({ step: z.literal('followUpAgreed'), date: Day }),
  z.object({ step: z.literal('handoverDone'), date: Day.optional() }),
]);

/** A whole number within its range of the routine table (lib/domain/routine.ts). */
const routineInt = (key: RoutineKey) => z.number().int().min(ROUTINE[key].min).max(ROUTINE[key].max);

export const LadderSettingsSchema = z
  .object({
    followUpMonths: routineInt('followUpMonths'),
    failedCallsBeforeLetter: routineInt('failedCallsBeforeLetter'),
    letterDaysBeforeVisit: routineInt('letterDaysBeforeVisit'),
    handoverDaysBefore20: routineInt('handoverDaysBefore20'),
    restartMonthsAfterVisit: routineInt('restartMonthsAfterVisit'),
    notInterestedMonths: routineInt('notInterestedMonths'),
    halfYearMinimum: z.boolean(),
    adultAge: routineInt('adultAge'),
    endAge: routineInt('endAge'),
    callRetryDays: routineInt('callRetryDays'),
    letterAnswerDays: routineInt('letterAnswerDays'),
    dueSoonDays: routineInt('dueSoonDays'),
    supersedeWindowDays: routineInt('supersedeWindowDays'),
    reportWithinDays: routineInt('reportWithinDays'),
    homeVisitDays: z.array(Day),
    // Letters and spaces only: the matched words are the only part of a UKA note the background may keep.
    notLivingPatterns: z.array(z.string().trim().regex(/^[\p{L} ]{2,60}$/u, { message: 'bara bokstäver och mellanslag, 2–60 tecken' })).max(40),
  })
  .partial()
  .strict();

// Compile-time checks that the schemas and the types agree.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _noteOk: Same<z.infer<typeof LocalNoteSchema>, LocalNote> = true;
const _settingsOk: Same<z.infer<typeof LadderSettingsSchema>, Partial<LadderSettings>> = true;
void _noteOk;
void _settingsOk;
