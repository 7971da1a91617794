/**
 * Every UKA feature, one file each. Order is display order only; features never depend on each other.
 *
 * Each feature's module (its UI, its helpers) is imported only on the page kinds where it runs: the list below names
 * the page kinds, and the feature manager never calls init elsewhere, so e.g. the ladder's code is not evaluated
 * on "Export till SCB". A failing import rejects that feature's init and is reported as that feature's error, like
 * any other init failure (lib/features/manager.ts). tests/unit/features/lazy-features.test.ts checks that ids and
 * page kinds here match the features' own definitions.
 */
import type { FeatureDefinition } from '../../../lib/features/manager';
import type { PageKind } from '../../../lib/uka/types';
import type { UkaFeatureContext } from '../context';

type Definition = FeatureDefinition<UkaFeatureContext>;

function lazy(id: string, pages: readonly PageKind[], load: () => Promise<Definition>): Definition {
  let loaded: Definition | undefined;
  const get = async () => (loaded ??= await load());
  return {
    id,
    pages,
    preload: get,
    init(ctx, signal) {
      // Once the code is loaded (preload), init runs at once, inside the task the runtime starts it in.
      if (loaded) return loaded.init(ctx, signal);
      return get().then((feature) => (signal.aborted ? false : feature.init(ctx, signal)));
    },
  };
}

export const FEATURES: readonly Definition[] = [
  lazy('status-panel', ['login', 'start', 'person', 'export'], async () => (await import('./status-panel')).statusPanel),
  lazy('ladder', ['person'], async () => (await import('./ladder')).ladder),
  lazy('explainers', ['person', 'export'], async () => (await import('./explainers')).explainers),
  lazy('scb-guard', ['export'], async () => (await import('./scb-guard')).scbGuard),
  lazy('tips', ['login', 'start', 'person', 'export'], async () => (await import('./tips')).tips),
  lazy('tour', ['person', 'export'], async () => (await import('./tour')).tour),
  lazy('review', ['export'], async () => (await import('./review')).review),
  lazy('glossary', ['person', 'export', 'start'], async () => (await import('./glossary')).glossary),
  lazy('reminders', ['start'], async () => (await import('./reminders')).reminders),
];
