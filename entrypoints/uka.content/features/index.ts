/**
 * The UKA content script's features, one file each (features/<id>.tsx); their ids and page kinds are declared once,
 * in lib/features/list.ts. Features never depend on each other.
 *
 * Each feature's module (its UI, its helpers) is imported only on the page kinds where it runs: the feature manager
 * never calls init elsewhere, so e.g. the ladder's code is not evaluated on "Export till SCB". A failing import
 * rejects that feature's init and is reported as that feature's error, like any other init failure
 * (lib/features/manager.ts).
 */
import type { FeatureDefinition } from '../../../lib/features/manager';
import { featureDeclaration, type UkaFeatureId } from '../../../lib/features/list';
import type { UkaFeature, UkaFeatureContext } from '../context';

type Definition = FeatureDefinition<UkaFeatureContext>;

/**
 * How to load each UKA feature's file: one entry per UKA feature of lib/features/list.ts (a missing or extra one is a
 * type error). The order of the entries is the order in which features start on a page view.
 */
export const LOADERS = {
  'status-panel': async () => (await import('./status-panel')).statusPanel,
  ladder: async () => (await import('./ladder')).ladder,
  explainers: async () => (await import('./explainers')).explainers,
  'scb-guard': async () => (await import('./scb-guard')).scbGuard,
  tips: async () => (await import('./tips')).tips,
  tour: async () => (await import('./tour')).tour,
  review: async () => (await import('./review')).review,
  glossary: async () => (await import('./glossary')).glossary,
  reminders: async () => (await import('./reminders')).reminders,
} satisfies Record<UkaFeatureId, () => Promise<UkaFeature>>;

function lazy(id: UkaFeatureId, load: () => Promise<UkaFeature>): Definition {
  let loaded: UkaFeature | undefined;
  const get = async () => (loaded ??= await load());
  return {
    id,
    pages: featureDeclaration(id).pages,
    preload: get,
    init(ctx, signal) {
      // Once the code is loaded (preload), init runs at once, inside the task the runtime starts it in.
      if (loaded) return loaded.init(ctx, signal);
      return get().then((feature) => (signal.aborted ? false : feature.init(ctx, signal)));
    },
  };
}

export const FEATURES: readonly Definition[] = (Object.keys(LOADERS) as UkaFeatureId[]).map((id) => lazy(id, LOADERS[id]));
