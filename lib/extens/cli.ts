/**
 * Command line: npm run extens-diff -- EXTRACT --map MAP.json --register SCBFILE --date YYYY-MM-DD --kommun NNNN
 *   [--json] [--no-header | --header] [--unmasked] [--masked]
 * Exit 0: compared, every row read; 1: rows that could not be read (listed) or register lines that could not be
 * read; 2: a file cannot be read at all (missing, or no personnummer column); 3: bad arguments.
 *
 * Personnummer are masked in every output (lib/scb/mask.ts, as scb-check does) unless --unmasked is given, with one
 * exception: --json prints the issue's shape {"register","end","protected","missingContact","rowErrors"} with full
 * 12-digit personnummer, because that JSON is the administrator's work list for registering in UKA and is meant for a
 * file, not the screen (--json --masked masks it too). Notes on stderr are always masked.
 */
import { readFileSync } from 'node:fs';
import { readCliArgs } from '../cli/args';
import { isIsoDate, type IsoDate } from '../domain/dates';
import { maskPersonnummer } from '../scb/mask';
import { compare, comparisonJson, readRegister, type ListEntryView } from './compare';
import { previewExtract, readExtract } from './extract';
import { loadMapping, unresolvedColumns, type ExtensMapping } from './mapping';
import { count } from '../domain/swedish';

const USAGE =
  'Användning: npm run extens-diff -- UTDRAG.csv --map MAPPNING.json --register SCBFIL.txt --date ÅÅÅÅ-MM-DD --kommun NNNN [--json] [--header|--no-header] [--unmasked|--masked]';

export function main(argv: string[], out: (s: string) => void = console.log, err: (s: string) => void = console.error): number {
  const args = readCliArgs(
    argv,
    {
      json: { type: 'boolean' },
      map: { type: 'string' },
      register: { type: 'string' },
      date: { type: 'string' },
      kommun: { type: 'string' },
      header: { type: 'boolean' },
      'no-header': { type: 'boolean' },
      unmasked: { type: 'boolean' },
      masked: { type: 'boolean' },
    },
    { tooMany: (a) => `för många filer (${a})`, usage: USAGE, out: out, err: err, usageExit: 3 },
  );
  if (args.kind === 'exit') return args.code;
  const { json = false, map: mapPath, register: registerPath, date, kommun, unmasked = false, masked = false } = args.values;
  const [file] = args.positionals;
  // --header and --no-header: the last one given wins; neither leaves it to the reader.
  const headerFlag = args.order.filter((f) => f === 'header' || f === 'no-header').pop();
  const hasHeader = headerFlag === undefined ? undefined : headerFlag === 'header';
  if (!file || !mapPath || !registerPath || !date || !kommun) {
    err(`Utdrag, --map, --register, --date och --kommun behövs.\n${USAGE}`);
    return 3;
  }
  if (!isIsoDate(date)) {
    err(`--date ska vara ett verkligt datum ÅÅÅÅ-MM-DD, inte "${date}"`);
    return 3;
  }
  if (!/^\d{4}$/.test(kommun)) {
    err(`--kommun ska vara fyra siffror, t.ex. 0180, inte "${kommun}"`);
    return 3;
  }
  let map: ExtensMapping;
  try {
    const r = loadMapping(JSON.parse(readFileSync(mapPath, 'utf8')));
    if (!r.ok) {
      err(`Mappningen ${mapPath} är ogiltig:\n  ${r.errors.join('\n  ')}`);
      return 3;
    }
    map = r.map;
  } catch (e) {
    err(`Kan inte läsa mappningen ${mapPath}: ${(e as Error).message}`);
    return 3;
  }
  const read = (path: string, what: string): Uint8Array | null => {
    try {
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      err(`Kan inte läsa ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      return null;
    }
  };
  const extractBytes = read(file, 'utdraget');
  if (!extractBytes) return 2;
  const registerBytes = read(registerPath, 'SCB-filen');
  if (!registerBytes) return 2;

  const preview = previewExtract(extractBytes, 1, hasHeader);
  const unresolved = unresolvedColumns(map, preview.header, preview.columnCount);
  if (unresolved.length > 0 || map.personnummer === undefined) {
    err(`Mappningen passar inte utdraget:\n  ${[...(map.personnummer === undefined ? ['personnummer saknas i mappningen'] : []), ...unresolved].join('\n  ')}`);
    return 2;
  }
  const extract = readExtract(extractBytes, { map, hasHeader, date: date as IsoDate });
  const register = readRegister(registerBytes);
  const result = compare(extract.persons, register, extract.rowErrors, { date: date as IsoDate, kommun });

  if (json) {
    const text = JSON.stringify(comparisonJson(result), null, 2);
    out(masked ? maskPersonnummer(text) : text);
    if (result.notInExtract.length > 0) err(`OBS: ${result.notInExtract.length} registrerade i UKA finns inte i utdraget (kör utan --json för listan).`);
    if (register.unreadableLines.length > 0) err(`OBS: ${count(register.unreadableLines.length, 'rad')} i SCB-filen kunde inte läsas (rad ${register.unreadableLines.slice(0, 10).join(', ')}).`);
  } else {
    const mask = unmasked ? (t: string) => t : maskPersonnummer;
    const show = (pnr: string) => mask(`${pnr.slice(0, 8)}-${pnr.slice(8)}`);
    const list = (title: string, entries: ListEntryView[]) => {
      out(`\n${title} (${entries.length})`);
      for (const e of entries) out(`  ${show(e.personnummer)}  ${e.reason}`);
    };
    out(`Jämförelse ${date}, kommun ${kommun}: ${count(extract.persons.length, 'ungdom')} i utdraget (${count(extract.rows, 'rad')}), ${register.open.size} med öppen registrering i UKA.`);
    list('Ska registreras', result.register);
    list('Ska avslutas', result.end);
    list('Skyddad identitet – följ den särskilda rutinen, registrera inte i UKA', result.protected);
    list('Saknar kontaktuppgift', result.missingContact);
    list('Registrerade i UKA men inte i utdraget (kontrollera)', result.notInExtract);
    out(`\nRader som inte kunde läsas (${result.rowErrors.length})`);
    for (const e of result.rowErrors) out(`  rad ${e.row}${e.column ? `, ${e.column}` : ''}: ${mask(e.message)}`);
    if (register.unreadableLines.length > 0) out(`\nRader i SCB-filen som inte kunde läsas: ${register.unreadableLines.join(', ')}`);
    if (!unmasked) out('\n(Personnummer visas maskerade; --unmasked visar dem hela.)');
  }
  return result.rowErrors.length > 0 || register.unreadableLines.length > 0 ? 1 : 0;
}

const invoked = process.argv[1] ?? '';
if (/extens[/\\]cli\.(ts|js|mjs)$/.test(invoked)) process.exitCode = main(process.argv.slice(2));
