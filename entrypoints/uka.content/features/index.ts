/** Every UKA feature, one file each. Order is display order only; features never depend on each other. */
import type { FeatureDefinition } from '../../../lib/features/manager';
import type { UkaFeatureContext } from '../context';
import { statusPanel } from './status-panel';
import { explainers } from './explainers';
import { checklist } from './checklist';
import { scbGuard } from './scb-guard';
import { tips } from './tips';
import { tour } from './tour';
import { glossary } from './glossary';
import { review } from './review';
import { reminders } from './reminders';

export const FEATURES: readonly FeatureDefinition<UkaFeatureContext>[] = [statusPanel, checklist, explainers, scbGuard, tips, tour, review, glossary, reminders];
