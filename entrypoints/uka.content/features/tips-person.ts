/**
 * The tips feature of person pages: with the contact ladder's current steps (stage and next action) from the page
 * view's one ladder answer, the one the ladder panel draws (./person-ladder.ts; the page carries no ladder code).
 * Without an answer the tips show without them.
 */
import { pageViewLadder } from './person-ladder';
import { tipsWith, type LadderStepsOn } from './tips';

/** The ladder's steps for the tips: those of the answer the panel draws. */
export const personLadderSteps: LadderStepsOn = async (ctx) => (await pageViewLadder(ctx)).tipSteps;

export const personTips = tipsWith(personLadderSteps);
