/**
 * Links stay in UKA. A UKA page path read from UKA's page or kept in the store is untrusted: it becomes a link only
 * when it is a plain path on the configured UKA origin. Refused: protocol-relative paths ("//host", "/\host"),
 * backslashes, schemes ("javascript:", absolute URLs), whitespace and control characters.
 */

/** A plain same-origin path: one leading "/", then no "/" or "\" right after it, and no backslash, space or control. */
export function isUkaPath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 2048 && /^\/(?![/\\])[^\\\s\u0000-\u001f\u007f]*$/.test(path);
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** The URL of a UKA path on the configured origin, or null when there is no origin or the path would leave it. */
export function ukaUrl(ukaOrigin: string | null | undefined, path: string | null | undefined): string | null {
  if (!ukaOrigin || !isUkaPath(path)) return null;
  const origin = originOf(ukaOrigin);
  if (!origin || origin === 'null') return null;
  try {
    const url = new URL(path, origin);
    return url.origin === origin ? url.href : null;
  } catch {
    return null;
  }
}

/** True when an absolute URL lies on the configured UKA origin (checked again where a link is opened). */
export function isOnUka(url: string | null | undefined, ukaOrigin: string | null | undefined): url is string {
  if (!url || !ukaOrigin) return false;
  const origin = originOf(ukaOrigin);
  return origin !== null && origin !== 'null' && /^https?:\/\//i.test(url) && originOf(url) === origin;
}
