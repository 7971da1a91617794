/**
 * The tips feature of person pages: with the contact ladder's current steps, which the background computes from what
 * the page read ('ladder-steps'; the page carries no ladder code). Without an answer the tips show without them.
 */
import { idTextToSend } from '../../../lib/domain/id-text';
import { sendCommand } from '../../../lib/messages/client';
import { tipsWith } from './tips';

export const personTips = tipsWith(async (_ctx, person, today) => {
  const personnummer = idTextToSend(person.header.personnummer);
  if (personnummer === null) return [];
  const { steps } = await sendCommand('ladder-steps', { personnummer, today, contacts: person.contacts, measures: person.measures, occupations: person.occupations });
  return steps;
});
