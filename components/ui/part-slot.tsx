/**
 * A place in one of our panels where a component of an on-demand part (lib/startup/parts.ts) is drawn. The part is
 * drawn with the part's own preact render into an element of ours, so its hooks run under the render they belong to,
 * whichever copy of preact drew the panel around it; the panel's tree never touches what the part drew there.
 */
import { h, type ComponentType } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { PartRender } from '../../lib/startup/parts';

export interface PartSlotProps<P> {
  /** The part's render (what the part handed over with its components). */
  render: PartRender;
  component: ComponentType<P>;
  props: P;
}

export function PartSlot<P>(slot: PartSlotProps<P>) {
  const ref = useRef<HTMLDivElement>(null);
  // Drawn again whenever the panel is (the part's own diff keeps focus and state), cleared when the slot goes.
  useLayoutEffect(() => {
    if (ref.current) slot.render(h(slot.component as ComponentType<object>, slot.props as object), ref.current);
  });
  const { render } = slot;
  useLayoutEffect(() => {
    const el = ref.current;
    return () => {
      if (el) render(null, el);
    };
  }, [render]);
  return <div ref={ref} class="kaa-part" />;
}
