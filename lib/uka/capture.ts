/**
 * "Spara sidans struktur": a UKA page as HTML with its content redacted and its structure kept, so that a kommun can
 * send it to whoever writes its profile. Every text and attribute value that is not structural has its digits
 * turned into 0 and its letters into x, lengths kept. Kept as they are: tag names, ids, classes, roles, the
 * `name`/`for`/`type` attributes, and the texts of headings, table column headers and label elements, which a
 * profile's patterns are written against; such a text is redacted all the same when it holds something that looks
 * like a personnummer or a name, or any of the names and personnummer given (those read from the page).
 * Scripts, comments and our own elements are dropped. DOM only (the calibration page, and linkedom in the tests).
 */
import { looksLikePersonnummer } from './mask';

/** Attributes whose values are structure (kept, with long digit runs zeroed). */
const KEEP_ATTRS = new Set(['id', 'class', 'role', 'name', 'for', 'type', 'lang', 'charset', 'scope', 'colspan', 'rowspan', 'aria-labelledby', 'aria-describedby', 'aria-controls', 'headers']);
/** Elements whose text a profile is written against. */
const LABEL_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'dt', 'label', 'legend', 'caption', 'summary', 'button']);
const LABEL_ROLES = new Set(['columnheader', 'rowheader', 'heading', 'tab']);
/** Our own elements in UKA's page. */
const OWN_TAG = 'kaa-lotsen-ui';

/** Digits to 0, letters to x (upper case to X), everything else kept: lengths and punctuation stay. */
export function scramble(s: string): string {
  return s.replace(/\d/g, '0').replace(/\p{L}/gu, (c) => (/\p{Lu}/u.test(c) ? 'X' : 'x'));
}

/** Two to four capitalised words in a row (with no lower-case word among them): what a person's name looks like. */
const NAME_LIKE = /(?:^|[\s(])\p{Lu}[\p{Ll}'’]+(?:[-\s]+\p{Lu}[\p{Ll}'’]+){1,3}(?=$|[\s),.:|–-])/u;

export interface CaptureOptions {
  /** Names and personnummer read from the page: a kept text that contains one of them is redacted. */
  known?: readonly string[];
}

function isLabel(el: Element | null): boolean {
  for (let e = el; e; e = e.parentElement) {
    if (LABEL_TAGS.has(e.localName)) return true;
    const role = e.getAttribute('role');
    if (role && LABEL_ROLES.has(role)) return true;
    if (e.localName === 'td' || e.localName === 'dd' || e.localName === 'li' || e.localName === 'p') return false;
  }
  return false;
}

/** A heading's text that must be redacted after all. */
function personal(text: string, known: readonly string[]): boolean {
  if (looksLikePersonnummer(text) || NAME_LIKE.test(text)) return true;
  const lower = text.toLowerCase();
  const digits = text.replace(/\D/g, '');
  return known.some((k) => {
    const t = k.trim();
    if (t.length < 2) return false;
    if (/\d{6}/.test(t)) return digits.includes(t.replace(/\D/g, '').slice(-10));
    return t
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.length >= 2 && new RegExp(`(^|[^\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(lower));
  });
}

/** The redacted page as an HTML document (text). The given document is not changed. */
export function captureStructure(doc: Document, options: CaptureOptions = {}): string {
  const known = options.known ?? [];
  const root = doc.documentElement.cloneNode(true) as Element;
  for (const el of Array.from(root.querySelectorAll(`script, noscript, template, iframe, object, embed, ${OWN_TAG}`))) el.remove();
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 8) {
        child.parentNode?.removeChild(child);
        continue;
      }
      if (child.nodeType === 3) {
        const t = child.nodeValue ?? '';
        if (!t.trim()) continue;
        const parent = child.parentElement;
        if (parent?.localName === 'style') continue;
        const keep = isLabel(parent) && !personal(t, known) && !personal(parent?.textContent ?? '', known);
        if (!keep) child.nodeValue = scramble(t);
        continue;
      }
      if (child.nodeType === 1) {
        const el = child as Element;
        for (const attr of Array.from(el.attributes)) {
          const name = attr.name.toLowerCase();
          if (KEEP_ATTRS.has(name)) {
            if (/\d{6}/.test(attr.value)) el.setAttribute(attr.name, attr.value.replace(/\d/g, '0'));
          } else if (name.startsWith('on')) el.removeAttribute(attr.name);
          else el.setAttribute(attr.name, scramble(attr.value));
        }
        walk(el);
      }
    }
  };
  walk(root);
  return `<!DOCTYPE html>\n<!-- Sidans struktur sparad av KAA-lotsen: texter och värden ersatta (siffror 0, bokstäver x). -->\n${root.outerHTML}\n`;
}
