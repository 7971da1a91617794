/** The pack's explainer keys: one per warning kind, and the generic one for a section we do not know. No zod here. */
import { WARNING_KINDS } from '../domain/warnings';

export const EXPLAINER_KEYS = [...WARNING_KINDS, 'generic'] as const;
