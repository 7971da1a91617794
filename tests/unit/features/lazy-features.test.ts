import { describe, expect, it } from 'vitest';
import { ukaFeatures } from '../../../entrypoints/uka.content/features';
import { runFeatures, type FeatureDefinition } from '../../../lib/features/manager';
import { FEATURE_LIST, RENAMED_FEATURE_IDS } from '../../../lib/features/list';
import { DEFAULT_SETTINGS, FEATURE_IDS } from '../../../lib/settings';
import { FEATURE_LABEL } from '../../../components/ui/labels';

const FEATURES = ukaFeatures(() => Promise.resolve());

describe('the feature list (each feature declared once)', () => {
  it('the UKA content script runs every UKA feature of the list, with its declared page kinds', () => {
    const uka = FEATURE_LIST.filter((f) => f.script === 'uka');
    expect(FEATURES.map((f) => f.id).sort()).toEqual(uka.map((f) => f.id).sort());
    for (const feature of FEATURES) expect(feature.pages).toEqual(uka.find((f) => f.id === feature.id)!.pages);
    for (const f of FEATURE_LIST) expect(f.script === 'uka' ? f.pages.length > 0 : f.pages.length === 0).toBe(true);
  });

  it('keeps the start order of the UKA features', () => {
    expect(FEATURES.map((f) => f.id)).toEqual(['status-panel', 'ladder', 'explainers', 'scb-guard', 'tips', 'tour', 'review', 'glossary', 'reminders']);
  });

  it('the settings switches and the UI labels come from the list', () => {
    expect(FEATURE_IDS).toEqual(FEATURE_LIST.map((f) => f.id));
    expect(Object.keys(DEFAULT_SETTINGS.features)).toEqual(FEATURE_LIST.map((f) => f.id));
    expect(new Set(FEATURE_IDS).size).toBe(FEATURE_IDS.length);
    for (const f of FEATURE_LIST) expect(FEATURE_LABEL[f.id]).toBe(f.label);
    // An error recorded under an old id is shown with the feature's name.
    for (const [old, id] of Object.entries(RENAMED_FEATURE_IDS)) expect(FEATURE_LABEL[old]).toBe(FEATURE_LABEL[id]);
  });

  it('a feature whose module fails to load is that feature’s error; the others still run', async () => {
    const broken: FeatureDefinition<null> = {
      id: 'broken',
      pages: ['export'],
      init: async () => {
        await Promise.reject(new Error('Failed to fetch dynamically imported module'));
      },
    };
    const fine: FeatureDefinition<null> = { id: 'fine', pages: ['export'], init: () => undefined };
    const statuses = await runFeatures([broken, fine], null, { pageKind: 'export', isEnabled: () => true, signal: new AbortController().signal });
    expect(statuses[0]).toMatchObject({ id: 'broken', state: 'error' });
    expect(statuses[1]).toEqual({ id: 'fine', state: 'active' });
  });
});
