/* kg graph view. All graph text is untrusted: it enters the DOM through textContent only. */
(function () {
  'use strict';

  performance.mark('kg-start');
  const data = JSON.parse(document.getElementById('kg-data').textContent);
  performance.mark('kg-parsed');
  const meta = data.meta;
  const big = meta.layout === 'fixed';
  const typeInfo = {};
  data.types.forEach((t) => { typeInfo[t.name] = t; });
  const GLYPHS = { dot: '\u25CF', diamond: '\u25C6', square: '\u25A0', triangle: '\u25B2' };
  const DIM_NODE = { background: '#eceef0', border: '#d5d9dd', highlight: { background: '#eceef0', border: '#d5d9dd' }, hover: { background: '#eceef0', border: '#d5d9dd' } };
  const EDGE_COLOUR = { color: '#98a2ad', highlight: '#2f3b47', hover: '#56616c', inherit: false, opacity: 1 };
  const DIM_EDGE = { color: '#eef0f2', highlight: '#eef0f2', hover: '#eef0f2', inherit: false, opacity: 1 };
  const LABEL_MAX = 40;
  const DIM_MAX_NODES = 1500; // past this, a click selects the neighbourhood instead of dimming the rest

  const state = { types: {}, relations: {}, hideIsolated: false, selected: null };
  data.types.forEach((t) => { state.types[t.name] = true; });
  data.relations.forEach((r) => { state.relations[r.name] = true; });
  const nodeHidden = new Array(data.nodes.length).fill(false);
  const edgeHidden = new Array(data.edges.length).fill(false);
  const nodeDim = new Array(data.nodes.length).fill(false);
  const edgeDim = new Array(data.edges.length).fill(false);
  const incident = data.nodes.map(() => []);
  data.edges.forEach((e) => { incident[e.from].push(e.id); incident[e.to].push(e.id); });

  const api = { ready: false, readyAt: null, data: data };
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
  function nodeLabel(id) { return data.nodes[id].label; }
  function confidenceText(c) { return c === null || c === undefined ? 'n/a' : Number(c).toFixed(2); }

  // ---- tooltips: DOM elements, filled the first time the pointer reaches the item ----------
  const nodeTips = data.nodes.map(() => el('div', 'kg-tip'));
  const edgeTips = data.edges.map(() => el('div', 'kg-tip'));

  function fillNodeTip(id) {
    const tip = nodeTips[id];
    if (tip.firstChild) return;
    const n = data.nodes[id];
    add(tip, el('div', 'kg-tip-title', n.label));
    add(tip, add(el('div', 'kg-tip-line'), glyph(n.type), ' ' + n.type));
    if (n.aliases.length) add(tip, el('div', 'kg-tip-line', 'Also: ' + clip(n.aliases.join(', '), 200)));
    add(tip, el('div', 'kg-tip-line', 'Mentioned in ' + plural(n.docs.length, 'document', 'documents')));
    add(tip, el('div', 'kg-tip-line', plural(n.degree, 'relation', 'relations')));
  }

  function fillEdgeTip(id) {
    const tip = edgeTips[id];
    if (tip.firstChild) return;
    const e = data.edges[id];
    add(tip, el('div', 'kg-tip-title', nodeLabel(e.from) + (e.symmetric ? ' \u2014 ' : ' \u2192 ') + e.rel + (e.symmetric ? ' \u2014 ' : ' \u2192 ') + nodeLabel(e.to)));
    add(tip, el('div', 'kg-tip-line', 'Relation: ' + e.rel + (e.symmetric ? ' (symmetric)' : '') + ' \u00B7 confidence ' + confidenceText(e.confidence)));
    e.evidence.slice(0, 3).forEach((ev) => {
      const quote = el('div', 'kg-tip-quote', '\u201C' + clip(ev.sentence, 280) + '\u201D');
      add(tip, quote);
      const source = el('div', 'kg-tip-source', '\u2014 ' + docText(ev.doc) + ' \u00B7 ' + confidenceText(ev.confidence) + (ev.modality !== 'asserted' ? ' \u00B7 ' + ev.modality : ''));
      add(tip, source);
    });
    if (e.evidence.length > 3) add(tip, el('div', 'kg-tip-line', '+ ' + (e.evidence.length - 3) + ' more: click the edge'));
    if (!e.evidence.length) add(tip, el('div', 'kg-tip-line', 'No evidence sentence recorded'));
  }

  // ---- vis data -----------------------------------------------------------------------------
  function nodeColour(n) {
    const c = typeInfo[n.type].colour;
    return { background: c, border: '#ffffff', highlight: { background: c, border: '#1f2a33' }, hover: { background: c, border: '#1f2a33' } };
  }
  function edgeSmooth(e) {
    if (!e.curve) return false;
    return { enabled: true, type: e.curve > 0 ? 'curvedCW' : 'curvedCCW', roundness: Math.abs(e.curve) };
  }
  const nodes = new vis.DataSet(data.nodes.map((n) => {
    const item = {
      id: n.id, label: clip(n.label, LABEL_MAX), value: 1 + n.degree, shape: typeInfo[n.type].shape,
      color: nodeColour(n), title: nodeTips[n.id],
    };
    if (big) { item.x = n.x; item.y = n.y; }
    return item;
  }));
  const edges = new vis.DataSet(data.edges.map((e) => ({
    id: e.id, from: e.from, to: e.to, label: e.rel, title: edgeTips[e.id],
    arrows: { to: { enabled: !e.symmetric, scaleFactor: 0.6 } },
    dashes: e.rel === 'competitorOf', smooth: edgeSmooth(e),
  })));
  api.nodes = nodes;
  api.edges = edges;

  const container = document.getElementById('kg-graph');
  const options = {
    autoResize: true,
    nodes: {
      borderWidth: 1.5,
      font: { size: 20, face: 'system-ui, sans-serif', color: '#1f2a33', strokeWidth: 4, strokeColor: '#ffffff' },
      scaling: { min: 10, max: 40, label: { enabled: true, min: 19, max: 32, maxVisible: 36, drawThreshold: 7 } },
    },
    edges: {
      width: 1.2, selectionWidth: 1.5, color: EDGE_COLOUR, smooth: false,
      font: { size: 15, face: 'system-ui, sans-serif', color: '#4a5560', strokeWidth: 3, strokeColor: '#ffffff', align: 'middle' },
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false, multiselect: false },
    layout: { improvedLayout: !big && data.nodes.length <= 150, randomSeed: 7 },
    physics: big ? false : {
      solver: 'forceAtlas2Based',
      forceAtlas2Based: { gravitationalConstant: -70, centralGravity: 0.008, springLength: 160, springConstant: 0.05, avoidOverlap: 0.5 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 40, fit: true },
      minVelocity: 1,
    },
  };

  function markReady() {
    if (api.ready) return;
    api.ready = true;
    api.readyAt = performance.now();
    document.body.setAttribute('data-ready', '1');
  }

  if (!data.nodes.length) {
    add(container, el('p', 'kg-empty', 'No entities to show.'));
    markReady();
  }
  performance.mark('kg-datasets');
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  performance.mark('kg-network');
  api.network = network;

  network.on('hoverNode', (p) => fillNodeTip(p.node));
  network.on('hoverEdge', (p) => fillEdgeTip(p.edge));
  // The popup re-reads what is under the pointer a moment after the hover event, and the view
  // may have moved (a focus animation) onto another item: fill that one too. Node and edge ids
  // share a range, so both tips with that id are filled; an unused one costs nothing.
  network.on('showPopup', (id) => {
    if (nodeTips[id]) fillNodeTip(id);
    if (edgeTips[id]) fillEdgeTip(id);
  });

  const statusEl = document.getElementById('kg-search-status');
  function setStatus(text, ok) {
    statusEl.textContent = text;
    statusEl.classList.toggle('kg-ok', !!ok);
  }
  if (big) {
    network.once('afterDrawing', markReady);
  } else if (data.nodes.length) {
    network.on('stabilizationProgress', (p) => setStatus('Laying out\u2026 ' + Math.round(100 * p.iterations / p.total) + '%', true));
    network.once('stabilizationIterationsDone', () => {
      // Freeze: nothing drifts while reading, and hiding or showing nodes keeps their place.
      network.setOptions({ physics: { enabled: false } });
      network.storePositions();
      setStatus('', true);
      network.once('afterDrawing', markReady);
      network.fit();
      network.redraw();
    });
  }

  // ---- filters and legend -------------------------------------------------------------------
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
  const typeList = document.getElementById('kg-types');
  data.types.forEach((t) => {
    typeInputs[t.name] = filterItem(typeList, t.name, [glyph(t.name), el('span', null, t.name)], t.count, (on) => { state.types[t.name] = on; applyFilters(); });
  });
  const relationList = document.getElementById('kg-relations');
  if (!data.relations.length) add(relationList, el('li', 'kg-shown', 'none'));
  data.relations.forEach((r) => {
    const line = el('span', 'kg-line' + (r.name === 'competitorOf' ? ' kg-dashed' : ''));
    line.setAttribute('aria-hidden', 'true');
    filterItem(relationList, r.name, [line, el('span', null, r.name + (r.symmetric ? ' \u2194' : ' \u2192'))], r.count, (on) => { state.relations[r.name] = on; applyFilters(); });
  });
  document.getElementById('kg-hide-isolated').addEventListener('change', (ev) => { state.hideIsolated = ev.target.checked; applyFilters(); });

  const shownEl = document.getElementById('kg-shown');
  function applyFilters() {
    const nodeUpdates = [];
    const edgeUpdates = [];
    const typeOff = data.nodes.map((n) => !state.types[n.type]);
    const visibleDegree = new Array(data.nodes.length).fill(0);
    data.edges.forEach((e) => {
      const hide = !state.relations[e.rel] || typeOff[e.from] || typeOff[e.to];
      if (!hide) { visibleDegree[e.from]++; visibleDegree[e.to]++; }
      if (hide !== edgeHidden[e.id]) { edgeHidden[e.id] = hide; edgeUpdates.push({ id: e.id, hidden: hide }); }
    });
    let shown = 0;
    data.nodes.forEach((n) => {
      const hide = typeOff[n.id] || (state.hideIsolated && visibleDegree[n.id] === 0);
      if (!hide) shown++;
      if (hide !== nodeHidden[n.id]) { nodeHidden[n.id] = hide; nodeUpdates.push({ id: n.id, hidden: hide }); }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
    const shownEdges = edgeHidden.filter((h) => !h).length;
    shownEl.textContent = 'Showing ' + plural(shown, 'entity', 'entities') + ' and ' + plural(shownEdges, 'relation', 'relations') + '.';
    if (state.selected !== null && nodeHidden[state.selected]) clearSelection();
    else if (state.selected !== null) highlight(state.selected);
  }

  // ---- neighbourhood highlight --------------------------------------------------------------
  function highlight(id) {
    if (data.nodes.length > DIM_MAX_NODES) {
      // Restyling thousands of items takes seconds; selecting the neighbourhood takes one frame.
      if (id === null) { network.unselectAll(); return; }
      const ids = [id];
      const eids = [];
      incident[id].forEach((eid) => {
        if (edgeHidden[eid]) return;
        eids.push(eid);
        ids.push(data.edges[eid].from === id ? data.edges[eid].to : data.edges[eid].from);
      });
      network.setSelection({ nodes: ids, edges: eids }, { unselectAll: true, highlightEdges: false });
      return;
    }
    const keepNodes = new Set();
    const keepEdges = new Set();
    if (id !== null) {
      keepNodes.add(id);
      incident[id].forEach((eid) => {
        if (edgeHidden[eid]) return;
        keepEdges.add(eid);
        keepNodes.add(data.edges[eid].from);
        keepNodes.add(data.edges[eid].to);
      });
    }
    const nodeUpdates = [];
    data.nodes.forEach((n) => {
      const dim = id !== null && !keepNodes.has(n.id);
      if (dim !== nodeDim[n.id]) {
        nodeDim[n.id] = dim;
        nodeUpdates.push({ id: n.id, color: dim ? DIM_NODE : nodeColour(n), font: { color: dim ? '#b8bec4' : '#1f2a33' } });
      }
    });
    const edgeUpdates = [];
    data.edges.forEach((e) => {
      const dim = id !== null && !keepEdges.has(e.id);
      if (dim !== edgeDim[e.id]) {
        edgeDim[e.id] = dim;
        edgeUpdates.push({ id: e.id, color: dim ? DIM_EDGE : EDGE_COLOUR, font: { color: dim ? 'rgba(0,0,0,0)' : '#4a5560', strokeWidth: dim ? 0 : 3 } });
      }
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ---- details panel ------------------------------------------------------------------------
  const details = document.getElementById('kg-details');
  function openPanel(heading) {
    details.replaceChildren();
    const close = el('button', 'kg-close', '\u00D7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close details');
    close.addEventListener('click', clearSelection);
    add(details, close, el('h2', null, heading));
    details.hidden = false;
  }
  function defs(pairs) {
    const dl = el('dl');
    pairs.forEach((p) => { if (p[1] !== null && p[1] !== undefined && p[1] !== '') add(dl, el('dt', null, p[0]), el('dd', null, p[1])); });
    return dl;
  }
  function linkButton(text, onClick) {
    const b = el('button', 'kg-link', text);
    b.type = 'button';
    b.addEventListener('click', onClick);
    return b;
  }

  function showNode(id) {
    const n = data.nodes[id];
    openPanel(n.label);
    add(details, add(el('p'), glyph(n.type), ' ' + n.type));
    add(details, defs([
      ['Also known as', n.aliases.join(', ')],
      ['Documents', String(n.docs.length)],
      ['Mentions', n.mentions === null ? null : String(n.mentions)],
      ['Relations', String(n.degree)],
    ]));
    add(details, el('p', 'kg-iri', n.iri));
    if (incident[id].length) {
      add(details, el('h3', null, 'Relations'));
      const list = el('ul');
      incident[id].forEach((eid) => {
        const e = data.edges[eid];
        const other = e.from === id ? e.to : e.from;
        const arrow = e.symmetric ? '\u2194 ' : (e.from === id ? '\u2192 ' : '\u2190 ');
        const item = add(el('li'), arrow, linkButton(e.rel, () => selectEdge(eid)), ' ', linkButton(data.nodes[other].label, () => selectNode(other, true)));
        if (edgeHidden[eid]) add(item, el('span', 'kg-tag', 'filtered out'));
        add(list, item);
      });
      add(details, list);
    }
    if (n.docs.length) {
      add(details, el('h3', null, 'Mentioned in'));
      const list = el('ul');
      n.docs.slice(0, 50).forEach((d) => add(list, el('li', null, docText(d))));
      if (n.docs.length > 50) add(list, el('li', null, '\u2026 and ' + (n.docs.length - 50) + ' more'));
      add(details, list);
    }
  }

  function showEdge(eid) {
    const e = data.edges[eid];
    openPanel(nodeLabel(e.from) + ' ' + e.rel + ' ' + nodeLabel(e.to));
    add(details, add(el('p'),
      linkButton(nodeLabel(e.from), () => selectNode(e.from, true)),
      e.symmetric ? ' \u2194 ' : ' \u2192 ', el('span', 'kg-tag', e.rel), e.symmetric ? ' \u2194 ' : ' \u2192 ',
      linkButton(nodeLabel(e.to), () => selectNode(e.to, true))));
    add(details, defs([
      ['Relation', e.rel + (e.symmetric ? ' (symmetric)' : '')],
      ['Confidence', confidenceText(e.confidence)],
      ['Statements', String(e.evidence.length)],
    ]));
    add(details, el('h3', null, 'Evidence'));
    const list = el('ul', 'kg-evidence');
    e.evidence.forEach((ev) => {
      const item = el('li', ev.modality === 'asserted' ? null : 'kg-' + ev.modality);
      add(item, el('p', 'kg-quote', '\u201C' + ev.sentence + '\u201D'));
      const source = add(el('p', 'kg-source'));
      if (ev.modality !== 'asserted') add(source, el('span', 'kg-tag', ev.modality));
      add(source, docText(ev.doc) + ' \u00B7 confidence ' + confidenceText(ev.confidence));
      add(list, add(item, source));
    });
    if (!e.evidence.length) add(list, el('li', null, 'No evidence sentence recorded.'));
    add(details, list);
  }

  function selectNode(id, focus) {
    if (nodeHidden[id]) {
      if (!state.types[data.nodes[id].type]) typeInputs[data.nodes[id].type].checked = state.types[data.nodes[id].type] = true;
      state.hideIsolated = document.getElementById('kg-hide-isolated').checked = false;
      applyFilters();
    }
    state.selected = id;
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    if (focus) network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 400, easingFunction: 'easeInOutQuad' } });
  }
  function selectEdge(eid) {
    const e = data.edges[eid];
    state.selected = null;
    highlight(null);
    network.selectEdges([eid]);
    showEdge(eid);
    if (!edgeHidden[eid]) network.fit({ nodes: [e.from, e.to], animation: { duration: 400, easingFunction: 'easeInOutQuad' } });
  }
  function clearSelection() {
    state.selected = null;
    network.unselectAll();
    highlight(null);
    details.hidden = true;
    details.replaceChildren();
  }
  network.on('click', (p) => {
    if (p.nodes.length) selectNode(p.nodes[0], false);
    else if (p.edges.length) selectEdge(p.edges[0]);
    else clearSelection();
  });
  document.addEventListener('keydown', (ev) => { if (ev.key === 'Escape') clearSelection(); });

  // ---- search ---------------------------------------------------------------------------------
  const names = document.getElementById('kg-names');
  data.nodes.forEach((n) => { const o = el('option'); o.value = n.label; names.appendChild(o); });
  function find(query) {
    const q = query.trim().toLocaleLowerCase();
    if (!q) return null;
    // Best rank wins; nodes are ordered most connected first, so ties go to the bigger node.
    let best = null;
    let bestRank = 99;
    data.nodes.forEach((n) => {
      if (bestRank === 0) return;
      const label = n.label.toLocaleLowerCase();
      const aliases = n.aliases.map((a) => a.toLocaleLowerCase());
      let rank = 99;
      if (label === q) rank = 0;
      else if (aliases.indexOf(q) >= 0) rank = 1;
      else if (label.startsWith(q)) rank = 2;
      else if (aliases.some((a) => a.startsWith(q))) rank = 3;
      else if (label.indexOf(q) >= 0) rank = 4;
      else if (aliases.some((a) => a.indexOf(q) >= 0)) rank = 5;
      if (rank < bestRank) { best = n.id; bestRank = rank; }
    });
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
    selectNode(id, true);
    return id;
  }
  document.getElementById('kg-search-button').addEventListener('click', search);
  document.getElementById('kg-search-input').addEventListener('keydown', (ev) => { if (ev.key === 'Enter') { ev.preventDefault(); search(); } });

  api.find = find;
  api.select = (id) => selectNode(id, true);
  api.selectEdge = selectEdge;
  api.selected = () => state.selected;
  api.fillTips = () => { data.nodes.forEach((n) => fillNodeTip(n.id)); data.edges.forEach((e) => fillEdgeTip(e.id)); };
  api.tip = (kind, id) => (kind === 'edge' ? edgeTips[id] : nodeTips[id]);
  applyFilters();
})();
