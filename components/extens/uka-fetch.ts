/**
 * The SCB file from an open UKA tab, by the same GET the SCB guard makes: the "Export till SCB" page open in a tab of
 * the configured UKA origin is read with the UKA adapter (lib/uka, the only code that knows UKA's markup) to find the
 * export button's address, and that address is fetched from inside the UKA tab (its own session, same-origin
 * credentials, GET, no redirects). Nothing is written to UKA and no other origin is contacted.
 */
import { browser } from 'wxt/browser';
import { createUkaAdapter } from '../../lib/uka/adapter';

export type FetchResult = { ok: true; bytes: Uint8Array; fileName: string } | { ok: false; message: string };

async function pageHtml(tabId: number): Promise<{ html: string; url: string } | null> {
  const [res] = await browser.scripting.executeScript({ target: { tabId }, func: () => ({ html: document.documentElement.outerHTML, url: location.href }) });
  const value = res?.result as { html: string; url: string } | undefined;
  return value && typeof value.html === 'string' ? value : null;
}

/** Runs inside the UKA tab: GET the export file with UKA's own session and return it as base64. */
async function getExportInTab(url: string): Promise<{ ok: true; base64: string; disposition: string } | { ok: false; status: number; message: string }> {
  try {
    const response = await fetch(url, { method: 'GET', credentials: 'same-origin', cache: 'no-store', redirect: 'error' });
    if (!response.ok) return { ok: false, status: response.status, message: `UKA svarade ${response.status}` };
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 0x8000)));
    return { ok: true, base64: btoa(binary), disposition: response.headers.get('content-disposition') ?? '' };
  } catch (error) {
    return { ok: false, status: 0, message: error instanceof Error ? error.message : 'nätverksfel' };
  }
}

function fromBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function fetchScbFileFromUka(ukaOrigin: string | null): Promise<FetchResult> {
  if (!ukaOrigin) return { ok: false, message: 'Ange UKA:s adress under Inställningar först.' };
  let tabs: Array<{ id?: number; url?: string }>;
  try {
    tabs = await browser.tabs.query({ url: `${ukaOrigin}/*` });
  } catch {
    tabs = [];
  }
  if (tabs.length === 0) return { ok: false, message: 'Ingen flik med UKA är öppen. Logga in i UKA, öppna sidan "Export till SCB" och försök igen, eller välj en sparad SCB-fil.' };
  const adapter = createUkaAdapter();
  let sawBlocked = false;
  for (const tab of tabs) {
    if (tab.id === undefined) continue;
    let page: { html: string; url: string } | null = null;
    try {
      page = await pageHtml(tab.id);
    } catch {
      page = null;
    }
    if (!page || new URL(page.url).origin !== ukaOrigin) continue;
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const list = adapter.readExportList(doc);
    if (!list.ok) continue;
    if (!list.value.exportButton.enabled || !list.value.exportButton.href) {
      sawBlocked = true;
      continue;
    }
    const url = new URL(list.value.exportButton.href, page.url);
    if (url.origin !== ukaOrigin) return { ok: false, message: 'Exportknappens adress ligger utanför UKA; filen hämtas inte.' };
    const [res] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: getExportInTab, args: [url.href] });
    const got = res?.result as Awaited<ReturnType<typeof getExportInTab>> | undefined;
    if (!got) return { ok: false, message: 'UKA-fliken svarade inte.' };
    if (!got.ok) return { ok: false, message: `SCB-filen kunde inte hämtas: ${got.message}.` };
    const name = /filename="?([^";]+)"?/.exec(got.disposition)?.[1] ?? 'SCB-fil från UKA';
    return { ok: true, bytes: fromBase64(got.base64), fileName: name };
  }
  if (sawBlocked) return { ok: false, message: 'Exporten är spärrad i UKA (det finns röda problem). Välj en tidigare sparad SCB-fil, eller rätta problemen först.' };
  return { ok: false, message: 'Öppna sidan "Export till SCB" i UKA (i en flik) och försök igen, eller välj en sparad SCB-fil.' };
}
