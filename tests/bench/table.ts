/**
 * The page bench's summary (pure: no browser, no clock): per page and markup variant, one row per mode from the
 * interleaved loads of ./pages.ts, the goals of issue #20 evaluated, and the table printed as text (and as Markdown for
 * the README).
 */

/** The modes, in the order they are loaded in a round and shown in the table. */
export const MODES = ['none', 'noop', 'naive', 'kaa'] as const;
export type ModeId = (typeof MODES)[number];

export const MODE_LABELS: Record<ModeId, string> = {
  none: 'utan tillägg',
  noop: 'noop (tomt innehållsskript)',
  naive: 'naive-panel (läs + en panel)',
  kaa: 'KAA-lotsen (produktionsbygge)',
};

/** A main-thread task longer than this is a long task. */
export const LONG_TASK_MS = 50;
/** A long task with at least this much extension code in it (by 1 ms CPU samples) counts as containing extension code. */
export const EXT_SHARE_MS = 5;
/** Goal A: KAA-lotsen's load-to-idle ratio at most this much above the naive-panel baseline's. */
export const GOAL_A_MARGIN = 0.03;

export interface Task {
  start: number;
  duration: number;
}

/** One timed load (no profiler). */
export interface TimedLoad {
  loadToIdleMs: number;
  /** From the load event to the first panel painted in the window; null when none was. */
  firstPanelMs: number | null;
  longTasks: Task[];
}

/** One load under the CPU profiler: long tasks with the milliseconds of extension code in them. */
export interface ProfiledLoad {
  longTasks: Array<Task & { extensionMs: number }>;
  extensionCpuMs: number;
}

export interface ModeRuns {
  mode: ModeId;
  /** One per round, in round order (so that round i of every mode can be paired). */
  timed: TimedLoad[];
  /** Empty for the mode without an extension (no extension code by definition). */
  profiled: ProfiledLoad[];
}

export interface PageRuns {
  page: 'export' | 'person';
  variant: '2024' | '2026';
  /** e.g. "Export till SCB, 5000 ungdomar". */
  title: string;
  rounds: number;
  modes: ModeRuns[];
}

export interface ModeRow {
  mode: ModeId;
  medianLoadToIdleMs: number;
  /** Median load-to-idle over the no-extension mode's. */
  ratio: number;
  /** Median of the per-round ratios (this mode's load against the no-extension load of the same round). */
  pairedRatio: number;
  /** Long tasks over all timed loads of this mode. */
  longTasks: number;
  /** Long tasks with ≥ EXT_SHARE_MS of extension code over the profiled loads; null without profiled loads. */
  extensionLongTasks: number | null;
  longestExtensionTaskMs: number | null;
  medianExtensionCpuMs: number | null;
  profiledLoads: number;
  /** Median from the load event to the first panel painted; null when no load painted one. */
  medianFirstPanelMs: number | null;
  /** Loads in which a panel was painted. */
  panelLoads: number;
}

export type Verdict = boolean | null;

export interface PageSummary {
  page: PageRuns['page'];
  variant: PageRuns['variant'];
  title: string;
  rounds: number;
  rows: ModeRow[];
  /** Load-to-idle of every timed load per mode, in round order (for --explain). */
  perRound: Array<{ mode: ModeId; ms: number[] }>;
  goalA: { met: Verdict; kaa: number | null; naive: number | null; difference: number | null };
  goalB: { met: Verdict; tasks: number | null; longestMs: number | null; profiledLoads: number };
  firstPanel: { medianMs: number | null; minMs: number | null; maxMs: number | null; loads: number; of: number };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function row(runs: ModeRuns, base: ModeRuns | undefined): ModeRow {
  const times = runs.timed.map((t) => t.loadToIdleMs);
  const baseTimes = base?.timed.map((t) => t.loadToIdleMs) ?? [];
  const medianLoadToIdleMs = median(times);
  const pairs = times.flatMap((t, i) => (baseTimes[i] ? [t / baseTimes[i]] : []));
  const attributed = runs.profiled.flatMap((p) => p.longTasks.filter((t) => t.duration > LONG_TASK_MS && t.extensionMs >= EXT_SHARE_MS));
  const profiled = runs.profiled.length > 0;
  const panels = runs.timed.map((t) => t.firstPanelMs).filter((v): v is number => v !== null);
  return {
    mode: runs.mode,
    medianLoadToIdleMs,
    ratio: medianLoadToIdleMs / median(baseTimes),
    pairedRatio: median(pairs),
    longTasks: runs.timed.reduce((n, t) => n + t.longTasks.filter((x) => x.duration > LONG_TASK_MS).length, 0),
    extensionLongTasks: profiled ? attributed.length : null,
    longestExtensionTaskMs: profiled ? attributed.reduce((max, t) => Math.max(max, t.duration), 0) : null,
    medianExtensionCpuMs: profiled ? median(runs.profiled.map((p) => p.extensionCpuMs)) : null,
    profiledLoads: runs.profiled.length,
    medianFirstPanelMs: panels.length ? median(panels) : null,
    panelLoads: panels.length,
  };
}

/** Rows for every mode measured, and the goals of issue #20 for KAA-lotsen on this page. */
export function summarisePage(runs: PageRuns): PageSummary {
  const base = runs.modes.find((m) => m.mode === 'none');
  const rows = MODES.flatMap((id) => {
    const m = runs.modes.find((x) => x.mode === id);
    return m ? [row(m, base)] : [];
  });
  const kaa = rows.find((r) => r.mode === 'kaa');
  const naive = rows.find((r) => r.mode === 'naive');
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : null);
  const a = finite(kaa?.ratio);
  const b = finite(naive?.ratio);
  const difference = a !== null && b !== null ? a - b : null;
  const kaaRuns = runs.modes.find((m) => m.mode === 'kaa');
  const panels = (kaaRuns?.timed ?? []).map((t) => t.firstPanelMs).filter((v): v is number => v !== null);
  return {
    page: runs.page,
    variant: runs.variant,
    title: runs.title,
    rounds: runs.rounds,
    rows,
    perRound: runs.modes.map((m) => ({ mode: m.mode, ms: m.timed.map((t) => t.loadToIdleMs) })),
    // A rounding margin, so that a difference printed as 0.030 counts as within 0.03.
    goalA: { met: difference === null ? null : difference <= GOAL_A_MARGIN + 1e-9, kaa: a, naive: b, difference },
    goalB: {
      met: kaa && kaa.profiledLoads > 0 ? kaa.extensionLongTasks === 0 : null,
      tasks: kaa?.extensionLongTasks ?? null,
      longestMs: kaa?.longestExtensionTaskMs ?? null,
      profiledLoads: kaa?.profiledLoads ?? 0,
    },
    firstPanel: {
      medianMs: panels.length ? median(panels) : null,
      minMs: panels.length ? Math.min(...panels) : null,
      maxMs: panels.length ? Math.max(...panels) : null,
      loads: panels.length,
      of: kaaRuns?.timed.length ?? 0,
    },
  };
}

/** "uppfyllt (met)", "inte uppfyllt (not met)" or "inte mätt (not measured)". */
export function verdict(v: Verdict): string {
  return v === null ? 'inte mätt (not measured)' : v ? 'uppfyllt (met)' : 'inte uppfyllt (not met)';
}

const ms = (n: number | null) => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(0));
const x3 = (n: number | null) => (n === null || !Number.isFinite(n) ? '–' : n.toFixed(3));
const signed = (n: number) => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(3)}`;

const HEADERS = {
  sv: ['Läge', 'load-to-idle, median (ms)', 'kvot', 'parvis kvot', `tasks > ${LONG_TASK_MS} ms`, 'varav med tilläggskod', 'längsta sådan (ms)', 'tilläggets CPU (ms)', 'load → första panel (ms)'],
  en: ['Mode', 'load-to-idle, median (ms)', 'ratio', 'paired ratio', `tasks > ${LONG_TASK_MS} ms`, 'with extension code', 'longest such (ms)', 'extension CPU (ms)', 'load → first panel (ms)'],
};

const EN_LABELS: Record<ModeId, string> = {
  none: 'without extension',
  noop: '`noop`',
  naive: '`naive-panel`',
  kaa: 'KAA-lotsen (production build)',
};

function cells(r: ModeRow, lang: 'sv' | 'en' = 'sv'): string[] {
  return [
    lang === 'sv' ? MODE_LABELS[r.mode] : EN_LABELS[r.mode],
    ms(r.medianLoadToIdleMs),
    x3(r.ratio),
    x3(r.pairedRatio),
    String(r.longTasks),
    r.extensionLongTasks === null ? '–' : `${r.extensionLongTasks} (${r.profiledLoads} ${lang === 'sv' ? 'laddn.' : 'loads'})`,
    r.longestExtensionTaskMs === null || r.extensionLongTasks === 0 ? '–' : ms(r.longestExtensionTaskMs),
    ms(r.medianExtensionCpuMs),
    ms(r.medianFirstPanelMs),
  ];
}

function goalLines(s: PageSummary): string[] {
  const { goalA: a, goalB: b, firstPanel: p } = s;
  const aText =
    a.difference === null
      ? ''
      : ` (KAA-lotsen ${x3(a.kaa)} mot naive-panel ${x3(a.naive)}: ${signed(a.difference)}, högst +${GOAL_A_MARGIN.toFixed(3)})`;
  const bText = b.tasks === null ? '' : ` (${b.tasks} i ${b.profiledLoads} profilerade laddningar${b.tasks ? `, längsta ${ms(b.longestMs)} ms` : ''})`;
  return [
    `  Mål A, load-to-idle-kvot inom ${GOAL_A_MARGIN} från naive-panel: ${verdict(a.met)}${aText}`,
    `  Mål B, ingen task över ${LONG_TASK_MS} ms med KAA-lotsens kod: ${verdict(b.met)}${bText}`,
    `  Från UKA:s load-händelse till KAA-lotsens första panel målad: ${
      p.medianMs === null ? `ingen panel sågs (0 av ${p.of} laddningar)` : `median ${ms(p.medianMs)} ms (${ms(p.minMs)}–${ms(p.maxMs)} ms; panel i ${p.loads} av ${p.of} laddningar)`
    }`,
  ];
}

/** The text table of one page and variant, with the goals under it (and with `explain`, every load's load-to-idle). */
export function formatPage(s: PageSummary, explain = false): string {
  const rows = [HEADERS.sv, ...s.rows.map((r) => cells(r))];
  const widths = HEADERS.sv.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => '  ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const loads = explain ? s.perRound.map((m) => `  load-to-idle per omgång, ${MODE_LABELS[m.mode]}: ${m.ms.map((v) => v.toFixed(0)).join(' ')}`) : [];
  return [`${s.title}, variant ${s.variant} (${s.rounds} omgångar)`, ...rows.map(line), ...goalLines(s), ...loads].join('\n');
}

/** One Markdown table of every page and variant (for the README), goals as columns. */
export function formatMarkdown(summaries: PageSummary[]): string {
  const head = ['Page, variant', ...HEADERS.en];
  const out = [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const s of summaries) for (const r of s.rows) out.push(`| ${[`${s.page === 'export' ? 'Export till SCB' : 'Person page'} ${s.variant}`, ...cells(r, 'en')].join(' | ')} |`);
  out.push('', '| Page, variant | Goal A (ratio within 0.03 of naive-panel) | Goal B (no task > 50 ms with our code) | Load → first panel, median (ms) |', '| --- | --- | --- | --- |');
  for (const s of summaries) {
    const a = s.goalA.difference === null ? verdict(s.goalA.met) : `${verdict(s.goalA.met)}: ${x3(s.goalA.kaa)} vs ${x3(s.goalA.naive)} (${signed(s.goalA.difference)})`;
    const b = s.goalB.tasks === null ? verdict(s.goalB.met) : `${verdict(s.goalB.met)}: ${s.goalB.tasks} in ${s.goalB.profiledLoads} loads`;
    out.push(`| ${s.page === 'export' ? 'Export till SCB' : 'Person page'} ${s.variant} | ${a} | ${b} | ${ms(s.firstPanel.medianMs)} |`);
  }
  return out.join('\n');
}
