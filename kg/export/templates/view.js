/* kg graph view: shared state, filters, the overview and search. focus.js and table.js add the
   entity focus and the fact table. All graph text is untrusted: it enters the DOM through
   textContent only, and the canvas draws it as text. */
(function () {
  'use strict';

  performance.mark('kg-start');
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  performance.mark('kg-parsed');
  const typeInfo = {};
  data.types.forEach((t) => { typeInfo[t.name] = t; });
  const GLYPHS = { dot: '\u25CF', diamond: '\u25C6', square: '\u25A0', triangle: '\u25B2' };
  const EDGE_COLOUR = { color: '#98a2ad', highlight: '#2f3b47', hover: '#56616c', inherit: false, opacity: 1 };
  const LABEL_MAX = 32;
  const MIN_LABEL_PX = 11; // never fit the view so far out that the smallest label reads under this

  const state = { types: {}, relations: {}, from: '', to: '', doc: -1, minConfidence: 0, mode: 'overview', selected: null };
  data.types.forEach((t) => { state.types[t.name] = true; });
  data.relations.forEach((r) => { state.relations[r.name] = true; });
  const incident = data.nodes.map(() => []);
  data.edges.forEach((e) => { incident[e.from].push(e.id); incident[e.to].push(e.id); });

  const api = { ready: false, readyAt: null, data: data, state: state, incident: incident, hooks: [] };
  window.kg = api;

  // ---- small DOM helpers: the only way text reaches the page -------------------------------
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent) {
    for (let i = 1; i < arguments.length; i++) {
      const child = arguments[i];
      if (child !== null && child !== undefined) parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return parent;
  }
  function clip(text, max) { return text.length > max ? text.slice(0, max - 1) + '\u2026' : text; }
  function plural(n, one, many) { return n.toLocaleString('en') + ' ' + (n === 1 ? one : many); }
  function glyph(type) {
    const span = el('span', 'kg-glyph', GLYPHS[typeInfo[type].shape] || '\u25CF');
    span.style.color = typeInfo[type].colour;
    span.setAttribute('aria-hidden', 'true');
    return span;
  }
  function docText(index) {
    const doc = data.documents[index];
    if (!doc) return 'unknown document';
    return doc.date ? doc.title + ', ' + doc.date : doc.title;
  }
  /* The document as a link to the article when it has an http(s) URL (checked again here:
     a javascript: URL must never become a link), else as text. */
  function docNode(index) {
    const doc = data.documents[index];
    if (!doc || !doc.url || !/^https?:\/\//i.test(doc.url)) return el('span', null, docText(index));
    const a = el('a', 'kg-doc-link', doc.title);
    a.href = doc.url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    return add(el('span'), a, doc.date ? ', ' + doc.date : '');
  }
  function confidenceText(c) { return c === null || c === undefined ? 'n/a' : Number(c).toFixed(2); }
  function linkButton(text, onClick) {
    const b = el('button', 'kg-link', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }
  api.util = { el: el, add: add, clip: clip, plural: plural, glyph: glyph, docText: docText, docNode: docNode, confidenceText: confidenceText, linkButton: linkButton };

  // ---- filters: which facts count ------------------------------------------------------------
  function evidenceFilterOn() { return state.from || state.to || state.doc >= 0 || state.minConfidence > 0; }
  function evidencePasses(ev) {
    if (state.minConfidence > 0 && (ev.confidence === null || ev.confidence < state.minConfidence)) return false;
    if (state.doc >= 0 && ev.doc !== state.doc) return false;
    if (state.from || state.to) {
      const doc = data.documents[ev.doc];
      const date = doc && doc.date ? doc.date.slice(0, 10) : null;
      if (!date || (state.from && date < state.from) || (state.to && date > state.to)) return false;
    }
    return true;
  }
  /* A fact (edge or claim) is shown when its relation and both entity types are on and, with an
     evidence filter set, one of its statements passes (asserted ones for an asserted edge). */
  function factVisible(e) {
    if (state.relations[e.rel] === false) return false;
    if (!state.types[data.nodes[e.from].type] || !state.types[data.nodes[e.to].type]) return false;
    if (!evidenceFilterOn()) return true;
    return e.evidence.some((ev) => (e.modality !== undefined || ev.modality === 'asserted') && evidencePasses(ev));
  }
  api.factVisible = factVisible;

  // ---- the vis network: one scene at a time (overview or an entity's neighbourhood) ---------
  const tips = {};
  function nodeTip(id) {
    const n = data.nodes[id];
    const tip = el('div', 'kg-tip');
    add(tip, el('div', 'kg-tip-title', n.label));
    add(tip, add(el('div', 'kg-tip-line'), glyph(n.type), ' ' + n.type));
    if (n.aliases.length) add(tip, el('div', 'kg-tip-line', 'Also: ' + clip(n.aliases.join(', '), 200)));
    add(tip, el('div', 'kg-tip-line', 'Mentioned in ' + plural(n.docs.length, 'document', 'documents') + ' \u00B7 ' + plural(n.degree, 'relation', 'relations')));
    return tip;
  }
  function edgeTip(eid) {
    const e = data.edges[eid];
    const tip = el('div', 'kg-tip');
    const arrow = e.symmetric ? ' \u2014 ' : ' \u2192 ';
    add(tip, el('div', 'kg-tip-title', data.nodes[e.from].label + arrow + e.rel + arrow + data.nodes[e.to].label));
    add(tip, el('div', 'kg-tip-line', 'confidence ' + confidenceText(e.confidence) + ' \u00B7 ' + plural(e.evidence.length, 'statement', 'statements')));
    e.evidence.slice(0, 2).forEach((ev) => {
      add(tip, el('div', 'kg-tip-quote', '\u201C' + clip(ev.sentence, 280) + '\u201D'));
      add(tip, el('div', 'kg-tip-source', '\u2014 ' + docText(ev.doc) + (ev.modality !== 'asserted' ? ' \u00B7 ' + ev.modality : '')));
    });
    return tip;
  }
  function fillTip(kind, id) {
    const key = kind + id;
    if (!tips[key]) tips[key] = kind === 'n' ? nodeTip(id) : edgeTip(id);
    return tips[key];
  }
  api.tip = (kind, id) => fillTip(kind === 'edge' ? 'e' : 'n', id);

  function nodeItem(id, x, y, dim) {
    const n = data.nodes[id];
    const c = dim ? '#c5ccd3' : typeInfo[n.type].colour;
    return {
      id: id, x: x, y: y, label: clip(n.label, LABEL_MAX), shape: typeInfo[n.type].shape, size: n.size,
      font: { size: n.font, color: dim ? '#8a939c' : '#1f2a33' },
      color: { background: c, border: '#ffffff', highlight: { background: c, border: '#1f2a33' }, hover: { background: c, border: '#1f2a33' } },
      title: el('div', 'kg-tip-slot'),
    };
  }
  function edgeItem(e, label) {
    const smooth = e.curve ? { enabled: true, type: e.curve > 0 ? 'curvedCW' : 'curvedCCW', roundness: Math.abs(e.curve) } : false;
    const item = {
      id: e.id, from: e.from, to: e.to, title: el('div', 'kg-tip-slot'), smooth: smooth,
      arrows: { to: { enabled: !e.symmetric, scaleFactor: 0.6 } }, dashes: e.rel === 'competitorOf',
    };
    if (label) item.label = label;
    return item;
  }
  api.nodeItem = nodeItem;
  api.edgeItem = edgeItem;

  const nodes = new vis.DataSet([]);
  const edges = new vis.DataSet([]);
  api.nodes = nodes;
  api.edges = edges;
  performance.mark('kg-datasets');
  const container = document.getElementById('kg-graph');
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, {
    autoResize: true,
    nodes: { borderWidth: 1.5, font: { face: 'system-ui, sans-serif', strokeWidth: 4, strokeColor: '#ffffff' } },
    edges: {
      width: 1.2, selectionWidth: 1.5, color: EDGE_COLOUR, smooth: false,
      font: { size: 13, face: 'system-ui, sans-serif', color: '#3d4852', strokeWidth: 4, strokeColor: '#ffffff', align: 'middle' },
    },
    interaction: { hover: true, tooltipDelay: 150, keyboard: false, multiselect: false },
    layout: { improvedLayout: false },
    physics: false,
  });
  performance.mark('kg-network');
  api.network = network;
  // A tooltip slot is filled the first time the pointer reaches its item (or the view moves
  // another item under the pointer: vis-network looks again after its delay).
  function fillSlot(kind, id) {
    const item = kind === 'n' ? nodes.get(id) : edges.get(id);
    if (item && item.title && !item.title.firstChild) item.title.appendChild(fillTip(kind, id).cloneNode(true));
  }
  network.on('hoverNode', (p) => fillSlot('n', p.node));
  network.on('hoverEdge', (p) => fillSlot('e', p.edge));
  network.on('showPopup', (id) => { fillSlot('n', id); fillSlot('e', id); });

  /* Fit the scene, but never so far out that labels stop being readable: then the view is
     centred on `centre` (the focused entity; null: the scene's centroid) at the smallest
     readable zoom, and the rest is a drag away. */
  function fitReadable(ids, centre, animate) {
    const smallest = Math.min.apply(null, ids.map((id) => data.nodes[id].font));
    // The side panel may just have opened or closed: measure the canvas again first, or the
    // resize vis-network notices later rescales the view (and shrinks the labels).
    network.setSize('100%', '100%');
    network.fit({ nodes: ids, animation: false });
    const floor = MIN_LABEL_PX / smallest;
    if (network.getScale() < floor) {
      const all = network.getPositions(ids);
      const position = centre !== null ? all[centre] : {
        x: ids.reduce((sum, id) => sum + all[id].x, 0) / ids.length,
        y: ids.reduce((sum, id) => sum + all[id].y, 0) / ids.length,
      };
      network.moveTo({ position: position, scale: floor, animation: false });
    }
    if (animate) network.redraw();
  }
  api.fitReadable = fitReadable;

  function setScene(nodeItems, edgeItems) {
    nodes.clear();
    edges.clear();
    nodes.add(nodeItems);
    edges.add(edgeItems);
  }
  api.setScene = setScene;

  const modeEl = document.getElementById('kg-mode');
  const overviewButton = document.getElementById('kg-overview');
  /* The first screen: the entities laid out in advance, minus what the filters hide. With an
     evidence filter (dates, a document, a confidence) it shows instead the best-connected
     entities of the matching facts, wherever they are in the graph, laid out on the spot. */
  function showOverview() {
    state.mode = 'overview';
    state.selected = null;
    const filtered = evidenceFilterOn();
    let shownEdges;
    let ids;
    if (filtered) {
      const matching = data.edges.filter(factVisible);
      const ranked = Array.from(new Set(matching.flatMap((e) => [e.from, e.to]))).sort((a, b) => a - b);
      const keep = new Set(ranked.slice(0, data.meta.overview.length || 90));
      shownEdges = matching.filter((e) => keep.has(e.from) && keep.has(e.to));
      ids = ranked.filter((id) => keep.has(id) && shownEdges.some((e) => e.from === id || e.to === id));
    } else {
      const inView = new Set(data.meta.overview);
      shownEdges = data.edges.filter((e) => inView.has(e.from) && inView.has(e.to) && factVisible(e));
      const linked = new Set(shownEdges.flatMap((e) => [e.from, e.to]));
      ids = data.meta.overview.filter((id) => linked.has(id));
    }
    const pos = filtered ? api.layoutFree(ids, shownEdges) : null;
    setScene(ids.map((id) => nodeItem(id, pos ? pos[id].x : data.nodes[id].x, pos ? pos[id].y : data.nodes[id].y, false)),
      shownEdges.map((e) => edgeItem(e, null)));
    overviewButton.hidden = true;
    const total = data.nodes.filter((n) => n.degree > 0).length;
    if (!ids.length) modeEl.textContent = 'No relation matches the filters.';
    else if (filtered) modeEl.textContent = 'Facts matching the evidence filters: ' + plural(ids.length, 'entity', 'entities') + ' shown.';
    else modeEl.textContent = 'Overview: the ' + plural(ids.length, 'most connected entity', 'most connected entities') + ' of ' +
      total.toLocaleString('en') + ' with a relation. Find or click one to see all its facts.';
    document.getElementById('kg-details').hidden = true;
    if (ids.length) fitReadable(ids, null, true);
    updateShown();
  }
  api.overview = showOverview;
  overviewButton.addEventListener('click', showOverview);

  // ---- sidebar filters -------------------------------------------------------------------------
  function filterItem(list, key, content, count, onChange) {
    const input = el('input');
    input.type = 'checkbox';
    input.checked = true;
    input.dataset.key = key;
    input.addEventListener('change', () => onChange(input.checked));
    const label = add(el('label'), input);
    content.forEach((c) => add(label, c));
    add(label, el('span', 'kg-count', count.toLocaleString('en')));
    add(list, add(el('li'), label));
    return input;
  }
  const typeInputs = {};
  data.types.forEach((t) => {
    typeInputs[t.name] = filterItem(document.getElementById('kg-types'), t.name, [glyph(t.name), el('span', null, t.name)], t.count, (on) => { state.types[t.name] = on; refresh(); });
  });
  api.typeInputs = typeInputs;
  const relationList = document.getElementById('kg-relations');
  if (!data.relations.length) add(relationList, el('li', 'kg-shown', 'none'));
  data.relations.forEach((r) => {
    const line = el('span', 'kg-line' + (r.name === 'competitorOf' ? ' kg-dashed' : ''));
    line.setAttribute('aria-hidden', 'true');
    filterItem(relationList, r.name, [line, el('span', null, r.name + (r.symmetric ? ' \u2194' : ' \u2192'))], r.count, (on) => { state.relations[r.name] = on; refresh(); });
  });
  const dateFrom = document.getElementById('kg-date-from');
  const dateTo = document.getElementById('kg-date-to');
  if (data.meta.dates) {
    [dateFrom, dateTo].forEach((input) => { input.min = data.meta.dates[0].slice(0, 10); input.max = data.meta.dates[1].slice(0, 10); });
  } else {
    dateFrom.disabled = dateTo.disabled = true;
    document.getElementById('kg-no-dates').hidden = false;
  }
  dateFrom.addEventListener('change', () => { state.from = dateFrom.value; refresh(); });
  dateTo.addEventListener('change', () => { state.to = dateTo.value; refresh(); });
  const docSelect = document.getElementById('kg-doc');
  data.documents.map((d, i) => [d, i]).sort((a, b) => a[0].title.localeCompare(b[0].title)).forEach((pair) => {
    const option = el('option', null, clip(docText(pair[1]), 70));
    option.value = String(pair[1]);
    docSelect.appendChild(option);
  });
  docSelect.addEventListener('change', () => { state.doc = Number(docSelect.value); refresh(); });
  const confidence = document.getElementById('kg-confidence');
  confidence.addEventListener('input', () => {
    state.minConfidence = Number(confidence.value);
    document.getElementById('kg-confidence-value').textContent = state.minConfidence.toFixed(2);
    refresh();
  });

  const shownEl = document.getElementById('kg-shown');
  function updateShown() {
    const facts = data.edges.filter(factVisible).length;
    shownEl.textContent = plural(facts, 'relation', 'relations') + ' of ' + data.edges.length.toLocaleString('en') + ' match the filters; ' +
      plural(nodes.length, 'entity', 'entities') + ' drawn.';
  }
  /* Re-draw whatever is showing with the filters now set. */
  function refresh() {
    if (state.mode === 'focus' && state.selected !== null && api.focus) api.focus(state.selected, { keepPanel: true });
    else showOverview();
    api.hooks.forEach((hook) => hook());
  }
  api.refresh = refresh;
  api.updateShown = updateShown;

  // ---- tabs ------------------------------------------------------------------------------------
  function showTab(name) {
    const table = name === 'table';
    document.getElementById('kg-tab-graph').setAttribute('aria-selected', String(!table));
    document.getElementById('kg-tab-table').setAttribute('aria-selected', String(table));
    document.getElementById('kg-graph-view').hidden = table;
    document.getElementById('kg-table-view').hidden = !table;
    if (table && api.renderTable) api.renderTable();
    // A scene drawn while the graph was hidden (filters changed in the table) was fitted to
    // nothing: fit it now that the canvas has a size.
    if (!table && nodes.length) fitReadable(nodes.getIds(), state.mode === 'focus' ? state.selected : null, true);
  }
  api.showTab = showTab;
  document.getElementById('kg-tab-graph').addEventListener('click', () => showTab('graph'));
  document.getElementById('kg-tab-table').addEventListener('click', () => showTab('table'));

  // ---- search ----------------------------------------------------------------------------------
  const statusEl = document.getElementById('kg-search-status');
  function setStatus(text, ok) {
    statusEl.textContent = text;
    statusEl.classList.toggle('kg-ok', !!ok);
  }
  const names = document.getElementById('kg-names');
  data.nodes.slice(0, 5000).forEach((n) => { const o = el('option'); o.value = n.label; names.appendChild(o); });
  const folded = data.nodes.map((n) => [n.label.toLocaleLowerCase(), n.aliases.map((a) => a.toLocaleLowerCase())]);
  function find(query) {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return null;
    // Best rank wins; nodes are ordered most connected first, so ties go to the bigger node.
    let best = null;
    let bestRank = 99;
    for (let id = 0; id < folded.length && bestRank > 0; id++) {
      const label = folded[id][0];
      const aliases = folded[id][1];
      let rank = 99;
      if (label === q) rank = 0;
      else if (aliases.indexOf(q) >= 0) rank = 1;
      else if (label.startsWith(q)) rank = 2;
      else if (aliases.some((a) => a.startsWith(q))) rank = 3;
      else if (label.indexOf(q) >= 0) rank = 4;
      else if (aliases.some((a) => a.indexOf(q) >= 0)) rank = 5;
      if (rank < bestRank) { best = id; bestRank = rank; }
    }
    return best;
  }
  function search() {
    const query = document.getElementById('kg-search-input').value;
    const id = find(query);
    if (id === null) {
      setStatus(query.trim() ? 'No match' : '', false);
      return null;
    }
    setStatus('Found: ' + clip(data.nodes[id].label, 40), true);
    showTab('graph');
    api.focus(id, {});
    return id;
  }
  document.getElementById('kg-search-button').addEventListener('click', search);
  document.getElementById('kg-search-input').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(); } });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape' && state.mode === 'focus') showOverview(); });
  api.find = find;
  api.mode = () => state.mode;
  api.selected = () => state.selected;

  /* For tests and the benchmark: every drawn label's box on screen (CSS pixels) and its size. */
  api.labelBoxes = () => {
    const scale = network.getScale();
    const box = container.getBoundingClientRect();
    return nodes.getIds().map((id) => {
      const body = network.body.nodes[id];
      const size = body.labelModule.size;
      const a = network.canvasToDOM({ x: size.left, y: size.top });
      const b = network.canvasToDOM({ x: size.left + size.width, y: size.top + size.height });
      return { id: id, label: body.options.label, px: body.labelModule.fontOptions.size * scale,
        left: a.x + box.left, top: a.y + box.top, right: b.x + box.left, bottom: b.y + box.top };
    });
  };

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute('data-ready', '1');
  }
  // focus.js and table.js run after this script; start once all are in.
  document.addEventListener('DOMContentLoaded', () => {
    if (!data.nodes.length) add(container, el('p', 'kg-empty', 'No entities to show.'));
    network.once('afterDrawing', markReady);
    showOverview();
    network.redraw();
    if (!nodes.length) markReady();
  });
})();
