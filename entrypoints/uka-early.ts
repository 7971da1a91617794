/**
 * The UKA page's early script, at document_start: small on purpose, since it is compiled and run inside the parser's
 * first task, and every millisecond there delays the end of parsing. Should the end of parsing slip past the browser's
 * first frame, the browser lays out the part of UKA's list parsed so far, then the whole list once more, and
 * DOMContentLoaded and the load event wait for that frame. So this is an unlisted script (no WXT content script
 * context) that uses the browser's own API (lib/platform/native-api.ts, no webextension-polyfill): about 6 kB.
 *
 * It only begins the reads the first page view needs and reserves the remembered panel places while UKA's HTML is
 * parsed, then hands them to the main script (entrypoints/uka.content, at document_idle). See
 * entrypoints/uka.content/early-start.ts. Registered at run time together with the main script, for the same origin
 * (entrypoints/background/registration.ts).
 */
import { beginEarlyStart, handOver } from './uka.content/early-start';
import { mark } from '../lib/platform/marks';

export default defineUnlistedScript(() => {
  const w = window as unknown as Record<string, boolean>;
  if (w.__kaaLotsenUkaEarly) return;
  w.__kaaLotsenUkaEarly = true;
  mark('start');
  handOver(beginEarlyStart(document));
});
