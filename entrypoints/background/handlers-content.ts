/**
 * Background handlers for the metodbok and the onboarding tour. Plain functions; the lead wires them into the
 * command → handler map (lib/messages):
 *   'open-metodbok' { sectionId }   → openMetodbok(payload, sender)
 *   'tour-restart'  {}              → restartTour()
 */
import { z } from 'zod';
import { browser } from 'wxt/browser';
import { SLUG_RE } from '../../lib/content/markdown';
import { requestTourRestart } from '../../components/tour/restart';

export const OpenMetodbokPayload = z.object({ sectionId: z.string().max(80).regex(SLUG_RE).optional() }).strict();
export type OpenMetodbokPayload = z.infer<typeof OpenMetodbokPayload>;

export const TourRestartPayload = z.object({}).strict();

/** The Metodbok page's path with an optional section ("/metodbok.html#hembesok"). Invalid ids are dropped. */
export function metodbokPath(sectionId?: string | null): string {
  return sectionId && SLUG_RE.test(sectionId) && sectionId.length <= 80 ? `/metodbok.html#${sectionId}` : '/metodbok.html';
}

interface SenderLike {
  tab?: { id?: number; index?: number; windowId?: number };
}

/** Open the Metodbok page at a section in a new tab next to the UKA tab that asked. */
export async function openMetodbok(payload: OpenMetodbokPayload, sender?: SenderLike): Promise<{ ok: true; tabId: number | null }> {
  const { sectionId } = OpenMetodbokPayload.parse(payload);
  const url = browser.runtime.getURL(metodbokPath(sectionId) as '/metodbok.html');
  const tab = sender?.tab;
  const created = await browser.tabs.create({
    url,
    active: true,
    ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
    ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
    ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
  });
  return { ok: true, tabId: created.id ?? null };
}

/** Restart the onboarding tour (same as components/tour/restart.ts, for callers that prefer a message). */
export async function restartTour(): Promise<{ ok: true }> {
  await requestTourRestart();
  return { ok: true };
}
