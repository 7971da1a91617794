/** The review panel's person links stay in UKA (#17 item 7): only a plain path on the page's origin is a link. */
import { describe, expect, it } from 'vitest';
import { render as renderToString } from 'preact-render-to-string';
import { PersonRow } from '../../../components/review/ReviewPanel';
import type { ReviewPerson } from '../../../lib/review';

const UKA = 'https://uka.kommun.se';
const person = (href: string): ReviewPerson => ({
  href,
  name: 'Alva Test',
  personnummer: null,
  label: null,
  sections: [{ colour: 'red', kind: 'R3', heading: 'Problem' }],
  hasRed: true,
  hasYellow: false,
  hasGreen: false,
});
const row = (href: string, origin = UKA) => renderToString(<PersonRow person={person(href)} ukaOrigin={origin} sectionTitle={() => 'Avsnitt'} />);
const hrefs = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((m) => m[1]);

describe('review panel links', () => {
  it('links a plain UKA path on the page origin', () => {
    expect(hrefs(row('/person/10'))).toEqual(['https://uka.kommun.se/person/10']);
    expect(hrefs(row('/person/10?flik=kontakter#logg'))).toEqual(['https://uka.kommun.se/person/10?flik=kontakter#logg']);
  });

  it.each([
    ['protocol-relative', '//evil.example/person/10'],
    ['backslash protocol-relative', '/\\evil.example/person/10'],
    ['javascript:', 'javascript:alert(1)'],
    ['JavaScript: with spaces', ' JavaScript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['absolute URL elsewhere', 'https://evil.example/person/10'],
    ['absolute URL on UKA itself', 'https://uka.kommun.se/person/10'],
    ['relative', 'person/10'],
    ['tab inside', '/\t/evil.example'],
    ['empty', ''],
  ])('refuses a %s path: the name is shown without a link', (_name, href) => {
    const html = row(href);
    expect(hrefs(html)).toEqual([]);
    expect(html).toContain('Alva Test');
    expect(html).toContain('ingen länk');
    expect(html).not.toContain('evil.example/person');
  });

  it('has no link without a usable origin', () => {
    expect(hrefs(row('/person/10', 'null'))).toEqual([]);
  });
});
