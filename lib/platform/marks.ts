/**
 * Stage marks for `npm run bench -- --explain` and profiling (User Timing, "kaa:" prefix). Only in test builds:
 * production builds drop the call (import.meta.env.MODE is a build-time constant), so UKA's page never sees them.
 */
export function mark(stage: string): void {
  if (import.meta.env.MODE !== 'test') return;
  try {
    performance.mark(`kaa:${stage}`);
  } catch {
    // no User Timing here
  }
}
