/**
 * Page-view runtime of the UKA content script: recognise the page through the adapter, run the features for that
 * page kind, report status to the background (for the popup), and start over when UKA changes the page without a
 * reload. Nothing is injected on an unrecognised page. Nothing here ever throws into UKA's page.
 */
import { isOwnNode, mountShadow, prepareStyles, unmountAll } from '../../components/ui/shadow';
import { drawInIdleTime, measureReserved, whenAllDrawn } from '../../components/ui/draw';
import { runFeatures, redactError, type FeatureDefinition, type FeatureStatus } from '../../lib/features/manager';
import type { Settings } from '../../lib/settings';
import type { ReadResult, UkaAdapter } from '../../lib/uka/types';
import type { LadderSettings } from '../../lib/ladder/types';
import type { Pack } from '../../lib/content/schema';
import type { UkaFeatureContext } from './context';
import { closeEarlyReads } from '../../lib/startup/early-reads';
import { releaseSlots } from '../../lib/startup/slots';
import { mark } from '../../lib/platform/marks';
import { nextTask } from '../../lib/startup/next-task';
import { driftedParts, PART_LABEL, PART_READ, type PartName, type PartRule, type PartsSeen } from '../../lib/uka/parts';

export interface RuntimeOptions {
  doc: Document;
  adapter: UkaAdapter;
  features: readonly FeatureDefinition<UkaFeatureContext>[];
  getSettings(): Settings;
  /** The routine intervals in force (settings set on purpose, else the metodbok pack's). */
  getRoutine(): Partial<LadderSettings>;
  getPack(): Pack;
  today(): Promise<string>;
  /** A clock read started before the page was parsed: the first page view's "today". */
  firstToday?: Promise<string>;
  openMetodbok(sectionId: string): void;
  reportStatus(status: PageStatus): void;
  /** The parts of UKA's pages found before, per profile (to notice drift). */
  getPartsSeen?(): PartsSeen;
  /** Parts found on this page that were not known as seen yet (names only). */
  recordPartsSeen?(profileId: string, parts: PartName[]): void;
  /** Ends the runtime (extension reloaded or uninstalled). */
  signal: AbortSignal;
  /**
   * The first page view has drawn and the page has been rendered since (a good moment to read our panels' layout);
   * called again once the panels it left for later (components/ui/draw.ts) have all been drawn.
   */
  onFirstViewDrawn?(): void;
}

export interface PageStatus {
  pageKind: string;
  profileId: string | null;
  path: string;
  features: FeatureStatus[];
  unknownWarnings: string[];
  /** Parts found before with this profile and missing now: UKA probably changed (the reads that need them stand down). */
  drift?: Array<{ part: PartName; selector: string }>;
}

/** A read that stands down because a part it needs has drifted: nothing is drawn from a half-read page. */
function driftReason(parts: readonly PartRule[]): string {
  return `UKA verkar ha ändrats: ${parts.map((r) => `${PART_LABEL[r.part]} (${r.selector})`).join(', ')} hittas inte längre. Funktionen står över tills profilen är anpassad.`;
}

function memo<T>(fn: () => ReadResult<T>): (() => ReadResult<T>) & { prime(value: ReadResult<T>): void } {
  let cached: ReadResult<T> | undefined;
  const get = () => {
    if (!cached) {
      try {
        cached = fn();
      } catch (error) {
        cached = { ok: false, reason: redactError(error instanceof Error ? error.message : 'okänt fel') };
      }
    }
    return cached;
  };
  /** Seed the cache with a read made elsewhere (in slices, before the features run). */
  get.prime = (value: ReadResult<T>) => {
    cached ??= value;
  };
  return get;
}

/**
 * Runs jobs in the order they are given, in the current task while it has used less than `budgetMs`, then in the
 * next task (and so on): the first page view's features draw together, in one task when they fit, and never make a
 * task much longer than the budget (a slow machine gets two tasks instead of one long one).
 */
export function withinTaskBudget(budgetMs: number, signal: AbortSignal, now: () => number = () => performance.now()) {
  let taskStart = now();
  let queue: Array<() => void> | null = null;
  const flush = () => {
    const jobs = queue ?? [];
    queue = null;
    taskStart = now();
    for (const job of jobs) job();
  };
  return <T,>(run: () => T): Promise<Awaited<T>> =>
    new Promise<Awaited<T>>((resolve, reject) => {
      const job = () => {
        if (queue !== null || now() - taskStart >= budgetMs) {
          if (queue === null) {
            queue = [];
            setTimeout(flush, 0);
          }
          queue.push(job);
          return;
        }
        try {
          resolve((signal.aborted ? false : run()) as Awaited<T>);
        } catch (error) {
          reject(error);
        }
      };
      job();
    });
}

/**
 * Longest slice of a list read (ms). Not shorter: each pause is a moment at which the browser may start a frame, and
 * while UKA's long page is still being painted such a frame makes the main thread wait for the compositor. A
 * 5,000-youth export list is then read in one or two tasks (measured with `npm run bench`: fewer pauses, earlier idle).
 */
const LIST_SLICE_MS = 20;

/** Budget of one task in which the first page view's features draw (ms). */
const FIRST_VIEW_TASK_BUDGET_MS = 20;

/** How long a page view reuses "today" (the clock is read once, not by every feature; a page left open overnight still moves on). */
const TODAY_TTL_MS = 60_000;

export function startRuntime(options: RuntimeOptions): { rerun(): void } {
  const { doc, adapter } = options;
  let current: AbortController | null = null;
  let lastHref = '';
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  let firstView = true;

  const runPageView = async () => {
    current?.abort();
    unmountAll(doc);
    // Reads started before the first page view belong to it alone.
    if (!firstView) closeEarlyReads();
    const controller = new AbortController();
    current = controller;
    const url = new URL(doc.location.href);
    lastHref = url.href;
    let recognition;
    try {
      recognition = adapter.recognise(doc, url);
    } catch {
      recognition = { kind: 'unknown' as const, profileId: null };
    }
    if (firstView) mark('recognised');
    const unknownWarnings = new Set<string>();
    const settings = options.getSettings();
    const enabled = (id: string) => settings.features[id as keyof Settings['features']] !== false;
    if (recognition.kind === 'unknown') {
      releaseSlots(doc);
      options.reportStatus({ pageKind: 'unknown', profileId: recognition.profileId, path: url.pathname, features: [], unknownWarnings: [] });
      return;
    }
    // The code of this page kind's features is evaluated in a task of its own, so that the task in which the
    // features draw holds only their own work. It brings the reading of the kind's list, if it has one
    // (lib/uka/read-lists.ts): the list is read once it is there.
    const preloaded = nextTask().then(() => {
      if (controller.signal.aborted) return;
      prepareStyles(doc);
      const loads: Promise<unknown>[] = [];
      for (const feature of options.features) {
        if (feature.pages.includes(recognition.kind) && enabled(feature.id)) {
          const load = feature.preload?.(recognition.kind);
          if (load) loads.push(load.catch(() => undefined));
        }
      }
      return Promise.all(loads);
    });
    // Drift: a part this profile found on earlier pages and cannot find now. The reads that need it stand down.
    let drift: PartRule[] = [];
    try {
      const probe = adapter.probeParts?.(doc, recognition.kind);
      if (probe && recognition.profileId) {
        const seen = options.getPartsSeen?.() ?? {};
        drift = driftedParts(recognition.profileId, probe.missing, seen);
        const fresh = probe.found.filter((r) => !(seen[recognition.profileId!] ?? []).includes(r.part)).map((r) => r.part);
        if (fresh.length) options.recordPartsSeen?.(recognition.profileId, fresh);
      }
    } catch {
      drift = [];
    }
    const standDown = (which: 'person' | 'startList' | 'exportList') => {
      const parts = drift.filter((r) => PART_READ[r.part] === which);
      return parts.length ? { ok: false as const, reason: driftReason(parts) } : null;
    };
    const read = {
      person: memo(() => standDown('person') ?? adapter.readPersonPage(doc)),
      startList: memo(() => standDown('startList') ?? adapter.readStartList(doc)),
      exportList: memo(() => standDown('exportList') ?? adapter.readExportList(doc)),
    };
    const driftStatus = drift.length ? { drift: drift.map((r) => ({ part: r.part, selector: r.selector.slice(0, 500) })) } : {};
    let todayRead: { at: number; value: Promise<string> } | null = null;
    if (firstView && options.firstToday) todayRead = { at: Date.now(), value: options.firstToday };
    const today = () => {
      if (!todayRead || Date.now() - todayRead.at > TODAY_TTL_MS) {
        const value = options.today();
        value.catch(() => {
          todayRead = null;
        });
        todayRead = { at: Date.now(), value };
      }
      return todayRead.value;
    };
    // Several features need today's date: start reading the clock now, while the page is read.
    void today().catch(() => undefined);
    // Long lists are read in slices of at most LIST_SLICE_MS (and the section being read), so that no feature's first
    // read of the list is one long task. The features then get the cached result.
    const slices = { signal: controller.signal, budgetMs: LIST_SLICE_MS };
    try {
      if (drift.length) {
        // A list read would only be thrown away.
      } else if (recognition.kind === 'export' && adapter.readExportListAsync) {
        await preloaded;
        read.exportList.prime(await adapter.readExportListAsync(doc, slices));
      } else if (recognition.kind === 'start' && adapter.readStartListAsync) {
        await preloaded;
        read.startList.prime(await adapter.readStartListAsync(doc, slices));
      }
    } catch {
      // Aborted (a newer page view) or failed: each feature then reads the page itself, synchronously.
    }
    if (firstView) mark('list-read');
    // The features of the first page view draw together in a task of their own (not in the list's last slice).
    if (firstView) await nextTask();
    if (firstView) mark('features');
    if (controller.signal.aborted) return;
    // Which reserved places are in reach of the first viewport: read before anything of ours changes the layout.
    if (firstView) measureReserved(doc);
    const ctx: UkaFeatureContext = {
      doc,
      url,
      recognition,
      adapter,
      settings,
      routine: options.getRoutine(),
      pack: options.getPack(),
      today,
      openMetodbok: options.openMetodbok,
      read,
      mount: (feature, mountOptions) => (controller.signal.aborted ? null : mountShadow(doc, { ...mountOptions, feature })),
      reportUnknownWarning: (heading) => unknownWarnings.add(heading.slice(0, 120)),
    };
    const featuresRun = runFeatures(options.features, ctx, {
      pageKind: recognition.kind,
      isEnabled: enabled,
      signal: controller.signal,
      // First page view: the features draw together in this task, so that UKA's page is laid out once for all our
      // panels; should they take longer than the budget, the rest follow in the next task. A feature that throws
      // never stops another. Later page views: each feature in its own task, skipped when the view ended meanwhile.
      start: firstView ? withinTaskBudget(FIRST_VIEW_TASK_BUDGET_MS, controller.signal) : <T,>(run: () => T) =>
        new Promise<Awaited<T>>((resolve, reject) => {
          setTimeout(() => {
            try {
              resolve((controller.signal.aborted ? false : run()) as Awaited<T>);
            } catch (error) {
              reject(error);
            }
          }, 0);
        }),
    });
    if (firstView) {
      // Places reserved while UKA's page was parsed that no feature claimed are removed once the features have drawn
      // (after at most a second, so that a feature that waits long does not hold the others' places).
      const drawn = Promise.race([featuresRun, new Promise((resolve) => setTimeout(resolve, 1000))]);
      void drawn.then(() => {
        mark('drawn');
        releaseSlots(doc);
        if (controller.signal.aborted) return;
        const afterFrame = () => requestAnimationFrame(() => setTimeout(() => !controller.signal.aborted && options.onFirstViewDrawn?.(), 0));
        afterFrame();
        // Panels out of view are drawn in idle time once UKA's page has loaded; then their heights are remembered too.
        drawInIdleTime(doc);
        void whenAllDrawn(doc)?.then(afterFrame);
      });
    }
    firstView = false;
    const features = await featuresRun;
    if (controller.signal.aborted) return;
    options.reportStatus({ pageKind: recognition.kind, profileId: recognition.profileId, path: url.pathname, features, unknownWarnings: [...unknownWarnings], ...driftStatus });
  };

  const schedule = (delay: number) => {
    if (scheduled !== undefined) clearTimeout(scheduled);
    scheduled = setTimeout(() => {
      scheduled = undefined;
      void runPageView().catch(() => undefined);
    }, delay);
  };

  // UKA pages that change without a reload: URL changes (history API) or UKA replacing content. Our own hosts are
  // ignored so that rendering our UI never triggers a new page view.
  const observer = new MutationObserver((mutations) => {
    const foreign = mutations.some((m) => {
      if (isOwnNode(m.target)) return false;
      const nodes = [...Array.from(m.addedNodes), ...Array.from(m.removedNodes)];
      return nodes.some((n) => !isOwnNode(n));
    });
    if (foreign || doc.location.href !== lastHref) schedule(200);
  });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: true });
  const onNav = () => {
    if (doc.location.href !== lastHref) schedule(50);
  };
  const win = doc.defaultView;
  win?.addEventListener('popstate', onNav);
  win?.addEventListener('pageshow', (e) => {
    // Back/forward cache: UKA's page may be shown again from memory; read it afresh.
    if ((e as PageTransitionEvent).persisted) schedule(0);
  });
  const poll = setInterval(onNav, 500);

  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    clearInterval(poll);
    current?.abort();
    unmountAll(doc);
  });

  void runPageView().catch(() => undefined);
  return { rerun: () => schedule(0) };
}
