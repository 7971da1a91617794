/**
 * The UKA features as the main script (entrypoints/uka.ts) runs them: one definition per UKA feature of
 * lib/features/list.ts, in the order in which they start on a page view. The main script carries none of their code:
 * each page kind's features come in that kind's bundle (entrypoints/uka-<kind>.ts, lib/startup/kinds.ts), injected
 * by the background when a page of that kind is first seen in this tab. Features never depend on each other.
 *
 * A bundle that fails to load rejects the init of each of its features, reported as that feature's error like any
 * other init failure (lib/features/manager.ts).
 */
import type { FeatureDefinition } from '../../../lib/features/manager';
import { featureDeclaration, type UkaFeatureId } from '../../../lib/features/list';
import { bundleFor, shelvedKind, type KnownPageKind } from '../../../lib/startup/kinds';
import type { PageKind } from '../../../lib/uka/types';
import { nextTask } from '../../../lib/startup/next-task';
import type { UkaFeature, UkaFeatureContext } from '../context';

type Definition = FeatureDefinition<UkaFeatureContext>;

/** The order in which features start on a page view (every UKA feature once; a missing or extra one is a type error). */
const ORDER = ['status-panel', 'ladder', 'explainers', 'scb-guard', 'tips', 'tour', 'review', 'glossary', 'reminders'] as const satisfies readonly UkaFeatureId[];
type Ordered = (typeof ORDER)[number];
const _everyFeatureOnce: [UkaFeatureId] extends [Ordered] ? true : never = true;
void _everyFeatureOnce;

/** Injects a page kind's bundle into this frame and resolves once it has run (the background's 'load-page-kind'). */
export type KindLoader = (kind: KnownPageKind) => Promise<unknown>;

/** The UKA features, loading their code per page kind through `load`. */
export function ukaFeatures(load: KindLoader): readonly Definition[] {
  const loading = new Map<KnownPageKind, Promise<Partial<Record<UkaFeatureId, UkaFeature>>>>();
  const kindOf = (kind: PageKind): KnownPageKind => {
    if (!bundleFor(kind)) throw new Error(`ingen kod för sidtypen ${kind}`);
    return kind as KnownPageKind;
  };
  const bundle = (kind: PageKind) => {
    const known = kindOf(kind);
    const shelved = shelvedKind<UkaFeature>(known);
    if (shelved) return Promise.resolve(shelved);
    let pending = loading.get(known);
    if (!pending) {
      pending = load(known).then(() => {
        const features = shelvedKind<UkaFeature>(known);
        if (!features) throw new Error(`koden för sidtypen ${known} kunde inte läsas in`);
        return features;
      });
      // A failed load may be tried again on a later page view.
      pending.catch(() => loading.delete(known));
      loading.set(known, pending);
    }
    return pending;
  };
  const featureOf = async (id: UkaFeatureId, kind: PageKind): Promise<UkaFeature> => {
    const feature = (await bundle(kind))[id];
    if (!feature) throw new Error(`funktionen ${id} saknas i koden för sidtypen ${kind}`);
    return feature;
  };
  return ORDER.map((id): Definition => ({
    id,
    pages: featureDeclaration(id).pages,
    preload: (kind) => bundle(kind),
    init(ctx, signal) {
      // Once the kind's code is there (preload), init runs at once, inside the task the runtime starts it in.
      const kind = ctx.recognition.kind;
      const ready = bundleFor(kind) ? shelvedKind<UkaFeature>(kind as KnownPageKind)?.[id] : undefined;
      if (ready) return ready.init(ctx, signal);
      // A bundle that arrives after the page view began would start every waiting feature in the one task that
      // received it; each feature starts in a task of its own instead, so no start adds to another's.
      return featureOf(id, kind).then(async (feature) => {
        await nextTask();
        return signal.aborted ? false : feature.init(ctx, signal);
      });
    },
  }));
}
