/**
 * Onboarding tour of the person page and "Export till SCB" for new staff, from the content pack's tour steps.
 * Starts by itself the first time such a page is opened (unless finished or skipped before), and again whenever the
 * popup asks for a restart (storage.local "tourRestart"). Progress (step ids only) lives in storage.local.
 * The tour's dialog, with the recording of its progress, is an on-demand part (lib/startup/parts.ts), loaded when the
 * tour starts: a page where it does not start never carries it; this file only decides whether it starts. Should it
 * not load, a short notice says so (and the error is reported).
 */
import { nativeBrowser } from '../../../lib/platform/native-api';
import { loadPart } from '../../../lib/startup/parts';
import { sendCommand } from '../../../lib/messages/client';
import { isTourPageKind, shouldAutoStart, tourStepsFor } from '../../../components/tour/progress';
import type { AnchorName } from '../../../lib/uka/types';
import { drawAround } from '../../../components/ui/draw';
import type { UkaFeature, UkaFeatureContext } from '../context';
import type { ComponentChild } from 'preact';
import { takeEarly } from '../../../lib/startup/early-reads';
import { TOUR_RESTART_KEY } from '../../../lib/platform/storage-keys';

const TOUR_FAILED_CSS = `
.kaa-tour-failed { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; width: min(360px, calc(100vw - 32px)); }
`;

export const tour: UkaFeature = {
  async init(ctx, signal) {
    const pageKind = ctx.recognition.kind;
    if (!isTourPageKind(pageKind)) return false;
    const present = new Set<AnchorName>(ctx.adapter.presentAnchors(ctx.doc, pageKind).keys());
    const steps = tourStepsFor(ctx.pack, pageKind, present);
    if (steps.length === 0) return false;

    let mounted: ReturnType<UkaFeatureContext['mount']> = null;
    let returnFocus: Element | null = null;
    /** The latest start: a start overtaken while its part loads does not show. */
    let starts = 0;

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
     * Open the tour's host (the dialog, or the notice that it could not be loaded). Focus goes back on close to what had
     * it; an automatic start takes focus only when nothing on UKA's page has it yet (the page just loaded), so it never
     * pulls focus away from what the user is doing; a restart from the popup always does.
     */
    const open = (css: string, automatic: boolean, ui: (takeFocus: boolean) => ComponentChild) => {
      const active = ctx.doc.activeElement;
      const idle = !active || active === ctx.doc.body || active === ctx.doc.documentElement;
      returnFocus = idle ? null : active;
      mounted = ctx.mount('tour', { where: 'floating', css });
      mounted?.render(ui(!automatic || idle));
    };

    /** Start the tour: from where `resumeFrom` (the stored progress) left off, or from the first step (null). */
    const start = async (resumeFrom: unknown, automatic: boolean) => {
      if (signal.aborted) return;
      const attempt = ++starts;
      stop(false);
      let part: Awaited<ReturnType<typeof loadPart<'tour'>>>;
      try {
        part = await loadPart('tour');
      } catch (error) {
        if (signal.aborted || attempt !== starts) return;
        // Said where the tour would have been, with a way to close the notice.
        open(TOUR_FAILED_CSS, automatic, (takeFocus) => (
          <div class="kaa-card kaa-tour-failed" role="alert">
            <p>Introduktionen kunde inte laddas. Försök igen senare med ”Starta introduktionen” i KAA-lotsens meny.</p>
            <button
              type="button"
              ref={(el) => {
                if (el && takeFocus) el.focus();
              }}
              onClick={() => stop(true)}
            >
              Stäng
            </button>
          </div>
        ));
        const message = `introduktionen kunde inte laddas: ${error instanceof Error ? error.message : 'okänt fel'}`;
        void sendCommand('report-error', { feature: 'tour', message }).catch(() => undefined);
        return;
      }
      if (signal.aborted || attempt !== starts) return;
      const { TourRun, TOUR_CSS } = part;
      open(TOUR_CSS, automatic, (takeFocus) => (
        <TourRun
          pageKind={pageKind}
          steps={steps}
          resumeFrom={resumeFrom}
          takeFocus={takeFocus}
          resolve={(step) => {
            // What the tour points at is drawn now, also where it is far down the page (components/ui/draw.ts).
            const target = ctx.adapter.anchor(ctx.doc, step.anchor);
            if (target) drawAround(target);
            return target;
          }}
          onClosed={() => stop(true)}
        />
      ));
    };

    // The first page view's progress was read before the page was parsed (lib/startup/early-reads.ts); only whether
    // this tour has ended is read here, the steps seen by the tour's part when it starts.
    let stored: unknown;
    try {
      stored = await takeEarly('tourProgress');
    } catch {
      stored = undefined;
    }
    if (signal.aborted) return;
    if (shouldAutoStart(stored, pageKind, steps)) void start(stored, true);

    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[TOUR_RESTART_KEY]?.newValue !== undefined) void start(null, false);
    };
    const storage = nativeBrowser().storage;
    storage.onChanged.addListener(onChanged);
    return () => {
      storage.onChanged.removeListener(onChanged);
      starts++;
      stop(false);
    };
  },
};
