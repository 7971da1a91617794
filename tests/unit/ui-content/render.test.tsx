import { describe, expect, it } from 'vitest';
import { render as renderToString } from 'preact-render-to-string';
import { readFileSync } from 'node:fs';
import { defaultPack } from '../../../lib/content';
import { TipsDisclosure } from '../../../components/tips/TipsDisclosure';
import { Metodbok } from '../../../components/metodbok/Metodbok';
import { Tour } from '../../../components/tour/Tour';

const noop = () => undefined;

describe('TipsDisclosure', () => {
  it('renders a collapsed, labelled toggle and the tips as text', () => {
    const tips = defaultPack.tips.filter((t) => t.contexts.anchors?.includes('exportButton'));
    const html = renderToString(<TipsDisclosure tips={tips} about="exportknappen" idPrefix="t" sectionTitle={() => 'SCB-exporten'} onOpenSection={noop} />);
    expect(html).toContain('aria-expanded="false"');
    expect(html).toContain('aria-controls="t-panel"');
    expect(html).toMatch(/Tips<span class="kaa-sr-only"> om exportknappen<\/span> \(2\)/);
    expect(html).toContain('hidden');
    const open = renderToString(<TipsDisclosure tips={tips} about="exportknappen" idPrefix="t" initiallyOpen sectionTitle={() => 'SCB-exporten'} onOpenSection={noop} />);
    expect(open).toContain('aria-expanded="true"');
    expect(open).toContain('Läs mer i metodboken: SCB-exporten');
  });
  it('never interprets pack text as HTML', () => {
    const tip = { ...defaultPack.tips[0]!, title: 'a <img src=x onerror=alert(1)> b' };
    const html = renderToString(<TipsDisclosure tips={[tip]} about="x" idPrefix="t" initiallyOpen sectionTitle={() => undefined} onOpenSection={noop} />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});

describe('Metodbok', () => {
  it('shows the section of the hash with landmarks, labelled search and navigation', () => {
    const section = defaultPack.sections[2]!;
    const html = renderToString(<Metodbok pack={defaultPack} source="default" hash={`#${section.id}`} navigate={noop} />);
    expect(html).toContain('role="search"');
    expect(html).toContain('<label for="mb-q">Sök i metodboken</label>');
    expect(html).toContain('<nav aria-label="Avsnitt i metodboken"');
    expect(html).toContain('<main');
    expect(html).toContain(`href="#${section.id}" aria-current="page"`);
    expect(html).toContain(`>${section.title}</h2>`);
    expect(html).toContain('från standardpaketet');
  });
  it('lists the whole glossary and every explainer', () => {
    const g = renderToString(<Metodbok pack={defaultPack} source="policy" hash="#ordlista" navigate={noop} />);
    expect(g.match(/<dt>/g)?.length).toBe(defaultPack.glossary.length);
    expect(g).toContain('din organisations paket');
    const w = renderToString(<Metodbok pack={defaultPack} source="imported" hash="#varningar" navigate={noop} />);
    expect(w).toContain(defaultPack.explainers.R1.title);
    expect(w).toContain(defaultPack.explainers.generic.title);
  });
  it('shows markup in a pack as text (even one that bypassed validation)', () => {
    const first = defaultPack.sections[0]!;
    const pack = { ...defaultPack, sections: [{ ...first, title: '<b>fet</b>', body: `${first.body}\n\nSe <script>x</script> här.` }, ...defaultPack.sections.slice(1)] };
    const html = renderToString(<Metodbok pack={pack} source="imported" hash="" navigate={noop} />);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>fet');
    expect(html).toContain('&lt;script>');
  });
});

describe('Tour', () => {
  it('renders a labelled non-modal dialog with the three buttons', () => {
    const steps = defaultPack.tour.filter((s) => s.pageKind === 'export');
    const html = renderToString(<Tour steps={steps} title="Introduktion: Export till SCB" resolve={() => null} onClose={noop} />);
    expect(html).toContain('role="dialog"');
    expect(html).toContain('aria-modal="false"');
    expect(html).toContain('aria-labelledby="kaa-tour-title"');
    expect(html).toContain(`Steg 1 av ${steps.length}`);
    for (const label of ['Föregående', 'Nästa', 'Hoppa över']) expect(html).toContain(label);
  });
});

describe('no raw-HTML sinks in the UI of this area', () => {
  it('uses neither innerHTML nor dangerouslySetInnerHTML', () => {
    const files = [
      'components/tips/TipsDisclosure.tsx',
      'components/tour/Tour.tsx',
      'components/metodbok/Metodbok.tsx',
      'components/options/PackSection.tsx',
      'entrypoints/uka.content/features/tips.tsx',
      'entrypoints/uka.content/features/tour.tsx',
      'entrypoints/metodbok/main.tsx',
    ];
    for (const f of files) {
      const src = readFileSync(new URL(`../../../${f}`, import.meta.url), 'utf8');
      expect(src, f).not.toMatch(/innerHTML|dangerouslySetInnerHTML|insertAdjacentHTML|outerHTML\s*=/);
    }
  });
});
