/**
 * The SCB-file guard's on-demand part (lib/startup/parts.ts): the dialog that shows the file's report (with the rules'
 * texts only it uses) and the form of "Tolka SCB:s fellista". Injected by the background into the frame of the
 * "Export till SCB" page when the user first presses UKA's export button or opens the disclosure, in the extension's
 * isolated world; it hands its components over (drawn by the page's one preact, lib/startup/kit.ts).
 */
import { shelvePart } from '../lib/startup/parts';
import { GuardDialog, GUARD_CSS } from '../components/scb/GuardDialog';
import { ErrorListForm } from '../components/scb/ErrorListPanel';

export default defineUnlistedScript(() => shelvePart('scb-guard', { GuardDialog, GUARD_CSS, ErrorListForm }));
