import { describe, expect, it } from 'vitest';
import { DEFAULT_PACK_JSON, defaultPack, parsePack, parsePackText, serializePack, EXPLAINER_KEYS, formatPath, type PackError } from '../../../lib/content';

/** A deep copy of the default pack's JSON to break. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break arbitrary parts of the JSON
function clone(): Record<string, any> {
  return JSON.parse(JSON.stringify(DEFAULT_PACK_JSON));
}

function errorsOf(json: unknown): PackError[] {
  const r = parsePack(json);
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.errors;
}

function expectError(json: unknown, path: string, message: RegExp): void {
  const errors = errorsOf(json);
  const hit = errors.find((e) => e.path === path);
  expect(hit, `no error at ${path}; got ${JSON.stringify(errors)}`).toBeDefined();
  expect(hit?.message).toMatch(message);
}

describe('parsePack accepts', () => {
  it('the default pack', () => {
    const r = parsePack(DEFAULT_PACK_JSON);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(defaultPack.sections.length).toBeGreaterThanOrEqual(20);
    expect(defaultPack.tips.length).toBeGreaterThanOrEqual(30);
    expect(Object.keys(defaultPack.explainers).sort()).toEqual([...EXPLAINER_KEYS].sort());
    expect(defaultPack.tour.filter((t) => t.pageKind === 'person').length).toBeGreaterThanOrEqual(6);
    expect(defaultPack.tour.filter((t) => t.pageKind === 'export').length).toBeGreaterThanOrEqual(4);
  });

  it('fills in defaults for missing settings, links and tags', () => {
    const p = clone();
    delete p.settings;
    delete p.sections[0].links;
    delete p.sections[0].tags;
    const r = parsePack(p);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.settings).toMatchObject({
      followUpMonths: 3,
      failedCallsBeforeLetter: 3,
      letterDaysBeforeVisit: 7,
      handoverDaysBefore20: 30,
      restartMonthsAfterVisit: 3,
      notInterestedMonths: 3,
    });
    expect(r.pack.sections[0]?.links).toEqual([]);
  });

  it('serializePack round-trips', () => {
    const text = serializePack(defaultPack);
    const r = parsePackText(text);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.pack).toEqual(defaultPack);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.indexOf('"format"')).toBeLessThan(text.indexOf('"sections"'));
  });
});

describe('parsePack rejects with precise paths', () => {
  it('1. non-object JSON', () => {
    for (const v of [null, 42, 'pack', [1, 2], true]) expectError(v, '', /JSON-objekt/);
  });

  it('2. invalid JSON text', () => {
    const r = parsePackText('{ "format": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '', message: expect.stringMatching(/inte giltig JSON/) });
  });

  it('3. wrong format marker', () => {
    const p = clone();
    p.format = 'something-else';
    expectError(p, 'format', /inte ett metodbokspaket/);
  });

  it('4. unknown formatVersion', () => {
    const p = clone();
    p.formatVersion = 2;
    const errors = errorsOf(p);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'formatVersion', message: expect.stringMatching(/Okänd formatversion \(2\).*uppdatera tillägget/) });
    const q = clone();
    delete q.formatVersion;
    expectError(q, 'formatVersion', /Okänd formatversion \(saknas\)/);
  });

  it('5. missing required field', () => {
    const p = clone();
    delete p.sections[2].title;
    expectError(p, 'sections[2].title', /saknas/);
  });

  it('6. wrong type', () => {
    const p = clone();
    p.tips[1].text = 17;
    expectError(p, 'tips[1].text', /ska vara en text, inte ett tal/);
    const q = clone();
    q.settings.followUpMonths = 2.5;
    expectError(q, 'settings.followUpMonths', /heltal/);
  });

  it('7. duplicate section id', () => {
    const p = clone();
    p.sections[4].id = p.sections[1].id;
    expectError(p, 'sections[4].id', /finns redan \(sections\[1\]\)/);
  });

  it('8. duplicate tip id and duplicate glossary term', () => {
    const p = clone();
    p.tips[3].id = p.tips[0].id;
    expectError(p, 'tips[3].id', /finns redan/);
    const q = clone();
    q.glossary[5].term = q.glossary[0].term;
    expectError(q, 'glossary[5].term', /finns redan i ordlistan/);
  });

  it('9. dangling section link', () => {
    const p = clone();
    p.sections[3].links = ['om-kaa', 'finns-inte'];
    expectError(p, 'sections[3].links[1]', /"finns-inte" finns inte/);
  });

  it('10. dangling link inside a markdown body', () => {
    const p = clone();
    p.sections[0].body += '\n\nSe [saknat](#saknat-avsnitt).';
    expectError(p, 'sections[0].body', /#saknat-avsnitt/);
  });

  it('11. dangling tip.sectionId', () => {
    const p = clone();
    p.tips[7].sectionId = 'borttaget';
    expectError(p, 'tips[7].sectionId', /"borttaget" finns inte/);
  });

  it('12. missing explainer', () => {
    const p = clone();
    delete p.explainers.R4;
    expectError(p, 'explainers.R4', /förklaringen för R4 saknas/);
    const q = clone();
    delete q.explainers.generic;
    expectError(q, 'explainers.generic', /saknas/);
  });

  it('13. raw HTML in a markdown body', () => {
    const p = clone();
    p.sections[5].body = 'Hej\n\n<script>alert(1)</script>';
    expectError(p, 'sections[5].body', /rad 3: Rå HTML/);
    const q = clone();
    q.sections[5].body = 'Bild: <img src=x onerror="alert(1)">';
    expectError(q, 'sections[5].body', /Rå HTML/);
  });

  it('14. javascript: and other unsafe link targets', () => {
    for (const href of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,x', 'http://example.se', '//evil.example', 'https://user:pw@example.se']) {
      const p = clone();
      p.sections[6].body = `Klicka [här](${href}).`;
      expectError(p, 'sections[6].body', /inte tillåtet/);
    }
  });

  it('15. unsupported markdown (images, code fences, h1, tables)', () => {
    const cases: [string, RegExp][] = [
      ['![bild](https://example.se/a.png)', /Bilder/],
      ['```\nkod\n```', /Kodblock/],
      ['# Stor rubrik', /Rubriknivå 1/],
      ['| a | b |', /Tabeller/],
      ['> citat', /Citatblock/],
    ];
    for (const [body, re] of cases) {
      const p = clone();
      p.sections[0].body = body;
      expectError(p, 'sections[0].body', re);
    }
  });

  it('16. HTML in a plain-text field', () => {
    const p = clone();
    p.explainers.R2.steps[1] = 'Klicka <b onclick="x()">här</b>';
    expectError(p, 'explainers.R2.steps[1]', /HTML är inte tillåtet/);
  });

  it('17. too-long text', () => {
    const p = clone();
    p.tips[2].text = 'a'.repeat(301);
    expectError(p, 'tips[2].text', /för lång: högst 300/);
    const q = clone();
    q.sections[0].body = 'a '.repeat(4001);
    expectError(q, 'sections[0].body', /för lång: högst 8000/);
  });

  it('18. unknown page kind, anchor, warning kind and phase in contexts', () => {
    const p = clone();
    p.tips[0].contexts = { pageKinds: ['person', 'kalender'] };
    expectError(p, 'tips[0].contexts.pageKinds[1]', /okänd sidtyp.*login, start, person, export, unknown/);
    const q = clone();
    q.tips[0].contexts = { anchors: ['footer'] };
    expectError(q, 'tips[0].contexts.anchors[0]', /okänd plats/);
    const r = clone();
    r.tips[0].contexts = { warningKinds: ['R7'] };
    expectError(r, 'tips[0].contexts.warningKinds[0]', /okänd varningstyp/);
    const s = clone();
    s.tips[0].contexts = { scbPhases: ['deadline'] };
    expectError(s, 'tips[0].contexts.scbPhases[0]', /okänd SCB-fas/);
    const t = clone();
    t.tips[0].contexts = { ladderSteps: ['calling', 'två ord'] };
    expectError(t, 'tips[0].contexts.ladderSteps[1]', /steg-id/);
  });

  it('19. extra unknown keys (strict)', () => {
    const p = clone();
    p.extra = 1;
    expectError(p, '', /okänt fält: "extra"/);
    const q = clone();
    q.sections[1].html = '<b>x</b>';
    expectError(q, 'sections[1]', /okänt fält: "html"/);
    const r = clone();
    r.explainers.R9 = r.explainers.R1;
    expectError(r, 'explainers', /okänt fält: "R9"/);
  });

  it('20. bad ids, version and language', () => {
    const p = clone();
    p.sections[0].id = 'Om KAA';
    expectError(p, 'sections[0].id', /små bokstäver/);
    const q = clone();
    q.version = 'v1';
    expectError(q, 'version', /versionsnummer/);
    const r = clone();
    r.language = 'en';
    expectError(r, 'language', /"sv"/);
  });

  it('21. settings out of range', () => {
    const p = clone();
    p.settings.followUpMonths = 7;
    expectError(p, 'settings.followUpMonths', /högst 6/);
    const q = clone();
    q.settings.unknownSetting = 1;
    expectError(q, 'settings', /okänt fält/);
    const r = clone();
    r.settings.handoverDaysBefore20 = -1;
    expectError(r, 'settings.handoverDaysBefore20', /minst 1/);
  });

  it('21b. a routine value of an earlier version\'s wider range loads, brought into range', () => {
    // Packs accepted a hand-over prompt 0 days before the 20th birthday; today's range starts at 1.
    const p = clone();
    p.settings.handoverDaysBefore20 = 0;
    const r = parsePack(p);
    expect(r.ok && r.pack.settings.handoverDaysBefore20).toBe(1);
    // The settings' wider range of earlier versions never applied to packs: still refused there.
    const q = clone();
    q.settings.letterDaysBeforeVisit = 45;
    expectError(q, 'settings.letterDaysBeforeVisit', /högst 30/);
  });

  it('22. tour step with a page kind other than person/export', () => {
    const p = clone();
    p.tour[0].pageKind = 'start';
    expectError(p, 'tour[0].pageKind', /"person" eller "export"/);
  });

  it('23. empty context list and empty explainer steps', () => {
    const p = clone();
    p.tips[0].contexts = { anchors: [] };
    expectError(p, 'tips[0].contexts.anchors', /ta bort fältet/);
    const q = clone();
    q.explainers.Y2.steps = [];
    expectError(q, 'explainers.Y2.steps', /minst ett steg/);
  });

  it('reports every problem, not only the first', () => {
    const p = clone();
    delete p.sections[0].title;
    p.tips[0].text = 5;
    const paths = errorsOf(p).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['sections[0].title', 'tips[0].text']));
  });
});

describe('formatPath', () => {
  it('formats zod paths', () => {
    expect(formatPath(['sections', 3, 'links', 0])).toBe('sections[3].links[0]');
    expect(formatPath([])).toBe('');
    expect(formatPath(['explainers', 'R4', 'steps', 1])).toBe('explainers.R4.steps[1]');
    expect(formatPath(['a b'])).toBe('["a b"]');
  });
});
