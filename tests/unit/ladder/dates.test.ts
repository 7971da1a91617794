import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareCodePoints,
  addHalfYears,
  addMonths,
  ageOn,
  birthdayOn,
  diffDays,
  endOfMonth,
  fromDayNumber,
  halfYearEnd,
  halfYearOf,
  halfYearStart,
  isIsoDate,
  stockholmInstant,
  toDayNumber,
  todayInStockholm,
} from '../../../lib/domain/dates';

const isoArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2060-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('day numbers', () => {
  it('round-trips and matches the epoch', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(toDayNumber('2000-03-01') - toDayNumber('2000-02-28')).toBe(2);
    fc.assert(fc.property(isoArb, (d) => fromDayNumber(toDayNumber(d)) === d));
  });
  it('agrees with UTC Date arithmetic', () => {
    fc.assert(fc.property(isoArb, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
      const viaDate = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
      return addDays(d, n) === viaDate && diffDays(d, viaDate) === n;
    }));
  });
  it('validates', () => {
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(() => addDays('2026-2-1', 1)).toThrow();
  });
});

describe('addMonths clamps to month end', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-10-15', 3, '2027-01-15'],
    ['2026-01-15', -1, '2025-12-15'],
    ['2028-02-29', 12, '2029-02-28'],
  ])('%s %+d months = %s', (d, n, want) => {
    expect(addMonths(d, n)).toBe(want);
  });
  it('never overshoots into the month after', () => {
    fc.assert(fc.property(isoArb, fc.integer({ min: -30, max: 30 }), (d, n) => {
      const r = addMonths(d, n);
      const months = (Number(r.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(d.slice(5, 7));
      return months === n && (r.slice(8) === d.slice(8) || r === endOfMonth(r));
    }));
  });
});

describe('age and birthdays', () => {
  it('counts whole years', () => {
    expect(ageOn('2008-05-10', '2026-05-09')).toBe(17);
    expect(ageOn('2008-05-10', '2026-05-10')).toBe(18);
    expect(ageOn('2006-12-31', '2026-12-31')).toBe(20);
    expect(ageOn('2007-01-01', '2026-12-31')).toBe(19);
  });
  it('29 February: 1 March in common years, 29 February in leap years', () => {
    expect(birthdayOn('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayOn('2008-02-29', 20)).toBe('2028-02-29');
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
    expect(birthdayOn('2004-02-29', 18)).toBe('2022-03-01');
  });
  it('ageOn steps up exactly on birthdayOn', () => {
    fc.assert(fc.property(isoArb, fc.integer({ min: 1, max: 30 }), (b, n) => {
      const bd = birthdayOn(b, n);
      return ageOn(b, bd) === n && ageOn(b, addDays(bd, -1)) === n - 1;
    }));
  });
});

describe('half-years', () => {
  it('splits at 30 June / 1 July and 31 December / 1 January', () => {
    expect(halfYearOf('2026-06-30')).toBe('2026H1');
    expect(halfYearOf('2026-07-01')).toBe('2026H2');
    expect(halfYearOf('2026-12-31')).toBe('2026H2');
    expect(halfYearOf('2027-01-01')).toBe('2027H1');
    expect(halfYearStart('2026H2')).toBe('2026-07-01');
    expect(halfYearEnd('2026H1')).toBe('2026-06-30');
    expect(halfYearEnd('2026H2')).toBe('2026-12-31');
    expect(addHalfYears('2026H2', 1)).toBe('2027H1');
    expect(addHalfYears('2026H1', -1)).toBe('2025H2');
    expect(addHalfYears('2026H1', 3)).toBe('2027H2');
  });
});

describe('todayInStockholm across DST', () => {
  // Summer time 2026: starts Sun 29 March 01:00 UTC, ends Sun 25 October 01:00 UTC.
  it.each([
    // 00:30 local on the March change day is still winter time (UTC+1) → 23:30 UTC the day before.
    ['2026-03-28T23:30:00Z', '2026-03-29'],
    ['2026-03-28T22:59:59Z', '2026-03-28'],
    // 23:30 local on 29 March is summer time (UTC+2) → 21:30 UTC.
    ['2026-03-29T21:30:00Z', '2026-03-29'],
    ['2026-03-29T22:00:00Z', '2026-03-30'],
    // 00:30 local on 25 October is still summer time → 22:30 UTC on 24 October.
    ['2026-10-24T22:30:00Z', '2026-10-25'],
    ['2026-10-24T21:59:59Z', '2026-10-24'],
    // 23:30 local on 25 October is winter time (UTC+1) → 22:30 UTC.
    ['2026-10-25T22:30:00Z', '2026-10-25'],
    ['2026-10-25T23:00:00Z', '2026-10-26'],
    // New Year's Eve, winter time.
    ['2026-12-31T22:59:00Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Stockholm', (utc, want) => {
    expect(todayInStockholm(new Date(utc))).toBe(want);
  });
});

describe('stockholmInstant', () => {
  it('maps wall time to UTC in winter and summer', () => {
    expect(new Date(stockholmInstant('2026-01-15', 8)).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(new Date(stockholmInstant('2026-07-15', 8)).toISOString()).toBe('2026-07-15T06:00:00.000Z');
    expect(new Date(stockholmInstant('2026-03-29', 8)).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(new Date(stockholmInstant('2026-10-25', 0, 30)).toISOString()).toBe('2026-10-24T22:30:00.000Z');
  });
  it('handles the skipped and the repeated hour', () => {
    // 02:30 does not exist on 29 March 2026: the moment after the gap (03:30 summer time).
    expect(new Date(stockholmInstant('2026-03-29', 2, 30)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 25 October 2026: the first one (summer time).
    expect(new Date(stockholmInstant('2026-10-25', 2, 30)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});

describe('compareCodePoints (date order without an ICU collator)', () => {
  it('orders ISO dates exactly as localeCompare does', () => {
    const iso = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.oneof(iso, fc.constant('')), fc.oneof(iso, fc.constant('')), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(a.localeCompare(b)));
      }),
    );
  });
});
