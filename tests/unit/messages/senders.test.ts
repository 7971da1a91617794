import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, dispatch } from '../../../lib/messages';
import { COMMAND_SENDERS, senderAllowed, senderKind, type SenderKind } from '../../../lib/messages/senders';
import type { MessageSender } from '../../../lib/messages/dispatch';

const ctx = { extensionUrl: 'chrome-extension://kaa/', ukaOrigin: 'https://uka.kommun.se', scbOrigin: 'https://upload.scb.se' };
const tab = { id: 3 };

/** One sender of each kind, and the forgeries that must be none of ours. */
const SENDERS: Record<SenderKind, MessageSender> = {
  extension: { url: 'chrome-extension://kaa/popup.html' },
  uka: { url: 'https://uka.kommun.se/person/1', origin: 'https://uka.kommun.se', frameId: 0, tab },
  scb: { url: 'https://upload.scb.se/ladda-upp', origin: 'https://upload.scb.se', frameId: 0, tab },
};
const FORGED: [string, MessageSender][] = [
  ['another site', { url: 'https://evil.example/', origin: 'https://evil.example', frameId: 0, tab }],
  ['a frame inside UKA', { url: 'https://uka.kommun.se/frame', origin: 'https://uka.kommun.se', frameId: 7, tab }],
  ['UKA over http', { url: 'http://uka.kommun.se/', origin: 'http://uka.kommun.se', frameId: 0, tab }],
  ['a look-alike host', { url: 'https://uka.kommun.se.evil.example/', origin: 'https://uka.kommun.se.evil.example', frameId: 0, tab }],
  ['an opaque origin', { url: 'https://uka.kommun.se/x', origin: 'null', frameId: 0, tab }],
  ['another extension page', { url: 'chrome-extension://other/popup.html' }],
  ['no URL at all', {}],
  ['UKA without a tab', { url: 'https://uka.kommun.se/', origin: 'https://uka.kommun.se', frameId: 0 }],
];

describe('sender kinds', () => {
  it('knows our three kinds of sender', () => {
    for (const [kind, sender] of Object.entries(SENDERS)) expect(senderKind(sender, ctx)).toBe(kind);
    // Firefox gives no sender.origin: the URL decides.
    expect(senderKind({ url: 'https://uka.kommun.se/p', frameId: 0, tab }, ctx)).toBe('uka');
  });

  it.each(FORGED)('%s is none of ours', (_name, sender) => {
    expect(senderKind(sender, ctx)).toBeNull();
  });

  it('an unconfigured origin matches nothing', () => {
    expect(senderKind(SENDERS.uka, { ...ctx, ukaOrigin: null })).toBeNull();
    expect(senderKind(SENDERS.scb, { ...ctx, scbOrigin: null })).toBeNull();
  });
});

describe('every command has its senders', () => {
  it('lists every command', () => {
    expect(Object.keys(COMMAND_SENDERS).sort()).toEqual(Object.keys(COMMANDS).sort());
  });

  it.each(Object.entries(COMMAND_SENDERS))('%s: accepted only from %j', (cmd, allowed) => {
    for (const [kind, sender] of Object.entries(SENDERS)) {
      expect(senderAllowed(cmd, sender, ctx), `${cmd} from ${kind}`).toBe((allowed as readonly string[]).includes(kind));
    }
    for (const [name, sender] of FORGED) expect(senderAllowed(cmd, sender, ctx), `${cmd} from ${name}`).toBe(false);
  });

  it('the rules that matter most', () => {
    expect(COMMAND_SENDERS['delete-all-data']).toEqual(['extension']);
    expect(COMMAND_SENDERS['get-errors']).toEqual(['extension']);
    expect(COMMAND_SENDERS['reminders-ics']).toEqual(['extension']);
    expect(COMMAND_SENDERS['find-export']).toEqual(['scb']);
    expect(COMMAND_SENDERS['ladder-view']).toEqual(['uka']);
  });
});

describe('dispatch with a sender rule', () => {
  it('refuses before the payload is parsed or the handler runs, and counts the refusal by name only', async () => {
    const handler = vi.fn(async () => undefined);
    const onRefused = vi.fn();
    const authorize = (cmd: string, sender: MessageSender) => senderAllowed(cmd, sender, ctx);
    const refused = await dispatch({ 'delete-all-data': handler }, { cmd: 'delete-all-data', payload: { secret: '200701012390' } }, SENDERS.uka, { authorize, onRefused });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    expect(JSON.stringify(refused)).not.toContain('200701012390');
    expect(handler).not.toHaveBeenCalled();
    expect(onRefused).toHaveBeenCalledWith('delete-all-data');
    expect(await dispatch({ 'delete-all-data': handler }, { cmd: 'delete-all-data', payload: {} }, SENDERS.extension, { authorize, onRefused })).toEqual({ ok: true, data: null });
    expect(handler).toHaveBeenCalledOnce();
  });
});
