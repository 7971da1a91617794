/**
 * SCB's warnings on UKA's pages: a warning heading recognised by the profile's heading patterns (colour and kind),
 * and the warning sections of a person page.
 */
import type { WarningKind } from '../domain/warnings';
import { normalise, text } from './dom';
import type { HeadingPatterns, UkaProfile } from './profile';
import type { WarningColour, WarningSection } from './types';

const KIND_COLOUR = (k: WarningKind): WarningColour => (k.startsWith('R') ? 'red' : k.startsWith('Y') ? 'yellow' : 'green');

/**
 * Colour and kind of a warning heading ("Problem: Åtgärder utan …"). Tolerant to case, whitespace and punctuation;
 * a trailing count "(3)" is ignored. Unknown wording under a known prefix gives kind null. No known prefix and no
 * fallback colour gives null.
 */
export function recogniseWarningHeading(
  heading: string,
  patterns: HeadingPatterns,
  fallbackColour: WarningColour | null = null,
): { colour: WarningColour; kind: WarningKind | null } | null {
  const n = normalise(heading.replace(/\(\s*\d+\s*\)\s*$/, ''));
  let colour: WarningColour | null = null;
  let rest = n;
  for (const c of patterns.colours) {
    const m = c.prefix.exec(n);
    if (m) {
      colour = c.colour;
      rest = c.colour === 'green' ? n : n.slice(m[0].length).trim();
      break;
    }
  }
  colour ??= fallbackColour;
  if (!colour) return null;
  const rule = patterns.rules.find((r) => KIND_COLOUR(r.kind) === colour && r.all.every((re) => re.test(rest)));
  return { colour, kind: rule?.kind ?? null };
}

export function cleanHeading(s: string): string {
  return s.replace(/\s*\(\s*\d+\s*\)\s*$/, '').trim();
}

/** A warning section's colour from its class, when the profile names colour classes. */
export const sectionColour = (p: UkaProfile, el: Element): WarningColour | null =>
  p.warnings.classColours.find((c) => el.classList.contains(c.className))?.colour ?? null;

/** The warning sections of a page, with the elements they were read from (the same order). */
export function readSections(p: UkaProfile, doc: Document): { sections: WarningSection[]; elements: Element[] } {
  const container = doc.querySelector(p.warnings.container);
  const sections: WarningSection[] = [];
  const elements: Element[] = [];
  if (!container) return { sections, elements };
  for (const el of Array.from(container.querySelectorAll(p.warnings.section))) {
    const heading = text(el.querySelector(p.warnings.heading));
    if (!heading) continue;
    const rec = recogniseWarningHeading(heading, p.headings, sectionColour(p, el));
    if (!rec) continue;
    sections.push({ colour: rec.colour, heading: cleanHeading(heading), kind: rec.kind, items: Array.from(el.querySelectorAll(p.warnings.item)).map((li) => text(li)) });
    elements.push(el);
  }
  return { sections, elements };
}
