import { describe, expect, it, vi } from 'vitest';
import { render as renderToString } from 'preact-render-to-string';
import { h, type VNode } from 'preact';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkMarkdown, classifyHref, markdownToPlainText, parseMarkdown, sectionLinks } from '../../../lib/content/markdown';
import { Markdown } from '../../../components/markdown/Markdown';

const html = (source: string) => renderToString(h(Markdown, { source }));

describe('parseMarkdown', () => {
  it('parses the supported subset', () => {
    const doc = parseMarkdown(
      '## Rubrik\n\nEtt **fett** och *kursivt* ord med `SysKontakt`.\nSamma stycke.\n\n### Underrubrik\n- ett\n- två\n  fortsättning\n\n1. första\n2. andra\n\nLäs [mer](#hembesok) och [SCB](https://www.scb.se/).',
    );
    expect(doc.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'heading', 'list', 'list', 'paragraph']);
    expect(doc.blocks[0]).toEqual({ type: 'heading', level: 2, children: [{ type: 'text', value: 'Rubrik' }] });
    expect(doc.blocks[1]).toEqual({
      type: 'paragraph',
      children: [
        { type: 'text', value: 'Ett ' },
        { type: 'strong', children: [{ type: 'text', value: 'fett' }] },
        { type: 'text', value: ' och ' },
        { type: 'em', children: [{ type: 'text', value: 'kursivt' }] },
        { type: 'text', value: ' ord med ' },
        { type: 'code', value: 'SysKontakt' },
        { type: 'text', value: '. Samma stycke.' },
      ],
    });
    const ul = doc.blocks[3];
    expect(ul?.type === 'list' && !ul.ordered && ul.items.length === 2).toBe(true);
    expect(ul?.type === 'list' && ul.items[1]).toEqual([{ type: 'text', value: 'två fortsättning' }]);
    const ol = doc.blocks[4];
    expect(ol?.type === 'list' && ol.ordered).toBe(true);
    expect(sectionLinks(doc)).toEqual(['hembesok']);
    expect(checkMarkdown('## Rubrik\n\n- a\n- b\n\nText [x](#a-b) och [y](https://example.se/a?b=1#c).')).toEqual([]);
  });

  it('keeps unmatched delimiters and escapes as text', () => {
    expect(markdownToPlainText('2 * 3 = 6 och **inte stängd')).toBe('2 * 3 = 6 och **inte stängd');
    expect(markdownToPlainText('\\*inte kursiv\\*')).toBe('*inte kursiv*');
  });

  it('classifies link targets', () => {
    expect(classifyHref('#hembesok')).toEqual({ kind: 'section', sectionId: 'hembesok' });
    expect(classifyHref('https://www.scb.se')).toEqual({ kind: 'external', href: 'https://www.scb.se/' });
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'java\tscript:x', 'vbscript:x', 'data:text/html;base64,PHNjcmlwdD4=', 'http://x.se', 'mailto:a@b.se', '/relative', '#Bad Id', 'https://a b', 'https://u:p@x.se']) {
      expect(classifyHref(bad), bad).toBeNull();
    }
  });

  it('reports problems with line numbers', () => {
    expect(checkMarkdown('ok\n\n<div>x</div>')).toEqual([{ line: 3, message: expect.stringMatching(/Rå HTML/) }]);
    expect(checkMarkdown('#### Liten')[0]?.message).toMatch(/Rubriknivå 4/);
    expect(checkMarkdown('[a [b](#x)](#y)')).not.toEqual([]);
  });
});

describe('Markdown component output is inert', () => {
  it('renders the subset with preact elements', () => {
    const out = html('## Rubrik\n\nText med **fet** och [länk](#hembesok).\n\n- a\n\n3. c');
    expect(out).toContain('<h2>Rubrik</h2>');
    expect(out).toContain('<strong>fet</strong>');
    expect(out).toContain('<a href="#hembesok" data-section-link="hembesok">länk</a>');
    expect(out).toContain('<ul><li>a</li></ul>');
    expect(out).toContain('<ol start="3"><li>c</li></ol>');
  });

  it('shows <script> as text', () => {
    const out = html('<script>alert(1)</script>');
    expect(out).not.toContain('<script');
    expect(out).toContain('&lt;script>alert(1)&lt;/script>');
  });

  it('shows <img onerror> and other tags as text', () => {
    for (const src of ['<img src=x onerror="alert(1)">', '<iframe src="https://x">', '<a href="javascript:alert(1)">x</a>', '<svg onload=alert(1)>', '<!-- kommentar -->']) {
      const out = html(src);
      expect(out, src).not.toMatch(/<(img|iframe|svg|a)\b/);
      expect(out).not.toContain('<!--');
    }
  });

  it('renders javascript:, data: and http: links as plain text, not anchors', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://example.se', 'JAVASCRIPT:alert(1)']) {
      const out = html(`[klicka](${href})`);
      expect(out, href).not.toContain('<a');
      expect(out).toContain('klicka');
    }
  });

  it('gives external links target=_blank with noopener', () => {
    expect(html('[SCB](https://www.scb.se/)')).toContain('<a href="https://www.scb.se/" target="_blank" rel="noopener noreferrer">SCB</a>');
  });

  it('does not interpret markup inside code or link text', () => {
    const out = html('`<b>fet</b>` och [<i>x</i>](#a)');
    expect(out).not.toMatch(/<b>|<i>/);
    expect(out).toContain('<code>&lt;b>fet&lt;/b></code>');
  });

  it('calls onNavigate for section links', () => {
    const onNavigate = vi.fn();
    const vnode = Markdown({ source: 'Se [hembesök](#hembesok).', onNavigate }) as VNode<{ children: unknown }>;
    // Walk the vnode tree to the anchor and fire its click handler.
    const find = (n: unknown): VNode<{ onClick?: (e: { preventDefault(): void }) => void }> | null => {
      if (!n || typeof n !== 'object') return null;
      if (Array.isArray(n)) {
        for (const c of n) {
          const f = find(c);
          if (f) return f;
        }
        return null;
      }
      const v = n as VNode<{ children?: unknown; onClick?: (e: { preventDefault(): void }) => void }>;
      if (v.type === 'a') return v;
      return find(v.props?.children);
    };
    const a = find(vnode);
    expect(a).not.toBeNull();
    const preventDefault = vi.fn();
    a?.props.onClick?.({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
    expect(onNavigate).toHaveBeenCalledWith('hembesok');
  });

  it('renders every section of the default pack without anchors to non-https targets', async () => {
    const { defaultPack } = await import('../../../lib/content');
    for (const s of defaultPack.sections) {
      const out = html(s.body);
      for (const m of out.matchAll(/<a href="([^"]*)"/g)) expect(m[1]).toMatch(/^(#[a-z0-9-]+|https:\/\/)/);
    }
  });
});

describe('no innerHTML in content code', () => {
  it('markdown and content sources never use innerHTML or dangerouslySetInnerHTML', () => {
    const root = join(__dirname, '../../..');
    const files = [
      ...readdirSync(join(root, 'lib/content')).map((f) => join(root, 'lib/content', f)),
      ...readdirSync(join(root, 'components/markdown')).map((f) => join(root, 'components/markdown', f)),
    ];
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|outerHTML/);
    }
  });
});
