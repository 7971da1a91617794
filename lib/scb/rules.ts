/**
 * Rule ids, severities and the Swedish texts of the SCB file validator (our own words).
 * Logical rule ids (R1..R6, Y1..Y4, G1) are the same as the warning kinds in lib/domain/warnings.ts.
 * Own ids: S-* structural, X-* Excel damage, U-* unreadable file.
 */
export type Severity = 'block' | 'warn' | 'info';

export interface RuleText {
  severity: Severity;
  /** Short Swedish title of the rule. */
  title: string;
  /** Swedish: how to fix it (in UKA, or by exporting again). */
  fix: string;
}

const EXPORT_AGAIN = 'Rätta uppgiften i UKA, exportera filen på nytt och spara den direkt som textfil.';
const EXCEL_FIX =
  'Ta fram filen på nytt med exportknappen i UKA och spara den direkt som textfil. Öppna den inte i Excel eller något annat kalkylprogram innan du laddar upp den till SCB.';

export const EXCEL_MESSAGE =
  'Filen har öppnats och sparats i ett kalkylprogram (till exempel Excel). Då ändras tecken, datum och personnummer så att SCB inte kan läsa filen rätt.';

export const RULES: Record<string, RuleText> = {
  // Logical rules (mirror UKA's warnings).
  R1: { severity: 'block', title: 'Ingen sysselsättning under pågående åtgärd', fix: 'Öppna ungdomen i UKA och ändra kontaktens sysselsättning (InSys) eller åtgärdens datum så att de stämmer med varandra.' },
  R2: {
    severity: 'block',
    title: 'Ingen kontakt under åtgärdsperioden',
    fix: 'Registrera i UKA minst en kontakt med sysselsättning (SysKontakt) daterad under åtgärdsperioden: från åtgärdens startdatum till dess slutdatum, eller till insamlingsperiodens slut om åtgärden pågår. En kontakt före åtgärden räknas inte.',
  },
  R3: { severity: 'block', title: 'Avslutad åtgärd saknar orsak', fix: 'Fyll i varför åtgärden avslutades (GrundAtgSlut) på åtgärden i UKA.' },
  R4: { severity: 'block', title: 'Avslutad åtgärd saknar sysselsättning efteråt', fix: 'Fyll i ungdomens sysselsättning efter åtgärden (SysEfter) på åtgärden i UKA.' },
  R5: { severity: 'block', title: 'Åtgärd och sysselsättning efteråt är samma', fix: 'Ändra sysselsättningen efter åtgärden (SysEfter) i UKA så att den beskriver vad ungdomen gör när åtgärden är slut.' },
  R6: { severity: 'block', title: 'Studienivån har sjunkit mellan registreringsperioder', fix: 'Kontrollera senaste studier vid registrering (SenSysReg) på ungdomens registreringsperioder i UKA; en senare period kan inte ha lägre nivå.' },
  Y1: { severity: 'warn', title: 'Studiebevis stämmer inte med senaste studier', fix: 'Kontrollera uppgiften om studiebevis och SenSysReg på registreringsperioden i UKA.' },
  Y2: { severity: 'warn', title: 'Senaste studier vid registrering saknas', fix: 'Fyll i senaste studier vid registrering (SenSysReg) i UKA om uppgiften går att få fram.' },
  Y3: { severity: 'warn', title: 'Åtgärd utanför registreringsperioderna', fix: 'Kontrollera åtgärdens startdatum och ungdomens registreringsperioder i UKA.' },
  Y4: { severity: 'warn', title: 'Ingen kontakt under insamlingsperioden', fix: 'Registrera kontakter med ungdomen under perioden i UKA, eller kontrollera att kontaktdatumen är rätt.' },
  G1: { severity: 'info', title: 'Pågående åtgärd', fix: 'Ingen åtgärd behövs nu. Avsluta åtgärden i UKA när den är klar.' },
  // Structural.
  'S-HEADER': { severity: 'block', title: 'Rubrikraden är fel', fix: EXPORT_AGAIN },
  'S-COLUMNS': { severity: 'block', title: 'Fel antal fält på raden', fix: EXPORT_AGAIN },
  'S-FORMAT': { severity: 'block', title: 'Fel format i fältet', fix: EXPORT_AGAIN },
  'S-REQUIRED': { severity: 'block', title: 'Obligatoriskt fält saknas', fix: 'Fyll i uppgiften på ungdomen i UKA och exportera filen på nytt.' },
  'S-NOT-ALLOWED': { severity: 'block', title: 'Fältet ska vara tomt', fix: EXPORT_AGAIN },
  'S-LINE-KIND': { severity: 'block', title: 'Raden är både kontakt och åtgärd', fix: EXPORT_AGAIN },
  'S-CODE': { severity: 'block', title: 'Koden finns inte i kodlistan', fix: 'Välj ett värde från listan i UKA och exportera filen på nytt.' },
  'S-PNR': { severity: 'block', title: 'Ogiltigt personnummer', fix: 'Kontrollera ungdomens personnummer eller samordningsnummer i UKA.' },
  'S-KOMMUN': { severity: 'block', title: 'Fel kommunkod', fix: 'Kontrollera att filen kommer från er egen kommun och att kommunkoden är rätt inställd.' },
  'S-DATE': { severity: 'block', title: 'Ogiltigt datum', fix: 'Rätta datumet i UKA och exportera filen på nytt.' },
  'S-DATE-ORDER': { severity: 'block', title: 'Slutdatum före startdatum', fix: 'Rätta start- eller slutdatum i UKA.' },
  'S-PERIOD': { severity: 'block', title: 'Utanför insamlingsperioden', fix: 'Kontrollera datumen i UKA och att filen är exporterad för rätt halvår.' },
  'S-CONTACT-LATE': { severity: 'warn', title: 'Kontakt efter insamlingsperioden', fix: 'Kontrollera kontaktens datum i UKA och att filen är exporterad för rätt halvår.' },
  'S-FUTURE': { severity: 'warn', title: 'Datum i framtiden', fix: 'Rätta datumet i UKA.' },
  'S-AGE': { severity: 'block', title: 'Ungdomen var 20 år eller äldre', fix: 'Kontrollera registreringsperiodens startdatum och personnumret i UKA; den som fyllt 20 ska inte rapporteras.' },
  'S-DUPLICATE': { severity: 'block', title: 'Samma rad står två gånger', fix: 'Ta bort den dubblerade kontakten eller åtgärden i UKA och exportera filen på nytt.' },
  'S-REG-OVERLAP': { severity: 'block', title: 'Registreringsperioder överlappar', fix: 'Rätta registreringsperiodernas datum i UKA så att de inte går in i varandra.' },
  'S-REG-CONFLICT': { severity: 'block', title: 'Olika uppgifter för samma registreringsperiod', fix: EXPORT_AGAIN },
  'S-ENCODING': { severity: 'block', title: 'Fel teckenkodning', fix: EXCEL_FIX },
  'S-NUL': { severity: 'block', title: 'Filen är skadad och har tomma tecken (nolltecken, byte 0x00)', fix: EXPORT_AGAIN },
  'S-CONTROL': { severity: 'block', title: 'Filen har tecken som inte hör hemma i en textfil (styrtecken)', fix: EXPORT_AGAIN },
  'S-BYTE': { severity: 'block', title: 'Ogiltigt tecken', fix: EXPORT_AGAIN },
  'S-EOL-LF': { severity: 'warn', title: 'Radsluten har ändrats efter exporten (LF utan CR)', fix: EXPORT_AGAIN },
  'S-EOL-MIXED': { severity: 'warn', title: 'Filen har två sorters radslut (CRLF och LF)', fix: EXPORT_AGAIN },
  'S-EOL-CR': { severity: 'block', title: 'Radsluten har ändrats efter exporten (bara CR)', fix: EXPORT_AGAIN },
  'S-EOL-CRCR': {
    severity: 'block',
    title: 'Radsluten har ändrats när filen fördes över (CR CR LF)',
    fix: 'Exportera filen på nytt från UKA och spara den direkt. För inte över eller kopiera den med ett program som gör om radsluten (överföring i textläge).',
  },
  'S-HEADER-SEP': { severity: 'block', title: 'Rubrikraden slutar med extra avgränsare', fix: EXPORT_AGAIN },
  'S-AGE-UNSURE': { severity: 'warn', title: 'Åldern går inte att avgöra', fix: 'Kontrollera i UKA att ungdomen var under 20 år när registreringsperioden började.' },
  'S-EOF': { severity: 'info', title: 'Sista raden saknar radslut', fix: 'Ingen åtgärd behövs om SCB tar emot filen.' },
  'S-BLANK': { severity: 'warn', title: 'Tom rad', fix: EXPORT_AGAIN },
  'S-PROFILE-PERIOD': { severity: 'warn', title: 'Profilen gäller inte perioden', fix: 'Välj den filprofil som SCB anger för halvåret under Inställningar.' },
  'S-NO-ROWS': { severity: 'block', title: 'Filen har inga rader med ungdomar', fix: EXPORT_AGAIN },
  'S-INTERNAL': { severity: 'block', title: 'Kontrollen kunde inte slutföras', fix: 'Försök igen. Om felet finns kvar: exportera filen på nytt från UKA.' },
  // Excel damage.
  'X-EXCEL': { severity: 'block', title: 'Filen har sparats i ett kalkylprogram', fix: EXCEL_FIX },
  'X-BOM': { severity: 'block', title: 'Filen har ändrats efter exporten (ett osynligt märke först i filen, BOM)', fix: EXCEL_FIX },
  'X-COMMA': { severity: 'block', title: 'Kommatecken som avgränsare', fix: EXCEL_FIX },
  'X-TAB': { severity: 'block', title: 'Tabb som avgränsare', fix: EXCEL_FIX },
  'X-QUOTES': { severity: 'block', title: 'Fält inom citattecken', fix: EXCEL_FIX },
  'X-PNR-SCI': { severity: 'block', title: 'Personnummer i exponentform', fix: EXCEL_FIX },
  'X-PNR-SHORT': { severity: 'block', title: 'Personnummer med för få siffror', fix: EXCEL_FIX },
  'X-KOMMUN3': { severity: 'block', title: 'Kommunkod utan inledande nolla', fix: EXCEL_FIX },
  'X-DATETIME': { severity: 'block', title: 'Datum med klockslag', fix: EXCEL_FIX },
  'X-DATE-SLASH': { severity: 'block', title: 'Datum i annat format', fix: EXCEL_FIX },
  'X-DATE-NOPAD': { severity: 'block', title: 'Datum utan inledande nollor', fix: EXCEL_FIX },
  'X-TRAILING-SEP': { severity: 'block', title: 'Extra avgränsare sist på varje rad', fix: EXCEL_FIX },
  'X-LF': { severity: 'block', title: 'Radslut ändrade', fix: EXCEL_FIX },
  'X-CODE-ZERO': { severity: 'block', title: 'Koder utan inledande nolla', fix: EXCEL_FIX },
  'X-EMPTY-ROWS': { severity: 'block', title: 'Tomma rader från ett kalkylblad', fix: EXCEL_FIX },
  'X-QUOTED-SEP': { severity: 'block', title: 'Avgränsare inom citattecken', fix: EXCEL_FIX },
  'X-QUOTED-NEWLINE': { severity: 'block', title: 'Radbrytning inom citattecken', fix: EXCEL_FIX },
  // Unreadable.
  'U-EMPTY': { severity: 'block', title: 'Filen är tom', fix: 'Exportera filen på nytt från UKA.' },
  'U-BINARY': { severity: 'block', title: 'Filen är inte en textfil', fix: 'Välj textfilen som UKA:s export gav.' },
  'U-ZIP': { severity: 'block', title: 'Filen är en Excel-arbetsbok eller ett zip-arkiv', fix: EXCEL_FIX },
  'U-XLS': { severity: 'block', title: 'Filen är en äldre Excel-arbetsbok', fix: EXCEL_FIX },
  'U-PDF': { severity: 'block', title: 'Filen är en PDF', fix: 'Välj textfilen som UKA:s export gav.' },
  'U-GZIP': { severity: 'block', title: 'Filen är komprimerad', fix: 'Packa upp filen eller exportera den på nytt från UKA.' },
  'U-UTF16': { severity: 'block', title: 'Filen har sparats om som Unicode-text (UTF-16)', fix: EXCEL_FIX },
  'U-UTF16-NOBOM': {
    severity: 'block',
    title: 'Filen är sparad med fel teckenkodning (UTF-16)',
    fix: 'Ta fram filen på nytt med exportknappen i UKA och spara den direkt som textfil, utan att öppna och spara om den i något annat program.',
  },
  'U-NOT-SCB': { severity: 'block', title: 'Filen liknar inte en SCB-fil', fix: 'Välj textfilen som UKA:s export gav.' },
};

export function ruleText(ruleId: string): RuleText {
  return RULES[ruleId] ?? { severity: 'block', title: ruleId, fix: 'Exportera filen på nytt från UKA.' };
}

export function isExcelRule(ruleId: string): boolean {
  return ruleId.startsWith('X-') || ruleId === 'U-ZIP' || ruleId === 'U-XLS' || ruleId === 'U-UTF16';
}
/**
 * File-level rules that name a cause (the kind of damage), in the order a reader should meet them: the one that
 * explains most of the others first. A report leads with these and folds what they explain under them.
 */
export const CAUSE_RULES = ['S-ENCODING', 'X-EXCEL', 'S-HEADER', 'S-EOL-CR', 'S-EOL-CRCR', 'S-HEADER-SEP', 'S-EOL-MIXED', 'S-EOL-LF'] as const;

/** Kind of damage a rule belongs to (the cause-first report and its tests group rules by it). */
export type RuleFamily = 'unreadable' | 'spreadsheet' | 'encoding' | 'header' | 'line-ending' | 'row' | 'logical';

export function ruleFamily(ruleId: string): RuleFamily {
  if (isExcelRule(ruleId)) return 'spreadsheet';
  if (ruleId.startsWith('U-')) return 'unreadable';
  if (ruleId === 'S-ENCODING') return 'encoding';
  if (ruleId.startsWith('S-HEADER')) return 'header';
  if (ruleId.startsWith('S-EOL') || ruleId === 'S-EOF') return 'line-ending';
  if (/^[RYG]\d$/.test(ruleId)) return 'logical';
  return 'row';
}

export function isUnreadableRule(ruleId: string): boolean {
  return ruleId.startsWith('U-');
}
