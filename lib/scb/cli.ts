/**
 * Command line: npm run scb-check -- FILE [--period 2026H2] [--kommun 2281] [--profile FILE] [--json] [--today 2027-01-15]
 * Exit 0: nothing blocks (warnings allowed); 1: something blocks; 2: unreadable or cannot be read; 3: bad arguments.
 */
import { readFileSync } from 'node:fs';
import { maskId } from '../domain/personnummer';
import { defaultProfile, loadProfile, type ScbProfile } from './profile';
import { validateScbFile } from './validate';
import { formatReportText } from './format';

const USAGE = 'Användning: npm run scb-check -- FIL [--period 2026H2] [--kommun 2281] [--profile PROFIL.json] [--today ÅÅÅÅ-MM-DD] [--json]';

export function main(argv: string[]): number {
  let file: string | undefined;
  let period: string | undefined;
  let kommun: string | undefined;
  let profilePath: string | undefined;
  let today: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} saknar värde`);
      return v;
    };
    try {
      if (a === '--json') json = true;
      else if (a === '--period') period = next();
      else if (a === '--kommun') kommun = next();
      else if (a === '--profile') profilePath = next();
      else if (a === '--today') today = next();
      else if (a === '-h' || a === '--help') {
        console.log(USAGE);
        return 0;
      } else if (a.startsWith('--')) throw new Error(`okänd flagga ${a}`);
      else if (file === undefined) file = a;
      else throw new Error(`för många filer (${a})`);
    } catch (e) {
      console.error(`${(e as Error).message}\n${USAGE}`);
      return 3;
    }
  }
  if (!file) {
    console.error(USAGE);
    return 3;
  }
  let profile: ScbProfile = defaultProfile();
  if (profilePath) {
    let text: string;
    try {
      text = readFileSync(profilePath, 'utf8');
    } catch (e) {
      console.error(`Kan inte läsa profilen ${profilePath}: ${(e as Error).message}`);
      return 3;
    }
    const r = loadProfile(text);
    if (!r.ok) {
      console.error(`Profilen ${profilePath} är ogiltig:\n${r.errors.map((e) => `  ${e.path || '(rot)'}: ${e.message}`).join('\n')}`);
      return 3;
    }
    profile = r.profile;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    const msg = `Kan inte läsa filen ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    if (json) console.log(JSON.stringify({ verdict: 'unreadable', error: msg, findings: [] }));
    else console.error(msg);
    return 2;
  }
  const report = validateScbFile(bytes, { profile, period, kommun, today });
  if (json) {
    // Personnummer are masked in CLI output as well (terminals and CI logs are not private).
    const masked = { ...report, findings: report.findings.map((f) => (f.personKey ? { ...f, personKey: maskId(f.personKey) } : f)) };
    console.log(JSON.stringify(masked, null, 2));
  } else console.log(formatReportText(report));
  return report.verdict === 'unreadable' ? 2 : report.verdict === 'block' ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (/cli\.(ts|js|mjs)$/.test(invoked)) process.exitCode = main(process.argv.slice(2));
