/**
 * The built-in content pack: our own Swedish texts based on the facts of a kommun's KAA metodbok (chapters 1–7).
 * Local names (Arbetsmarknadstorget, Ung Kraft, I-Kraft …) are EXAMPLES that a kommun replaces in its own pack.
 * Validated by parsePack when lib/content/index.ts loads, and in tests/unit/content.
 */
import type { PackInput } from './schema';
import { PACK_KEYS, routineDefaults } from '../domain/routine';

const sections: PackInput['sections'] = [
  {
    id: 'om-kaa',
    title: 'Det kommunala aktivitetsansvaret i korthet',
    body: `Kommunen ska hålla koll på vad unga under 20 år gör när de inte går i gymnasieskolan och saknar examen. Det står i skollagen (29 kap. 9 §). Uppdraget kallas det kommunala aktivitetsansvaret, **KAA**.

## Det här ingår i uppdraget
- Ta reda på vad varje ungdom i målgruppen sysslar med.
- Erbjuda lämpliga individuella insatser, helst sådana som leder mot studier.
- Dokumentera kontakter och insatser.
- Föra register över ungdomarna. Registret är **UKA**.

Ansvaret gäller hela året, inte bara vid vissa tillfällen. Det upphör den dag ungdomen fyller 20.

Läs vidare om [vem som omfattas](#vem-omfattas) och om [kontakttrappan](#kontakttrappan).`,
    links: ['vem-omfattas', 'identifiera-ungdomar', 'kontakttrappan'],
    tags: ['skollagen', 'uppdrag', 'KAA'],
  },
  {
    id: 'vem-omfattas',
    title: 'Vem omfattas – och vem gör det inte',
    body: `En ungdom omfattas av KAA när *alla* punkter stämmer:

1. Hen har inte fyllt 20 år.
2. Hen har fullgjort skolplikten, eller blev folkbokförd i Sverige när hen inte längre hade skolplikt.
3. Hen går inte i gymnasieskola, anpassad gymnasieskola eller motsvarande.
4. Hen har ingen gymnasieexamen, inget gymnasiesärskolebevis och ingen annan avslutad motsvarande utbildning med godkänt resultat.

Dessutom ska ungdomen vara folkbokförd i kommunen.

## Omfattas
- Unga som har hoppat av ett nationellt program eller ett introduktionsprogram.
- Unga som bara har ett **studiebevis**.
- Unga som aldrig började på gymnasiet.

## Omfattas inte
- Elever som är inskrivna på ett introduktionsprogram (IM). De räknas som elever i gymnasieskolan.
- Unga med gymnasiesärskolebevis.
- Unga som har klarat en motsvarande utbildning med godkänt resultat. Skolverket nämner som exempel IB, en utländsk gymnasieexamen och folkhögskola som ger grundläggande behörighet.

Unga med skyddade personuppgifter omfattas också, men de registreras inte i UKA. Se [skyddade personuppgifter](#skyddade-personuppgifter).`,
    links: ['om-kaa', 'skyddade-personuppgifter', 'befarat-avbrott'],
    tags: ['målgrupp', 'IM', 'studiebevis'],
  },
  {
    id: 'identifiera-ungdomar',
    title: 'Hitta ungdomarna: Extens och BEDA',
    body: `Varje vecka tas ett utdrag ur **Extens**, skolans verksamhetssystem. Utdraget visar unga under 20 som är folkbokförda i kommunen men inte inskrivna i gymnasieskolan. Extens visar också folkbokföringsadressen.

Utdraget jämförs sedan med uppgifter om examen från **BEDA**, den nationella betygsdatabasen. Den som saknar examen och inte studerar hör till KAA.

## Tänk på
- Telefonnumren som följer med från Extens är ofta gamla eller går till en fast telefon. Se [hitta kontaktuppgifter](#hitta-kontaktuppgifter).
- Kontrollera om ungdomen har skyddade personuppgifter *innan* du registrerar.`,
    links: ['registrera-i-uka', 'skyddade-personuppgifter'],
    tags: ['Extens', 'BEDA', 'utdrag'],
  },
  {
    id: 'registrera-i-uka',
    title: 'Registrera ungdomen i UKA',
    body: `Skollagen kräver att kommunen för ett register över ungdomarna i KAA. UKA är det registret. När ungdomen är registrerad kan du dokumentera kontakter och insatser löpande, och samma uppgifter används senare i rapporten till SCB.

## Så gör du
1. Kontrollera att ungdomen verkligen omfattas, se [vem som omfattas](#vem-omfattas).
2. Kontrollera att ungdomen **inte** har skyddade personuppgifter.
3. Registrera personen och ange studienivån vid registreringen (**SenSysReg**).
4. Sätt din etikett på personen så att hen syns i dina listor.

En elev som fortfarande är inskriven i gymnasieskolan registreras inte, även om ett avbrott verkar troligt.`,
    links: ['identifiera-ungdomar', 'skyddade-personuppgifter', 'dokumentera-i-uka'],
    tags: ['registrering', 'SenSysReg', 'etikett'],
  },
  {
    id: 'skyddade-personuppgifter',
    title: 'Ungdomar med skyddade personuppgifter',
    body: `Unga med skyddade personuppgifter omfattas av KAA som alla andra, men de ska **inte** registreras i UKA. Kommunen har en särskild rutin för dem, både för det dagliga arbetet och när uppgifterna ska rapporteras till SCB.

- Registrera aldrig en sådan ungdom i UKA, inte ens tillfälligt.
- Skriv inte namn eller personnummer i mejl, anteckningar eller kalkylblad utanför rutinen.
- Fråga den som ansvarar för rutinen om du är osäker.

Se också [skyddade uppgifter vid SCB-rapporteringen](#scb-skyddade).`,
    links: ['scb-skyddade', 'registrera-i-uka'],
    tags: ['skyddad identitet', 'sekretess'],
  },
  {
    id: 'befarat-avbrott',
    title: 'När en elev riskerar att avbryta',
    body: `Om skolan befarar att en elev ska hoppa av kan skolan beställa ett avbrottssamtal. KAA gör inget mer så länge eleven är inskriven, och eleven registreras inte i UKA.

När avbrottet har skett och eleven är utskriven kommer ungdomen med i nästa utdrag ur Extens. Då börjar [kontakttrappan](#kontakttrappan).`,
    links: ['kontakttrappan', 'identifiera-ungdomar'],
    tags: ['avbrott', 'gymnasieskolan'],
  },
  {
    id: 'kontakttrappan',
    title: 'Kontakttrappan – steg för steg',
    body: `Alla ungdomar i KAA ska kontaktas. Kontakttrappan beskriver i vilken ordning du försöker.

1. **Telefon.** Ring ungdomen, eller vårdnadshavarna om ungdomen är under 18. Se [telefonkontakt](#telefonkontakt).
2. **Brev eller vykort.** Efter tre misslyckade samtal skickar du kontaktbrev (under 18) eller kontaktvykort (18 och äldre). Se [brev och vykort](#brev-och-vykort).
3. **Hembesök.** Ger brevet inget svar gör två coacher ett hembesök. Se [hembesök](#hembesok).
4. **Orosanmälan.** Ger hembesöket ingen kontakt och ungdomen är under 18 gör du en orosanmälan. Se [orosanmälan](#orosanmalan).
5. **Börja om.** Efter tre månader börjar du om från steg 1. Se [upprepa kontaktförsöken](#upprepa-kontaktforsok).

Dokumentera varje försök i UKA med datum och sätt, även när ingen svarar.

Intervallen ovan är paketets standardvärden. Kommunen kan ändra dem i inställningarna.`,
    links: ['telefonkontakt', 'brev-och-vykort', 'hembesok', 'orosanmalan', 'upprepa-kontaktforsok'],
    tags: ['kontakttrappa', 'uppsökande'],
  },
  {
    id: 'telefonkontakt',
    title: 'Första kontakten: telefonsamtalet',
    body: `Den första kontakten tas per telefon. Målet är att ta reda på vad ungdomen gör just nu.

- Är ungdomen **under 18** ringer du vårdnadshavarna.
- Är ungdomen **18 eller äldre** ringer du ungdomen direkt.

Använd kommunens korta frågeunderlag så att alla samtal täcker samma sak: vad ungdomen gör nu, om hen vill ha stöd och hur du når hen framöver.

## Efter samtalet
- Vill ungdomen ha stöd: gå vidare med [kartläggning](#kartlaggning).
- Vill ungdomen inte ha stöd: se [när ungdomen tackar nej](#inte-intresserad).
- Fyll i sysselsättningen vid kontakten (**SysKontakt**) i UKA samma dag.`,
    links: ['hitta-kontaktuppgifter', 'inte-intresserad', 'kartlaggning', 'kontakttrappan'],
    tags: ['telefon', 'vårdnadshavare', 'telefonrunda'],
  },
  {
    id: 'hitta-kontaktuppgifter',
    title: 'Hitta aktuella kontaktuppgifter',
    body: `Numren i UKA kommer från Extens och stämmer ofta inte. Prova det här:

- Sök i öppna nummerupplysningar och personsöktjänster på nätet.
- Fråga socialtjänstens mottagning, om kommunen har en överenskommelse om det.
- Fråga fältassistenter, vuxenutbildningen eller Arbetsförmedlingen.
- Försök nå ungdomen via sociala medier, enligt kommunens riktlinjer.

Skriv in det nya numret i UKA när du har hittat det, så slipper nästa person leta.`,
    links: ['telefonkontakt'],
    tags: ['telefonnummer', 'kontaktuppgifter'],
  },
  {
    id: 'inte-intresserad',
    title: 'När ungdomen inte vill ha stöd',
    body: `Ungdomen får tacka nej. KAA ska ändå hålla sig informerat om vad ungdomen gör fram till 20-årsdagen.

1. Dokumentera samtalet och sysselsättningen i UKA.
2. Lägg en bevakning i UKA om att höra av dig igen om **tre månader**.
3. Du kan välja ett annat intervall utifrån ungdomens situation, men ta kontakt minst **en gång per kalenderhalvår**.`,
    links: ['uppfoljning', 'telefonkontakt'],
    tags: ['bevakning', 'påminnelse', 'nej tack'],
  },
  {
    id: 'brev-och-vykort',
    title: 'Kontaktbrev och kontaktvykort',
    body: `Har du ringt **tre gånger** utan att nå ungdomen eller vårdnadshavarna skickar du ett skriftligt meddelande.

- **Under 18:** ett kontaktbrev till vårdnadshavarna.
- **18 eller äldre:** ett kontaktvykort till ungdomen.

Brevet eller vykortet förklarar kort vad KAA är och ber mottagaren ringa dig. Skriv under med ditt namn och ditt telefonnummer. Dokumentera utskicket i UKA med datum.

Kommer inget svar går du vidare till [hembesök](#hembesok).`,
    links: ['kontakttrappan', 'hembesok'],
    tags: ['brev', 'vykort', 'kontaktkort'],
  },
  {
    id: 'hembesok',
    title: 'Hembesök: planering och genomförande',
    body: `Hembesök görs när brev eller vykort inte har gett någon kontakt. Det gäller alla ungdomar i KAA, oavsett varför de är registrerade.

## Planering
- Hembesök görs **en gång i månaden**. Dag och vilka coacher som åker bestäms på veckomötet.
- Ungdomar som står på tur förs in på en löpande lista med planerat datum.
- Den coach som ansvarar skickar brev eller vykort med dag och ungefärlig tid **minst en vecka före** besöket.

## Vid besöket
- Åk alltid **två coacher** tillsammans.
- Följ arbetsplatsens plan för hot och våld.
- Är ungdomen hemma: berätta varför du kommer och bjud in till ett möte.
- Är ingen hemma: lämna broschyr och visitkort i brevlådan.

Se vad du ska [ta med](#hembesok-material), och vad som gäller om ungdomen [inte bor på adressen](#skatteverket).`,
    links: ['hembesok-material', 'orosanmalan', 'skatteverket', 'upprepa-kontaktforsok'],
    tags: ['hembesök', 'säkerhet', 'veckomöte'],
  },
  {
    id: 'hembesok-material',
    title: 'Det här tar du med på hembesök',
    body: `- Listan över dagens hembesök.
- Broschyr om KAA.
- Visitkort.
- Blankett för samtycke.
- Gärna ett kort kartläggningsunderlag, om du får tillfälle att prata.

Lämna aldrig listan i bilen eller hos någon annan: den innehåller personuppgifter.`,
    links: ['hembesok', 'kartlaggning'],
    tags: ['hembesök', 'checklista'],
  },
  {
    id: 'orosanmalan',
    title: 'Orosanmälan till socialtjänsten',
    body: `Är ungdomen **under 18 år** och har hembesöket inte gett kontakt med vare sig ungdomen eller vårdnadshavarna, gör du en orosanmälan till socialtjänsten.

En orosanmälan kan också behövas i andra lägen, till exempel om du får veta något under ett samtal som gör dig orolig för en ungdom under 18. Följ kommunens rutin för orosanmälan och dokumentera att anmälan är gjord.`,
    links: ['hembesok', 'kontakttrappan'],
    tags: ['orosanmälan', 'socialtjänsten', 'under 18'],
  },
  {
    id: 'skatteverket',
    title: 'När ungdomen inte bor på sin adress',
    body: `Ibland märker du, till exempel vid ett hembesök, att ungdomen har flyttat men fortfarande är folkbokförd på den gamla adressen. Då ska du anmäla det till Skatteverkets bosättningskontroll.

Följ kommunens rutin för anmälan och skriv i UKA att anmälan är gjord och varför.`,
    links: ['hembesok'],
    tags: ['Skatteverket', 'folkbokföring', 'bosättningskontroll'],
  },
  {
    id: 'upprepa-kontaktforsok',
    title: 'Börja om efter tre månader',
    body: `Gav inte heller hembesöket någon kontakt börjar du om från början av [kontakttrappan](#kontakttrappan) efter **tre månader**. Lägg en bevakning i UKA så att det inte glöms bort.

Ansvaret fortsätter tills ungdomen fyller 20, även om du aldrig får kontakt.`,
    links: ['kontakttrappan', 'uppfoljning'],
    tags: ['bevakning', 'ny omgång'],
  },
  {
    id: 'kartlaggning',
    title: 'Kartläggning och samtycke',
    body: `När ungdomen vill ha stöd fördelas ärendet till en coach. Coachen bokar ett första möte och börjar kartlägga ungdomens situation, behov och mål.

## Samtycke
Be om samtycke vid det första mötet. Samtycket gör att du får utbyta uppgifter med andra myndigheter och parter. Förklara vad samtycket gäller och att ungdomen kan ta tillbaka det.

## Syfte
Kartläggningen ska leda till insatser som passar just den här ungdomen, helst med en fullständig gymnasieexamen som mål.

Behöver flera parter samordna sig kan du föreslå en [SIP](#sip).`,
    links: ['sip', 'coachning', 'insatser'],
    tags: ['kartläggning', 'samtycke', 'första mötet'],
  },
  {
    id: 'sip',
    title: 'Samordnad individuell plan (SIP)',
    body: `En SIP är ett möte där alla parter runt ungdomen gör en gemensam plan: vem gör vad, och när. Förvaltningen kan kalla till SIP när ungdomen har insatser från flera håll, till exempel från socialtjänsten och vården.

- Ungdomen ska vara med och samtycka.
- Skriv i planen vem som ansvarar för varje del och när planen följs upp.`,
    links: ['kartlaggning', 'insatser'],
    tags: ['SIP', 'samverkan'],
  },
  {
    id: 'coachning',
    title: 'Coachning mot studier och försörjning',
    body: `Coachen utgår från ungdomens förmåga, behov och motivation. Målet är en individuell planering som stärker självkänslan så att ungdomen börjar eller återupptar studier. Ibland behövs andra steg först, till exempel samtal, praktik eller en plats på en arena.

## Försörjning
Ta reda på hur ungdomen får pengar att leva på. Det här kan bli aktuellt:
- CSN: studiehjälp under gymnasietiden och studiemedel för vuxenstudier.
- Socialtjänsten: ekonomiskt bistånd.
- Arbetsförmedlingen eller Försäkringskassan: olika ersättningar beroende på situation.
- Stipendier och fonder som delar ut bidrag.
- Lön från ett sommarjobb.

Coachen kan skriva ett underlag som visar att ungdomen har en planering, till exempel inför en ansökan om ekonomiskt bistånd.`,
    links: ['insatser', 'kartlaggning'],
    tags: ['coachning', 'CSN', 'försörjning'],
  },
  {
    id: 'insatser',
    title: 'Insatser och samarbetsparter',
    body: `Här är vanliga insatser. Namnen på verksamheterna är **exempel** från en kommun. Kommunen byter ut dem mot sina egna i sitt metodbokspaket.

## Studier
- **Studieplanering med SYV.** Alla under 20 kan få hjälp att planera sina studier.
- **Särskilda skäl till vuxenutbildningen.** Har ungdomen inte rätt att söka till komvux kan SYV och coach hjälpa till med en ansökan om särskilda skäl.

## Arbete och sysselsättning
- **Arbetsmarknadsinsatser** (exempel: *Arbetsmarknadstorget*). Ärendet lyfts på ett beredningsmöte varje vecka, med en ifylld aktualiseringsblankett.
- **Sommarjobb.** KAA och kommunens arbetsmarknadsförvaltning bestämmer tillsammans vilka ungdomar som går före när kommunens sommarjobb fördelas.
- **Studiebesök** hos andra verksamheter.
- **Praktik**, se [praktik](#praktik).

## Arenor och externa aktörer
- Exempel: *Ung Kraft* för unga med psykisk ohälsa och behov av samordning. Ingen diagnos krävs. Börja med ett studiebesök tillsammans med ungdomen.
- Exempel: *I-Kraft arena* ger ungdomen något att göra under en kortare tid, tills studierna eller nästa steg börjar.

## Socialtjänsten
Stöd till hela familjen, samtalsstöd och stöd vid missbruk. Samverka enligt samtycket.

Registrera varje insats som en åtgärd i UKA, med startdatum. Se [dokumentera i UKA](#dokumentera-i-uka).`,
    links: ['praktik', 'uppfoljning', 'dokumentera-i-uka'],
    tags: ['insatser', 'SYV', 'arena', 'sommarjobb'],
  },
  {
    id: 'praktik',
    title: 'Praktik',
    body: `Praktik ordnas i första hand via kommunens arbetsmarknadsverksamhet. KAA kan själv ordna praktik för ungdomar som står nära arbetsmarknaden.

- Skriv alltid ett **praktikavtal**, så att ungdomen är försäkrad under praktiken.
- Har KAA ordnat praktiken är det KAA som följer upp både ungdomen och arbetsplatsen.
- Registrera praktiken som en åtgärd i UKA och avsluta den med datum, grund och sysselsättning efteråt.`,
    links: ['insatser', 'uppfoljning'],
    tags: ['praktik', 'praktikavtal', 'försäkring'],
  },
  {
    id: 'uppfoljning',
    title: 'Uppföljning',
    body: `- **Ungdomar med en insats:** följ upp så som du har kommit överens med den som driver insatsen.
- **Alla andra:** kontakta ungdomen **var tredje månad**. Efter en individuell bedömning kan du glesa ut, men aldrig mer sällan än **en gång per kalenderhalvår**.

Lägg en bevakning i UKA för nästa kontakt. Fyll i sysselsättningen vid varje kontakt (**SysKontakt**), annars saknas den i SCB-rapporten.`,
    links: ['inte-intresserad', 'dokumentera-i-uka', 'fyller-20'],
    tags: ['uppföljning', 'bevakning', 'halvår'],
  },
  {
    id: 'fyller-20',
    title: 'När ungdomen närmar sig 20 år',
    body: `Aktivitetsansvaret upphör den dag ungdomen fyller 20. Planera överlämningen i god tid, en månad före är paketets standard.

- Berätta för ungdomen vilket stöd som finns efter 20, till exempel vuxenutbildning och Arbetsförmedlingen.
- Lämna över till den verksamhet som tar vid, om ungdomen vill det.
- Avsluta pågående åtgärder i UKA med slutdatum, grund och sysselsättning efteråt.
- Avsluta registreringsperioden med rätt grund.`,
    links: ['uppfoljning', 'dokumentera-i-uka'],
    tags: ['20 år', 'överlämning', 'avslut'],
  },
  {
    id: 'dokumentera-i-uka',
    title: 'Dokumentera rätt i UKA',
    body: `Det du skriver i UKA blir SCB-rapporten. Några regler som förebygger de flesta varningar:

- **Varje kontakt** får ett datum och en sysselsättning vid kontakten (**SysKontakt**).
- Välj **Ingen sysselsättning** (*InSys*) bara när ungdomen verkligen inte gör något, och aldrig medan en åtgärd pågår.
- **Under varje åtgärd** behövs minst en kontakt med sysselsättning, daterad från åtgärdens start till dess slut (eller till halvårets slut om den pågår). En kontakt före åtgärden räcker inte.
- **Varje åtgärd** får ett startdatum. När den slutar fyller du i slutdatum, grund för avslut (**GrundAtgSlut**) och sysselsättning efter åtgärden (**SysEfter**).
- Sysselsättningen efter en åtgärd ska beskriva vad som händer *sedan*, inte samma sak som åtgärden.
- Kontrollera att åtgärdens datum ligger inom registreringsperioden.

Se också [varningarna på personsidan](#varningar-personsidan).`,
    links: ['varningar-personsidan', 'manadsgenomgang'],
    tags: ['dokumentation', 'SysKontakt', 'åtgärd'],
  },
  {
    id: 'varningar-personsidan',
    title: 'Varningarna på personsidan',
    body: `Under rubriken med namn, personnummer, kön och ålder visar UKA färgade varningar när något kan ställa till det i SCB-rapporten.

- **Röd – Problem.** Måste rättas. Exporten till SCB är spärrad tills alla röda är borta.
- **Gul – Potentiella problem.** Bör kontrolleras. Exporten går att göra ändå.
- **Grön – Oavslutade åtgärder.** Pågående åtgärder. Det är normalt, men titta om de verkligen pågår.

Rätta direkt när du ser en varning. KAA-lotsen förklarar varje varning och visar var du rättar den.`,
    links: ['dokumentera-i-uka', 'manadsgenomgang'],
    tags: ['varningar', 'röd', 'gul', 'grön'],
  },
  {
    id: 'manadsgenomgang',
    title: 'Månadsgenomgång av Export till SCB',
    body: `Fliken **Export till SCB** visar alla personer med röda, gula och gröna varningar. Gå igenom listan **minst en gång i månaden**. Då blir halvårsrapporten enkel.

1. Öppna fliken Export till SCB.
2. Rätta alla i de **röda** grupperna som har din etikett.
3. Kontrollera de **gula** där det behövs.
4. Titta i den **gröna** gruppen: står någon där vars åtgärd i verkligheten redan har slutat? Fyll i slutdatum, grund för avslut och sysselsättning efteråt.
5. Klicka på en person för att öppna personsidan. Gå tillbaka med webbläsarens bakåtknapp. Listan uppdateras.`,
    links: ['varningar-personsidan', 'scb-export'],
    tags: ['månadsgenomgång', 'etikett', 'Export till SCB'],
  },
  {
    id: 'scb-insamlingsperioder',
    title: 'Insamlingsperioder och sista dagar',
    body: `Uppgifterna rapporteras till SCB en gång per kalenderhalvår, en så kallad insamlingsperiod.

- **Första halvåret** (januari–juni): senast **1 september** samma år.
- **Andra halvåret** (juli–december): senast **1 februari** året efter.

SCB mejlar inloggningsuppgifter före varje insamling. SCB publicerar också instruktioner och kodförteckningar för perioden. De kan ändras mellan perioderna, så läs dem varje gång.

Datumen ovan kommer från en kommuns metodbok. Kontrollera dem mot SCB:s instruktioner.`,
    links: ['scb-export', 'scb-skyddade'],
    tags: ['SCB', 'insamlingsperiod', 'sista dag'],
  },
  {
    id: 'scb-export',
    title: 'Exportera och ladda upp filen till SCB',
    body: `## Före exporten
1. Meddela kollegorna att rapporten ska göras, så att de hinner rätta sina röda varningar.
2. Hantera ungdomar med skyddade personuppgifter enligt [rutinen](#scb-skyddade).
3. Kontrollera att alla röda varningar är rättade. Exportknappen fungerar inte förrän de är det.

## Exporten
1. Klicka på exportknappen i fliken Export till SCB.
2. Spara filen som textfil.
3. **Öppna inte filen.** Om den öppnas och sparas i Excel eller ett annat kalkylprogram förstörs formatet, och SCB tar inte emot den.
4. Logga in hos SCB med uppgifterna från deras mejl och ladda upp filen.

En ny uppladdning ersätter allt som har laddats upp tidigare för perioden.`,
    links: ['scb-felrader', 'scb-skyddade', 'manadsgenomgang'],
    tags: ['export', 'SCB', 'Excel', 'uppladdning'],
  },
  {
    id: 'scb-felrader',
    title: 'När SCB hittar fel i filen',
    body: `SCB kontrollerar filen när du laddar upp den och skickar tillbaka en lista över raderna som har fel.

1. Öppna textfilen **skrivskyddad** i en textredigerare för att hitta raderna. Spara den aldrig.
2. Rätta felen i **UKA**, inte i filen.
3. Gör en ny export och ladda upp den nya filen. Den ersätter den gamla.

SCB:s kontroller jämför variablerna med varandra. De beskrivs i SCB:s beskrivning av datafilen för perioden.`,
    links: ['scb-export', 'dokumentera-i-uka'],
    tags: ['felrader', 'SCB', 'rättning'],
  },
  {
    id: 'scb-skyddade',
    title: 'Skyddade personuppgifter vid SCB-rapporteringen',
    body: `Ungdomar med skyddade personuppgifter finns inte i UKA och kommer därför inte med i exportfilen. Kommunen rapporterar dem enligt sin särskilda rutin.

- Påminn kollegorna om rutinen när rapporteringen närmar sig.
- Den som ansvarar för rutinen ser till att de här ungdomarna rapporteras på det sätt rutinen anger.
- Lägg aldrig in dem i UKA för att få med dem i filen.`,
    links: ['skyddade-personuppgifter', 'scb-export'],
    tags: ['skyddad identitet', 'SCB'],
  },
];

const tips: PackInput['tips'] = [
  // login / start / unknown
  { id: 'inloggning-lotsen', sectionId: 'om-kaa', title: 'Logga in som vanligt', text: 'KAA-lotsen läser aldrig ditt lösenord. Tipsen och förklaringarna visas när du har loggat in i UKA.', contexts: { pageKinds: ['login'], anchors: ['loginForm'] } },
  { id: 'start-egna-deltagare', sectionId: 'uppfoljning', title: 'Börja med dina egna', text: 'Sortera listan på din etikett och titta på senaste kontakt. Den som inte har hörts av på tre månader är näst på tur.', contexts: { pageKinds: ['start'], anchors: ['startList'] } },
  { id: 'start-halvar', sectionId: 'uppfoljning', title: 'Minst en kontakt per halvår', text: 'Varje ungdom ska ha en kontakt med sysselsättning ifylld under varje kalenderhalvår, annars blir det gul varning inför SCB.', contexts: { pageKinds: ['start'], anchors: ['startList'] } },
  { id: 'start-manadsgenomgang', sectionId: 'manadsgenomgang', title: 'Dags för månadsgenomgång?', text: 'Öppna fliken Export till SCB en gång i månaden och rätta de röda varningarna med din etikett.', contexts: { pageKinds: ['start'] } },
  { id: 'okand-sida', sectionId: 'om-kaa', title: 'Här känner lotsen inte igen sidan', text: 'KAA-lotsen hjälper till på personsidan och i Export till SCB. På andra sidor visas inga förklaringar.', contexts: { pageKinds: ['unknown'] } },
  { id: 'okand-sok', sectionId: 'om-kaa', title: 'Sök i metodboken', text: 'Öppna metodboken från tilläggets meny och sök på ett ord, till exempel hembesök eller SysEfter.', contexts: { pageKinds: ['unknown', 'start'] } },
  // person: header
  { id: 'rubrik-etikett', sectionId: 'registrera-i-uka', title: 'Sätt din etikett', text: 'Ungdomen syns i dina listor och i Export till SCB först när din etikett står på personen.', contexts: { pageKinds: ['person'], anchors: ['header'] } },
  { id: 'rubrik-under-18', sectionId: 'telefonkontakt', title: 'Under 18? Ring vårdnadshavarna', text: 'Är ungdomen under 18 tar du första kontakten med vårdnadshavarna.', contexts: { pageKinds: ['person'], anchors: ['header'], ladderSteps: ['calling', 'call'] } },
  { id: 'rubrik-fyller-20', sectionId: 'fyller-20', title: 'Snart 20 år', text: 'Planera överlämningen och avsluta pågående åtgärder med slutdatum, grund och sysselsättning efteråt.', contexts: { pageKinds: ['person'], anchors: ['header'], ladderSteps: ['handover20'] } },
  // person: warnings
  { id: 'varning-rod-forst', sectionId: 'varningar-personsidan', title: 'Rött först', text: 'Röda varningar spärrar exporten till SCB. Gula kan vänta, men titta på dem innan rapporten.', contexts: { pageKinds: ['person'], anchors: ['warnings'] } },
  { id: 'varning-r1', sectionId: 'dokumentera-i-uka', title: 'InSys under åtgärd', text: 'Pågår åtgärden så har ungdomen en sysselsättning. Byt InSys mot den kod som beskriver åtgärden, eller avsluta åtgärden om den tog slut tidigare.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R1'] } },
  { id: 'varning-r2', sectionId: 'dokumentera-i-uka', title: 'Kontakt saknas under åtgärden', text: 'Lägg in minst en kontakt med datum inom åtgärdsperioden och fyll i sysselsättningen vid kontakten.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R2'] } },
  { id: 'varning-r3-r4', sectionId: 'dokumentera-i-uka', title: 'Avsluta åtgärden helt', text: 'En avslutad åtgärd behöver tre saker: slutdatum, grund för avslut och sysselsättning efter åtgärden.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R3', 'R4'] } },
  { id: 'varning-r5', sectionId: 'dokumentera-i-uka', title: 'Sysselsättningen efter åtgärden är nästa steg', text: 'Sysselsättning efter åtgärden ska beskriva det som kommer sedan. Fortsätter ungdomen i samma sak har åtgärden inte tagit slut.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R5'] } },
  { id: 'varning-r6', sectionId: 'registrera-i-uka', title: 'Studienivån kan inte sjunka', text: 'En ny registreringsperiod ska ha minst samma studienivå som den förra. Kontrollera SenSysReg för den senaste perioden.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['R6'] } },
  { id: 'varning-y1', sectionId: 'registrera-i-uka', title: 'Studiebevis enligt BEDA', text: 'BEDA säger att ungdomen har ett studiebevis. Stämmer det, fyll i studiebevis och ändra SenSysReg till studiebevis.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['Y1'] } },
  { id: 'varning-y2', sectionId: 'registrera-i-uka', title: 'Studienivå vid registreringen saknas', text: 'Fyll i studienivån vid registreringen (SenSysReg) utifrån Extens och BEDA. Välj uppgift saknas bara när det verkligen inte går att ta reda på.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['Y2'] } },
  { id: 'varning-y3', sectionId: 'dokumentera-i-uka', title: 'Åtgärd utanför registreringen', text: 'Jämför åtgärdens datum med registreringsperioden. Oftast är ett datum felskrivet.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['Y3'] } },
  { id: 'varning-y4', sectionId: 'uppfoljning', title: 'Ingen kontakt det här halvåret', text: 'Kontakta ungdomen och fyll i sysselsättningen. Når du inte hen, dokumentera försöken och gå vidare i kontakttrappan.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['Y4'] } },
  { id: 'varning-g1', sectionId: 'manadsgenomgang', title: 'Pågår åtgärden fortfarande?', text: 'Grönt är normalt. Men om åtgärden redan har tagit slut: fyll i slutdatum, grund och sysselsättning efteråt.', contexts: { pageKinds: ['person', 'export'], warningKinds: ['G1'] } },
  // person: contact log + ladder
  { id: 'kontakt-varje-forsok', sectionId: 'kontakttrappan', title: 'Skriv in varje försök', text: 'Dokumentera även samtal som ingen svarar på, med datum. Efter tre försök är det dags för brev eller vykort.', contexts: { pageKinds: ['person'], anchors: ['contactLog'], ladderSteps: ['calling', 'call'] } },
  { id: 'kontakt-nummer', sectionId: 'hitta-kontaktuppgifter', title: 'Numret fungerar inte?', text: 'Numren från Extens är ofta gamla. Sök i nummerupplysningar och skriv in det nya numret i UKA.', contexts: { pageKinds: ['person'], anchors: ['contactLog', 'header'], ladderSteps: ['calling', 'call'] } },
  { id: 'kontakt-brev', sectionId: 'brev-och-vykort', title: 'Brev eller vykort?', text: 'Under 18: kontaktbrev till vårdnadshavarna. 18 eller äldre: kontaktvykort till ungdomen. Skriv under med ditt namn och nummer.', contexts: { pageKinds: ['person'], anchors: ['contactLog'], ladderSteps: ['contactLetter'] } },
  { id: 'kontakt-hembesok-brev', sectionId: 'hembesok', title: 'Aviseringsbrev i tid', text: 'Skicka brev eller vykort med dag och ungefärlig tid minst en vecka före hembesöket.', contexts: { pageKinds: ['person'], anchors: ['contactLog'], ladderSteps: ['planHomeVisit', 'visitLetter'] } },
  { id: 'kontakt-hembesok-tva', sectionId: 'hembesok-material', title: 'Två coacher, rätt material', text: 'Åk alltid två. Ta med besökslistan, broschyr, visitkort och samtyckesblankett.', contexts: { pageKinds: ['person'], ladderSteps: ['homeVisit'] } },
  { id: 'kontakt-oro', sectionId: 'orosanmalan', title: 'Ingen kontakt och under 18', text: 'Under 18 och inte nådd ens vid hembesöket? Gör en orosanmälan till socialtjänsten och dokumentera det.', contexts: { pageKinds: ['person'], ladderSteps: ['orosanmalan', 'afterVisit'] } },
  { id: 'kontakt-adress', sectionId: 'skatteverket', title: 'Bor inte på adressen', text: 'Har ungdomen flyttat från sin folkbokföringsadress? Anmäl det till Skatteverkets bosättningskontroll.', contexts: { pageKinds: ['person'], ladderSteps: ['skatteverket', 'homeVisit'] } },
  { id: 'kontakt-borja-om', sectionId: 'upprepa-kontaktforsok', title: 'Ny omgång om tre månader', text: 'Lägg en bevakning i UKA och börja om från telefonsamtalet när tre månader har gått.', contexts: { pageKinds: ['person'], ladderSteps: ['restart', 'afterVisit'] } },
  { id: 'kontakt-nej-tack', sectionId: 'inte-intresserad', title: 'Tackade nej', text: 'Dokumentera samtalet och lägg en bevakning om tre månader. Hör av dig minst en gång per halvår tills ungdomen fyller 20.', contexts: { pageKinds: ['person'], anchors: ['contactLog'], ladderSteps: ['notInterested'] } },
  { id: 'kontakt-samtycke', sectionId: 'kartlaggning', title: 'Samtycke vid första mötet', text: 'Be om samtycke på första mötet och förklara vad det gäller. Då kan du samarbeta med andra parter.', contexts: { pageKinds: ['person'], ladderSteps: ['followUp'] } },
  // person: occupations
  { id: 'syssel-varje-kontakt', sectionId: 'dokumentera-i-uka', title: 'Sysselsättning vid varje kontakt', text: 'Fyll i vad ungdomen gör vid varje kontakt. Det är den uppgiften SCB räknar, inte anteckningen.', contexts: { pageKinds: ['person'], anchors: ['occupations'] } },
  { id: 'syssel-insys', sectionId: 'dokumentera-i-uka', title: 'Välj InSys bara när ungdomen inte gör något', text: 'Ingen sysselsättning (InSys) betyder att ungdomen inte gör något alls. Är hen med i en åtgärd har hen en sysselsättning.', contexts: { pageKinds: ['person'], anchors: ['occupations'] } },
  // person: measures
  { id: 'atgard-tre-falt', sectionId: 'dokumentera-i-uka', title: 'Tre fält när åtgärden slutar', text: 'Slutdatum, grund för avslut och sysselsättning efter åtgärden. Saknas något blir det röd varning.', contexts: { pageKinds: ['person'], anchors: ['measures'] } },
  { id: 'atgard-praktikavtal', sectionId: 'praktik', title: 'Praktik kräver avtal', text: 'Skriv praktikavtal så att ungdomen är försäkrad. Ordnar KAA praktiken följer KAA också upp den.', contexts: { pageKinds: ['person'], anchors: ['measures'], ladderSteps: ['inMeasure'] } },
  { id: 'atgard-uppfoljning', sectionId: 'uppfoljning', title: 'Följ upp enligt överenskommelse', text: 'Har ungdomen en insats hos en annan part följer du upp så som du har kommit överens med den parten. Andra kontaktar du var tredje månad.', contexts: { pageKinds: ['person'], anchors: ['measures'], ladderSteps: ['followUp', 'inMeasure', 'halfYearMinimum'] } },
  // export page
  { id: 'export-egen-etikett', sectionId: 'manadsgenomgang', title: 'Rätta dina egna', text: 'Börja med de röda grupperna och personerna med din etikett. Klicka på namnet, rätta och gå tillbaka med bakåtknappen.', contexts: { pageKinds: ['export'], anchors: ['exportList'] } },
  { id: 'export-gron-koll', sectionId: 'manadsgenomgang', title: 'Titta i den gröna gruppen', text: 'Står någon i gruppen Oavslutade åtgärder fast åtgärden har tagit slut? Avsluta den med datum, grund och sysselsättning efteråt.', contexts: { pageKinds: ['export'], anchors: ['exportList'] } },
  { id: 'export-knapp-last', sectionId: 'scb-export', title: 'Knappen är låst', text: 'Exportknappen fungerar först när alla röda varningar är rättade. Gula hindrar inte exporten.', contexts: { pageKinds: ['export'], anchors: ['exportButton'] } },
  { id: 'export-oppna-inte', sectionId: 'scb-export', title: 'Öppna inte filen', text: 'Spara filen och ladda upp den som den är. Öppnas den och sparas i Excel förstörs den och SCB tar inte emot den.', contexts: { pageKinds: ['export'], anchors: ['exportButton'] } },
  { id: 'export-fore-deadline', sectionId: 'scb-insamlingsperioder', title: 'Rapporten närmar sig', text: 'Påminn kollegorna att rätta sina röda varningar och att följa rutinen för skyddade personuppgifter.', contexts: { pageKinds: ['export', 'start'], scbPhases: ['before-deadline'] } },
  { id: 'export-veckan', sectionId: 'scb-export', title: 'Exportveckan', text: 'Rätta det sista röda, exportera, spara filen utan att öppna den och ladda upp hos SCB.', contexts: { pageKinds: ['export', 'start'], scbPhases: ['export-week'] } },
  { id: 'export-skyddade', sectionId: 'scb-skyddade', title: 'Glöm inte de skyddade', text: 'Ungdomar med skyddade personuppgifter finns inte i filen. De rapporteras enligt kommunens egen rutin.', contexts: { pageKinds: ['export'], scbPhases: ['before-deadline', 'export-week'] } },
  { id: 'export-felrader', sectionId: 'scb-felrader', title: 'Fick du tillbaka felrader?', text: 'Rätta i UKA, inte i filen. Gör sedan en ny export och ladda upp den. Den ersätter den förra.', contexts: { pageKinds: ['export'], scbPhases: ['after-upload'] } },
  { id: 'export-normal', sectionId: 'manadsgenomgang', title: 'En gång i månaden räcker', text: 'Går alla igenom listan varje månad finns det lite kvar att rätta när halvårsrapporten ska göras.', contexts: { pageKinds: ['export'], scbPhases: ['normal'] } },
];

const explainers: PackInput['explainers'] = {
  R1: {
    title: 'Ingen sysselsättning (InSys) under pågående åtgärd',
    meaning: 'En kontakt har sysselsättningen Ingen sysselsättning (InSys), fast den är daterad medan en åtgärd pågick för ungdomen.',
    whyScbCares: 'En ungdom som deltar i en åtgärd har en sysselsättning. SCB ser InSys under en pågående åtgärd som en motsägelse.',
    steps: [
      'Öppna delen Åtgärder och notera start- och slutdatum för åtgärden.',
      'Gå till Sysselsättning och leta upp kontakten med InSys som ligger inom de datumen.',
      'Pågick åtgärden: byt sysselsättningen till den kod som beskriver vad ungdomen gjorde, till exempel praktik eller kommunal arbetsmarknadsinsats.',
      'Hade åtgärden i själva verket slutat: fyll i slutdatum, grund för avslut och sysselsättning efter åtgärden på åtgärden.',
      'Spara och ladda om sidan. Den röda varningen ska vara borta.',
    ],
    typicalMistake: 'Att välja InSys för att ungdomen varken studerar eller jobbar, trots att hen är med i en insats som KAA har ordnat.',
    sectionId: 'dokumentera-i-uka',
  },
  R2: {
    title: 'Åtgärdsperiod utan sysselsättning (SysKontakt)',
    meaning:
      'Ungdomen har en åtgärd, men ingen kontakt med ifylld sysselsättning (SysKontakt) är daterad under åtgärdsperioden: från åtgärdens startdatum till slutdatumet, eller till insamlingsperiodens slut om åtgärden pågår. En kontakt före åtgärden räknas inte, och inte heller en efter att den slutade.',
    whyScbCares: 'SCB vill se vad ungdomen gjorde vid kontakterna under åtgärden. Utan en enda sådan uppgift går perioden inte att redovisa.',
    steps: [
      'Öppna delen Åtgärder och se vilken period åtgärden täcker: startdatum till slutdatum, eller till halvårets slut om den pågår.',
      'Gå till Kontakter eller Sysselsättning och lägg till kontakten du hade med ungdomen under perioden.',
      'Sätt datum inom åtgärdsperioden och välj sysselsättning vid kontakten, till exempel den insats ungdomen deltar i.',
      'Spara och kontrollera att den röda varningen försvinner.',
    ],
    typicalMistake: 'Att tro att kontakten före åtgärden räcker, eller att bara skriva en anteckning om samtalet utan att fylla i fältet för sysselsättning.',
    sectionId: 'dokumentera-i-uka',
  },
  R3: {
    title: 'Åtgärd utan grund för avslut (GrundAtgSlut)',
    meaning: 'En åtgärd har ett slutdatum men ingen uppgift om varför den slutade (GrundAtgSlut).',
    whyScbCares: 'SCB följer upp hur åtgärderna slutar, till exempel hur många som börjar studera eller får arbete.',
    steps: [
      'Öppna delen Åtgärder och klicka på åtgärden som har slutdatum.',
      'Välj grund för avslut i listan, till exempel genomförd enligt plan, påbörjat studier eller fått arbete.',
      'Kontrollera samtidigt att sysselsättning efter åtgärden är ifylld.',
      'Spara.',
    ],
    typicalMistake: 'Att fylla i slutdatum när åtgärden tar slut men skjuta upp resten till senare, och sedan glömma det.',
    sectionId: 'dokumentera-i-uka',
  },
  R4: {
    title: 'Åtgärd utan sysselsättning efter åtgärden (SysEfter)',
    meaning: 'En åtgärd har ett slutdatum men ingen uppgift om vad ungdomen gör efteråt (SysEfter).',
    whyScbCares: 'Sysselsättningen efter åtgärden visar vad insatsen ledde till. Det är en av de viktigaste uppgifterna i statistiken.',
    steps: [
      'Öppna delen Åtgärder och klicka på åtgärden som har slutdatum.',
      'Välj sysselsättning efter åtgärden, till exempel komvux, arbete eller gymnasieskola.',
      'Vet du inte vad ungdomen gör: ta kontakt först. Finns det ingen uppgift, använd den kod som SCB:s kodförteckning anger för okänt.',
      'Spara.',
    ],
    typicalMistake: 'Att lämna fältet tomt för att man inte vet, i stället för att ta reda på det eller välja koden för okänt.',
    sectionId: 'dokumentera-i-uka',
  },
  R5: {
    title: 'Samma åtgärd (Atgard) som sysselsättning efter (SysEfter)',
    meaning: 'En avslutad åtgärd har samma värde som åtgärd (Atgard) och som sysselsättning efter åtgärden (SysEfter), till exempel praktik följt av praktik.',
    whyScbCares: 'Om ungdomen fortsätter med exakt samma sak har åtgärden inte tagit slut. SCB räknar då fel på vad insatserna leder till.',
    steps: [
      'Öppna delen Åtgärder och klicka på åtgärden.',
      'Fortsätter ungdomen i samma insats: ta bort slutdatum, grund och sysselsättning efteråt, så att åtgärden är pågående.',
      'Gick ungdomen vidare till något annat: välj den nya sysselsättningen, till exempel en insats via Arbetsförmedlingen i stället för praktik.',
      'Spara.',
    ],
    typicalMistake: 'Att avsluta en praktik och skriva praktik som sysselsättning efteråt, när det är samma praktik som förlängts.',
    sectionId: 'dokumentera-i-uka',
  },
  R6: {
    title: 'Senaste sysselsättning i form av studier (SenSysReg) går bakåt',
    meaning: 'En senare registreringsperiod har en lägre studienivå i SenSysReg än en tidigare period, till exempel studiebevis först och ej påbörjat gymnasiet sedan.',
    whyScbCares: 'Genomförda studier kan inte försvinna. En nivå som sjunker tyder på ett fel i registreringen.',
    steps: [
      'Öppna registreringsperioderna på personsidan och jämför SenSysReg mellan perioderna.',
      'Kontrollera i Extens och BEDA vad ungdomen faktiskt har gjort.',
      'Ändra SenSysReg för den senaste perioden till minst samma nivå som tidigare, eller högre om ungdomen har studerat mer.',
      'Spara.',
    ],
    typicalMistake: 'Att välja studienivå utifrån den senaste skolan ungdomen gick i, och missa att hen tidigare hade kommit längre.',
    sectionId: 'registrera-i-uka',
  },
  Y1: {
    title: 'Studiebevis enligt BEDA, men inte ifyllt',
    meaning: 'BEDA har en signal om att ungdomen har ett studiebevis, men i UKA är studiebevis inte angivet. Varningen finns bara om kommunen använder UKA:s BEDA-funktion.',
    whyScbCares: 'Studiebeviset påverkar vilken studienivå ungdomen räknas till. Uppgifterna ska stämma med varandra.',
    steps: [
      'Kontrollera uppgiften om studiebevis i BEDA.',
      'Stämmer den: ange studiebevis på personen och sätt SenSysReg till studiebevis.',
      'Stämmer den inte: låt uppgifterna vara och skriv en kort anteckning om varför.',
    ],
    typicalMistake: 'Att ändra studiebevis men inte SenSysReg, så att de två uppgifterna fortfarande säger olika saker.',
    sectionId: 'registrera-i-uka',
  },
  Y2: {
    title: 'Senaste sysselsättning i form av studier (SenSysReg) saknas',
    meaning: 'Ungdomen saknar uppgift om studienivån vid registreringen (SenSysReg).',
    whyScbCares: 'SenSysReg visar varför ungdomen hamnade i KAA, till exempel avbrott eller studiebevis. Utan den blir statistiken ofullständig.',
    steps: [
      'Öppna registreringen på personsidan.',
      'Ta reda på studienivån i Extens och BEDA: avbrott från introduktionsprogram eller nationellt program, gymnasieintyg, studiebevis eller ej påbörjat.',
      'Välj rätt värde och spara. Välj uppgift saknas bara om det inte går att ta reda på.',
    ],
    typicalMistake: 'Att registrera ungdomen snabbt och tänka fylla i studienivån senare.',
    sectionId: 'registrera-i-uka',
  },
  Y3: {
    title: 'Åtgärd utanför registreringsperioden',
    meaning: 'En åtgärd börjar innan ungdomen registrerades i KAA eller efter att registreringen avslutades.',
    whyScbCares: 'SCB räknar bara åtgärder som ges medan ungdomen omfattas av KAA. En åtgärd utanför perioden ser ut som ett fel.',
    steps: [
      'Jämför åtgärdens startdatum med registreringsperiodens start och slut.',
      'Är ett datum felskrivet: rätta det.',
      'Gäller åtgärden tiden efter KAA, till exempel efter 20-årsdagen, hör den inte hemma här. Ta bort den eller dokumentera den på annat sätt enligt kommunens rutin.',
    ],
    typicalMistake: 'Fel år i datumet, till exempel 2025 i stället för 2026.',
    sectionId: 'dokumentera-i-uka',
  },
  Y4: {
    title: 'Ingen sysselsättning (SysKontakt) under insamlingsperioden',
    meaning: 'Det finns ingen kontakt med ifylld sysselsättning för ungdomen under det här kalenderhalvåret.',
    whyScbCares: 'Kommunen ska veta vad varje ungdom gör. SCB förväntar sig minst en uppgift om sysselsättning per ungdom och period.',
    steps: [
      'Kontakta ungdomen, eller vårdnadshavarna om hen är under 18.',
      'Lägg in kontakten med datum och välj sysselsättning vid kontakten.',
      'Når du inte ungdomen: dokumentera varje försök och följ kontakttrappan. Använd koden för ej nådd om SCB:s kodförteckning har en sådan.',
    ],
    typicalMistake: 'Att prata med ungdomen men bara skriva en anteckning, utan att fylla i sysselsättningen.',
    sectionId: 'uppfoljning',
  },
  G1: {
    title: 'Oavslutade åtgärder',
    meaning: 'Ungdomen har en eller flera åtgärder utan slutdatum. Det är normalt när insatsen pågår.',
    whyScbCares: 'Pågående åtgärder rapporteras som pågående. Har åtgärden egentligen slutat blir statistiken fel.',
    steps: [
      'Kontrollera med ungdomen eller den som driver insatsen att åtgärden fortfarande pågår.',
      'Pågår den: gör ingenting.',
      'Har den slutat: fyll i slutdatum, grund för avslut och sysselsättning efter åtgärden.',
    ],
    typicalMistake: 'Att en åtgärd blir stående som pågående i månader efter att ungdomen har slutat.',
    sectionId: 'manadsgenomgang',
  },
  generic: {
    title: 'Okänd varning',
    meaning: 'UKA visar en varning som KAA-lotsen inte känner igen. Den kan vara ny eller ha bytt namn.',
    whyScbCares: 'Röda varningar spärrar exporten till SCB. Gula bör kontrolleras innan rapporten.',
    steps: [
      'Läs rubriken noga. Variabelnamnet inom parentes, till exempel SysEfter, visar vilket fält det gäller.',
      'Slå upp variabeln i ordlistan.',
      'Kontrollera fältet på åtgärden, kontakten eller registreringen som varningen pekar på.',
      'Fråga administratören eller läs SCB:s instruktioner för perioden om du är osäker.',
    ],
    typicalMistake: 'Att hoppa över en röd varning för att den är okänd. Den stoppar exporten ändå.',
    sectionId: 'varningar-personsidan',
  },
};

const glossary: PackInput['glossary'] = [
  // SCB variables (file profile)
  { term: 'Kommun', short: 'Kommunkoden, fyra siffror.', long: 'Variabeln Kommun i SCB-filen är kommunens fyrsiffriga kod, med inledande nolla, till exempel 0180. Den ska vara samma på alla rader.', caseSensitive: true, sectionId: 'scb-export' },
  { term: 'PersonNr', short: 'Ungdomens personnummer eller samordningsnummer, tolv siffror.', long: 'Skrivs ÅÅÅÅMMDDNNNN utan bindestreck. Om filen har öppnats i Excel kan numret ha blivit förstört, till exempel omgjort till ett tal med exponent.', sectionId: 'scb-export' },
  { term: 'RegStart', short: 'Datum då registreringsperioden i KAA började.', long: 'Första dagen ungdomen omfattades och registrerades i UKA för den här perioden. En ungdom kan ha flera registreringsperioder.', sectionId: 'registrera-i-uka' },
  { term: 'RegSlut', short: 'Datum då registreringsperioden slutade.', long: 'Tomt så länge ungdomen fortfarande finns i KAA. När det är ifyllt ska också grund för avslut av registreringen finnas.', sectionId: 'fyller-20' },
  { term: 'GrundRegSlut', short: 'Varför registreringsperioden slutade.', long: 'Till exempel fyllt 20, påbörjat gymnasieutbildning, tagit examen eller flyttat från kommunen. Krävs när RegSlut är ifyllt.', sectionId: 'fyller-20' },
  { term: 'SenSysReg', short: 'Senaste sysselsättning i form av studier vid registreringen.', long: 'Studienivån vid registreringen, det vill säga hur långt ungdomen hade kommit i sina studier när hen kom in i KAA: avbrott från introduktionsprogram, avbrott från nationellt program, gymnasieintyg, studiebevis, ej påbörjat eller uppgift saknas. Nivån får inte sjunka mellan två registreringsperioder.', sectionId: 'registrera-i-uka' },
  { term: 'Studiebevis', short: 'Ungdomen har ett studiebevis från gymnasiet (J/N).', long: 'Ett studiebevis får den som har gått klart ett nationellt program utan att nå examen. Ungdomen omfattas fortfarande av KAA. Uppgiften ska stämma med SenSysReg.', caseSensitive: false, sectionId: 'vem-omfattas' },
  { term: 'DatKontakt', short: 'Datum för en kontakt med ungdomen.', long: 'Varje kontakt i SCB-filen har ett datum. Sysselsättningen vid kontakten (SysKontakt) hör till det datumet.', sectionId: 'dokumentera-i-uka' },
  { term: 'SysKontakt', short: 'Vad ungdomen gjorde vid en kontakt.', long: 'Sysselsättningen vid kontakten, till exempel komvux, arbete, praktik eller ingen sysselsättning. Ska fyllas i vid varje kontakt och minst en gång per insamlingsperiod.', sectionId: 'dokumentera-i-uka' },
  { term: 'InSys', short: 'Ingen sysselsättning.', long: 'Det värde för SysKontakt som betyder att ungdomen inte gör något alls. Får inte användas medan en åtgärd pågår.', sectionId: 'dokumentera-i-uka' },
  { term: 'Atgard', short: 'Vilken åtgärd ungdomen får.', long: 'Typ av åtgärd, till exempel studie- och yrkesvägledning, coachning, praktik eller extern arena. Stavas utan å i SCB:s variabelnamn.', sectionId: 'insatser' },
  { term: 'AtgStart', short: 'Datum då åtgärden började.', long: 'Ska ligga inom en registreringsperiod. Annars visar UKA en gul varning.', sectionId: 'dokumentera-i-uka' },
  { term: 'AtgSlut', short: 'Datum då åtgärden slutade.', long: 'Tomt medan åtgärden pågår. När det fylls i krävs även GrundAtgSlut och SysEfter.', sectionId: 'dokumentera-i-uka' },
  { term: 'GrundAtgSlut', short: 'Varför åtgärden slutade.', long: 'Till exempel genomförd enligt plan, påbörjat studier, fått arbete, avbruten av ungdomen, flyttat eller fyllt 20. Krävs när AtgSlut är ifyllt.', sectionId: 'dokumentera-i-uka' },
  { term: 'SysEfter', short: 'Vad ungdomen gör efter åtgärden.', long: 'Sysselsättningen efter en avslutad åtgärd. Krävs när AtgSlut är ifyllt och får inte vara samma som åtgärden.', sectionId: 'dokumentera-i-uka' },
  // Systems and concepts
  { term: 'KAA', short: 'Det kommunala aktivitetsansvaret.', long: 'Kommunens skyldighet enligt skollagen att hålla sig informerad om vad unga under 20 gör när de inte studerar på gymnasiet och saknar examen, och att erbjuda dem insatser.', sectionId: 'om-kaa' },
  { term: 'UKA', short: 'Verksamhetssystemet för KAA.', long: 'Webbsystemet där ungdomarna registreras och kontakter och åtgärder dokumenteras. UKA tar också fram filen till SCB. Systemet ägs gemensamt av de kommuner som använder det.', sectionId: 'registrera-i-uka' },
  { term: 'SCB', short: 'Statistiska centralbyrån.', long: 'Tar emot kommunernas uppgifter om KAA varje halvår och publicerar instruktioner och kodförteckningar för varje insamlingsperiod.', sectionId: 'scb-insamlingsperioder' },
  { term: 'Extens', short: 'Skolans verksamhetssystem.', long: 'Används för grundskola och gymnasium. Ett veckoutdrag visar vilka unga under 20 som är folkbokförda i kommunen men inte går i gymnasieskolan.', sectionId: 'identifiera-ungdomar' },
  { term: 'BEDA', short: 'Den nationella betygsdatabasen.', long: 'Visar om en ungdom har gymnasieexamen eller studiebevis. Används tillsammans med Extens för att se vilka som omfattas av KAA.', sectionId: 'identifiera-ungdomar' },
  { term: 'Insamlingsperiod', short: 'Ett kalenderhalvår som rapporteras till SCB.', long: 'Januari–juni eller juli–december. Varje period rapporteras med en fil, och en ny uppladdning ersätter den förra.', sectionId: 'scb-insamlingsperioder' },
  { term: 'Etikett', short: 'Märkning som visar vilken coach som ansvarar.', long: 'Med din etikett på en person ser du hen i dina listor och i Export till SCB, och vet vilka varningar du ska rätta.', sectionId: 'manadsgenomgang' },
  { term: 'Bevakning', short: 'Påminnelse i UKA om att kontakta ungdomen igen.', long: 'Läggs till exempel om tre månader när ungdomen tackar nej eller när en ny omgång i kontakttrappan ska börja.', sectionId: 'inte-intresserad' },
  { term: 'Kontaktvykort', short: 'Vykort till en ungdom som är 18 eller äldre.', long: 'Skickas efter tre misslyckade telefonförsök. Ber ungdomen ringa den coach som har skrivit under.', sectionId: 'brev-och-vykort' },
  { term: 'Kontaktbrev', short: 'Brev till vårdnadshavarna när ungdomen är under 18.', long: 'Skickas efter tre misslyckade telefonförsök och beskriver kort KAA och hur man når coachen.', sectionId: 'brev-och-vykort' },
  { term: 'Hembesök', short: 'Besök hemma hos ungdomen, alltid två coacher.', long: 'Görs när brev eller vykort inte har gett kontakt. Brevet om besöket skickas minst en vecka i förväg.', sectionId: 'hembesok' },
  { term: 'Orosanmälan', short: 'Anmälan till socialtjänsten om oro för ett barn.', long: 'Görs till exempel när en ungdom under 18 inte har gått att nå, inte ens med ett hembesök.', sectionId: 'orosanmalan' },
  { term: 'Kartläggning', short: 'Genomgång av ungdomens situation, behov och mål.', long: 'Börjar på första mötet efter att ärendet fördelats till en coach. Leder till individuellt anpassade insatser.', sectionId: 'kartlaggning' },
  { term: 'Samtycke', short: 'Ungdomens tillåtelse att dela uppgifter.', long: 'Inhämtas vid första mötet och gör det möjligt att samarbeta med andra myndigheter och parter.', sectionId: 'kartlaggning' },
  { term: 'SIP', short: 'Samordnad individuell plan.', long: 'En gemensam plan där alla parter runt ungdomen bestämmer vem som gör vad och när.', sectionId: 'sip' },
  { term: 'SYV', short: 'Studie- och yrkesvägledare.', long: 'Hjälper alla unga under 20 med studieplanering och kan hjälpa till med ansökan om särskilda skäl till vuxenutbildningen.', sectionId: 'insatser' },
  { term: 'Introduktionsprogram', short: 'Gymnasieskolans program för elever som saknar behörighet (IM).', long: 'Elever som är inskrivna på ett introduktionsprogram omfattas inte av KAA. Den som avbryter programmet omfattas.', aliases: ['IM'], sectionId: 'vem-omfattas' },
  { term: 'Gymnasieintyg', short: 'Intyg efter ett avslutat introduktionsprogram.', long: 'Den som har ett gymnasieintyg men ingen examen omfattas av KAA.', sectionId: 'vem-omfattas' },
  { term: 'Skyddade personuppgifter', short: 'Personuppgifter som är skyddade hos Skatteverket.', long: 'Ungdomar med skyddade personuppgifter registreras inte i UKA. Kommunen har en egen rutin för dem, även vid SCB-rapporteringen.', sectionId: 'skyddade-personuppgifter' },
  { term: 'Kodförteckning', short: 'SCB:s lista över tillåtna koder.', long: 'SCB publicerar kodförteckningen inför varje insamlingsperiod. Koderna kan ändras mellan perioderna.', sectionId: 'scb-insamlingsperioder' },
  { term: 'Praktikavtal', short: 'Avtal som gör att ungdomen är försäkrad under praktik.', long: 'Ska alltid skrivas när KAA ordnar en praktikplats.', sectionId: 'praktik' },
  { term: 'Bosättningskontroll', short: 'Skatteverkets kontroll av folkbokföringen.', long: 'Hit anmäler du när en ungdom har flyttat men fortfarande är folkbokförd på den gamla adressen.', sectionId: 'skatteverket' },
];

const tour: PackInput['tour'] = [
  { id: 'person-rubrik', pageKind: 'person', anchor: 'header', title: 'Vem det gäller', text: 'Överst står namn, personnummer, kön och ålder. Kontrollera att din etikett finns på personen, och håll koll på åldern: under 18 kontaktar du vårdnadshavarna.' },
  { id: 'person-varningar', pageKind: 'person', anchor: 'warnings', title: 'Färgade varningar', text: 'Röda varningar måste rättas innan exporten till SCB. Gula bör du kontrollera. Gröna visar pågående åtgärder.' },
  { id: 'person-forklara', pageKind: 'person', anchor: 'warnings', title: 'Få varningen förklarad', text: 'Vid varje varning kan du öppna en förklaring: vad den betyder, varför SCB behöver uppgiften och vilket fält du ska rätta.' },
  { id: 'person-kontakter', pageKind: 'person', anchor: 'contactLog', title: 'Kontakter', text: 'Skriv in varje kontaktförsök med datum, även när ingen svarar. Här ser du också var i kontakttrappan ungdomen befinner sig.' },
  { id: 'person-sysselsattning', pageKind: 'person', anchor: 'occupations', title: 'Sysselsättning', text: 'Fyll i vad ungdomen gör vid varje kontakt. Minst en uppgift per halvår behövs för SCB.' },
  { id: 'person-atgarder', pageKind: 'person', anchor: 'measures', title: 'Åtgärder', text: 'En åtgärd får startdatum när den börjar. När den slutar fyller du i slutdatum, grund för avslut och sysselsättning efteråt.' },
  { id: 'export-lista', pageKind: 'export', anchor: 'exportList', title: 'Listan med varningar', text: 'Här finns alla personer med röda, gula och gröna varningar, grupperade efter typ. Gå igenom listan en gång i månaden.' },
  { id: 'export-etikett', pageKind: 'export', anchor: 'exportList', title: 'Dina egna först', text: 'Rätta personerna med din etikett. Klicka på namnet, rätta på personsidan och gå tillbaka med bakåtknappen.' },
  { id: 'export-knapp', pageKind: 'export', anchor: 'exportButton', title: 'Exportknappen', text: 'Knappen fungerar först när inga röda varningar finns kvar. Gula hindrar inte exporten.' },
  { id: 'export-spara', pageKind: 'export', anchor: 'exportButton', title: 'Spara, öppna inte', text: 'Spara filen som textfil och ladda upp den hos SCB utan att öppna den. Excel förstör formatet.' },
];

export const DEFAULT_PACK_JSON: PackInput = {
  format: 'kaa-lotsen-pack',
  formatVersion: 1,
  id: 'standard',
  version: '1.0.0',
  title: 'KAA-lotsens standardpaket: metodbok, tips och förklaringar',
  language: 'sv',
  settings: {
    ...routineDefaults(PACK_KEYS),
    notLivingPatterns: ['bor ej på adressen', 'bor inte på adressen', 'okänd på adressen', 'flyttat', 'avflyttad', 'utflyttad'],
  },
  sections,
  tips,
  explainers,
  glossary,
  tour,
};
