/**
 * How long one copy of a content script (UKA's main script, the SCB page script) may act: until the extension that
 * injected it is reloaded, updated or removed. Our own replacement for WXT's content script context, which announces
 * every start with an event on UKA's document (`wxt:content-script-started`) that UKA's page scripts can see and
 * dispatch themselves. Nothing here reaches the page: a copy notices by itself that its extension is gone (its
 * runtime has no id any more; checked every second and whenever asked), and a newer copy that finds the page claimed
 * asks the holder, through the extension's isolated world, whether it is still alive, and stops it if not.
 */
import { nativeBrowser } from '../platform/native-api';

/** How often a copy checks that its extension is still there (ms). */
export const LIFETIME_CHECK_MS = 1000;

export interface Lifetime {
  /** Aborted when this copy must stop (its extension is gone, or a newer copy took over). */
  readonly signal: AbortSignal;
  /** True when this copy must stop (checks the extension at once). */
  readonly ended: boolean;
  /** Stop this copy now. */
  end(): void;
}

type RuntimeLike = { runtime?: { id?: string } } | undefined;

/**
 * The lifetime of this copy. `api` is the extension API object as this copy found it at its start (kept: after an
 * extension reload the old copy's API object loses its id, whatever a global name points to by then).
 */
export function startLifetime(api: RuntimeLike = nativeBrowser() as RuntimeLike, checkMs = LIFETIME_CHECK_MS): Lifetime {
  const controller = new AbortController();
  const gone = () => {
    try {
      return !api?.runtime?.id;
    } catch {
      return true;
    }
  };
  const end = () => {
    if (!controller.signal.aborted) controller.abort();
  };
  const timer = setInterval(() => {
    if (gone()) end();
  }, checkMs);
  controller.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
  return {
    signal: controller.signal,
    get ended() {
      if (gone()) end();
      return controller.signal.aborted;
    },
    end,
  };
}

interface Holder {
  lifetime: Lifetime;
}

/**
 * Claim a page for one copy of a script under `key` (the script can arrive twice: registered script + injection into
 * a tab that was open when it was registered). Null when a living copy holds the page; a copy whose extension is gone
 * is stopped and the page is claimed anew. The claim is given back when the lifetime ends.
 */
export function claimFor(key: string, lifetime: Lifetime, win: object = globalThis): boolean {
  const flags = win as Record<string, Holder | undefined>;
  const held = flags[key];
  if (held && typeof held === 'object' && held.lifetime && !held.lifetime.ended) return false;
  held?.lifetime?.end?.();
  const mine: Holder = { lifetime };
  flags[key] = mine;
  lifetime.signal.addEventListener('abort', () => {
    if (flags[key] === mine) delete flags[key];
  });
  return true;
}
