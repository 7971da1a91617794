import { describe, expect, it } from 'vitest';
import { parseCliArgs, readCliArgs } from '../../../lib/cli/args';

const FLAGS = { json: { type: 'boolean' }, period: { type: 'string' }, profile: { type: 'string', missing: '--profile saknar fil', nonEmpty: true } } as const;
const parse = (argv: string[], positionals = 1) => parseCliArgs(argv, FLAGS, { positionals, tooMany: (a) => `för många filer (${a})` });

describe('parseCliArgs', () => {
  it('reads flags, values and positionals', () => {
    expect(parse(['fil.txt', '--json', '--period', '2026H2'])).toEqual({ kind: 'ok', values: { json: true, period: '2026H2' }, positionals: ['fil.txt'], order: ['json', 'period'] });
    expect(parse(['--period=2026H1', 'fil.txt'])).toMatchObject({ kind: 'ok', values: { period: '2026H1' } });
  });

  it('takes the next argument as a value, whatever it looks like', () => {
    expect(parse(['--period', '--json'])).toMatchObject({ kind: 'ok', values: { period: '--json' }, positionals: [] });
  });

  it('answers in the order given: help, or the first error', () => {
    expect(parse(['--help', '--bogus'])).toEqual({ kind: 'help' });
    expect(parse(['-h'])).toEqual({ kind: 'help' });
    expect(parse(['--bogus', '--help'])).toEqual({ kind: 'error', message: 'okänd flagga --bogus' });
    expect(parse(['--json=1'])).toEqual({ kind: 'error', message: 'okänd flagga --json=1' });
    expect(parse(['--period'])).toEqual({ kind: 'error', message: '--period saknar värde' });
    expect(parse(['--profile'])).toEqual({ kind: 'error', message: '--profile saknar fil' });
    expect(parse(['--profile', ''])).toEqual({ kind: 'error', message: '--profile saknar fil' });
    expect(parse(['a', 'b'])).toEqual({ kind: 'error', message: 'för många filer (b)' });
    expect(parse(['a', 'b'], 2)).toMatchObject({ kind: 'ok', positionals: ['a', 'b'] });
  });

  it('keeps a single-dash argument as a positional, and everything after --', () => {
    expect(parse(['-xh'])).toMatchObject({ kind: 'ok', positionals: ['-xh'] });
    expect(parse(['--', '--json'])).toMatchObject({ kind: 'ok', values: {}, positionals: ['--json'] });
  });
});

describe('readCliArgs', () => {
  it('prints the usage for help and for a bad argument, with the exit code', () => {
    const out: string[] = [];
    const err: string[] = [];
    const answers = { tooMany: (a: string) => `för många filer (${a})`, usage: 'Användning: x', out: (s: string) => out.push(s), err: (s: string) => err.push(s), usageExit: 3 };
    expect(readCliArgs(['-h'], FLAGS, answers)).toEqual({ kind: 'exit', code: 0 });
    expect(readCliArgs(['--bogus'], FLAGS, answers)).toEqual({ kind: 'exit', code: 3 });
    expect(out).toEqual(['Användning: x']);
    expect(err).toEqual(['okänd flagga --bogus\nAnvändning: x']);
  });
});
