// The least a helper on "Export till SCB" must do at load: read every row (text and link) and draw one small panel.
(() => {
  const rows = [];
  for (const row of document.querySelectorAll('tbody tr, li')) {
    const link = row.querySelector('a[href]');
    rows.push([row.textContent, link ? link.getAttribute('href') : null]);
  }
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const el = (tag, text) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const style = el('style', ':host{all:initial;display:block;font:14px/1.45 system-ui,sans-serif}table{border-collapse:collapse}td{padding:2px 6px}');
  const table = el('table');
  for (let i = 0; i < 12; i++) {
    const tr = el('tr');
    const button = el('button', 'Visa');
    button.type = 'button';
    const action = el('td');
    action.append(button);
    tr.append(el('td', `Avsnitt ${i + 1}`), el('td', String(rows.length >> i)), action);
    table.append(tr);
  }
  const section = el('section');
  section.append(el('h2', 'Panel'), table);
  root.append(style, section);
  const heading = document.querySelector('h1');
  if (heading) heading.before(host);
})();
