import '../../lib/platform/zod-setup';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type OptionsValues } from '../../components/options/Options';
import { PackSection } from '../../components/options/PackSection';
import { checkOrigin, loadSettings, originPattern, saveSettings, FEATURE_IDS, isLocked } from '../../lib/settings';
import { sendCommand } from '../../lib/messages';

async function main(): Promise<void> {
  const loaded = await loadSettings();
  const s = loaded.settings;
  const initial: OptionsValues = {
    ukaOrigin: s.ukaOrigin ?? '',
    scbOrigin: s.scbOrigin ?? '',
    kommun: s.kommun ?? '',
    myLabel: s.myLabel ?? '',
    language: s.language,
    followUpMonths: String(s.ladder.followUpMonths),
    failedCallsBeforeLetter: String(s.ladder.failedCallsBeforeLetter),
    letterDaysBeforeVisit: String(s.ladder.letterDaysBeforeVisit),
    handoverDaysBefore20: String(s.ladder.handoverDaysBefore20),
    deadlineH1: s.scbDeadlines.H1,
    deadlineH2: s.scbDeadlines.H2,
    retentionDays: String(s.retentionDays),
    features: Object.fromEntries(FEATURE_IDS.map((id) => [id, s.features[id]])),
  };
  const locked = new Set<string>([...loaded.locked, ...FEATURE_IDS.filter((id) => isLocked(loaded.locked, `features.${id}`)).map((id) => `features.${id}`)]);

  const onSave = async (values: OptionsValues) => {
    // Ask for the host permissions first, while the click still counts as a user gesture.
    const origins: string[] = [];
    for (const raw of [values.ukaOrigin, values.scbOrigin]) {
      const checked = raw.trim() ? checkOrigin(raw) : null;
      if (checked?.ok) origins.push(originPattern(checked.origin));
    }
    const permission = origins.length ? browser.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    const granted = await permission;
    const patch: Record<string, unknown> = {};
    for (const key of ['ukaOrigin', 'scbOrigin', 'kommun', 'myLabel', 'language', 'retentionDays'] as const) {
      if (!isLocked(loaded.locked, key)) patch[key] = values[key];
    }
    if (!isLocked(loaded.locked, 'features')) patch.features = values.features;
    if (!isLocked(loaded.locked, 'ladder')) {
      patch.ladder = {
        followUpMonths: values.followUpMonths,
        failedCallsBeforeLetter: values.failedCallsBeforeLetter,
        letterDaysBeforeVisit: values.letterDaysBeforeVisit,
        handoverDaysBefore20: values.handoverDaysBefore20,
      };
    }
    if (!isLocked(loaded.locked, 'scbDeadlines')) patch.scbDeadlines = { H1: values.deadlineH1.trim(), H2: values.deadlineH2.trim() };
    const result = await saveSettings(patch);
    if (!result.ok) {
      // Nested settings report one message for the group: show it on each of the group's fields.
      const { ladder, scbDeadlines, ...flat } = result.errors as Record<string, string | undefined>;
      const errors: Partial<Record<keyof OptionsValues, string>> = { ...(flat as Partial<Record<keyof OptionsValues, string>>) };
      if (ladder) for (const k of ['followUpMonths', 'failedCallsBeforeLetter', 'letterDaysBeforeVisit', 'handoverDaysBefore20'] as const) errors[k] = ladder;
      if (scbDeadlines) for (const k of ['deadlineH1', 'deadlineH2'] as const) errors[k] = scbDeadlines;
      return { errors, message: 'Inställningarna sparades inte. Rätta de markerade fälten.' };
    }
    if (!granted) return { errors: {}, message: 'Sparat, men webbläsaren fick inte lov att läsa adressen. Utan det lovet kan KAA-lotsen inte hjälpa till i UKA.' };
    return { errors: {}, message: result.settings.ukaOrigin ? `Sparat. KAA-lotsen arbetar nu på ${result.settings.ukaOrigin}.` : 'Sparat.' };
  };

  const onDeleteAll = async () => {
    try {
      await sendCommand('delete-all-data', {});
      // The form shows the settings as they are now (policy values stay; local ones are gone).
      setTimeout(() => location.reload(), 1500);
      return 'All lokal data är raderad.';
    } catch {
      return 'Något gick fel. Försök igen.';
    }
  };

  render(
    <Options initial={initial} locked={locked} onSave={onSave} onDeleteAll={onDeleteAll}>
      <PackSection />
    </Options>,
    document.getElementById('app')!,
  );
}

void main();
