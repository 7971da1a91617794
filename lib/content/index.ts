/**
 * Public API of the content pack. All functions are pure (no DOM, no browser APIs).
 */
import type { Explainer, GlossaryEntry, Pack, ScbPhase, Tip } from './schema';

export * from './schema';
export * from './tips';
export * from './search';
export * from './glossary';
export * from './scb-phase';
export * from './deadlines';
export { getDefaultPack, defaultPack } from './builtin';
export { parseMarkdown, checkMarkdown, classifyHref, markdownToPlainText, sectionLinks } from './markdown';
export type { MdBlock, MdDocument, MdInline, MdProblem } from './markdown';
export { DEFAULT_PACK_JSON } from './default-pack';

export type { Explainer, GlossaryEntry, Pack, ScbPhase, Tip };
