/**
 * The extension's clock. Production builds use the real time. The test build (wxt --mode test) honours a clock
 * override in storage.local ("testClock", an ISO date-time), so end-to-end tests can move time forward.
 */
import { browser } from 'wxt/browser';
import { todayInStockholm, type IsoDate } from '../domain/dates';

export const TEST_CLOCK_KEY = 'testClock';
export const IS_TEST_BUILD = import.meta.env.MODE === 'test';

export async function now(): Promise<Date> {
  if (IS_TEST_BUILD) {
    try {
      const got = await browser.storage.local.get(TEST_CLOCK_KEY);
      const value = got[TEST_CLOCK_KEY];
      if (typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
    } catch {
      // fall through to the real clock
    }
  }
  return new Date();
}

export async function today(): Promise<IsoDate> {
  return todayInStockholm(await now());
}
