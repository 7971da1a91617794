export * from './types';
export { evaluateLadder, supersedeNotes, resolveSettings, halfYearDue } from './ladder';
export { LADDER_TEXTS_SV, renderText, halfYearLabel } from './texts';
export { LocalNoteSchema, LadderSettingsSchema } from './schema';
