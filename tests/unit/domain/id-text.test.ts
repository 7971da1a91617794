import { describe, expect, it } from 'vitest';
import { idTextToSend, MAX_ID_TEXT_LENGTH } from '../../../lib/domain/id-text';
import { parseId } from '../../../lib/domain/personnummer';

describe('idTextToSend (the person page sends the header personnummer to the background)', () => {
  it('keeps every form parseId accepts, trimmed', () => {
    for (const form of ['20070313-2381', '200703132381', '070313-2381', '0703132381', '070313+2381']) {
      expect(parseId(form)).not.toBeNull();
      expect(idTextToSend(`  ${form}\n`)).toBe(form);
    }
  });

  it('sends nothing too long to be a personnummer', () => {
    expect(idTextToSend('20070313-23810')).toBeNull();
    expect(idTextToSend('x'.repeat(MAX_ID_TEXT_LENGTH + 1))).toBeNull();
    expect(idTextToSend('x'.repeat(MAX_ID_TEXT_LENGTH))).toBe('x'.repeat(MAX_ID_TEXT_LENGTH));
  });
});
