/** The tips feature of person pages: with the contact ladder's current steps (only the person page's bundle has the ladder). */
import { ladderStepsOf } from '../../../lib/content/tips';
import { parseId } from '../../../lib/domain/personnummer';
import { evaluateLadder } from '../../../lib/ladder/ladder';
import { tipsWith } from './tips';

export const personTips = tipsWith((ctx, person, today) => {
  const id = parseId(person.header.personnummer);
  if (!id) return [];
  const result = evaluateLadder({
    today,
    birthDate: id.birthDate,
    contacts: person.contacts,
    measures: person.measures,
    occupations: person.occupations,
    localNotes: [],
    settings: ctx.routine,
  });
  return result.ended ? [] : ladderStepsOf(result);
});
