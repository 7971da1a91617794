/**
 * Named timers backed by browser alarms, in the manner of Bitwarden's browser task scheduler: an MV3 service worker
 * can be stopped at any moment, so a timer is a browser alarm (which wakes the worker) plus the instant it stands for,
 * persisted in storage. At start, `catchUp` re-creates the alarms the browser lost (a browser closed over the
 * instant, a worker restarted by an update): a past instant fires at once, a future one is set again.
 *
 * Instants are on the extension's clock (lib/platform/clock: the real time, or the test clock in test builds); the
 * alarms run on the real one. A handler is told the instant its alarm stood for, never earlier than the clock.
 */
import { SCHEDULED_ALARMS_KEY } from './storage-keys';

/** The part of browser.alarms used here (structurally compatible with Chrome's, Firefox's and WXT's fake). */
export interface AlarmsApi {
  create(name: string, info: { when?: number; periodInMinutes?: number }): unknown;
  clear(name: string): Promise<unknown>;
  get(name: string): Promise<{ name: string; scheduledTime: number; periodInMinutes?: number } | undefined | null>;
}

/** The part of a storage area used here (storage.local). */
export interface StorageApi {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface SchedulerOptions {
  alarms: AlarmsApi;
  storage: StorageApi;
  /** The extension's clock, in epoch milliseconds. */
  clock(): Promise<number>;
  /** The real clock the browser's alarms run on (default Date.now). */
  realNow?(): number;
  /** Storage key of the persisted instants (default SCHEDULED_ALARMS_KEY). */
  stateKey?: string;
}

/** Browsers do not fire alarms sooner than this (Chrome: 30 s in production, but at once when already due). */
export const MIN_DELAY_MS = 1000;

export type AlarmHandler = (instant: number) => Promise<void>;

export interface Scheduler {
  /** Run `handler` when the alarm `name` goes off (register synchronously at worker start). */
  handle(name: string, handler: AlarmHandler): void;
  /**
   * Set the alarm `name` for `instant` (extension clock). An alarm already set for this very instant, and not later
   * than needed, is kept: a worker that starts again must not push its own timer back.
   */
  at(name: string, instant: number): Promise<void>;
  /** Set the alarm `name` to go off as soon as the browser allows, standing for the current instant. */
  soon(name: string): Promise<void>;
  /** Remove the alarm `name` and its persisted instant. */
  cancel(name: string): Promise<void>;
  /** A repeating alarm (created when missing; an existing one keeps its phase). */
  every(name: string, periodInMinutes: number): Promise<void>;
  /** The instant the alarm `name` stands for, or null. */
  instantOf(name: string): Promise<number | null>;
  /** A browser alarm went off: run its handler. False when the name is not ours. Never rejects. */
  fire(name: string): Promise<boolean>;
  /** At start: alarms whose instant is persisted but which the browser no longer holds are set again (past: at once). */
  catchUp(): Promise<string[]>;
}

export function createScheduler(options: SchedulerOptions): Scheduler {
  const { alarms, storage, clock } = options;
  const realNow = options.realNow ?? (() => Date.now());
  const stateKey = options.stateKey ?? SCHEDULED_ALARMS_KEY;
  const handlers = new Map<string, AlarmHandler>();

  async function state(): Promise<Record<string, number>> {
    const raw = (await storage.get(stateKey))[stateKey];
    const out: Record<string, number> = {};
    if (raw && typeof raw === 'object') {
      for (const [name, value] of Object.entries(raw)) if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
    }
    return out;
  }

  async function persist(name: string, instant: number | null): Promise<void> {
    const next = await state();
    if (instant === null) delete next[name];
    else next[name] = instant;
    await storage.set({ [stateKey]: next });
  }

  /** The real-clock time at which an alarm for `instant` must go off. */
  async function whenFor(instant: number): Promise<number> {
    return realNow() + Math.max(MIN_DELAY_MS, instant - (await clock()));
  }

  const scheduler: Scheduler = {
    handle(name, handler) {
      handlers.set(name, handler);
    },
    async at(name, instant) {
      const when = await whenFor(instant);
      const [persisted, current] = await Promise.all([state(), alarms.get(name)]);
      if (current && persisted[name] === instant && current.scheduledTime <= when + MIN_DELAY_MS) return;
      await alarms.clear(name);
      await persist(name, instant);
      await alarms.create(name, { when });
    },
    async soon(name) {
      await alarms.clear(name);
      await persist(name, await clock());
      await alarms.create(name, { when: realNow() + MIN_DELAY_MS });
    },
    async cancel(name) {
      await alarms.clear(name);
      if (name in (await state())) await persist(name, null);
    },
    async every(name, periodInMinutes) {
      const current = await alarms.get(name);
      if (!current || current.periodInMinutes !== periodInMinutes) await alarms.create(name, { periodInMinutes });
    },
    async instantOf(name) {
      return (await state())[name] ?? null;
    },
    async fire(name) {
      const handler = handlers.get(name);
      if (!handler) return false;
      try {
        const [now, stood] = await Promise.all([clock(), scheduler.instantOf(name)]);
        await handler(Math.max(now, stood ?? 0));
      } catch {
        // one failing timer never stops the others; the handler reports its own errors
      }
      return true;
    },
    async catchUp() {
      const caught: string[] = [];
      const now = await clock();
      for (const [name, instant] of Object.entries(await state())) {
        if (await alarms.get(name)) continue;
        caught.push(name);
        await alarms.create(name, { when: instant <= now ? realNow() + MIN_DELAY_MS : await whenFor(instant) });
      }
      return caught;
    },
  };
  return scheduler;
}
