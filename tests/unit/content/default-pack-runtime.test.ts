import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_JSON, defaultPack, getDefaultPack, parsePack } from '../../../lib/content';

/**
 * getDefaultPack() returns the built-in pack WITHOUT validating it at run time (a performance choice). That is only
 * safe while DEFAULT_PACK_JSON is already in parsePack's output form: valid, and every default filled in.
 */
describe('built-in pack served without run-time validation', () => {
  it('is valid and identical to what parsePack makes of it', () => {
    const r = parsePack(DEFAULT_PACK_JSON);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(getDefaultPack()).toStrictEqual(r.pack);
  });

  it('is one object (defaultPack and getDefaultPack agree)', () => {
    expect(getDefaultPack()).toBe(defaultPack);
  });
});
