/**
 * The onboarding tour's on-demand part (lib/startup/parts.ts): its dialog and the outline around UKA's element, with
 * the recording of its progress. Injected by the background into the frame of a person page or "Export till SCB" when
 * the tour starts (by itself for a new user, or from the popup), in the extension's isolated world; it hands its
 * component over (drawn by the page's one preact, lib/startup/kit.ts).
 */
import { shelvePart } from '../lib/startup/parts';
import { TOUR_CSS } from '../components/tour/Tour';
import { TourRun } from '../components/tour/run';

export default defineUnlistedScript(() => shelvePart('tour', { TourRun, TOUR_CSS }));
