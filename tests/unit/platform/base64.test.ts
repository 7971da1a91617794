import { describe, expect, it } from 'vitest';
import { fromBase64 } from '../../../lib/platform/base64';
import { uploadCheckHandlers } from '../../../entrypoints/background/handlers/upload-check';
import { senderAllowed } from '../../../lib/messages/senders';

describe('a file carried as base64 to the background', () => {
  it('arrives byte for byte: every byte value, CRLF and Windows-1252 letters', () => {
    const bytes = new Uint8Array([...Array.from({ length: 256 }, (_, i) => i), 0x0d, 0x0a, 0xe5, 0xe4, 0xf6]);
    expect(fromBase64(Buffer.from(bytes).toString('base64'))).toEqual(bytes);
    expect(fromBase64('')).toEqual(new Uint8Array(0));
  });

  it('anything that is not base64 is refused, never guessed', () => {
    expect(fromBase64('inte base64!')).toBeNull();
    expect(fromBase64('QUJD$')).toBeNull();
  });

  it('the guard’s validation answers the validator’s report; only UKA’s main script may ask, only SCB’s page may check an upload', async () => {
    const handlers = uploadCheckHandlers({ store: async () => ({ findExport: async () => null }) as never });
    const report = await handlers['validate-export']({ data: Buffer.from('inte en SCB-fil\r\n').toString('base64') }, {});
    expect(report.verdict).not.toBe('ok');
    await expect(handlers['validate-export']({ data: '***' }, {})).rejects.toThrow('kunde inte läsas');
    const ctx = { extensionUrl: 'chrome-extension://x/', ukaOrigin: 'https://uka.example.se', scbOrigin: 'https://scb.example.se' };
    const uka = { url: 'https://uka.example.se/export', origin: 'https://uka.example.se', frameId: 0, tab: { id: 1 } };
    const scb = { url: 'https://scb.example.se/upload', origin: 'https://scb.example.se', frameId: 0, tab: { id: 2 } };
    expect(senderAllowed('validate-export', uka, ctx)).toBe(true);
    expect(senderAllowed('validate-export', scb, ctx)).toBe(false);
    expect(senderAllowed('check-upload', scb, ctx)).toBe(true);
    expect(senderAllowed('check-upload', uka, ctx)).toBe(false);
    expect(senderAllowed('load-page-kind', uka, ctx)).toBe(true);
    expect(senderAllowed('load-page-kind', { ...uka, frameId: 3 }, ctx)).toBe(false);
    expect(senderAllowed('load-page-kind', scb, ctx)).toBe(false);
  });
});
