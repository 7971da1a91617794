/**
 * The browser's own extension API (chrome.* in Chromium, browser.* in Firefox), without webextension-polyfill. Both
 * answer with promises in Manifest V3. For code in UKA's early script (entrypoints/uka-early.ts), which runs while
 * UKA's HTML is parsed: there every kB compiled and every ms run delays the parser, and the polyfill (and WXT's
 * content script wrapper) were most of that script's cost. Only for calls whose results are the same either way
 * (runtime.sendMessage, storage.local get/set).
 */
import type { browser } from 'wxt/browser';

type Api = typeof browser;

export function nativeBrowser(): Api {
  const g = globalThis as unknown as { browser?: Api; chrome?: Api };
  return (g.browser?.runtime?.id ? g.browser : g.chrome) as Api;
}
