/**
 * Feature manager (refined-github style): every feature declares the UKA page kinds it runs on and an init that can
 * be cancelled through an AbortSignal. Features run side by side; one that throws, rejects or hangs never stops
 * the others, and never lets an exception reach UKA's page. Errors are collected for the popup, redacted.
 */
import type { PageKind } from '../uka/types';
import { redactMessage } from '../store/redact';

export type FeatureState = 'active' | 'off' | 'error' | 'not-applicable';

export interface FeatureStatus {
  id: string;
  state: FeatureState;
  /** Redacted error message (no personal data), only for state 'error'. */
  error?: string;
}

export interface FeatureDefinition<C> {
  id: string;
  /** Page kinds this feature runs on. */
  pages: readonly PageKind[];
  /**
   * Set up the feature. Must stop doing work and remove its UI when `signal` aborts (the page changed or the
   * feature was switched off). May return a cleanup function. Resolving `false` means "nothing to do here".
   */
  init(ctx: C, signal: AbortSignal): void | boolean | (() => void) | Promise<void | boolean | (() => void)>;
  /**
   * Optional: load the feature's code for this page kind ahead of init (e.g. inject the kind's bundle), so that init
   * itself is shorter. Never required; a failure here surfaces again in init.
   */
  preload?(pageKind: PageKind): Promise<unknown>;
}

export interface RunOptions {
  pageKind: PageKind;
  isEnabled(id: string): boolean;
  signal: AbortSignal;
  /** Longest time an init may take before it is reported as an error (it keeps its chance to finish). */
  timeoutMs?: number;
  redact?(message: string): string;
  /**
   * Starts one feature's init. The default runs it in a microtask; the content script passes a macrotask scheduler
   * so that each feature's synchronous work is its own task and the page stays responsive between them.
   */
  start?<T>(run: () => T): Promise<Awaited<T>>;
}

/** Strip anything that looks like a personnummer from an error message (the same rule as stored errors). */
export function redactError(message: string): string {
  return redactMessage(message);
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : 'okänt fel';
}

/**
 * Run every feature for this page view. Resolves when all inits have settled or timed out; never rejects.
 * Cleanups returned by inits run when `signal` aborts.
 */
export async function runFeatures<C>(features: readonly FeatureDefinition<C>[], ctx: C, options: RunOptions): Promise<FeatureStatus[]> {
  const redact = options.redact ?? redactError;
  const timeoutMs = options.timeoutMs ?? 5000;
  const runs = features.map(async (feature): Promise<FeatureStatus> => {
    if (!options.isEnabled(feature.id)) return { id: feature.id, state: 'off' };
    if (!feature.pages.includes(options.pageKind)) return { id: feature.id, state: 'not-applicable' };
    if (options.signal.aborted) return { id: feature.id, state: 'not-applicable' };
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const result = await Promise.race([
        options.start ? options.start(() => feature.init(ctx, options.signal)) : Promise.resolve().then(() => feature.init(ctx, options.signal)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`init tog mer än ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (typeof result === 'function') {
        if (options.signal.aborted) safeCall(result);
        else options.signal.addEventListener('abort', () => safeCall(result), { once: true });
      }
      return { id: feature.id, state: result === false ? 'not-applicable' : 'active' };
    } catch (error) {
      return { id: feature.id, state: 'error', error: redact(describe(error)) };
    } finally {
      if (timer !== undefined) clearTimeout(timer);
    }
  });
  return Promise.all(runs);
}

function safeCall(fn: () => void): void {
  try {
    fn();
  } catch {
    // A failing cleanup must not break the page or other features.
  }
}
