import '../../lib/platform/zod-setup';
/**
 * The second stage of the UKA content script: checking the settings (zod) and loading the metodbok pack. Imported
 * dynamically by index.ts when the raw settings have arrived, so that these modules are evaluated in that task
 * rather than in the parser's first task at document_start.
 */
export { settingsFrom, watchSettings } from '../../lib/settings';
export { applyPackDefaults } from '../../lib/platform/routine';
export { activePackFrom, loadActivePack, PACK_KEY } from '../../lib/platform/pack';
