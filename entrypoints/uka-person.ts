/**
 * The code of UKA's "person" pages: only the features declared for this page kind (lib/features/list.ts; another
 * feature here, or one missing, is a type error). Injected by the background into the frame whose main script
 * recognised such a page (lib/startup/kinds.ts), in the extension's isolated world; it hands its features over. It
 * carries none of the code the main script shares (preact and the modules of lib/startup/kit.ts): its imports of those
 * read the main script's.
 */
import { shelveKind } from '../lib/startup/kinds';
import { statusPanel } from './uka.content/features/status-panel';
import { explainers } from './uka.content/features/explainers';
import { glossary } from './uka.content/features/glossary';
import { ladder } from './uka.content/features/ladder';
import { personTips } from './uka.content/features/tips-person';
import { tour } from './uka.content/features/tour';

export default defineUnlistedScript(() => shelveKind('person', { 'status-panel': statusPanel, explainers, glossary, ladder, tips: personTips, tour }));
