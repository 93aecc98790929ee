/* kg graph view: the fact table. Every asserted relation as a row (hedged and negated claims on
   request, marked), sortable by any column, filtered by the sidebar filters and a name filter,
   evidence on expansion. Usable by keyboard and screen reader. Text goes in by textContent. */
(function () {
  'use strict';

  const kg = window.kg;
  const data = kg.data;
  const u = kg.util;
  const rows = data.edges.map((e) => ({ fact: e, kind: 'asserted' }))
    .concat(data.claims.map((c) => ({ fact: c, kind: c.modality })));
  const COLUMNS = [
    { key: 'subject', title: 'Subject', value: (r) => data.nodes[r.fact.from].label.toLocaleLowerCase() },
    { key: 'relation', title: 'Relation', value: (r) => r.fact.rel },
    { key: 'object', title: 'Object', value: (r) => data.nodes[r.fact.to].label.toLocaleLowerCase() },
    { key: 'confidence', title: 'Confidence', value: (r) => (r.fact.confidence === null ? -1 : r.fact.confidence), numeric: true },
    { key: 'documents', title: 'Documents', value: (r) => r.fact.docs, numeric: true },
    { key: 'first', title: 'First date', value: (r) => r.fact.first || '' },
  ];
  const sort = { key: 'confidence', descending: true };
  const open = new Set();
  const body = document.getElementById('kg-table-body');
  const head = document.getElementById('kg-table-head');
  const filterInput = document.getElementById('kg-table-filter');
  const claimsInput = document.getElementById('kg-include-claims');
  const countEl = document.getElementById('kg-table-count');

  const expandHead = u.el('th');
  u.add(expandHead, u.el('span', 'kg-hidden-label', 'Evidence'));
  head.appendChild(expandHead);
  COLUMNS.forEach((col) => {
    const th = u.el('th');
    th.setAttribute('scope', 'col');
    th.dataset.key = col.key;
    const button = u.el('button', null, col.title);
    button.type = 'button';
    button.addEventListener('click', () => {
      sort.descending = sort.key === col.key ? !sort.descending : !!col.numeric;
      sort.key = col.key;
      render();
    });
    head.appendChild(u.add(th, button));
  });

  function matches(row, query) {
    if (!query) return true;
    const f = row.fact;
    return [data.nodes[f.from], data.nodes[f.to]].some((n) => n.label.toLocaleLowerCase().indexOf(query) >= 0 ||
      n.aliases.some((a) => a.toLocaleLowerCase().indexOf(query) >= 0));
  }

  function visibleRows() {
    const query = filterInput.value.trim().toLocaleLowerCase();
    const column = COLUMNS.find((c) => c.key === sort.key);
    const shown = rows.filter((r) => (r.kind === 'asserted' || claimsInput.checked) && kg.factVisible(r.fact) && matches(r, query));
    const sign = sort.descending ? -1 : 1;
    shown.sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * sign || a.kind.localeCompare(b.kind) || a.fact.id - b.fact.id;
    });
    return shown;
  }

  function entityCell(id) {
    return u.add(u.el('td'), u.linkButton(data.nodes[id].label, () => kg.select(id)));
  }

  function rowKey(row) { return row.kind + ':' + row.fact.id; }

  function renderRow(row) {
    const f = row.fact;
    const tr = u.el('tr', row.kind === 'asserted' ? null : 'kg-' + row.kind);
    tr.dataset.kind = row.kind;
    tr.dataset.rel = f.rel;
    const key = rowKey(row);
    const toggle = u.el('button', 'kg-expand', open.has(key) ? '\u25BE' : '\u25B8');
    toggle.type = 'button';
    toggle.setAttribute('aria-expanded', String(open.has(key)));
    toggle.setAttribute('aria-label', 'Evidence for ' + data.nodes[f.from].label + ' ' + f.rel + ' ' + data.nodes[f.to].label);
    toggle.addEventListener('click', () => {
      if (open.has(key)) open.delete(key); else open.add(key);
      render();
    });
    const relation = u.el('td', null, f.rel + (f.symmetric ? ' \u2194' : ' \u2192'));
    if (row.kind !== 'asserted') u.add(relation, ' ', u.el('span', 'kg-tag', row.kind));
    u.add(tr, u.add(u.el('td'), toggle), entityCell(f.from), relation, entityCell(f.to),
      u.el('td', 'kg-num', u.confidenceText(f.confidence)), u.el('td', 'kg-num', String(f.docs)), u.el('td', null, f.first || ''));
    const out = [tr];
    if (open.has(key)) {
      const cell = u.el('td');
      cell.colSpan = COLUMNS.length + 1;
      out.push(u.add(u.el('tr', 'kg-evidence-row'), u.add(cell, kg.evidenceList(f.evidence))));
    }
    return out;
  }

  function render() {
    const shown = visibleRows();
    const fragment = document.createDocumentFragment();
    shown.forEach((row) => renderRow(row).forEach((tr) => fragment.appendChild(tr)));
    body.replaceChildren(fragment);
    head.querySelectorAll('th[data-key]').forEach((th) => {
      th.setAttribute('aria-sort', th.dataset.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none');
    });
    const asserted = shown.filter((r) => r.kind === 'asserted').length;
    countEl.textContent = u.plural(asserted, 'fact', 'facts') + ' of ' + data.edges.length.toLocaleString('en') +
      (claimsInput.checked ? ' and ' + u.plural(shown.length - asserted, 'hedged or negated statement', 'hedged or negated statements') : '');
  }

  function renderIfShown() {
    if (!document.getElementById('kg-table-view').hidden) render();
  }
  filterInput.addEventListener('input', render);
  claimsInput.addEventListener('change', render);
  kg.hooks.push(renderIfShown);
  kg.renderTable = render;
  kg.tableRows = visibleRows;
})();
