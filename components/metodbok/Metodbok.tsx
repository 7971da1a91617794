/**
 * The Metodbok page: the whole active content pack (sections, tips per section, the warning explainers and the
 * glossary), with search. Landmarks: banner (title + search), navigation (sections), main (content). Search hits are
 * highlighted with <mark> elements built from ranges; no text is ever interpreted as HTML.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Markdown } from '../markdown/Markdown';
import { EXPLAINER_KEYS, searchPack, sectionById, type Pack, type SearchHit } from '../../lib/content';
import { GLOSSARY_VIEW, highlightSegments, hitCountText, hitTarget, HIT_KIND_LABEL, viewFromHash, WARNINGS_VIEW, type MetodbokView } from './helpers';

export interface MetodbokProps {
  pack: Pack;
  source: 'default' | 'imported' | 'policy';
  /** Current location hash (with or without '#'). */
  hash: string;
  /** Change the location hash (the page listens to hashchange and re-renders). */
  navigate(target: string): void;
}

const SOURCE_LABEL: Record<MetodbokProps['source'], string> = {
  default: 'standardpaketet',
  imported: 'ett importerat paket',
  policy: 'din organisations paket',
};

function Highlighted(props: { text: string; ranges: readonly (readonly [number, number])[] }) {
  return (
    <>
      {highlightSegments(props.text, props.ranges).map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : s.text))}
    </>
  );
}

function SearchResults(props: { hits: SearchHit[]; open(target: string): void }) {
  return (
    <section aria-labelledby="mb-results-heading" data-testid="mb-results">
      <h2 id="mb-results-heading" tabIndex={-1}>
        Sökresultat
      </h2>
      {props.hits.length > 0 && (
        <ol class="mb-hits">
          {props.hits.map((hit) => {
            const target = hitTarget(hit);
            return (
              <li key={`${hit.kind}:${hit.id}`}>
                <a
                  href={`#${target}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.open(target);
                  }}
                >
                  <Highlighted text={hit.title} ranges={hit.titleRanges} />
                </a>{' '}
                <span class="mb-kind">({HIT_KIND_LABEL[hit.kind]})</span>
                <p class="mb-snippet">
                  <Highlighted text={hit.snippet.text} ranges={hit.snippet.ranges} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

function SectionView(props: { pack: Pack; id: string; open(target: string): void }) {
  const section = sectionById(props.pack, props.id);
  if (!section) return <p>Avsnittet finns inte i metodboken.</p>;
  const tips = props.pack.tips.filter((t) => t.sectionId === section.id);
  const related = section.links.map((l) => sectionById(props.pack, l)).filter((s): s is NonNullable<typeof s> => !!s);
  return (
    <article aria-labelledby="mb-section-title" data-section={section.id}>
      <h2 id="mb-section-title" tabIndex={-1}>
        {section.title}
      </h2>
      <Markdown source={section.body} headingOffset={1} onNavigate={props.open} class="kaa-markdown mb-body" />
      {tips.length > 0 && (
        <section aria-labelledby="mb-tips-heading" class="mb-tips">
          <h3 id="mb-tips-heading">Tips i UKA om det här</h3>
          <ul>
            {tips.map((t) => (
              <li key={t.id}>
                <strong>{t.title}.</strong> {t.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {related.length > 0 && (
        <nav aria-label="Se även" class="mb-related">
          <h3>Se även</h3>
          <ul>
            {related.map((r) => (
              <li key={r.id}>
                <a
                  href={`#${r.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.open(r.id);
                  }}
                >
                  {r.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </article>
  );
}

function GlossaryView(props: { pack: Pack; open(target: string): void }) {
  const entries = [...props.pack.glossary].sort((a, b) => a.term.localeCompare(b.term, 'sv'));
  return (
    <section aria-labelledby="mb-glossary-title" data-testid="mb-glossary">
      <h2 id="mb-glossary-title" tabIndex={-1}>
        Ordlista
      </h2>
      <dl class="mb-glossary">
        {entries.map((g) => (
          <div key={g.term} class="mb-term">
            <dt>
              {g.term}
              {g.aliases && g.aliases.length > 0 && <span class="muted"> (även {g.aliases.join(', ')})</span>}
            </dt>
            <dd>
              <p>
                <strong>{g.short}</strong> {g.long}
              </p>
              {g.sectionId && sectionById(props.pack, g.sectionId) && (
                <a
                  href={`#${g.sectionId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    props.open(g.sectionId as string);
                  }}
                >
                  Läs mer: {sectionById(props.pack, g.sectionId)?.title}
                </a>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function WarningsView(props: { pack: Pack; focusKey: string | null }) {
  return (
    <section aria-labelledby="mb-warnings-title" data-testid="mb-warnings">
      <h2 id="mb-warnings-title" tabIndex={-1}>
        Varningar i UKA
      </h2>
      {EXPLAINER_KEYS.map((key) => {
        const e = props.pack.explainers[key];
        return (
          <section key={key} id={`${WARNINGS_VIEW}-${key}`} aria-labelledby={`mb-w-${key}`} class={`mb-warning${props.focusKey === key ? ' is-target' : ''}`}>
            <h3 id={`mb-w-${key}`}>
              {key === 'generic' ? 'Okänd varning' : key}: {e.title}
            </h3>
            <p>{e.meaning}</p>
            <p>
              <strong>Därför behöver SCB uppgiften:</strong> {e.whyScbCares}
            </p>
            <ol>
              {e.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
            <p>
              <strong>Vanligt misstag:</strong> {e.typicalMistake}
            </p>
          </section>
        );
      })}
    </section>
  );
}

export function Metodbok(props: MetodbokProps) {
  const { pack } = props;
  const [query, setQuery] = useState('');
  const view: MetodbokView = viewFromHash(props.hash, pack);
  const hits = useMemo(() => (query.trim() ? searchPack(pack, query, { limit: 30 }) : []), [pack, query]);
  const searching = query.trim().length > 0;
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const rawHash = props.hash.replace(/^#/, '');
  const warningKey = rawHash.startsWith(`${WARNINGS_VIEW}-`) ? rawHash.slice(WARNINGS_VIEW.length + 1) : null;

  // Move focus to the new content's heading after navigation (not on the first render: the page just opened).
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      if (!rawHash) return;
    }
    if (searching) return;
    const target = warningKey ? mainRef.current?.querySelector(`#${WARNINGS_VIEW}-${CSS.escape(warningKey)}`) : null;
    if (target) target.scrollIntoView({ block: 'start' });
    const heading = mainRef.current?.querySelector<HTMLElement>('h2[tabindex="-1"]');
    heading?.focus({ preventScroll: !!target });
  }, [props.hash]);

  const open = (target: string) => {
    setQuery('');
    props.navigate(target);
  };
  const current = view.kind === 'section' ? view.id : view.kind === 'glossary' ? GLOSSARY_VIEW : WARNINGS_VIEW;

  return (
    <div class="mb">
      <header class="mb-header">
        <h1>Metodbok</h1>
        <p class="muted" data-testid="mb-pack">
          {pack.title} · version {pack.version} · från {SOURCE_LABEL[props.source]}
        </p>
        <form role="search" aria-label="Metodboken" class="mb-search" onSubmit={(e) => e.preventDefault()}>
          <label for="mb-q">Sök i metodboken</label>
          <input
            id="mb-q"
            type="search"
            value={query}
            autocomplete="off"
            aria-describedby="mb-count"
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
        </form>
        <p id="mb-count" role="status" aria-live="polite" class="mb-count">
          {searching ? hitCountText(hits.length, query.trim()) : ''}
        </p>
      </header>
      <div class="mb-layout">
        <nav aria-label="Avsnitt i metodboken" class="mb-nav">
          <ul>
            {pack.sections.map((s) => (
              <li key={s.id}>
                <a href={`#${s.id}`} onClick={() => setQuery('')} aria-current={!searching && current === s.id ? 'page' : undefined}>
                  {s.title}
                </a>
              </li>
            ))}
            <li class="mb-nav-extra">
              <a href={`#${WARNINGS_VIEW}`} onClick={() => setQuery('')} aria-current={!searching && current === WARNINGS_VIEW ? 'page' : undefined}>
                Varningar i UKA
              </a>
            </li>
            <li>
              <a href={`#${GLOSSARY_VIEW}`} onClick={() => setQuery('')} aria-current={!searching && current === GLOSSARY_VIEW ? 'page' : undefined}>
                Ordlista
              </a>
            </li>
          </ul>
        </nav>
        <main ref={mainRef} class="mb-main" id="mb-main">
          {searching ? (
            <SearchResults hits={hits} open={open} />
          ) : view.kind === 'glossary' ? (
            <GlossaryView pack={pack} open={open} />
          ) : view.kind === 'warnings' ? (
            <WarningsView pack={pack} focusKey={warningKey} />
          ) : (
            <SectionView pack={pack} id={view.id} open={open} />
          )}
        </main>
      </div>
    </div>
  );
}

