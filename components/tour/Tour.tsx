/**
 * The onboarding tour: a non-modal dialog with the step text and an outline box drawn around UKA's own element.
 * UKA's element is never changed: the box lives in our floating shadow root and follows the element's
 * getBoundingClientRect (scroll, resize, content drawn above it). Keyboard: focus moves to "Nästa" at every step, Tab
 * reaches every button, Escape skips the tour; every step change is announced in a live region.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import type { TourStep } from '../../lib/content';
import { highlightRect } from './progress';

export interface TourProps {
  steps: readonly TourStep[];
  startIndex?: number;
  /** UKA's element for a step (looked up again at every step: UKA may have re-rendered). */
  resolve(step: TourStep): Element | null;
  onStep?(index: number, step: TourStep): void;
  onClose(how: 'finished' | 'skipped'): void;
  /** Heading of the dialog, e.g. "Introduktion: personsidan". */
  title: string;
  /** Move focus into the dialog when it opens (default true). After that, focus follows every step change. */
  takeFocus?: boolean;
}

export const TOUR_CSS = `
.kaa-tour-highlight { position: fixed; pointer-events: none; z-index: 2147483646; border: 3px solid #b45309;
  border-radius: 6px; box-shadow: 0 0 0 3px #ffffff, 0 0 0 9999px rgba(17, 24, 39, .28); transition: none; }
.kaa-tour-dialog { position: fixed; right: 16px; z-index: 2147483647; width: min(380px, calc(100vw - 32px));
  background: #fff; border: 1px solid #374151; border-top: 5px solid #0b4f6c; border-radius: 8px; padding: 12px 14px;
  box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.kaa-tour-dialog.at-bottom { bottom: 16px; }
.kaa-tour-dialog.at-top { top: 16px; }
.kaa-tour-kicker { font-size: 12px; color: #4b5563; margin: 0 0 2px; }
.kaa-tour-dialog h2 { font-size: 16px; }
.kaa-tour-step { font-weight: 600; margin: 0 0 4px; }
.kaa-tour-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.kaa-tour-actions .kaa-tour-skip { margin-left: auto; }
.kaa-tour-missing { color: #6b4e00; font-size: 13px; }
`;

interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export function Tour(props: TourProps) {
  const { steps } = props;
  const [index, setIndex] = useState(Math.min(Math.max(0, props.startIndex ?? 0), Math.max(0, steps.length - 1)));
  const [box, setBox] = useState<Box | null>(null);
  const [placeTop, setPlaceTop] = useState(false);
  const nextRef = useRef<HTMLButtonElement>(null);
  const step = steps[index];
  const last = index === steps.length - 1;
  const targetRef = useRef<Element | null>(null);

  // Find, scroll to and follow the step's element.
  useLayoutEffect(() => {
    if (!step) return;
    const target = props.resolve(step);
    targetRef.current = target;
    props.onStep?.(index, step);
    if (!target) {
      setBox(null);
      return;
    }
    try {
      target.scrollIntoView({ block: 'center', inline: 'nearest' });
    } catch {
      // older engines without options: the box still follows the element
    }
    const win = target.ownerDocument.defaultView;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (!target.isConnected) {
        setBox(null);
        return;
      }
      const r = target.getBoundingClientRect();
      setBox(highlightRect(r));
      const viewport = win?.innerHeight ?? 0;
      setPlaceTop(viewport > 0 && r.top + r.height / 2 > viewport / 2);
    };
    const schedule = () => {
      if (!frame && win) frame = win.requestAnimationFrame(measure);
    };
    measure();
    win?.addEventListener('scroll', schedule, { capture: true, passive: true });
    win?.addEventListener('resize', schedule);
    // Content drawn later above the element (a panel drawn when it comes into view, UKA's own late content) moves it
    // without a scroll: such a change resizes the document or the element itself.
    const Observer = win?.ResizeObserver;
    const resized = Observer ? new Observer(schedule) : null;
    resized?.observe(target.ownerDocument.documentElement);
    resized?.observe(target);
    return () => {
      resized?.disconnect();
      if (frame && win) win.cancelAnimationFrame(frame);
      win?.removeEventListener('scroll', schedule, { capture: true });
      win?.removeEventListener('resize', schedule);
    };
  }, [index, step]);

  // Focus follows the tour: "Nästa" (or "Klar") at every step.
  const opened = useRef(false);
  useEffect(() => {
    const first = !opened.current;
    opened.current = true;
    if (first && props.takeFocus === false) return;
    nextRef.current?.focus({ preventScroll: true });
  }, [index]);

  if (!step) return null;

  const onKeyDown = (e: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      props.onClose('skipped');
    }
  };
  const titleId = 'kaa-tour-title';
  const textId = 'kaa-tour-text';

  return (
    <>
      {box && (
        <div
          class="kaa-tour-highlight"
          data-testid="kaa-tour-highlight"
          aria-hidden="true"
          style={{ top: `${box.top}px`, left: `${box.left}px`, width: `${box.width}px`, height: `${box.height}px` }}
        />
      )}
      <div
        class={`kaa-tour-dialog ${placeTop ? 'at-top' : 'at-bottom'}`}
        role="dialog"
        aria-modal="false"
        aria-labelledby={titleId}
        aria-describedby={textId}
        data-testid="kaa-tour"
        data-step={step.id}
        onKeyDown={onKeyDown}
      >
        <p class="kaa-tour-kicker">{props.title}</p>
        <h2 id={titleId}>{step.title}</h2>
        <p class="kaa-tour-step">
          Steg {index + 1} av {steps.length}
        </p>
        <p id={textId}>{step.text}</p>
        {!box && <p class="kaa-tour-missing">Den här delen syns inte på sidan just nu.</p>}
        <div class="kaa-tour-actions">
          <button type="button" class="kaa-secondary" disabled={index === 0} onClick={() => setIndex(index - 1)}>
            Föregående
          </button>
          <button
            ref={nextRef}
            type="button"
            onClick={() => {
              if (last) props.onClose('finished');
              else setIndex(index + 1);
            }}
          >
            {last ? 'Klar' : 'Nästa'}
          </button>
          <button type="button" class="kaa-secondary kaa-tour-skip" onClick={() => props.onClose('skipped')}>
            Hoppa över
          </button>
        </div>
        <p class="kaa-sr-only" role="status" aria-live="polite">
          Steg {index + 1} av {steps.length}: {step.title}
        </p>
      </div>
    </>
  );
}
