/**
 * Which code each UKA page kind loads. The main UKA script (entrypoints/uka.ts) carries no feature code: once the UKA
 * adapter has recognised a page, it asks the background to inject that page kind's bundle (an unlisted script,
 * entrypoints/uka-<kind>.ts) into its own frame, in the extension's isolated world. The bundle holds only the features
 * declared for that kind in lib/features/list.ts and hands them over here. No web-accessible resource is involved.
 *
 * Pure table and a hand-over place in the isolated world (which UKA's page scripts cannot see). See ./README.md.
 */
import { FEATURE_LIST, type UkaFeatureId } from '../features/list';
import type { PageKind } from '../uka/types';
import type { ListReads } from '../uka/read-lists';

/** The page kinds that have code of their own (an unknown page gets nothing). */
export type KnownPageKind = Exclude<PageKind, 'unknown'>;

/** Each page kind's bundle: a file of the built extension (WXT unlisted script, entrypoints/uka-<kind>.ts). */
export const KIND_BUNDLES = {
  login: 'uka-login.js',
  start: 'uka-start.js',
  person: 'uka-person.js',
  export: 'uka-export.js',
} as const satisfies Record<KnownPageKind, string>;

export const KNOWN_PAGE_KINDS = Object.keys(KIND_BUNDLES) as KnownPageKind[];

/** The bundle file of a page kind; null for anything else (an unknown kind, or not a kind at all). */
export function bundleFor(kind: unknown): string | null {
  return typeof kind === 'string' && Object.hasOwn(KIND_BUNDLES, kind) ? KIND_BUNDLES[kind as KnownPageKind] : null;
}

type Declared = Extract<(typeof FEATURE_LIST)[number], { script: 'uka' }>;

/** The ids of the UKA features declared for page kind K (a type: a bundle listing another feature does not compile). */
export type FeatureIdOn<K extends KnownPageKind> = { [D in Declared as K extends D['pages'][number] ? D['id'] : never]: true } extends infer R
  ? keyof R & UkaFeatureId
  : never;

/** The UKA features that run on a page kind, in the order of lib/features/list.ts. */
export function featuresOn(kind: KnownPageKind): UkaFeatureId[] {
  return FEATURE_LIST.filter((f): f is Declared => f.script === 'uka' && (f.pages as readonly string[]).includes(kind)).map((f) => f.id);
}

/** Where a page kind's bundle leaves its features for the main script (per page, in the isolated world). */
const HANDOVER_KEY = '__kaaLotsenKinds';

type Shelf = Partial<Record<KnownPageKind, { features: Record<string, unknown>; reads?: ListReads }>>;

function shelf(win: object): Shelf | undefined {
  return (win as Record<string, Shelf | undefined>)[HANDOVER_KEY];
}

/**
 * The main script's side, once at its start: an empty place for the bundles it will ask for. A new object each time,
 * so that a main script started after an extension update never takes features left by the old extension's bundles.
 */
export function openShelf(win: object = globalThis): void {
  (win as Record<string, Shelf>)[HANDOVER_KEY] = {};
}

/**
 * A bundle's side: leave this kind's features for the main script (nothing when no main script asked for it), and the
 * reads of this kind's list (lib/uka/read-lists.ts), which only the bundles of page kinds with a list carry.
 */
export function shelveKind<K extends KnownPageKind, F>(kind: K, features: Record<FeatureIdOn<K>, F>, reads?: ListReads, win: object = globalThis): void {
  const place = shelf(win);
  if (place) place[kind] = reads ? { features, reads } : { features };
}

/** The main script's side: the features a kind's bundle left, or null when it has not run (yet). */
export function shelvedKind<F>(kind: KnownPageKind, win: object = globalThis): Partial<Record<UkaFeatureId, F>> | null {
  return (shelf(win)?.[kind]?.features as Partial<Record<UkaFeatureId, F>> | undefined) ?? null;
}

/** The main script's side: the list reads the bundles injected so far left (those of every kind, together). */
export function shelvedReads(win: object = globalThis): ListReads {
  const reads: ListReads = {};
  for (const kind of KNOWN_PAGE_KINDS) Object.assign(reads, shelf(win)?.[kind]?.reads);
  return reads;
}
