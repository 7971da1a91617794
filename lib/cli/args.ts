/**
 * Command-line arguments for the CLIs (scb-check, extens-diff, scb-stats, uka-read), read with node's
 * `util.parseArgs` and checked in the order given, so that every CLI answers the same way:
 * - `-h` / `--help` asks for the usage text (unless an error comes before it);
 * - an unknown flag, or a value given to a flag that takes none, is "okänd flagga --x";
 * - a flag that takes a value and has none is "--x saknar värde" (or the CLI's own wording);
 * - a positional argument beyond `positionals` is the CLI's own "too many" message.
 * A flag's value may be the next argument, whatever it looks like (`--period --json` sets the period to "--json"),
 * or follow an equals sign (`--period=2026H2`). An argument with a single dash (`-x`) other than `-h` is positional,
 * as a file name may begin with a dash; after `--` every argument is positional.
 * What the values mean, what is required, the messages around them and the exit codes stay with each CLI.
 */
import { parseArgs } from 'node:util';

export type FlagSpec =
  | { type: 'boolean' }
  | {
      type: 'string';
      /** The message when the value is missing. */
      missing?: string;
      /** An empty value counts as missing. */
      nonEmpty?: boolean;
    };
export type FlagSpecs = Record<string, FlagSpec>;
export type FlagValues<S extends FlagSpecs> = { [K in keyof S]?: S[K] extends { type: 'string' } ? string : true };

export interface ParsedArgs<S extends FlagSpecs> {
  kind: 'ok';
  values: FlagValues<S>;
  positionals: string[];
  /** The flags in the order given (for flags where the last one wins, such as --header and --no-header). */
  order: Array<keyof S & string>;
}

export type CliArgs<S extends FlagSpecs> = { kind: 'help' } | { kind: 'error'; message: string } | ParsedArgs<S>;

export interface CliArgOptions {
  /** How many positional arguments are allowed (default 1). */
  positionals?: number;
  /** The message for a positional argument beyond them. */
  tooMany: (extra: string) => string;
}

export function parseCliArgs<S extends FlagSpecs>(argv: readonly string[], flags: S, options: CliArgOptions): CliArgs<S> {
  const config = Object.fromEntries(Object.entries(flags).map(([name, f]) => [name, { type: f.type }]));
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | true> = {};
  const order: Array<keyof S & string> = [];
  const positionals: string[] = [];
  const positional = (value: string): string | null => {
    if (positionals.length >= (options.positionals ?? 1)) return options.tooMany(value);
    positionals.push(value);
    return null;
  };
  let shortArg = -1;
  for (const t of tokens) {
    let error: string | null = null;
    if (t.kind === 'positional') error = positional(t.value);
    else if (t.kind === 'option' && !t.rawName.startsWith('--') && argv[t.index] !== '-h') {
      // A single-dash argument other than -h is positional (parseArgs gives one token per letter: take it once).
      if (t.index !== shortArg) error = positional(argv[t.index] as string);
      shortArg = t.index;
    } else if (t.kind === 'option') {
      const spec = Object.hasOwn(flags, t.name) ? flags[t.name] : undefined;
      if ((t.rawName === '-h' || t.rawName === '--help') && !t.inlineValue) return { kind: 'help' };
      if (!spec || (spec.type === 'boolean' && t.inlineValue)) error = `okänd flagga ${t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName}`;
      else if (spec.type === 'string' && (t.value === undefined || (spec.nonEmpty && t.value === ''))) error = spec.missing ?? `${t.rawName} saknar värde`;
      else {
        values[t.name] = spec.type === 'string' ? (t.value as string) : true;
        order.push(t.name);
      }
    }
    if (error !== null) return { kind: 'error', message: error };
  }
  return { kind: 'ok', values: values as FlagValues<S>, positionals, order };
}

export interface CliAnswers {
  usage: string;
  out: (s: string) => void;
  err: (s: string) => void;
  /** The exit code for a bad argument. */
  usageExit: number;
}

/**
 * parseCliArgs with the answers every CLI gives: for help the usage text on `out` (exit 0), for a bad argument the
 * reason and the usage text on `err` (exit `usageExit`). Gives the arguments, or the exit code to return.
 */
export function readCliArgs<S extends FlagSpecs>(argv: readonly string[], flags: S, options: CliArgOptions & CliAnswers): ParsedArgs<S> | { kind: 'exit'; code: number } {
  const args = parseCliArgs(argv, flags, options);
  if (args.kind === 'help') {
    options.out(options.usage);
    return { kind: 'exit', code: 0 };
  }
  if (args.kind === 'error') {
    options.err(`${args.message}\n${options.usage}`);
    return { kind: 'exit', code: options.usageExit };
  }
  return args;
}
