/**
 * The UKA page's early script, at document_start: an unlisted script (no WXT content script context) on the browser's
 * own API, kept small (about 6 kB) because it is compiled and run inside the parser's first task. It begins the reads
 * the first page view needs and reserves the remembered panel places, and hands them to the main script
 * (entrypoints/uka.content). What runs when, and why: lib/startup/README.md. Registered at run time together with the
 * main script, for the same origin (entrypoints/background/registration.ts).
 */
import { runEarlyScript } from '../lib/startup/early-start';

export default defineUnlistedScript(() => runEarlyScript());
