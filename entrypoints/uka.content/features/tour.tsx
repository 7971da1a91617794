/**
 * Onboarding tour of the person page and "Export till SCB" for new staff, from the content pack's tour steps.
 * Starts by itself the first time such a page is opened (unless finished or skipped before), and again whenever the
 * popup asks for a restart (storage.local "tourRestart"). Progress (step ids only) lives in storage.local.
 */
import { nativeBrowser } from '../../../lib/platform/native-api';
import { Tour, TOUR_CSS } from '../../../components/tour/Tour';
import {
  isTourPageKind,
  markDone,
  markSeen,
  parseProgress,
  resumeIndex,
  shouldAutoStart,
  tourStepsFor,
  type TourProgress,
} from '../../../components/tour/progress';
import type { AnchorName } from '../../../lib/uka/types';
import { drawAround } from '../../../components/ui/draw';
import type { UkaFeature, UkaFeatureContext } from '../context';
import { takeEarly } from '../../../lib/startup/early-reads';
import { TOUR_PROGRESS_KEY, TOUR_RESTART_KEY } from '../../../lib/platform/storage-keys';

const TOUR_TITLE: Record<'person' | 'export', string> = {
  person: 'Introduktion: personsidan',
  export: 'Introduktion: Export till SCB',
};

async function readProgress(): Promise<TourProgress> {
  try {
    return parseProgress((await nativeBrowser().storage.local.get(TOUR_PROGRESS_KEY))[TOUR_PROGRESS_KEY]);
  } catch {
    return parseProgress(undefined);
  }
}

/** Progress writes are serialised so that quick clicks never lose a step. */
let writing: Promise<unknown> = Promise.resolve();
function updateProgress(change: (p: TourProgress) => TourProgress): Promise<unknown> {
  writing = writing
    .then(async () => {
      const next = change(await readProgress());
      await nativeBrowser().storage.local.set({ [TOUR_PROGRESS_KEY]: next });
    })
    .catch(() => undefined);
  return writing;
}

export const tour: UkaFeature = {
  async init(ctx, signal) {
    const pageKind = ctx.recognition.kind;
    if (!isTourPageKind(pageKind)) return false;
    const present = new Set<AnchorName>(ctx.adapter.presentAnchors(ctx.doc, pageKind).keys());
    const steps = tourStepsFor(ctx.pack, pageKind, present);
    if (steps.length === 0) return false;

    let mounted: ReturnType<UkaFeatureContext['mount']> = null;
    let returnFocus: Element | null = null;

    const stop = (restoreFocus: boolean) => {
      if (!mounted) return;
      mounted.render(null);
      mounted.remove();
      mounted = null;
      const back = returnFocus as HTMLElement | null;
      returnFocus = null;
      if (restoreFocus && back && back.isConnected && typeof back.focus === 'function') back.focus();
    };

    /**
     * An automatic start takes focus only when nothing on UKA's page has it yet (the page just loaded), so it never
     * pulls focus away from what the user is doing; a restart from the popup always does.
     */
    const start = (startIndex: number, automatic: boolean) => {
      if (signal.aborted) return;
      stop(false);
      const active = ctx.doc.activeElement;
      const idle = !active || active === ctx.doc.body || active === ctx.doc.documentElement;
      returnFocus = idle ? null : active;
      mounted = ctx.mount('tour', { where: 'floating', css: TOUR_CSS });
      if (!mounted) return;
      mounted.render(
        <Tour
          steps={steps}
          startIndex={startIndex}
          title={TOUR_TITLE[pageKind]}
          takeFocus={!automatic || idle}
          resolve={(step) => {
            // What the tour points at is drawn now, also where it is far down the page (components/ui/draw.ts).
            const target = ctx.adapter.anchor(ctx.doc, step.anchor);
            if (target) drawAround(target);
            return target;
          }}
          onStep={(_i, step) => void updateProgress((p) => markSeen(p, pageKind, step.id))}
          onClose={(how) => {
            void updateProgress((p) => markDone(p, pageKind, how));
            stop(true);
          }}
        />,
      );
    };

    // The first page view's progress was read before the page was parsed (lib/startup/early-reads.ts).
    let progress: TourProgress;
    try {
      progress = parseProgress(await takeEarly('tourProgress'));
    } catch {
      progress = parseProgress(undefined);
    }
    if (signal.aborted) return;
    if (shouldAutoStart(progress, pageKind, steps)) start(resumeIndex(progress, pageKind, steps), true);

    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[TOUR_RESTART_KEY]?.newValue !== undefined) start(0, false);
    };
    const storage = nativeBrowser().storage;
    storage.onChanged.addListener(onChanged);
    return () => {
      storage.onChanged.removeListener(onChanged);
      stop(false);
    };
  },
};
