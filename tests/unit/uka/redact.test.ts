import { describe, expect, it } from 'vitest';
import { redactHtml } from '../../../lib/uka/adapter';
import { VARIANTS, pageHtml, truth } from './helpers';

describe.each(VARIANTS)('redactHtml on %s pages', (variant) => {
  it('keeps markup and removes names and numbers', () => {
    const t = truth(variant);
    for (const name of ['person-12', 'export', 'start']) {
      const out = redactHtml(pageHtml(variant, name));
      for (const p of t.truth.persons) {
        expect(out.includes(p.name), name).toBe(false);
        expect(out.includes(p.personnummerShown), name).toBe(false);
        expect(out.includes(p.personnummer.slice(2, 8)), name).toBe(false);
      }
      expect(out).not.toMatch(/\d{6}/);
      expect(out).toMatch(/<table|role="table"|<ul class/);
      expect(out).toContain(variant === '2024' ? 'id="huvudmeny"' : 'class="app-nav');
    }
  });
  it('blanks free-text attributes and drops comments and scripts', () => {
    const out = redactHtml('<div title="Anna Svensson" data-pnr="200801012385" class="x"><!-- 200801012385 --><script>var p="Anna"</script><a href="/person/12?pnr=200801012385">Anna</a></div>');
    expect(out).toBe('<div title="" data-pnr="" class="x"><script></script><a href="/person/00">▒</a></div>');
  });
});
