/**
 * Command line: npm run uka-read -- [--profile FILE.json] PAGE.html [--json] [--unmasked]
 *
 * Reads a saved UKA page (a page saved by the browser, or a capture from the calibration page) with the built-in
 * markup profiles, the given profile tried first, and prints which profile matched, the page kind and what was read
 * (the typed reads the features get), or why nothing matched. This is how a profile is written and tested outside
 * the browser. Values are masked (personnummer, names, free text) unless --unmasked is given.
 * Exit codes: 0 read (or a page kind with nothing to read), 1 recognised but the read failed, 2 no profile matched
 * or the page cannot be read, 3 the given profile cannot be used.
 */
import { readFileSync } from 'node:fs';
import { readCliArgs } from '../cli/args';
import { parseHTML } from 'linkedom';
import { createUkaAdapter } from './adapter';
import { builtinProfiles } from './profiles';
import { parseProfileText } from './profile-schema';
import { calibrate, type CalibrationReport } from './calibrate';
import { fieldKind, maskValue } from './mask';
import type { UkaProfile } from './profile';
import type { PageKind, ReadResult } from './types';

const USAGE = 'Användning: npm run uka-read -- [--profile PROFIL.json] SIDA.html [--json] [--unmasked]';

/** Every string of a read masked by its field name (arrays and objects walked). */
export function maskRead(value: unknown, field = ''): unknown {
  if (typeof value === 'string') {
    if (field === 'heading' || field === 'colour' || field === 'kind' || field === 'target' || field === 'href') return field === 'href' ? value.replace(/\d/g, '0') : value;
    return maskValue(fieldKind(field === 'atgardCode' || field === 'sysKontakt' || field === 'grundAtgSlut' ? 'code' : field), value);
  }
  if (Array.isArray(value)) return value.map((v) => maskRead(v, field === 'items' ? 'text' : field));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskRead(v, k)]));
  return value;
}

function readFor(adapter: ReturnType<typeof createUkaAdapter>, kind: PageKind, doc: Document): ReadResult<unknown> | null {
  if (kind === 'person') return adapter.readPersonPage(doc);
  if (kind === 'start') return adapter.readStartList(doc);
  if (kind === 'export') return adapter.readExportList(doc);
  return null;
}

function textReport(file: string, report: CalibrationReport, read: ReadResult<unknown> | null, value: unknown): string {
  const lines: string[] = [`Sida: ${file}`];
  if (!report.profileId) {
    lines.push('Ingen profil känner igen sidan.');
    for (const t of report.tried) lines.push(`  ${t.id} (${t.source}): hittar inte ${t.missing.join(', ')}`);
    return lines.join('\n');
  }
  lines.push(`Profil: ${report.profileId} (${report.profileSource})`, `Sidtyp: ${report.kind}`);
  if (!read) lines.push('Ingen läsning för den här sidtypen.');
  else if (!read.ok) lines.push(`Läsningen misslyckades: ${read.reason}`);
  else lines.push('Läst:', JSON.stringify(value, null, 2));
  const none = report.rules.filter((r) => r.count === 0);
  if (none.length) lines.push(`Regler som inte hittade något på sidan (${none.length}):`, ...none.map((r) => `  ${r.path}: ${r.rule}`));
  return lines.join('\n');
}

export function main(argv: string[]): number {
  const args = readCliArgs(
    argv,
    { json: { type: 'boolean' }, unmasked: { type: 'boolean' }, profile: { type: 'string', missing: '--profile saknar fil', nonEmpty: true } },
    { tooMany: (a) => `en sida i taget (fick också ${a})`, usage: USAGE, out: (s) => console.log(s), err: (s) => console.error(s), usageExit: 2 },
  );
  if (args.kind === 'exit') return args.code;
  if (!args.positionals[0]) {
    console.error(`ingen sida angiven\n${USAGE}`);
    return 2;
  }
  const { json = false, unmasked = false, profile: profilePath } = args.values;
  const file = args.positionals[0] as string;
  const profiles: UkaProfile[] = [];
  if (profilePath) {
    let text: string;
    try {
      text = readFileSync(profilePath, 'utf8');
    } catch (e) {
      console.error(`Kan inte läsa profilen ${profilePath}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return 3;
    }
    const parsed = parseProfileText(text, { source: 'imported' });
    if (!parsed.ok) {
      if (json) console.log(JSON.stringify({ profileErrors: parsed.errors }, null, 2));
      else console.error([`Profilen ${profilePath} kan inte användas:`, ...parsed.errors.map((e) => `  ${e.path || '(hela filen)'}: ${e.message}`)].join('\n'));
      return 3;
    }
    profiles.push(parsed.profile);
  }
  profiles.push(...builtinProfiles);
  let doc: Document;
  try {
    doc = parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
  } catch (e) {
    console.error(`Kan inte läsa sidan ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return 2;
  }
  const report = calibrate(doc, profiles);
  const adapter = createUkaAdapter(profiles);
  const read = report.profileId ? readFor(adapter, report.kind, doc) : null;
  const value = read?.ok ? (unmasked ? read.value : maskRead(read.value)) : undefined;
  if (json) {
    console.log(
      JSON.stringify(
        {
          file,
          profile: report.profileId,
          profileSource: report.profileSource,
          kind: report.kind,
          tried: report.tried,
          read: read ? (read.ok ? { ok: true, value } : { ok: false, reason: read.reason }) : null,
          rules: report.rules,
        },
        null,
        2,
      ),
    );
  } else console.log(textReport(file, report, read, value));
  if (!report.profileId) return 2;
  return read && !read.ok ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (/uka[\\/]cli\.(ts|js|mjs)$/.test(invoked)) process.exitCode = main(process.argv.slice(2));
