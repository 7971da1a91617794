/**
 * Strip personal data from page HTML so its markup can be reported (e.g. "this page was not recognised"):
 * every text run becomes "▒", scripts and comments go, and attribute values that may carry text or numbers are
 * blanked (structural attributes such as class, id, role keep their value, with digits turned into 0).
 * Works on a string, without a DOM.
 */
const KEEP_ATTRS = new Set(['class', 'id', 'role', 'type', 'name', 'for', 'method', 'action', 'href', 'scope', 'colspan', 'rowspan', 'lang', 'charset', 'rel', 'disabled', 'aria-disabled', 'aria-current', 'aria-describedby', 'aria-labelledby', 'autocomplete', 'download']);

function redactTag(tag: string): string {
  const m = /^<(\/?)([a-zA-Z][\w:-]*)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!m) return '';
  const [, close, name, attrs, selfClose] = m;
  if (close) return `</${name!.toLowerCase()}>`;
  const out: string[] = [];
  const re = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let a: RegExpExecArray | null;
  while ((a = re.exec(attrs ?? ''))) {
    const key = a[1]!.toLowerCase();
    const value = a[2] ?? a[3] ?? a[4];
    if (value === undefined) out.push(key);
    else if (KEEP_ATTRS.has(key)) out.push(`${key}="${value.replace(/\d/g, '0').replace(/[?#].*$/, '').replace(/"/g, '')}"`);
    else out.push(`${key}=""`);
  }
  return `<${name!.toLowerCase()}${out.length ? ' ' + out.join(' ') : ''}${selfClose ? '/' : ''}>`;
}

export function redactHtml(html: string): string {
  try {
    const parts: string[] = [];
    const re = /<!--[\s\S]*?-->|<script\b[^>]*>[\s\S]*?<\/script\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<![^>]*>|<\/?[a-zA-Z][^>]*>/gi;
    let last = 0;
    let m: RegExpExecArray | null;
    const textRun = (t: string) => (/\S/.test(t) ? t.replace(/\S+(\s+\S+)*/g, '▒') : t);
    while ((m = re.exec(html))) {
      parts.push(textRun(html.slice(last, m.index)));
      const tok = m[0];
      if (tok.startsWith('<!--')) parts.push('');
      else if (/^<script/i.test(tok)) parts.push('<script></script>');
      else if (/^<style/i.test(tok)) parts.push(tok);
      else if (tok.startsWith('<!')) parts.push(/^<!doctype/i.test(tok) ? '<!DOCTYPE html>' : '');
      else parts.push(redactTag(tok));
      last = m.index + tok.length;
    }
    parts.push(textRun(html.slice(last)));
    return parts.join('');
  } catch {
    return '';
  }
}
