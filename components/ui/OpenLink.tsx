/**
 * A link into UKA from an extension page: a real link (keyboard, screen readers, "open in new tab"), whose click is
 * handed to the caller, who opens it in a tab of its own (an extension page cannot navigate to UKA in place).
 */
import type { ComponentChildren } from 'preact';

export function OpenLink(props: { href: string; onOpen(): void; children: ComponentChildren; testId?: string }) {
  return (
    <a
      href={props.href}
      target="_blank"
      rel="noreferrer"
      data-testid={props.testId}
      onClick={(e) => {
        e.preventDefault();
        props.onOpen();
      }}
    >
      {props.children}
    </a>
  );
}
