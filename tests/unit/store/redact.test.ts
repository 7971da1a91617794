import { testPersonnummer } from '../../fixtures/testpersonnummer';
import { describe, expect, it } from 'vitest';
import { containsIdLike, redactMessage } from '../../../lib/store/redact';

const TEST_PNR: string[] = testPersonnummer();
const P = TEST_PNR.find((p) => p.startsWith('2005'))!;

describe('redactMessage', () => {
  it.each([
    [P, '[personnummer]'],
    [`${P.slice(0, 8)}-${P.slice(8)}`, '[personnummer]'],
    [P.slice(2), '[personnummer]'],
    [`${P.slice(2, 8)}-${P.slice(8)}`, '[personnummer]'],
    [`${P.slice(2, 8)}+${P.slice(8)}`, '[personnummer]'],
  ])('hides %s', (input, expected) => {
    expect(redactMessage(`fel för ${input}.`)).toBe(`fel för ${expected}.`);
    expect(containsIdLike(input)).toBe(true);
  });

  it('keeps short numbers, dates and long ids', () => {
    expect(redactMessage('rad 123 den 2025-01-02, kod 0180')).toBe('rad 123 den 2025-01-02, kod 0180');
    expect(redactMessage('x 1234567890123 y')).toBe('x 1234567890123 y');
    expect(containsIdLike('/person/123')).toBe(false);
  });

  it('hides known names and their parts at word boundaries, case-insensitively', () => {
    const names = ['Anna-Karin Testsson', 'Åsa Öberg'];
    expect(redactMessage('Anna-Karin Testsson saknar SysKontakt', names)).toBe('[namn] saknar SysKontakt');
    expect(redactMessage('kunde inte läsa TESTSSON och åsa', names)).toBe('kunde inte läsa [namn] och [namn]');
    expect(redactMessage('Öbergs lista', names)).toBe('Öbergs lista');
    expect(redactMessage('regex (a+) i namn', ['(a+)'])).toBe('regex [namn] i namn');
  });

  it('caps the length', () => {
    const out = redactMessage('x'.repeat(1000));
    expect(out.length).toBe(300);
  });
});
