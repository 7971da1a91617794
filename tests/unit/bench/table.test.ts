import { describe, expect, it } from 'vitest';
import { formatMarkdown, formatPage, median, summarisePage, verdict, type ModeId, type ModeRuns, type PageRuns, type TimedLoad } from '../../bench/table';

const timed = (ms: number[], panel: number | null = null, longTasks: number[] = []): TimedLoad[] =>
  ms.map((loadToIdleMs) => ({ loadToIdleMs, firstPanelMs: panel, longTasks: longTasks.map((duration) => ({ start: 100, duration })) }));

function page(times: Record<ModeId, number[]>, extra: Partial<Record<ModeId, Partial<ModeRuns>>> = {}): PageRuns {
  return {
    page: 'export',
    variant: '2026',
    title: 'Export till SCB, 5000 ungdomar',
    rounds: times.none.length,
    modes: (Object.keys(times) as ModeId[]).map((mode) => ({
      mode,
      timed: timed(times[mode]),
      profiled: mode === 'none' ? [] : [{ longTasks: [], extensionCpuMs: 10 }],
      ...extra[mode],
    })),
  };
}

describe('page bench summary', () => {
  it('takes medians of odd and even counts, NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('gives each mode its ratio of medians and its median per-round ratio against the no-extension mode', () => {
    const s = summarisePage(page({ none: [100, 200, 100], noop: [110, 200, 120], naive: [120, 240, 100], kaa: [130, 260, 110] }));
    const noop = s.rows.find((r) => r.mode === 'noop')!;
    expect(noop.medianLoadToIdleMs).toBe(120);
    expect(noop.ratio).toBeCloseTo(1.2);
    expect(noop.pairedRatio).toBeCloseTo(1.1); // 1.1, 1.0, 1.2
    expect(s.rows.map((r) => r.mode)).toEqual(['none', 'noop', 'naive', 'kaa']);
  });

  it('meets goal A when KAA-lotsen is at most 0.03 above naive-panel (also below it), not when more', () => {
    const at = summarisePage(page({ none: [1000], noop: [1000], naive: [1100], kaa: [1130] }));
    expect(at.goalA.difference).toBeCloseTo(0.03);
    expect(at.goalA.met).toBe(true);
    expect(summarisePage(page({ none: [1000], noop: [1000], naive: [1100], kaa: [1000] })).goalA.met).toBe(true);
    const over = summarisePage(page({ none: [1000], noop: [1000], naive: [1100], kaa: [1131] }));
    expect(over.goalA.met).toBe(false);
    expect(formatPage(over)).toContain('Mål A, load-to-idle-kvot inom 0.03 från naive-panel: inte uppfyllt (not met) (KAA-lotsen 1.131 mot naive-panel 1.100: +0.031');
  });

  it('counts for goal B only long tasks with at least 5 ms of extension code, in the profiled loads', () => {
    const clean = summarisePage(
      page(
        { none: [1000], noop: [1000], naive: [1000], kaa: [1000] },
        { kaa: { profiled: [{ longTasks: [{ start: 0, duration: 80, extensionMs: 4 }, { start: 200, duration: 40, extensionMs: 40 }], extensionCpuMs: 50 }] } },
      ),
    );
    expect(clean.goalB).toMatchObject({ met: true, tasks: 0, profiledLoads: 1 });
    const slow = summarisePage(
      page({ none: [1000], noop: [1000], naive: [1000], kaa: [1000] }, { kaa: { profiled: [{ longTasks: [{ start: 0, duration: 70, extensionMs: 5 }], extensionCpuMs: 50 }] } }),
    );
    expect(slow.goalB).toMatchObject({ met: false, tasks: 1, longestMs: 70 });
    expect(formatPage(slow)).toContain('Mål B, ingen task över 50 ms med KAA-lotsens kod: inte uppfyllt (not met) (1 i 1 profilerade laddningar, längsta 70 ms)');
  });

  it('says "inte mätt" when a mode or the profiled loads are missing, and reports the first panel', () => {
    const runs = page({ none: [1000, 1000], noop: [1000, 1000], naive: [1000, 1000], kaa: [1000, 1000] });
    runs.modes = runs.modes.filter((m) => m.mode !== 'naive');
    const kaa = runs.modes.find((m) => m.mode === 'kaa')!;
    kaa.profiled = [];
    kaa.timed = [
      { loadToIdleMs: 1000, firstPanelMs: 40, longTasks: [] },
      { loadToIdleMs: 1000, firstPanelMs: null, longTasks: [] },
    ];
    const s = summarisePage(runs);
    expect(s.goalA.met).toBeNull();
    expect(s.goalB.met).toBeNull();
    expect(verdict(null)).toBe('inte mätt (not measured)');
    expect(s.firstPanel).toEqual({ medianMs: 40, minMs: 40, maxMs: 40, loads: 1, of: 2 });
    expect(formatPage(s)).toContain('KAA-lotsens första panel målad: median 40 ms (40–40 ms; panel i 1 av 2 laddningar)');
  });

  it('prints one aligned row per mode and a Markdown table with the goals', () => {
    const s = summarisePage(page({ none: [800, 820], noop: [810, 830], naive: [880, 900], kaa: [890, 905] }));
    const text = formatPage(s).split('\n');
    expect(text[0]).toBe('Export till SCB, 5000 ungdomar, variant 2026 (2 omgångar)');
    expect(text.slice(1, 6).map((l) => l.length).every((n, _, all) => n === all[0])).toBe(true);
    expect(formatPage(s, true)).toContain('load-to-idle per omgång, KAA-lotsen (produktionsbygge): 890 905');
    const md = formatMarkdown([s]);
    expect(md).toContain('| Export till SCB 2026 | KAA-lotsen (production build) | 898 | 1.108 |');
    expect(md).toContain('| Export till SCB 2026 | uppfyllt (met): 1.108 vs 1.099 (+0.009) | uppfyllt (met): 0 in 1 loads | – |');
  });
});
