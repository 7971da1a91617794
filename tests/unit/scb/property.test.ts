import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateScbFile, type ScbReport } from '../../../lib/scb/validate';
import { prepareSave } from '../../../lib/scb/save';
import { mapScbErrorList, groupFindingsByPerson } from '../../../lib/scb/report';
import { ruleFamily } from '../../../lib/scb/rules';
import { buildFile, pickYouths, validYouth, TODAY } from './build-file';

const PNRS = pickYouths(TODAY, 6);
const BASE = buildFile(PNRS.map((p, i) => validYouth(p, i % 2 ? { level: '9', measures: [{ code: '17', start: '2026-09-01' }] } : {})));

function assertShape(r: ScbReport) {
  expect(['ok', 'warn', 'block', 'unreadable']).toContain(r.verdict);
  expect(r.profileId).toBe('kaa-scb-1');
  for (const k of ['block', 'warn', 'info'] as const) expect(Number.isInteger(r.counts[k])).toBe(true);
  expect(r.findings.length).toBeLessThanOrEqual(r.counts.block + r.counts.warn + r.counts.info);
  expect(Number.isInteger(r.rows) && Number.isInteger(r.persons)).toBe(true);
  for (const f of r.findings) {
    expect(['block', 'warn', 'info']).toContain(f.severity);
    expect(typeof f.ruleId).toBe('string');
    expect(f.line === null || (Number.isInteger(f.line) && f.line >= 1)).toBe(true);
    expect(f.message.length).toBeGreaterThan(0);
    expect(f.fix.length).toBeGreaterThan(0);
    if (f.personKey !== undefined) expect(f.personKey).toMatch(/^\d{12}$/);
  }
  if (r.verdict === 'ok') expect(r.counts.block + r.counts.warn).toBe(0);
  if (r.verdict === 'block') expect(r.counts.block).toBeGreaterThan(0);
  expect(r.findings.some((f) => f.ruleId === 'S-INTERNAL')).toBe(false);
}

type Mutation =
  | { kind: 'flip'; at: number; value: number }
  | { kind: 'drop'; line: number }
  | { kind: 'dup'; line: number }
  | { kind: 'swapSep'; sep: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; bytes: number[] };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('drop' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('dup' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('swapSep' as const), sep: fc.constantFrom(0x2c, 0x09, 0x3a, 0x22, 0x0a, 0x00) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 8 }) }),
);

function splitLinesBytes(b: Uint8Array): number[][] {
  const out: number[][] = [];
  let cur: number[] = [];
  for (const x of b) {
    cur.push(x);
    if (x === 0x0a) {
      out.push(cur);
      cur = [];
    }
  }
  if (cur.length) out.push(cur);
  return out;
}

function apply(b: Uint8Array, m: Mutation): Uint8Array {
  const n = b.length;
  switch (m.kind) {
    case 'flip': {
      const c = b.slice();
      if (n) c[m.at % n] = m.value;
      return c;
    }
    case 'drop': {
      const ls = splitLinesBytes(b);
      if (ls.length) ls.splice(m.line % ls.length, 1);
      return new Uint8Array(ls.flat());
    }
    case 'dup': {
      const ls = splitLinesBytes(b);
      if (ls.length) ls.splice(m.line % ls.length, 0, ls[m.line % ls.length]!);
      return new Uint8Array(ls.flat());
    }
    case 'swapSep':
      return b.map((x) => (x === 0x3b ? m.sep : x));
    case 'truncate':
      return b.slice(0, n ? m.at % (n + 1) : 0);
    case 'insert': {
      const at = n ? m.at % (n + 1) : 0;
      return new Uint8Array([...b.slice(0, at), ...m.bytes, ...b.slice(at)]);
    }
  }
}

describe('property: mutated files never throw and give a well-formed report', () => {
  it('random mutation sequences of a valid file', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (ms) => {
        const bytes = ms.reduce(apply, BASE);
        const r = validateScbFile(bytes, { kommun: '2281', period: '2026H2', today: TODAY });
        assertShape(r);
        groupFindingsByPerson(r);
      }),
      { numRuns: 400 },
    );
  });
  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        assertShape(validateScbFile(bytes));
      }),
      { numRuns: 300 },
    );
  });
  it('mapScbErrorList never throws on arbitrary text and bytes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (text, bytes) => {
        expect(Array.isArray(mapScbErrorList(text, bytes))).toBe(true);
      }),
    );
  });
});

describe('property: the save path returns the exact bytes', () => {
  it('for arbitrary byte strings incl. invalid UTF-8 and NULs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const copy = bytes.slice();
        validateScbFile(bytes); // validating must not touch the bytes either
        const plan = prepareSave(bytes, '2281', '2026H2');
        expect(plan.bytes).toBe(bytes);
        expect(plan.bytes.byteLength).toBe(copy.byteLength);
        expect(Buffer.compare(Buffer.from(plan.bytes), Buffer.from(copy))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
  it('for explicit edge cases', () => {
    for (const bytes of [new Uint8Array([0, 0, 0]), new Uint8Array([0xc3, 0x28, 0xff, 0xfe, 0x0d, 0x0a]), new Uint8Array(Array.from({ length: 256 }, (_, i) => i)), BASE]) {
      const copy = bytes.slice();
      validateScbFile(bytes);
      expect(Array.from(prepareSave(bytes, '2281', '2026H2').bytes)).toEqual(Array.from(copy));
    }
  });
});

describe('property: a mutation of a valid file is named first by its own family', () => {
  const rows = () =>
    new TextDecoder('latin1')
      .decode(BASE)
      .split('\r\n')
      .filter((l) => l !== '');
  const join = (lines: string[], eol = '\r\n') => new Uint8Array([...(lines.join(eol) + eol)].map((c) => c.charCodeAt(0)));
  const first = (bytes: Uint8Array) => validateScbFile(bytes, { kommun: '2281', period: '2026H2', today: TODAY }).findings[0]?.ruleId ?? '';

  it('the valid base file has no finding of these families', () => {
    const r = validateScbFile(BASE, { kommun: '2281', period: '2026H2', today: TODAY });
    expect(r.findings.filter((f) => f.line === null || f.ruleId.startsWith('S-') || f.ruleId.startsWith('X-'))).toEqual([]);
  });
  it('reordered columns → header family', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...Array(14).keys()], { minLength: 14, maxLength: 14 }), (order) => {
        fc.pre(order.some((k, i) => k !== i));
        const lines = rows().map((l) => {
          const f = l.split(';');
          return order.map((k) => f[k]).join(';');
        });
        expect(ruleFamily(first(join(lines)))).toBe('header');
      }),
      { numRuns: 60 },
    );
  });
  it('quotes added → spreadsheet family', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (spots) => {
        const lines = rows().map((l) => l.split(';'));
        for (const [r, c] of spots) {
          const row = lines[1 + (r % (lines.length - 1))]!;
          const k = c % row.length;
          if (!row[k]!.startsWith('"')) row[k] = `"${row[k]}"`;
        }
        expect(ruleFamily(first(join(lines.map((f) => f.join(';')))))).toBe('spreadsheet');
      }),
      { numRuns: 80 },
    );
  });
  it('leading zeros stripped → spreadsheet family', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), (which) => {
        const lines = rows().map((l) => l.split(';'));
        const data = lines.slice(1);
        const withZero = data.flatMap((f, r) => f.map((v, c) => [r, c, v] as const)).filter(([, , v]) => /^0\d$/.test(v));
        for (const w of which) {
          const [r, c, v] = withZero[w % withZero.length]!;
          data[r]![c] = v.slice(1);
        }
        expect(ruleFamily(first(join(lines.map((f) => f.join(';')))))).toBe('spreadsheet');
      }),
      { numRuns: 80 },
    );
  });
  it('line endings changed → line-ending family', () => {
    fc.assert(
      fc.property(fc.constantFrom('\n', '\r', '\r\r\n'), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), (eol, mask) => {
        const lines = rows();
        const changed = mask.slice(0, lines.length).some(Boolean) ? mask : mask.map(() => true);
        const text = lines.map((l, i) => l + (eol === '\r' || changed[i] ? eol : '\r\n')).join('');
        expect(ruleFamily(first(new Uint8Array([...text].map((c) => c.charCodeAt(0)))))).toBe('line-ending');
      }),
      { numRuns: 80 },
    );
  });
});
