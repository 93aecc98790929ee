/* kg graph view: one entity in focus. Its neighbours are laid out around it (rings, grouped by
   relation) so every label and edge reads, and the side panel lists its facts grouped by
   relation with the sentence, article, date and link behind each. Text enters the DOM through
   textContent only. */
(function () {
  'use strict';

  const kg = window.kg;
  const data = kg.data;
  const state = kg.state;
  const u = kg.util;
  const MAX_NEIGHBOURS = 80; // the panel lists them all; the picture shows the best attested
  const CHAR = 0.6;

  function labelWidth(id) { return CHAR * data.nodes[id].font * Math.min(32, data.nodes[id].label.length) + 16; }

  /* Neighbours on rings around the centre, in relation order so each relation is one sector. */
  function ringLayout(centre, neighbours, labelled) {
    const pos = {};
    pos[centre] = { x: 0, y: 0 };
    if (!neighbours.length) return pos;
    const widths = neighbours.map(labelWidth).sort((a, b) => a - b);
    const spacing = widths[Math.floor(widths.length * 0.8)] + 12;
    let radius = Math.max(170, labelWidth(centre) / 2 + 90);
    radius = Math.max(radius, (labelled * 100) / Math.PI); // edge labels sit half way out
    radius = Math.max(radius, (Math.min(neighbours.length, 16) * spacing) / (2 * Math.PI)); // one ring
    let twist = 0;
    let placed = 0;
    while (placed < neighbours.length) {
      const capacity = Math.max(1, Math.floor((2 * Math.PI * radius) / spacing));
      const ring = neighbours.slice(placed, placed + capacity);
      ring.forEach((id, k) => {
        const angle = -Math.PI / 2 + (2 * Math.PI * (k + 0.5)) / ring.length + twist;
        pos[id] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) * 0.8 };
      });
      placed += ring.length;
      twist += Math.PI / ring.length; // the next ring between this one's spokes
      radius += 80;
    }
    return pushApart(centre, neighbours, pos);
  }

  /* Node-plus-label boxes that still collide move outward along their spoke until free. */
  function box(id, p) {
    const n = data.nodes[id];
    const h = 2 * n.size + 10 + 1.25 * n.font;
    return { l: p.x - labelWidth(id) / 2, r: p.x + labelWidth(id) / 2, t: p.y - n.size - 3, b: p.y - n.size - 3 + h };
  }
  function clash(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }
  /* A neighbour whose box collides moves to the nearest free spot: a little round its ring
     first (so it does not hide behind another on the same spoke), then further out. */
  function pushApart(centre, neighbours, pos) {
    const boxes = [box(centre, pos[centre])];
    neighbours.forEach((id) => {
      const p = pos[id];
      const radius = Math.hypot(p.x, p.y / 0.8) || 1;
      const angle = Math.atan2(p.y / 0.8, p.x);
      let spot = p;
      search:
      for (let out = 0; out < 2000; out += 12) {
        for (let turn = 0; turn <= 6; turn++) {
          for (const sign of turn ? [1, -1] : [1]) {
            const a = angle + (sign * turn * 0.06 * 170) / (radius + out);
            const candidate = { x: (radius + out) * Math.cos(a), y: 0.8 * (radius + out) * Math.sin(a) };
            if (!boxes.some((b) => clash(b, box(id, candidate)))) { spot = candidate; break search; }
          }
        }
      }
      pos[id] = spot;
      boxes.push(box(id, spot));
    });
    return pos;
  }

  function factsOf(id) {
    return kg.incident[id].map((eid) => data.edges[eid]).filter(kg.factVisible);
  }

  /* One label a neighbour, on its first edge, naming all its relations with the centre (so
     parallel edges do not stack labels); a run of more than three neighbours with the same
     relations gets one label, with a count, on its middle edge. */
  function edgeLabels(centre, facts, neighbours) {
    const rels = {};
    const firstEdge = {};
    facts.forEach((e) => {
      const other = e.from === centre ? e.to : e.from;
      (rels[other] = rels[other] || []).push(e.rel);
      if (!(other in firstEdge)) firstEdge[other] = e.id;
    });
    const text = (n) => Array.from(new Set(rels[n])).sort().join(', ');
    const labels = {};
    let start = 0;
    while (start < neighbours.length) {
      let end = start;
      while (end < neighbours.length && text(neighbours[end]) === text(neighbours[start])) end++;
      const run = neighbours.slice(start, end);
      if (run.length <= 3) run.forEach((n) => { labels[firstEdge[n]] = text(n); });
      else labels[firstEdge[run[Math.floor(run.length / 2)]]] = text(run[0]) + ' (\u00D7' + run.length + ')';
      start = end;
    }
    return labels;
  }

  function focus(id) {
    state.mode = 'focus';
    state.selected = id;
    const other = (e) => (e.from === id ? e.to : e.from);
    let facts = factsOf(id);
    const weight = {};
    facts.forEach((e) => { weight[other(e)] = (weight[other(e)] || 0) + e.evidence.length; });
    let neighbours = Object.keys(weight).map(Number);
    neighbours.sort((a, b) => weight[b] - weight[a] || a - b);
    const hidden = Math.max(0, neighbours.length - MAX_NEIGHBOURS);
    neighbours = neighbours.slice(0, MAX_NEIGHBOURS);
    const keep = new Set(neighbours);
    facts = facts.filter((e) => keep.has(other(e)));
    const rels = {};
    facts.forEach((e) => { rels[other(e)] = (rels[other(e)] ? rels[other(e)] + ',' : '') + e.rel; });
    neighbours.sort((a, b) => rels[a].localeCompare(rels[b]) || data.nodes[a].label.localeCompare(data.nodes[b].label));
    const labels = edgeLabels(id, facts, neighbours);
    const pos = ringLayout(id, neighbours, Object.keys(labels).length);
    kg.setScene([id].concat(neighbours).map((n) => kg.nodeItem(n, pos[n].x, pos[n].y, false)), facts.map((e) => kg.edgeItem(e, labels[e.id] || null)));
    kg.network.setSelection({ nodes: [id] }, { unselectAll: true, highlightEdges: false });
    showEntity(id); // before fitting: the panel narrows the canvas
    kg.fitReadable([id].concat(neighbours), id, true);
    document.getElementById('kg-overview').hidden = false;
    const n = data.nodes[id];
    document.getElementById('kg-mode').textContent = u.clip(n.label, 60) + ': ' + u.plural(neighbours.length, 'neighbour', 'neighbours') +
      (hidden ? ' shown of ' + (neighbours.length + hidden) + ' (the panel lists all)' : '') + '. Click one to move on; Esc for the overview.';
    kg.updateShown();
  }
  kg.focus = focus;
  kg.select = (id) => { kg.showTab('graph'); focus(id, {}); };

  // ---- side panel ------------------------------------------------------------------------------
  const details = document.getElementById('kg-details');
  function openPanel(heading) {
    details.replaceChildren();
    const close = u.el('button', 'kg-close', '\u00D7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close details');
    close.addEventListener('click', () => { details.hidden = true; });
    u.add(details, close, u.el('h2', null, heading));
    details.hidden = false;
  }
  function defs(pairs) {
    const dl = u.el('dl');
    pairs.forEach((p) => { if (p[1] !== null && p[1] !== undefined && p[1] !== '') u.add(dl, u.el('dt', null, p[0]), u.el('dd', null, p[1])); });
    return dl;
  }
  function evidenceList(evidence) {
    const list = u.el('ul', 'kg-evidence');
    evidence.forEach((ev) => {
      const item = u.el('li', ev.modality === 'asserted' ? null : 'kg-' + ev.modality);
      u.add(item, u.el('p', 'kg-quote', '\u201C' + ev.sentence + '\u201D'));
      const source = u.add(u.el('p', 'kg-source'));
      if (ev.modality !== 'asserted') u.add(source, u.el('span', 'kg-tag', ev.modality));
      u.add(source, u.docNode(ev.doc), ' \u00B7 confidence ' + u.confidenceText(ev.confidence));
      u.add(list, u.add(item, source));
    });
    if (!evidence.length) u.add(list, u.el('li', null, 'No evidence sentence recorded.'));
    return list;
  }
  kg.evidenceList = evidenceList;

  function showEntity(id) {
    const n = data.nodes[id];
    openPanel(n.label);
    u.add(details, u.add(u.el('p'), u.glyph(n.type), ' ' + n.type));
    u.add(details, defs([
      ['Also known as', n.aliases.join(', ')],
      ['Documents', String(n.docs.length)],
      ['Mentions', n.mentions === null ? null : String(n.mentions)],
      ['Relations', String(n.degree)],
    ]));
    const groups = {};
    const order = [];
    kg.incident[id].forEach((eid) => {
      const e = data.edges[eid];
      const out = e.symmetric || e.from === id;
      const key = (out ? '' : '\u2190 ') + e.rel + (e.symmetric ? ' \u2194' : out ? ' \u2192' : '');
      if (!groups[key]) { groups[key] = []; order.push(key); }
      groups[key].push(e);
    });
    const facts = u.el('section', 'kg-facts');
    if (order.length) u.add(facts, u.el('h3', null, 'Facts'));
    order.sort().forEach((key) => {
      u.add(facts, u.add(u.el('h3'), u.el('span', 'kg-tag', key), u.el('span', 'kg-count', String(groups[key].length))));
      const list = u.el('ul');
      groups[key].forEach((e) => {
        const other = e.from === id ? e.to : e.from;
        const item = u.add(u.el('li'), u.linkButton(data.nodes[other].label, () => focus(other, {})),
          u.el('span', 'kg-count', ' confidence ' + u.confidenceText(e.confidence)));
        if (!kg.factVisible(e)) u.add(item, ' ', u.el('span', 'kg-tag', 'filtered out'));
        u.add(item, evidenceList(e.evidence));
        u.add(list, item);
      });
      u.add(facts, list);
    });
    u.add(details, facts);
    if (n.docs.length) {
      u.add(details, u.el('h3', null, 'Mentioned in'));
      const list = u.el('ul');
      n.docs.slice(0, 50).forEach((d) => u.add(list, u.add(u.el('li'), u.docNode(d))));
      if (n.docs.length > 50) u.add(list, u.el('li', null, '\u2026 and ' + (n.docs.length - 50) + ' more'));
      u.add(details, list);
    }
    u.add(details, u.el('p', 'kg-iri', n.iri));
  }

  function showEdge(eid) {
    const e = data.edges[eid];
    const from = data.nodes[e.from].label;
    const to = data.nodes[e.to].label;
    openPanel(from + ' ' + e.rel + ' ' + to);
    u.add(details, u.add(u.el('p'),
      u.linkButton(from, () => focus(e.from, {})), e.symmetric ? ' \u2194 ' : ' \u2192 ', u.el('span', 'kg-tag', e.rel),
      e.symmetric ? ' \u2194 ' : ' \u2192 ', u.linkButton(to, () => focus(e.to, {}))));
    u.add(details, defs([
      ['Relation', e.rel + (e.symmetric ? ' (symmetric)' : '')],
      ['Confidence', u.confidenceText(e.confidence)],
      ['Statements', String(e.evidence.length)],
      ['First dated', e.first],
    ]));
    u.add(details, u.el('h3', null, 'Evidence'), evidenceList(e.evidence));
  }
  kg.selectEdge = (eid) => { kg.showTab('graph'); kg.network.selectEdges(kg.edges.get(eid) ? [eid] : []); showEdge(eid); };

  kg.network.on('click', (p) => {
    if (p.nodes.length) focus(p.nodes[0], {});
    else if (p.edges.length) showEdge(p.edges[0]);
  });
})();
