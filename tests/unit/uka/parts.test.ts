import { describe, expect, it } from 'vitest';
import { createUkaAdapter } from '../../../lib/uka/adapter';
import { driftedParts, partRules } from '../../../lib/uka/parts';
import { builtinProfiles } from '../../../lib/uka/profiles';
import { VARIANTS, page, parse, pageHtml, truth } from './helpers';

const adapter = createUkaAdapter();
const URL0 = new URL('http://127.0.0.1/');

describe.each(VARIANTS)('page parts on saved %s pages', (variant) => {
  const pages = ['start', 'export', 'export-enabled', ...truth(variant).savedPersonIds.map((id) => `person-${id}`)];
  it.each(pages)('%s: every part of its page kind is found (no drift on a page UKA shows as usual)', (name) => {
    const doc = page(variant, name);
    const kind = adapter.recognise(doc, URL0).kind;
    const probe = adapter.probeParts!(doc, kind);
    expect(probe.missing).toEqual([]);
    expect(probe.found.length).toBeGreaterThan(0);
  });

  it('a part found before and renamed now is drift; a part never seen is not', () => {
    const profile = builtinProfiles.find((p) => p.id === `uka-${variant}`)!;
    const warnings = partRules(profile, 'person').find((r) => r.part === 'warnings')!;
    const html = pageHtml(variant, 'person-1').replace(new RegExp(warnings.selector.replace(/^.*?[#.]/, '').replace(/-/g, '\\-'), 'g'), 'omdopt');
    const doc = parse(html);
    expect(adapter.recognise(doc, URL0).kind).toBe('person');
    const probe = adapter.probeParts!(doc, 'person');
    expect(probe.missing.map((r) => r.part)).toEqual(['warnings']);
    expect(driftedParts(profile.id, probe.missing, {})).toEqual([]);
    expect(driftedParts(profile.id, probe.missing, { [profile.id]: ['header', 'warnings'] }).map((r) => r.part)).toEqual(['warnings']);
    expect(driftedParts(profile.id, probe.missing, { 'annan-profil': ['warnings'] })).toEqual([]);
  });
});
