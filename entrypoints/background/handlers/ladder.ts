/**
 * The person page's contact ladder, computed here rather than in UKA's page (as the SCB file is validated here): the
 * page sends what it read and gets the panel's view back, so it carries neither the ladder's engine and texts nor the
 * personnummer package. The routine is the one in force as the reminders see it (settings set on purpose, else the
 * active metodbok pack's: lib/platform/effective.ts), so the panel and the reminders cannot disagree. The person page's
 * tips take the ladder's steps from this same answer (`tipSteps`, shared by the page's two features for a page view:
 * entrypoints/uka.content/features/person-ladder.ts), so the tips and the panel cannot disagree either.
 *
 * Privacy as before: the personnummer only derives the pseudonymous key and the birth date and is dropped; the name
 * is kept for this browser session only (memory); of UKA's log only the ladder's snapshot is kept (dates, kinds,
 * codes and a matched "does not live at the address" phrase; no free text, through the stored summary's schema).
 */
import { ladderStepsOf } from '../../../lib/content/tips';
import { parseId } from '../../../lib/domain/personnummer';
import { evaluateLadder, resolveSettings } from '../../../lib/ladder/ladder';
import { currentRegistrationStart, ladderSnapshot } from '../../../lib/ladder/snapshot';
import { LadderSnapshotInput } from '../../../lib/ladder/summary-schema';
import { ladderView, supersededIds } from '../../../lib/ladder/view';
import { now as clockNow } from '../../../lib/platform/clock';
import { loadEffective } from '../../../lib/platform/effective';
import { rememberNames } from '../../../lib/platform/session-names';
import { describe } from '../../../lib/messages/send';
import { toView } from './notes';
import type { DomainHandlers, HandlerDeps } from './types';

export function ladderHandlers({ store, remindersChanged }: HandlerDeps): DomainHandlers<'ladder-view'> {
  return {
    'ladder-view': async (page) => {
      const id = parseId(page.personnummer);
      // The page names the cause ("personnumret i sidhuvudet gick inte att tolka"); nothing is recorded.
      if (!id) return { key: null };
      const s = await store();
      // The record (key, birth date, path, when seen) and the name for this session.
      const person = await s.recordPersonSeen(id.digits12, page.path, (await clockNow()).getTime());
      if (page.name) await rememberNames([{ key: person.key, name: page.name }]);
      const [{ routine }, records] = await Promise.all([loadEffective(), s.listNotes(person.key)]);
      const notes = records.map(toView);
      // A samordningsnummer with month or day 00: the ladder works with the range of possible birth dates.
      const birthDate = id.birthDatePartial ?? id.birthDate;
      const registeredFrom = currentRegistrationStart(page.registrations);
      const result = evaluateLadder({
        today: page.today,
        birthDate,
        registeredFrom,
        contacts: page.contacts,
        measures: page.measures,
        occupations: page.occupations,
        localNotes: notes.map((n) => n.note),
        settings: routine,
      });
      // For the reminders, only what they recompute the ladder from (the next step is recomputed,
      // never stored). A snapshot the summary's schema refuses keeps nothing, and a failure here never costs the panel.
      const snapshot = LadderSnapshotInput.safeParse(
        ladderSnapshot(page.contacts, page.measures, { registeredFrom, birthDate, notLivingPatterns: resolveSettings(routine).notLivingPatterns }),
      );
      if (snapshot.success) {
        try {
          await s.setPersonLadder(person.key, { lastContact: result.lastContact ?? null, snapshot: snapshot.data });
          await remindersChanged();
        } catch (error) {
          console.warn('KAA-lotsen: the ladder summary was not kept:', describe(error));
        }
      }
      return {
        key: person.key,
        today: page.today,
        view: ladderView(result),
        notes,
        supersededIds: supersededIds(notes, result),
        // For the tips: the stage and the next action of this very result (none once the duty has ended).
        tipSteps: result.ended ? [] : ladderStepsOf(result),
      };
    },
  };
}
