import '../../lib/platform/zod-setup';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options, type OptionsValues, type RetentionInForce } from '../../components/options/Options';
import { PackSection } from '../../components/options/PackSection';
import { ProfileSection } from '../../components/options/ProfileSection';
import { checkOrigin, originPattern, saveSettings, FEATURE_IDS, isLocked, rangeMessage } from '../../lib/settings';
import { inRoutineRange, SETTINGS_LADDER_KEYS } from '../../lib/domain/routine';
import { loadEffective } from '../../lib/platform/effective';
import { loadActivePack } from '../../lib/platform/pack';
import { sendCommand } from '../../lib/messages/client';

async function main(): Promise<void> {
  // What is in force: values set here or by policy, else the metodbok pack's routine.
  const [{ loaded }, activePack] = await Promise.all([loadEffective(), loadActivePack()]);
  const s = loaded.settings;
  // The retention in force and where it comes from: a policy, the user's own setting, else the active pack's.
  const retention: RetentionInForce = {
    days: s.retentionDays,
    source: isLocked(loaded.locked, 'retentionDays')
      ? 'policy'
      : loaded.explicit.includes('retentionDays')
        ? 'setting'
        : activePack.source === 'policy'
          ? 'policy-pack'
          : activePack.source === 'imported'
            ? 'pack'
            : 'default',
  };
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

  // What the form showed when last loaded or saved, and which keys have been set on purpose.
  let shown: OptionsValues = initial;
  const explicit = new Set(loaded.explicit);

  const onSave = async (values: OptionsValues) => {
    // Ask for the host permissions first, while the click still counts as a user gesture.
    const origins: string[] = [];
    for (const raw of [values.ukaOrigin, values.scbOrigin]) {
      const checked = raw.trim() ? checkOrigin(raw) : null;
      if (checked?.ok) origins.push(originPattern(checked.origin));
    }
    const permission = origins.length ? browser.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    const granted = await permission;
    // Only what the user changed (or had set before) is saved: untouched values keep following their defaults, which
    // for the routine intervals come from the metodbok pack.
    const keep = (key: string, shown: string, now: string) => now.trim() !== shown.trim() || explicit.has(key);
    const patch: Record<string, unknown> = {};
    for (const key of ['ukaOrigin', 'scbOrigin', 'kommun', 'myLabel', 'retentionDays'] as const) {
      if (!isLocked(loaded.locked, key) && keep(key, shown[key], values[key])) patch[key] = values[key];
    }
    if (!isLocked(loaded.locked, 'features')) {
      const changed = FEATURE_IDS.filter((id) => values.features[id] !== shown.features[id] || explicit.has(`features.${id}`));
      if (changed.length) patch.features = Object.fromEntries(changed.map((id) => [id, values.features[id]]));
    }
    const ladderPatch: Record<string, string> = {};
    for (const key of SETTINGS_LADDER_KEYS) {
      if (!isLocked(loaded.locked, `ladder.${key}`) && keep(`ladder.${key}`, shown[key], values[key])) ladderPatch[key] = values[key];
    }
    if (Object.keys(ladderPatch).length) patch.ladder = ladderPatch;
    const deadlines: Record<string, string> = {};
    if (!isLocked(loaded.locked, 'scbDeadlines.H1') && keep('scbDeadlines.H1', shown.deadlineH1, values.deadlineH1)) deadlines.H1 = values.deadlineH1.trim();
    if (!isLocked(loaded.locked, 'scbDeadlines.H2') && keep('scbDeadlines.H2', shown.deadlineH2, values.deadlineH2)) deadlines.H2 = values.deadlineH2.trim();
    if (Object.keys(deadlines).length) patch.scbDeadlines = deadlines;
    const result = await saveSettings(patch);
    if (result.ok) {
      shown = values;
      for (const [key, value] of Object.entries(patch)) {
        if (value && typeof value === 'object') for (const sub of Object.keys(value)) explicit.add(`${key}.${sub}`);
        else explicit.add(key);
      }
    }
    if (!result.ok) {
      // Nested settings report one message for the group: show it on each of the group's fields.
      const { ladder, scbDeadlines, ...flat } = result.errors as Record<string, string | undefined>;
      const errors: Partial<Record<keyof OptionsValues, string>> = { ...(flat as Partial<Record<keyof OptionsValues, string>>) };
      if (ladder) {
        // Each interval out of its range gets its own message; any other problem of the group is shown on all four.
        const outOfRange = SETTINGS_LADDER_KEYS.filter((k) => k in ladderPatch && !inRoutineRange(k, Number(values[k].trim() || Number.NaN)));
        for (const k of outOfRange.length ? outOfRange : SETTINGS_LADDER_KEYS) errors[k] = outOfRange.length ? rangeMessage(k) : ladder;
      }
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
    <Options initial={initial} retention={retention} locked={locked} onSave={onSave} onDeleteAll={onDeleteAll}>
      <PackSection />
      <ProfileSection />
    </Options>,
    document.getElementById('app')!,
  );
}

void main();
