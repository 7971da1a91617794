/**
 * Shared look of every injected panel. Colours meet WCAG 2.1 AA contrast (4.5:1 for text) on their backgrounds;
 * meaning is never carried by colour alone (every colour comes with a word or an icon label).
 */
export const BASE_CSS = `
:host { all: initial; display: flow-root; }
:host([hidden]) { display: none; }
.kaa-root { display: flow-root; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif;
  color: #1b1f24; }
.kaa-root *, .kaa-root *::before, .kaa-root *::after { box-sizing: border-box; }
.kaa-card { background: #ffffff; border: 1px solid #6b7280; border-radius: 6px; padding: 10px 12px; margin: 6px 0;
  box-shadow: 0 1px 3px rgba(0,0,0,.12); }
.kaa-brand { font-weight: 700; color: #0b4f6c; }
h2, h3, h4 { margin: 0 0 6px; line-height: 1.25; color: #1b1f24; }
h2 { font-size: 16px; } h3 { font-size: 15px; } h4 { font-size: 14px; }
p { margin: 0 0 6px; }
ul, ol { margin: 0 0 6px; padding-left: 20px; }
button, .kaa-button { font: inherit; cursor: pointer; border: 1px solid #0b4f6c; background: #0b4f6c; color: #fff;
  border-radius: 4px; padding: 4px 10px; min-height: 28px; }
button.kaa-secondary { background: #fff; color: #0b4f6c; }
button.kaa-link { background: none; border: none; color: #0b4f6c; text-decoration: underline; padding: 0; min-height: 0; }
button:disabled { opacity: .6; cursor: not-allowed; }
a { color: #0b4f6c; }
:focus-visible { outline: 3px solid #b45309; outline-offset: 2px; }
.kaa-badge { display: inline-block; border-radius: 3px; padding: 0 6px; font-size: 12px; font-weight: 600; border: 1px solid; }
.kaa-red { color: #8a1c1c; background: #fdecec; border-color: #8a1c1c; }
.kaa-yellow { color: #6b4e00; background: #fff6d6; border-color: #6b4e00; }
.kaa-green { color: #1d5e2b; background: #e8f5ea; border-color: #1d5e2b; }
.kaa-muted { color: #4b5563; }
.kaa-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0,0,0,0); white-space: nowrap; border: 0; }
dl.kaa-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 0 0 6px; }
dl.kaa-facts dt { font-weight: 600; } dl.kaa-facts dd { margin: 0; }
`;
