/**
 * The code of UKA's "export" pages: only the features declared for this page kind (lib/features/list.ts; another
 * feature here, or one missing, is a type error). Injected by the background into the frame whose main script
 * recognised such a page (lib/startup/kinds.ts), in the extension's isolated world; it hands its features over, and
 * with them the reading of "Export till SCB" (lib/uka/read-lists.ts), which the main script's reader then uses. It
 * carries none of the code the main script shares (preact and the modules of lib/startup/kit.ts): its imports of those
 * read the main script's.
 */
import { shelveKind } from '../lib/startup/kinds';
import { exportGroups, exportListSteps } from '../lib/uka/read-lists';
import { statusPanel } from './uka.content/features/status-panel';
import { explainers } from './uka.content/features/explainers';
import { glossary } from './uka.content/features/glossary';
import { review } from './uka.content/features/review';
import { scbGuard } from './uka.content/features/scb-guard';
import { tips } from './uka.content/features/tips';
import { tour } from './uka.content/features/tour';

export default defineUnlistedScript(() => shelveKind('export', { 'status-panel': statusPanel, explainers, glossary, review, 'scb-guard': scbGuard, tips, tour }, { exportList: exportListSteps, exportGroups }));
