/**
 * Code that a UKA page does not need at load, loaded when it is needed. A part is an unlisted script of its own
 * (entrypoints/uka-part-<name>.ts) that the background injects on demand ('load-part'), as it injects a page kind's
 * bundle (./kinds.ts): into the sender's own frame and document, in the extension's isolated world, never as a
 * web-accessible resource. The part leaves what it holds on a shelf in the isolated world (which UKA's page scripts
 * cannot see) and the feature that asked takes it from there.
 *
 * A feature awaits `loadPart(name)`: the first call injects the part, later and simultaneous calls get the same answer
 * (a part is loaded once; a failed load may be tried again). See ./README.md.
 */
import { sendCommand } from '../messages/client';

/** Each part's file in the built extension (WXT unlisted script, entrypoints/uka-part-<name>.ts). */
export const PART_FILES = {
  /** The onboarding tour's dialog and outline, and its progress (components/tour/run.tsx): when the tour starts. */
  tour: 'uka-part-tour.js',
  /** The glossary's list of terms with the page's scan, and its card (components/glossary/GlossaryLayer.tsx): on the first open or hover. */
  glossary: 'uka-part-glossary.js',
  /** The SCB-file guard's dialog with the rules' texts, and the form of "Tolka SCB:s fellista": when first used. */
  'scb-guard': 'uka-part-scb-guard.js',
} as const;

export type CodePart = keyof typeof PART_FILES;

export const CODE_PARTS = Object.keys(PART_FILES) as CodePart[];

/** The file of a part; null for anything else. */
export function partFileFor(name: unknown): string | null {
  return typeof name === 'string' && Object.hasOwn(PART_FILES, name) ? PART_FILES[name as CodePart] : null;
}

/**
 * What each part hands over (types only: the code stays in the part). A part takes the shared kit like a page kind's
 * bundle (./kit.ts): its components use the one preact of the page, so the feature draws them like its own.
 */
export interface PartContents {
  tour: Pick<typeof import('../../components/tour/run'), 'TourRun'> & Pick<typeof import('../../components/tour/Tour'), 'TOUR_CSS'>;
  glossary: Pick<typeof import('../../components/glossary/GlossaryCard'), 'GlossaryList' | 'GlossaryCard'> &
    Pick<typeof import('../../components/glossary/list-scan'), 'scanPage' | 'isCurrent' | 'dialogCard'>;
  'scb-guard': Pick<typeof import('../../components/scb/GuardDialog'), 'GuardDialog' | 'GUARD_CSS'> & Pick<typeof import('../../components/scb/ErrorListPanel'), 'ErrorListForm'>;
}

/** Where a part leaves what it holds for the feature that asked for it (per page, in the isolated world). */
const SHELF_KEY = '__kaaLotsenParts';

type Shelf = Partial<{ [N in CodePart]: PartContents[N] }>;

function shelf(win: object): Shelf | undefined {
  return (win as Record<string, Shelf | undefined>)[SHELF_KEY];
}

/** A part's side: leave what it holds for the loader that asked (nothing when no loader asked for it). */
export function shelvePart<N extends CodePart>(name: N, contents: PartContents[N], win: object = globalThis): void {
  const place = shelf(win);
  if (place) place[name] = contents;
}

/** Injects a part into this frame and resolves once it has run (the background's 'load-part'). */
export type PartInjector = (name: CodePart) => Promise<unknown>;

const injectByBackground: PartInjector = (name) => sendCommand('load-part', { name });

/** The loads begun by this copy of the code (a part is loaded once). */
const loading = new Map<CodePart, Promise<unknown>>();

/**
 * The part `name`, loaded now or before. Anything left on the shelf before this copy's first load of a part (by an
 * extension since updated or reloaded) is never taken: the entry is cleared before the part is injected.
 */
export function loadPart<N extends CodePart>(name: N, inject: PartInjector = injectByBackground, win: object = globalThis): Promise<PartContents[N]> {
  let pending = loading.get(name) as Promise<PartContents[N]> | undefined;
  if (!pending) {
    const place = (shelf(win) ?? ((win as Record<string, Shelf>)[SHELF_KEY] = {})) as Shelf;
    delete place[name];
    pending = inject(name).then(() => {
      const contents = shelf(win)?.[name] as PartContents[N] | undefined;
      if (!contents) throw new Error(`delen ${name} kunde inte läsas in`);
      return contents;
    });
    // A failed load may be tried again (the next time the user asks for it).
    pending.catch(() => loading.delete(name));
    loading.set(name, pending);
  }
  return pending;
}

/** The part `name` when it has been loaded already (for a synchronous redraw), else undefined. */
export function loadedPart<N extends CodePart>(name: N, win: object = globalThis): PartContents[N] | undefined {
  return loading.has(name) ? (shelf(win)?.[name] as PartContents[N] | undefined) : undefined;
}

/** Tests only: forget every load of this copy. */
export function forgetPartLoads(): void {
  loading.clear();
}
