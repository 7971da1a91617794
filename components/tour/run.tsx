/**
 * The tour as its on-demand part (lib/startup/parts.ts, entrypoints/uka-part-tour.ts) draws it: the dialog
 * (./Tour.tsx) from where the stored progress left off, recording every step seen and how the tour ended. The page
 * kind's bundle keeps only the decision whether the tour starts (./progress.ts isTourDone) and the notice shown when
 * this part cannot be loaded.
 */
import type { TourPageKind, TourStep } from '../../lib/content/schema';
import { nativeBrowser } from '../../lib/platform/native-api';
import { TOUR_PROGRESS_KEY } from '../../lib/platform/storage-keys';
import { markDone, markSeen, parseProgress, resumeIndex, type TourProgress } from './progress';
import { Tour } from './Tour';

const TOUR_TITLE: Record<TourPageKind, string> = {
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

export interface TourRunProps {
  pageKind: TourPageKind;
  steps: readonly TourStep[];
  /** The stored progress to resume from (an automatic start: the first step not seen yet), or null: the first step. */
  resumeFrom: unknown;
  takeFocus: boolean;
  /** UKA's element for a step (looked up again at every step). */
  resolve(step: TourStep): Element | null;
  /** The tour was finished or skipped (its progress is recorded here). */
  onClosed(): void;
}

export function TourRun(props: TourRunProps) {
  const { pageKind, steps } = props;
  return (
    <Tour
      steps={steps}
      startIndex={props.resumeFrom === null ? 0 : resumeIndex(parseProgress(props.resumeFrom), pageKind, steps)}
      title={TOUR_TITLE[pageKind]}
      takeFocus={props.takeFocus}
      resolve={props.resolve}
      onStep={(_i, step) => void updateProgress((p) => markSeen(p, pageKind, step.id))}
      onClose={(how) => {
        void updateProgress((p) => markDone(p, pageKind, how));
        props.onClosed();
      }}
    />
  );
}
