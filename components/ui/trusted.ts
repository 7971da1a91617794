/**
 * Handlers of actions that save, override or delete accept only a real user's events (`isTrusted`): a page script
 * that clicks our buttons or submits our forms (`el.click()`, `dispatchEvent`, `requestSubmit()`) gets nothing done.
 * The default action of a refused event is prevented too (a form is never submitted to UKA).
 */
export function trusted<E extends Event>(handler: (event: E) => unknown): (event: E) => void {
  return (event) => {
    if (!event.isTrusted) {
      event.preventDefault();
      return;
    }
    void handler(event);
  };
}

/** How long after a real click or key press in a form its submit counts as the user's. */
const ARMED_MS = 1000;

/**
 * A form's submit that only the user can cause. The browser fires `submit` itself (a trusted event) also when a page
 * script calls `requestSubmit()` or clicks the submit button from script, so the submit counts only right after a
 * real click or key press inside the form. Spread the returned props on the <form>.
 */
export function trustedForm(handler: (event: Event) => unknown): {
  onClickCapture(event: Event): void;
  onKeyDownCapture(event: Event): void;
  onSubmit(event: Event): void;
} {
  let armedAt = -Infinity;
  const arm = (event: Event) => {
    if (event.isTrusted) armedAt = event.timeStamp;
  };
  return {
    onClickCapture: arm,
    onKeyDownCapture: arm,
    onSubmit: (event) => {
      const fresh = event.isTrusted && event.timeStamp - armedAt >= 0 && event.timeStamp - armedAt < ARMED_MS;
      armedAt = -Infinity;
      if (!fresh) {
        event.preventDefault();
        return;
      }
      void handler(event);
    },
  };
}
