/**
 * Renders the content pack's markdown subset (lib/content/markdown.ts) with preact elements only.
 * Text is always passed to preact as text children, so raw HTML in a pack is shown, never interpreted.
 * No raw-HTML sinks of any kind are used here (a unit test checks the source).
 */
import type { ComponentChildren, JSX } from 'preact';
import { parseMarkdown, type MdBlock, type MdDocument, type MdInline } from '../../lib/content/markdown';

export interface MarkdownProps {
  /** Markdown source (parsed leniently) … */
  source?: string;
  /** … or an already parsed document. */
  doc?: MdDocument;
  /** Called with the section id when a `[text](#section-id)` link is activated. */
  onNavigate?: (sectionId: string) => void;
  /** Optional class on the wrapping element. */
  class?: string;
  /** Add this to heading levels (e.g. 1 renders `##` as h3) to fit the surrounding page outline. */
  headingOffset?: 0 | 1 | 2;
}

function renderInline(nodes: MdInline[], onNavigate: MarkdownProps['onNavigate'], keyBase: string): ComponentChildren[] {
  return nodes.map((n, i) => {
    const key = `${keyBase}.${i}`;
    switch (n.type) {
      case 'text':
        return n.value;
      case 'code':
        return <code key={key}>{n.value}</code>;
      case 'strong':
        return <strong key={key}>{renderInline(n.children, onNavigate, key)}</strong>;
      case 'em':
        return <em key={key}>{renderInline(n.children, onNavigate, key)}</em>;
      case 'link':
        if (n.kind === 'section') {
          const id = n.sectionId;
          const onClick = (e: JSX.TargetedMouseEvent<HTMLAnchorElement>) => {
            e.preventDefault();
            onNavigate?.(id);
          };
          return (
            <a key={key} href={`#${id}`} data-section-link={id} onClick={onClick}>
              {renderInline(n.children, onNavigate, key)}
            </a>
          );
        }
        return (
          <a key={key} href={n.href} target="_blank" rel="noopener noreferrer">
            {renderInline(n.children, onNavigate, key)}
          </a>
        );
    }
  });
}

function renderBlock(b: MdBlock, i: number, props: MarkdownProps): ComponentChildren {
  const key = `b${i}`;
  const nav = props.onNavigate;
  switch (b.type) {
    case 'heading': {
      const level = Math.min(6, b.level + (props.headingOffset ?? 0));
      const children = renderInline(b.children, nav, key);
      if (level === 2) return <h2 key={key}>{children}</h2>;
      if (level === 3) return <h3 key={key}>{children}</h3>;
      if (level === 4) return <h4 key={key}>{children}</h4>;
      return <h5 key={key}>{children}</h5>;
    }
    case 'paragraph':
      return <p key={key}>{renderInline(b.children, nav, key)}</p>;
    case 'list': {
      const items = b.items.map((it, j) => <li key={`${key}.${j}`}>{renderInline(it, nav, `${key}.${j}`)}</li>);
      return b.ordered ? (
        <ol key={key} start={b.start === 1 ? undefined : b.start}>
          {items}
        </ol>
      ) : (
        <ul key={key}>{items}</ul>
      );
    }
  }
}

export function Markdown(props: MarkdownProps) {
  const { source, doc } = props;
  // Parsing is linear and packs are small (≤ 8000 characters per section), so no memoisation is needed.
  const parsed = doc ?? parseMarkdown(source ?? '');
  return <div class={props.class ?? 'kaa-markdown'}>{parsed.blocks.map((b, i) => renderBlock(b, i, props))}</div>;
}

export default Markdown;
