/**
 * The glossary's on-demand part (lib/startup/parts.ts): the list of the terms on the page with the scan that finds
 * them, and the card of a term. Injected by the background into the frame of a UKA page when the user first opens
 * "Koder på sidan" or rests the mouse on a term, in the extension's isolated world; the hover lookup (the terms under
 * the pointer) stays in the page kind's bundle. It hands its components over (drawn by the page's one preact,
 * lib/startup/kit.ts).
 */
import { shelvePart } from '../lib/startup/parts';
import { GlossaryCard, GlossaryList } from '../components/glossary/GlossaryCard';
import { dialogCard, isCurrent, scanPage } from '../components/glossary/list-scan';

export default defineUnlistedScript(() => shelvePart('glossary', { GlossaryList, GlossaryCard, scanPage, isCurrent, dialogCard }));
