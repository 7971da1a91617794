import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../entrypoints/uka.content/features';
import { runFeatures, type FeatureDefinition } from '../../../lib/features/manager';
import type { UkaFeatureContext } from '../../../entrypoints/uka.content/context';
import { statusPanel } from '../../../entrypoints/uka.content/features/status-panel';
import { ladder } from '../../../entrypoints/uka.content/features/ladder';
import { explainers } from '../../../entrypoints/uka.content/features/explainers';
import { scbGuard } from '../../../entrypoints/uka.content/features/scb-guard';
import { tips } from '../../../entrypoints/uka.content/features/tips';
import { tour } from '../../../entrypoints/uka.content/features/tour';
import { review } from '../../../entrypoints/uka.content/features/review';
import { glossary } from '../../../entrypoints/uka.content/features/glossary';
import { reminders } from '../../../entrypoints/uka.content/features/reminders';

const REAL: FeatureDefinition<UkaFeatureContext>[] = [statusPanel, ladder, explainers, scbGuard, tips, tour, review, glossary, reminders];

describe('UKA feature list (each feature module loaded only where it runs)', () => {
  it('names the same features, in the same order, with the same page kinds as their own definitions', () => {
    expect(FEATURES.map((f) => [f.id, [...f.pages]])).toEqual(REAL.map((f) => [f.id, [...f.pages]]));
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
