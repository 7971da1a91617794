import { describe, expect, it } from 'vitest';
import { stockholmDateByRule } from '../../../lib/platform/clock';
import { todayInStockholm } from '../../../lib/domain/dates';

describe('stockholmDateByRule', () => {
  it('matches the time-zone database every 15 minutes around every change of offset, 2020–2045', () => {
    for (let year = 2020; year <= 2045; year++) {
      for (const month of [2, 9]) {
        const last = new Date(Date.UTC(year, month + 1, 0));
        const change = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (let t = change - 26 * 3_600_000; t <= change + 26 * 3_600_000; t += 15 * 60_000) {
          const d = new Date(t);
          expect(stockholmDateByRule(d), d.toISOString()).toBe(todayInStockholm(d));
        }
      }
    }
  });

  it('matches the time-zone database every hour of 2025–2027', () => {
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2028, 0, 1); t += 3_600_000) {
      const d = new Date(t);
      expect(stockholmDateByRule(d), d.toISOString()).toBe(todayInStockholm(d));
    }
  });

  it('gives the Swedish date near midnight in winter and summer', () => {
    expect(stockholmDateByRule(new Date('2026-01-15T22:59:59Z'))).toBe('2026-01-15');
    expect(stockholmDateByRule(new Date('2026-01-15T23:00:00Z'))).toBe('2026-01-16');
    expect(stockholmDateByRule(new Date('2026-07-15T21:59:59Z'))).toBe('2026-07-15');
    expect(stockholmDateByRule(new Date('2026-07-15T22:00:00Z'))).toBe('2026-07-16');
  });

  it('leaves years outside the rule to the time-zone database', () => {
    const d = new Date('1990-06-30T22:30:00Z');
    expect(stockholmDateByRule(d)).toBe(todayInStockholm(d));
  });
});
