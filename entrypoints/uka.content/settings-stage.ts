import '../../lib/platform/zod-setup';
/**
 * The fallback of the UKA content script's start: checking the stored settings (zod) and loading the metodbok pack
 * here, when the background does not answer 'page-start' (index.ts). Imported dynamically, only then.
 */
export { settingsFrom } from '../../lib/settings';
export { activePackFrom } from '../../lib/platform/pack';
