import { describe, expect, it } from 'vitest';
import { count, everyNMonths, plural, relativeDays } from '../../../lib/domain/swedish';

describe('count', () => {
  it.each([
    [0, 'rad', '0 rader'], [1, 'rad', '1 rad'], [2, 'rad', '2 rader'], [21, 'rad', '21 rader'],
    [0, 'person', '0 personer'], [1, 'person', '1 person'], [2, 'person', '2 personer'], [21, 'person', '21 personer'],
    [0, 'ungdom', '0 ungdomar'], [1, 'ungdom', '1 ungdom'], [2, 'ungdom', '2 ungdomar'], [21, 'ungdom', '21 ungdomar'],
    [0, 'varning', '0 varningar'], [1, 'varning', '1 varning'], [2, 'varning', '2 varningar'], [21, 'varning', '21 varningar'],
    [0, 'dag', '0 dagar'], [1, 'dag', '1 dag'], [2, 'dag', '2 dagar'], [21, 'dag', '21 dagar'],
    [1, 'fel', '1 fel'], [2, 'fel', '2 fel'],
  ] as const)('%i %s → %s', (n, noun, expected) => {
    expect(count(n, noun)).toBe(expected);
  });

  it('takes both forms for a noun outside the table', () => {
    expect(count(1, 'youth', 'youths')).toBe('1 youth');
    expect(count(21, 'youth', 'youths')).toBe('21 youths');
  });

  it('knows the plural of every noun in its table', () => {
    expect(plural('påminnelse')).toBe('påminnelser');
  });
});

describe('relativeDays', () => {
  it.each([
    [0, 'i dag'], [1, 'i morgon'], [-1, 'i går'], [2, 'om 2 dagar'], [21, 'om 21 dagar'], [-2, '2 dagar sedan'],
    [-21, '21 dagar sedan'],
  ])('%i → %s', (days, expected) => {
    expect(relativeDays(days)).toBe(expected);
  });
});

describe('everyNMonths', () => {
  it.each([
    [0, 'varje månad'], [1, 'varje månad'], [2, 'varannan månad'], [3, 'var tredje månad'], [6, 'var sjätte månad'],
    [12, 'var tolfte månad'], [21, 'var tjugoförsta månad'], [24, 'var tjugofjärde månad'], [30, 'med 30 månaders mellanrum'],
  ])('%i → %s', (n, expected) => {
    expect(everyNMonths(n)).toBe(expected);
    expect(everyNMonths(n)).not.toMatch(/:e månad/);
  });
});
