/**
 * What a UKA page view must start while UKA's HTML is still being parsed: the reads its first view needs (the checked
 * settings and pack, the date, the features' early reads) and the reserved panel places. The small early content
 * script (entrypoints/uka-early.ts, at document_start) begins it and hands it over; the main script
 * (entrypoints/uka.ts, at document_idle, after UKA's page is parsed) takes it over. A main script that finds no
 * start to take (injected alone into a tab that was already open, or the start taken by a copy of an extension since
 * reloaded) has the background inject the early script into its frame once more (`injectEarlyStart`), so the main
 * script never carries the early start's code (the reserved places' reading, placing and remembering). See
 * ./README.md.
 *
 * Why two scripts: anything that runs while a long UKA list is parsed delays the parser past the moment the browser
 * starts painting, and from then on the browser lays the whole growing list out again between the parser's slices.
 * The main script's code (hundreds of kB to compile) therefore arrives after parsing, where it costs only itself.
 */
import type { IsoDate } from '../domain/dates';
import type { PageStart } from '../messages/commands';
import { sendCommand } from '../messages/client';
import { today } from '../platform/clock';
import { mark } from '../platform/marks';
import { startEarlyReads, type EarlyReads } from './early-reads';
import { reserveEarly, type EarlySlots } from './slots-early';

export interface EarlyStart {
  /** The background's answer to 'page-start' (the checked settings and the active pack). */
  pageStart: Promise<PageStart>;
  firstToday: Promise<IsoDate>;
  reads: EarlyReads;
  slots: EarlySlots;
}

/** Where the early script leaves the start for the main script (both run in the extension's isolated world). */
const HANDOVER_KEY = '__kaaLotsenEarlyStart';
/** Set once the early script has run in this page (it can arrive twice: registered script + injection). */
const EARLY_RAN_KEY = '__kaaLotsenUkaEarly';
/** Reserved places are given back when no main script has taken the start this long after the page's load. */
const GIVE_UP_AFTER_LOAD_MS = 10_000;

type Holder = Record<string, EarlyStart | undefined>;

export function beginEarlyStart(doc: Document): EarlyStart {
  // The remembered panel places are asked for first: they must arrive before UKA's body is laid out, and once the
  // body streams in, every answer waits behind the parser (the other reads are needed only after parsing).
  const slots = reserveEarly(doc);
  const pageStart = sendCommand('page-start');
  pageStart.catch(() => undefined);
  const firstToday = today();
  firstToday.catch(() => undefined);
  return { pageStart, firstToday, reads: startEarlyReads(), slots };
}

/** The early script's whole work, once per page: begin the start and leave it for the main script. */
export function runEarlyScript(win: Window = window): void {
  const flags = win as unknown as Record<string, boolean>;
  if (flags[EARLY_RAN_KEY]) return;
  flags[EARLY_RAN_KEY] = true;
  mark('start');
  handOver(beginEarlyStart(win.document), win);
}

/** The early script's side: leave the start for the main script. */
export function handOver(start: EarlyStart, win: Window = window): void {
  const holder = win as unknown as Holder;
  holder[HANDOVER_KEY] = start;
  // Should the main script never come (it failed to load), no empty place is left in UKA's page.
  const giveUp = () =>
    setTimeout(() => {
      if (holder[HANDOVER_KEY] !== start) return;
      delete holder[HANDOVER_KEY];
      start.slots.abandon();
    }, GIVE_UP_AFTER_LOAD_MS);
  if (win.document.readyState === 'complete') giveUp();
  else win.addEventListener('load', giveUp, { once: true });
}

/**
 * The main script's side when there was no start to take: the early script is injected into this frame by `inject`
 * (the background's 'load-early-start'), allowed to run once more in this page, and its start is taken over; null
 * when it still left none.
 */
export async function injectEarlyStart(inject: () => Promise<unknown>, win: Window = window): Promise<EarlyStart | null> {
  delete (win as unknown as Record<string, boolean>)[EARLY_RAN_KEY];
  await inject();
  return takeOver(win);
}

/** The main script's side: the start the early script left, once (null when there is none). */
export function takeOver(win: Window = window): EarlyStart | null {
  const holder = win as unknown as Holder;
  const start = holder[HANDOVER_KEY] ?? null;
  delete holder[HANDOVER_KEY];
  return start;
}
