import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimFor, startLifetime } from '../../../lib/startup/lifetime';

afterEach(() => vi.useRealTimers());

describe('a content script copy’s lifetime (no event or message in the page)', () => {
  it('ends by itself once its extension is gone (the runtime lost its id)', () => {
    vi.useFakeTimers();
    const api = { runtime: { id: 'abc' as string | undefined } };
    const life = startLifetime(api, 1000);
    const ended = vi.fn();
    life.signal.addEventListener('abort', ended);
    vi.advanceTimersByTime(3000);
    expect(ended).not.toHaveBeenCalled();
    api.runtime.id = undefined;
    vi.advanceTimersByTime(1000);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(life.ended).toBe(true);
  });

  it('asking whether it ended checks at once', () => {
    const api: { runtime?: { id?: string } } = { runtime: { id: 'abc' } };
    const life = startLifetime(api, 60_000);
    expect(life.ended).toBe(false);
    delete api.runtime;
    expect(life.ended).toBe(true);
    expect(life.signal.aborted).toBe(true);
  });

  it('a second copy of a living script does not claim the page; a copy of a gone extension is stopped and replaced', () => {
    const win = {};
    const oldApi = { runtime: { id: 'abc' as string | undefined } };
    const first = startLifetime(oldApi, 60_000);
    expect(claimFor('k', first, win)).toBe(true);
    const second = startLifetime({ runtime: { id: 'abc' } }, 60_000);
    expect(claimFor('k', second, win)).toBe(false);
    second.end();
    // The extension is reloaded: the first copy's API has no id any more; a new copy takes over and stops it.
    oldApi.runtime.id = undefined;
    const third = startLifetime({ runtime: { id: 'abc' } }, 60_000);
    expect(claimFor('k', third, win)).toBe(true);
    expect(first.signal.aborted).toBe(true);
    third.end();
    // Ended: the page is free again.
    const fourth = startLifetime({ runtime: { id: 'abc' } }, 60_000);
    expect(claimFor('k', fourth, win)).toBe(true);
    fourth.end();
  });
});
