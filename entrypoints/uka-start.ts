/**
 * The code of UKA's "start" pages: only the features declared for this page kind (lib/features/list.ts; another
 * feature here, or one missing, is a type error). Injected by the background into the frame whose main script
 * recognised such a page (lib/startup/kinds.ts), in the extension's isolated world; it hands its features over, and
 * with them the reading of the start list (lib/uka/read-lists.ts), which the main script's reader then uses. It
 * carries none of the code the main script shares (preact and the modules of lib/startup/kit.ts): its imports of those
 * read the main script's.
 */
import { shelveKind } from '../lib/startup/kinds';
import { startListSteps } from '../lib/uka/read-lists';
import { statusPanel } from './uka.content/features/status-panel';
import { glossary } from './uka.content/features/glossary';
import { reminders } from './uka.content/features/reminders';
import { tips } from './uka.content/features/tips';

export default defineUnlistedScript(() => shelveKind('start', { 'status-panel': statusPanel, glossary, reminders, tips }, { startList: startListSteps }));
