/**
 * The UKA page's early content script, at document_start: small on purpose (it is compiled and run inside the
 * parser's first task). It only begins the reads the first page view needs and reserves the remembered panel places
 * while UKA's HTML is parsed, then hands them to the main script (entrypoints/uka.content, at document_idle). See
 * entrypoints/uka.content/early-start.ts. Registered at run time together with the main script, for the same origin.
 */
import { beginEarlyStart, handOver } from './uka.content/early-start';
import { mark } from '../lib/platform/marks';

export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  runAt: 'document_start',
  main() {
    const w = window as unknown as Record<string, boolean>;
    if (w.__kaaLotsenUkaEarly) return;
    w.__kaaLotsenUkaEarly = true;
    mark('start');
    handOver(beginEarlyStart(document));
  },
});
