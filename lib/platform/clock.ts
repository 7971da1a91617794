/**
 * The extension's clock. Production builds use the real time. The test build (wxt --mode test) honours a clock
 * override in storage.local ("testClock", an ISO date-time), so end-to-end tests can move time forward.
 */
import { nativeBrowser } from './native-api';
import { TEST_CLOCK_KEY } from './storage-keys';
import { todayInStockholm, type IsoDate } from '../domain/dates';
import { IS_TEST_BUILD } from './build';

export { IS_TEST_BUILD };

export async function now(): Promise<Date> {
  if (IS_TEST_BUILD) {
    try {
      const got = await nativeBrowser().storage.local.get(TEST_CLOCK_KEY);
      const value = got[TEST_CLOCK_KEY];
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
    } catch {
      // fall through to the real clock
    }
  }
  return new Date();
}

/**
 * The date in Sweden without Intl: Swedish civil time is UTC+1, and UTC+2 from 01:00 UTC on the last Sunday of March
 * to 01:00 UTC on the last Sunday of October (the EU summer-time rule, in force in Sweden since 1996). The first
 * Intl.DateTimeFormat in a page starts ICU's time-zone and locale data, a main-thread stall of 30–50 ms in Chromium
 * that every UKA page view would pay; this needs none. Outside 1996–2099 (and should the rule ever change, which
 * tests/unit/platform/clock.test.ts checks against the time-zone database) todayInStockholm decides.
 */
export function stockholmDateByRule(instant: Date): IsoDate {
  const t = instant.getTime();
  const year = instant.getUTCFullYear();
  if (!Number.isFinite(t) || year < 1996 || year > 2099) return todayInStockholm(instant);
  const lastSundayAt1Utc = (month: number) => {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
  };
  const summer = t >= lastSundayAt1Utc(2) && t < lastSundayAt1Utc(9);
  return new Date(t + (summer ? 2 : 1) * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

export async function today(): Promise<IsoDate> {
  return stockholmDateByRule(await now());
}
