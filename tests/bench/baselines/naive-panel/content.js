// The least a helper for UKA must do at load: read the page (every row of the export list, or the person page's facts
// and sections) and draw one small panel above the page heading. No messaging, no storage, no framework.
(() => {
  const el = (tag, text) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  /** [label, value, button?] rows of the panel. */
  const lines = [];
  if (/^\/person\/\d+\/?$/.test(location.pathname)) {
    // Person page: the facts (th/td or dt/dd pairs), then each section's rows (cell texts) and its latest date.
    const facts = new Map();
    for (const th of document.querySelectorAll('th, dt')) {
      const value = th.nextElementSibling;
      if (value && (value.tagName === 'TD' || value.tagName === 'DD')) facts.set(th.textContent.trim(), value.textContent.trim());
    }
    const key = facts.get('Personnummer') ?? '';
    lines.push(['Person', key ? 'läst' : 'saknas']);
    for (const h2 of document.querySelectorAll('h2')) {
      const box = h2.closest('section') ?? h2.nextElementSibling;
      if (!box) continue;
      const rows = [];
      let latest = '';
      for (const row of box.querySelectorAll('tbody tr, li')) {
        const cells = [...row.children].map((c) => c.textContent.trim());
        rows.push(cells);
        for (const d of row.textContent.match(/\d{4}-\d{2}-\d{2}/g) ?? []) if (d > latest) latest = d;
      }
      lines.push([h2.textContent.trim(), `${rows.length} rader${latest ? `, senast ${latest}` : ''}`, true]);
    }
  } else {
    // A list ("Export till SCB"): the text and link of every row (what a per-section count, a "Bara mina" filter
    // and keys for a review need), counted per section.
    const rows = [];
    for (const row of document.querySelectorAll('tbody tr, li')) {
      const link = row.querySelector('a[href]');
      rows.push([row.textContent, link ? link.getAttribute('href') : null]);
    }
    for (let i = 0; i < 12; i++) lines.push([`Avsnitt ${i + 1}`, String(rows.length >> i), true]);
  }
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const style = el('style', ':host{all:initial;display:block;font:14px/1.45 system-ui,sans-serif}table{border-collapse:collapse}td{padding:2px 6px}');
  const table = el('table');
  for (const [label, value, withButton] of lines) {
    const tr = el('tr');
    tr.append(el('td', label), el('td', value));
    const action = el('td');
    if (withButton) {
      const button = el('button', 'Visa');
      button.type = 'button';
      action.append(button);
    }
    tr.append(action);
    table.append(tr);
  }
  const section = el('section');
  section.append(el('h2', 'Panel'), table);
  root.append(style, section);
  const heading = document.querySelector('h1');
  if (heading) heading.before(host);
})();
