/**
 * Command line: npm run scb-check -- FILE [--period 2026H2] [--kommun 2281] [--profile FILE] [--json] [--today 2027-01-15]
 *   [--unmasked]
 * Exit 0: nothing blocks (warnings allowed); 1: something blocks; 2: unreadable or cannot be read; 3: bad arguments.
 * Every output (text, --json, errors) has its personnummer masked (lib/scb/mask.ts) unless --unmasked is given:
 * terminals, CI logs and pasted output are not private.
 */
import { readFileSync } from 'node:fs';
import { readCliArgs } from '../cli/args';
import { maskPersonnummer } from './mask';
import { defaultProfile, loadProfile, type ScbProfile } from './profile';
import { validateScbFile } from './validate';
import { formatReportText } from './format';

const USAGE =
  'Användning: npm run scb-check -- FIL [--period 2026H2] [--kommun 2281] [--profile PROFIL.json] [--today ÅÅÅÅ-MM-DD] [--json] [--unmasked]\n' +
  'Personnummer maskeras i all utdata; --unmasked visar dem i sin helhet.';

export function main(argv: string[]): number {
  const mask = argv.includes('--unmasked') ? (s: string) => s : maskPersonnummer;
  const log = (s: string) => console.log(mask(s));
  const error = (s: string) => console.error(mask(s));
  const args = readCliArgs(
    argv,
    { json: { type: 'boolean' }, unmasked: { type: 'boolean' }, period: { type: 'string' }, kommun: { type: 'string' }, profile: { type: 'string' }, today: { type: 'string' } },
    { tooMany: (a) => `för många filer (${a})`, usage: USAGE, out: log, err: error, usageExit: 3 },
  );
  if (args.kind === 'exit') return args.code;
  // --unmasked is read above: it decides the masking of every line printed, the errors about the arguments included.
  const { json = false, period, kommun, profile: profilePath, today } = args.values;
  const [file] = args.positionals;
  if (!file) {
    error(USAGE);
    return 3;
  }
  let profile: ScbProfile = defaultProfile();
  if (profilePath) {
    let text: string;
    try {
      text = readFileSync(profilePath, 'utf8');
    } catch (e) {
      error(`Kan inte läsa profilen ${profilePath}: ${(e as Error).message}`);
      return 3;
    }
    const r = loadProfile(text);
    if (!r.ok) {
      error(`Profilen ${profilePath} är ogiltig:\n${r.errors.map((e) => `  ${e.path || '(rot)'}: ${e.message}`).join('\n')}`);
      return 3;
    }
    profile = r.profile;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    const msg = `Kan inte läsa filen ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    if (json) log(JSON.stringify({ verdict: 'unreadable', error: msg, findings: [] }));
    else error(msg);
    return 2;
  }
  const report = validateScbFile(bytes, { profile, period, kommun, today });
  if (json) log(JSON.stringify(report, null, 2));
  else log(formatReportText(report));
  return report.verdict === 'unreadable' ? 2 : report.verdict === 'block' ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (/cli\.(ts|js|mjs)$/.test(invoked)) process.exitCode = main(process.argv.slice(2));
