import { beforeEach, describe, expect, it } from 'vitest';
import { createScheduler, MIN_DELAY_MS, type AlarmsApi, type StorageApi } from '../../../lib/platform/scheduler';

/** A browser.alarms stand-in on a hand-moved real clock. */
function fakeAlarms(real: { now: number }) {
  const alarms = new Map<string, { name: string; scheduledTime: number; periodInMinutes?: number }>();
  const api: AlarmsApi = {
    create(name, info) {
      alarms.set(name, { name, scheduledTime: info.when ?? real.now + (info.periodInMinutes ?? 0) * 60_000, ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}) });
    },
    async clear(name) {
      return alarms.delete(name);
    },
    async get(name) {
      return alarms.get(name);
    },
  };
  return { api, alarms };
}

function fakeStorage(): StorageApi & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    async get(key) {
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    async set(items) {
      Object.assign(data, structuredClone(items));
    },
  };
}

const T0 = Date.parse('2026-11-20T12:00:00Z');

describe('scheduler', () => {
  let real: { now: number };
  let clock: { now: number };
  let alarms: ReturnType<typeof fakeAlarms>;
  let storage: ReturnType<typeof fakeStorage>;
  const make = () => createScheduler({ alarms: alarms.api, storage, clock: async () => clock.now, realNow: () => real.now });

  beforeEach(() => {
    real = { now: 1_000_000 };
    clock = { now: T0 };
    alarms = fakeAlarms(real);
    storage = fakeStorage();
  });

  it('sets a named alarm on the real clock for an instant on the extension clock, and persists the instant', async () => {
    const s = make();
    await s.at('next', T0 + 3_600_000);
    expect(alarms.alarms.get('next')?.scheduledTime).toBe(real.now + 3_600_000);
    expect(await s.instantOf('next')).toBe(T0 + 3_600_000);
    // A new scheduler (a restarted worker) reads the same instant.
    expect(await make().instantOf('next')).toBe(T0 + 3_600_000);
  });

  it('never sets an alarm sooner than the browser allows, even for a past instant', async () => {
    const s = make();
    await s.at('next', T0 - 60_000);
    expect(alarms.alarms.get('next')?.scheduledTime).toBe(real.now + MIN_DELAY_MS);
  });

  it('keeps an alarm already set for the same instant (a restarted worker does not push it back)', async () => {
    const s = make();
    await s.at('next', T0 + 3_600_000);
    const first = alarms.alarms.get('next')!.scheduledTime;
    real.now += 10_000; // the real clock moved, the extension clock (a test clock) did not
    await make().at('next', T0 + 3_600_000);
    expect(alarms.alarms.get('next')!.scheduledTime).toBe(first);
    // A different instant replaces it.
    await s.at('next', T0 + 60_000);
    expect(alarms.alarms.get('next')!.scheduledTime).toBe(real.now + 60_000);
    expect(await s.instantOf('next')).toBe(T0 + 60_000);
  });

  it('cancels an alarm and forgets its instant', async () => {
    const s = make();
    await s.at('next', T0 + 60_000);
    await s.cancel('next');
    expect(alarms.alarms.has('next')).toBe(false);
    expect(await s.instantOf('next')).toBeNull();
  });

  it('fires a handler with the instant its alarm stood for, never earlier than the clock', async () => {
    const s = make();
    const seen: number[] = [];
    s.handle('next', async (instant) => {
      seen.push(instant);
    });
    await s.at('next', T0 + 60_000);
    expect(await s.fire('next')).toBe(true);
    clock.now = T0 + 120_000;
    expect(await s.fire('next')).toBe(true);
    expect(seen).toEqual([T0 + 60_000, T0 + 120_000]);
    expect(await s.fire('someone-elses')).toBe(false);
  });

  it('a failing handler does not reject', async () => {
    const s = make();
    s.handle('next', async () => {
      throw new Error('boom');
    });
    await expect(s.fire('next')).resolves.toBe(true);
  });

  it('soon: fires as soon as the browser allows, standing for the current instant', async () => {
    const s = make();
    await s.soon('next');
    expect(alarms.alarms.get('next')?.scheduledTime).toBe(real.now + MIN_DELAY_MS);
    expect(await s.instantOf('next')).toBe(T0);
  });

  it('catches up at start: a lost alarm whose instant passed fires at once, a future one is set again', async () => {
    const s = make();
    await s.at('past', T0 + 60_000);
    await s.at('future', T0 + 7_200_000);
    await s.at('kept', T0 + 9_000_000);
    const keptAt = alarms.alarms.get('kept')!.scheduledTime;
    // The browser was closed for an hour and lost two of the alarms.
    alarms.alarms.delete('past');
    alarms.alarms.delete('future');
    real.now += 3_600_000;
    clock.now += 3_600_000;
    const restarted = make();
    expect((await restarted.catchUp()).sort()).toEqual(['future', 'past']);
    expect(alarms.alarms.get('past')?.scheduledTime).toBe(real.now + MIN_DELAY_MS);
    expect(alarms.alarms.get('future')?.scheduledTime).toBe(real.now + 3_600_000);
    expect(alarms.alarms.get('kept')?.scheduledTime).toBe(keptAt);
    // Nothing to catch up the second time.
    expect(await restarted.catchUp()).toEqual([]);
  });

  it('every: a repeating alarm is created once and keeps its phase', async () => {
    const s = make();
    await s.every('tick', 60);
    const first = alarms.alarms.get('tick')!.scheduledTime;
    real.now += 5_000;
    await s.every('tick', 60);
    expect(alarms.alarms.get('tick')!.scheduledTime).toBe(first);
    expect(await s.instantOf('tick')).toBeNull();
  });

  it('ignores a malformed persisted state', async () => {
    storage.data.scheduledAlarms = { next: 'soon', other: 5 };
    const s = make();
    expect(await s.instantOf('next')).toBeNull();
    expect(await s.instantOf('other')).toBe(5);
    storage.data.scheduledAlarms = 'broken';
    expect(await s.catchUp()).toEqual([]);
  });
});
