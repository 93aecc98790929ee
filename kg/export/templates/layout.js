/* kg graph view: a layout for scenes that were not laid out in advance (the facts that match an
   evidence filter: a date range, a document, a confidence). A short force simulation says
   roughly where each entity goes; then, as for the first screen (kg/export/_overview.py), the
   node-plus-label boxes are set down in rank order, each on the free spot nearest to it. */
(function () {
  'use strict';

  const kg = window.kg;
  const data = kg.data;
  const CHAR = 0.6;
  const PAD = 6;

  function box(id) {
    const n = data.nodes[id];
    const height = 2 * n.size + 4 + 1.25 * n.font + PAD;
    return { w: Math.max(2 * n.size, CHAR * n.font * Math.min(32, n.label.length) + 4) + PAD, h: height, off: height / 2 - n.size - PAD / 2 };
  }

  /* Fruchterman-Reingold, deterministic: start on a circle in rank order. */
  function force(ids, links) {
    const n = ids.length;
    const k = 110;
    const x = ids.map((_, i) => 300 * Math.cos((2 * Math.PI * i) / n));
    const y = ids.map((_, i) => 300 * Math.sin((2 * Math.PI * i) / n));
    for (let step = 0, heat = 80; step < 150; step++, heat *= 0.97) {
      const dx = new Array(n).fill(0);
      const dy = new Array(n).fill(0);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const ex = x[i] - x[j] || 0.01;
          const ey = y[i] - y[j];
          const d2 = Math.max(ex * ex + ey * ey, 1);
          if (d2 > 9 * k * k) continue; // far apart: no push, so components stay close
          const f = (k * k) / d2;
          dx[i] += ex * f; dy[i] += ey * f; dx[j] -= ex * f; dy[j] -= ey * f;
        }
      }
      links.forEach((l) => {
        const ex = x[l[0]] - x[l[1]];
        const ey = y[l[0]] - y[l[1]];
        const d = Math.max(Math.hypot(ex, ey), 0.01);
        const f = d / k;
        dx[l[0]] -= ex * f; dy[l[0]] -= ey * f; dx[l[1]] += ex * f; dy[l[1]] += ey * f;
      });
      for (let i = 0; i < n; i++) {
        dx[i] -= x[i] * 0.3; // gravity: components gather round the middle
        dy[i] -= y[i] * 0.3 * 1.45; // a little more up and down: screens are wide
        const d = Math.max(Math.hypot(dx[i], dy[i]), 0.01);
        const move = Math.min(d, heat);
        x[i] += (dx[i] / d) * move;
        y[i] += (dy[i] / d) * move;
      }
    }
    return ids.map((_, i) => ({ x: x[i], y: y[i] }));
  }

  /* Boxes in rank order, each on the nearest free spot (screen-shaped spiral search). */
  function settle(ids, wanted) {
    const placed = [];
    const out = {};
    ids.forEach((id, i) => {
      const b = box(id);
      const free = (px, py) => placed.every((p) =>
        Math.abs(px - p.x) >= (b.w + p.b.w) / 2 || Math.abs(py + b.off - p.y - p.b.off) >= (b.h + p.b.h) / 2);
      let spot = null;
      for (let r = 0; r < 4000 && !spot; r += 8) {
        const count = Math.max(1, Math.floor((2 * Math.PI * r) / 8));
        for (let a = 0; a < count; a++) {
          const px = wanted[i].x + 1.45 * r * Math.cos((2 * Math.PI * a) / count);
          const py = wanted[i].y + r * Math.sin((2 * Math.PI * a) / count);
          if (free(px, py)) { spot = { x: px, y: py }; break; }
        }
      }
      spot = spot || { x: wanted[i].x, y: wanted[i].y };
      placed.push({ x: spot.x, y: spot.y, b: b });
      out[id] = spot;
    });
    return out;
  }

  /* Scale the force layout to about the area the boxes need (they cover 80% before parting),
     screen-shaped: separate components otherwise drift apart and the labels shrink. */
  function fill(ids, pos) {
    const area = ids.reduce((sum, id) => { const b = box(id); return sum + b.w * b.h; }, 0) / 0.8;
    const height = Math.sqrt(area / 1.45);
    const xs = pos.map((p) => p.x);
    const ys = pos.map((p) => p.y);
    const spanX = Math.max(Math.max.apply(null, xs) - Math.min.apply(null, xs), 1);
    const spanY = Math.max(Math.max.apply(null, ys) - Math.min.apply(null, ys), 1);
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    return pos.map((p) => ({ x: ((p.x - mx) * 1.45 * height) / spanX, y: ((p.y - my) * height) / spanY }));
  }

  kg.layoutFree = (ids, edges) => {
    const index = {};
    ids.forEach((id, i) => { index[id] = i; });
    const links = edges.filter((e) => e.from in index && e.to in index).map((e) => [index[e.from], index[e.to]]);
    return settle(ids, fill(ids, force(ids, links)));
  };
})();
