/**
 * The tips feature of person pages: with the contact ladder's current steps, which the background computes from what
 * the page read ('ladder-steps'; the page carries no ladder code). Without an answer the tips show without them.
 */
import { sendCommand } from '../../../lib/messages/client';
import { tipsWith } from './tips';

/** Longer than any personnummer or samordningsnummer, with its separator. */
const MAX_ID_LENGTH = 13;

export const personTips = tipsWith(async (_ctx, person, today) => {
  const personnummer = person.header.personnummer.trim();
  if (personnummer.length > MAX_ID_LENGTH) return [];
  const { steps } = await sendCommand('ladder-steps', { personnummer, today, contacts: person.contacts, measures: person.measures, occupations: person.occupations });
  return steps;
});
