/* The newsgraph network page. Everything that came from an article is put in
 * the page with textContent or DOM properties, never as HTML, and links are
 * only made for http(s) URLs: a headline or sentence cannot run script. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("newsgraph-data").textContent);
  var stats = { firstDraw: null, stabilized: null };
  var resolveReady;
  var api = { ready: new Promise(function (r) { resolveReady = r; }), isReady: false, stats: stats, data: DATA };
  window.newsgraph = api;

  var nodeInfo = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
  var edgeInfo = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
  var TIMES = DATA.times;
  var state = { types: new Set(), edgeKeys: new Set(), from: 0, to: Math.max(TIMES.length - 1, 0) };
  var visibleIds = new Set();
  var pinned = false;

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") node.textContent = props[k];
      else if (k === "class") node.className = props[k];
      else node[k] = props[k];
    });
    (children || []).forEach(function (c) { if (c) node.appendChild(c); });
    return node;
  }
  function edgeKey(e) { return e.kind === "event" ? "event:" + e.type : e.kind; }
  function edgeColour(e) { return e.kind === "event" ? (DATA.styles.events[e.type] || "#777") : DATA.styles.kinds[e.kind]; }
  function setStatus(text) { document.getElementById("status").textContent = text; }

  /* ------------------------------------------------------------ filters */
  function timeFiltered() { return TIMES.length > 1 && (state.from > 0 || state.to < TIMES.length - 1); }
  function inTime(times) {
    if (!timeFiltered() || times.length === 0) return true;
    var lo = TIMES[state.from], hi = TIMES[state.to];
    return times.some(function (t) { return t >= lo && (t <= hi || t.slice(0, hi.length) === hi); });
  }
  function nodeVisible(n) { return state.types.has(n.type) && inTime(n.times); }
  function edgeVisible(e) {
    return state.edgeKeys.has(edgeKey(e)) && visibleIds.has(e.from) && visibleIds.has(e.to) && inTime(e.times);
  }

  /* ------------------------------------------------------------ vis data */
  function visNode(n) {
    var style = DATA.styles.entities[n.type];
    var item = {
      id: n.id, label: n.label, shape: style.shape, value: Math.max(n.mentions, n.degree, 1),
      color: { background: style.color, border: style.border,
               highlight: { background: style.color, border: "#111" }, hover: { background: style.color, border: "#111" } },
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }
  function visEdge(e) {
    var colour = edgeColour(e);
    return {
      id: e.id, from: e.from, to: e.to, label: e.label,
      arrows: { to: { enabled: e.directed, scaleFactor: 0.55 } },
      color: { color: colour, highlight: colour, hover: colour, opacity: 0.85 },
      dashes: e.kind === "place" || e.modality !== "asserted",
      width: 1 + Math.log2(e.count),
    };
  }
  var nodes = new vis.DataSet(DATA.nodes.map(visNode));
  var edges = new vis.DataSet(DATA.edges.map(visEdge));
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return nodeVisible(nodeInfo.get(n.id)); } });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return edgeVisible(edgeInfo.get(e.id)); } });

  function refreshVisibility() {
    nodeView.refresh();
    visibleIds = new Set(nodeView.getIds());
    edgeView.refresh();
  }
  function updateStatus() {
    setStatus(nodeView.length + " of " + DATA.nodes.length + " nodes \u00b7 " +
              edgeView.length + " of " + DATA.edges.length + " edges");
  }
  function keepPositions() {
    // Nodes that come back after a filter keep their place. (vis-network's own
    // storePositions() fails on a DataView whose filter hides nodes.)
    if (!api.network) return;
    var positions = api.network.getPositions();
    nodes.update(Object.keys(positions).map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
  }
  function applyFilters() {
    keepPositions();
    refreshVisibility();
    updateStatus();
  }

  /* ------------------------------------------------------------ legend and filter controls */
  function filterRow(key, on, swatch, text, count, onChange) {
    var box = el("input", { type: "checkbox", checked: on });
    box.dataset.filter = key;
    box.addEventListener("change", function () { onChange(box.checked); applyFilters(); });
    return el("label", { class: "filter" }, [box, swatch, el("span", { text: text }), el("span", { class: "count", text: String(count) })]);
  }
  function buildFilters() {
    var typeCounts = new Map(), edgeCounts = new Map();
    DATA.nodes.forEach(function (n) { typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1); });
    DATA.edges.forEach(function (e) { edgeCounts.set(edgeKey(e), (edgeCounts.get(edgeKey(e)) || 0) + 1); });
    var box = document.getElementById("entity-filters");
    DATA.entityTypes.forEach(function (type) {
      if (!typeCounts.has(type)) return;
      state.types.add(type);
      var style = DATA.styles.entities[type];
      var swatch = el("span", { class: "swatch " + style.legend });
      swatch.style.backgroundColor = style.color;
      box.appendChild(filterRow("type:" + type, true, swatch, DATA.typeNames[type], typeCounts.get(type),
        function (on) { if (on) state.types.add(type); else state.types.delete(type); }));
    });
    var edgeBox = document.getElementById("edge-filters");
    Array.from(edgeCounts.keys()).sort().forEach(function (key) {
      state.edgeKeys.add(key);
      var sample = DATA.edges.find(function (e) { return edgeKey(e) === key; });
      var swatch = el("span", { class: "swatch line" + (sample.kind === "place" ? " dashed" : "") });
      swatch.style.backgroundColor = edgeColour(sample);
      var text = sample.kind === "event" ? sample.type + (sample.directed ? "" : " \u2194") : DATA.kindNames[sample.kind];
      edgeBox.appendChild(filterRow(key, true, swatch, text, edgeCounts.get(key),
        function (on) { if (on) state.edgeKeys.add(key); else state.edgeKeys.delete(key); }));
    });
    buildTimeFilter();
  }
  function buildTimeFilter() {
    if (TIMES.length < 2) return;
    var from = document.getElementById("time-from"), to = document.getElementById("time-to");
    var fromLabel = document.getElementById("time-from-label"), toLabel = document.getElementById("time-to-label");
    document.getElementById("time-filter").hidden = false;
    from.max = to.max = String(TIMES.length - 1);
    from.value = "0"; to.value = String(TIMES.length - 1);
    function sync(changed) {
      state.from = Number(from.value); state.to = Number(to.value);
      if (state.from > state.to) {
        if (changed === from) { state.to = state.from; to.value = from.value; } else { state.from = state.to; from.value = to.value; }
      }
      fromLabel.textContent = showTime(TIMES[state.from]);
      toLabel.textContent = showTime(TIMES[state.to]);
    }
    from.addEventListener("input", function () { sync(from); applyFilters(); });
    to.addEventListener("input", function () { sync(to); applyFilters(); });
    sync(null);
    var timer = null, play = document.getElementById("play");
    play.addEventListener("click", function () {
      if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
      to.value = from.value; sync(to); applyFilters();
      play.textContent = "\u25a0 stop";
      timer = setInterval(function () {
        if (Number(to.value) >= TIMES.length - 1) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
        to.value = String(Number(to.value) + 1); sync(to); applyFilters();
      }, 900);
    });
  }
  function showTime(t) { return t ? t.replace("T", " ").replace(/:00Z$/, " UTC").replace(/Z$/, " UTC") : ""; }

  /* ------------------------------------------------------------ side panel */
  function panel(children) {
    var box = document.getElementById("panel");
    box.replaceChildren.apply(box, children.filter(Boolean));
    box.scrollTop = 0;
  }
  function sourceLine(index, extra) {
    var parts = (extra || []).slice(), src = index === null || index === undefined ? null : DATA.sources[index];
    if (src) {
      if (src.headline) parts.push(src.headline);
      if (src.published) parts.push(showTime(src.published));
    }
    var meta = el("div", { class: "meta", text: parts.join(" \u00b7 ") });
    if (src && src.link) {
      meta.appendChild(document.createTextNode(parts.length ? " \u00b7 " : ""));
      if (/^https?:\/\//i.test(src.link)) {
        meta.appendChild(el("a", { href: src.link, target: "_blank", rel: "noopener noreferrer", text: "open article" }));
      } else {
        meta.appendChild(el("span", { text: src.link }));
      }
    }
    return meta;
  }
  function quoteItem(qi, extra) {
    var q = DATA.quotes[qi];
    return el("li", {}, [el("blockquote", { text: q.text }), sourceLine(q.source, extra)]);
  }
  function list(items) { return el("ul", {}, items.map(function (x) { return el("li", { text: x }); })); }
  function more(shown, total, what) {
    return total > shown ? el("p", { class: "hint", text: "\u2026 and " + (total - shown) + " more " + what + " not shown" }) : null;
  }
  function actionLine(a) {
    // "ASSAULT · aerial · by the military · in Kharkiv · 2024-11-14 12:30 UTC"
    var parts = [a.type];
    if (a.mode) parts.push(a.mode);
    if (a.sector) parts.push("by the " + a.sector);
    if (a.modality !== "asserted") parts.push(a.modality);
    if (a.place) parts.push("in " + a.place);
    if (a.time) parts.push(showTime(a.time));
    return parts.join(" \u00b7 ");
  }
  function actionItem(a) {
    return el("li", { class: "action" }, [
      el("p", { class: "what", text: actionLine(a) }),
      a.evidence.length ? el("ol", { class: "quotes" }, a.evidence.map(function (qi) { return quoteItem(qi); })) : null,
    ]);
  }
  function showNode(id) {
    var n = nodeInfo.get(id);
    if (!n) return;
    var links = DATA.edges.filter(function (e) { return (e.from === id || e.to === id) && edgeView.get(e.id); });
    // Events with no target are never edges: they are listed here, within the time range.
    var actions = n.actions.filter(function (a) { return inTime(a.times); });
    panel([
      el("h2", { class: "title", text: n.label }),
      el("p", { class: "kind", text: DATA.typeSingular[n.type] + " \u00b7 " + n.mentions + (n.mentions === 1 ? " mention" : " mentions") }),
      n.aliases.length ? el("h2", { text: "Also called" }) : null,
      n.aliases.length ? list(n.aliases) : null,
      n.roles.length ? el("h2", { text: "Roles" }) : null,
      n.roles.length ? list(n.roles) : null,
      links.length ? el("h2", { text: "Relations" }) : null,
      links.length ? el("ul", {}, links.map(function (e) {
        var other = nodeInfo.get(e.from === id ? e.to : e.from);
        var arrow = !e.directed ? " \u2194 " : e.from === id ? " \u2192 " : " \u2190 ";
        var button = el("button", { class: "link", type: "button", text: e.label + arrow + other.label });
        button.addEventListener("click", function () { pinned = true; api.network.selectEdges([e.id]); showEdge(e.id); });
        return el("li", {}, [button]);
      })) : null,
      actions.length ? el("h2", { text: "Events without a target" }) : null,
      actions.length ? el("ul", { class: "actions" }, actions.map(actionItem)) : null,
      more(n.actions.length, n.actionTotal, "events"),
      n.quotes.length ? el("h2", { text: "Mentioned in" }) : null,
      n.quotes.length ? el("ol", { class: "quotes" }, n.quotes.map(function (qi) { return quoteItem(qi); })) : null,
      more(n.quotes.length, n.sentences, "sentences"),
    ]);
  }
  function showEdge(id) {
    var e = edgeInfo.get(id);
    if (!e) return;
    var from = nodeInfo.get(e.from), to = nodeInfo.get(e.to);
    var what = e.kind === "event" ? "event \u00b7 PLOVER " + e.type : e.kind === "role" ? "role \u00b7 " + e.type : "place of events";
    panel([
      el("h2", { class: "title", text: e.label }),
      el("p", { class: "kind", text: from.label + (e.directed ? " \u2192 " : " \u2194 ") + to.label }),
      el("p", { class: "kind", text: what + (e.count > 1 ? " \u00b7 " + e.count + " merged" : "") +
                                      (e.modality !== "asserted" ? " \u00b7 " + e.modality : "") }),
      e.evidence.length ? el("h2", { text: "Evidence" }) : el("p", { class: "hint", text: "No evidence sentence recorded." }),
      el("ol", { class: "quotes" }, e.evidence.map(function (ev) {
        var extra = [];
        if (ev.extractor) extra.push(ev.extractor);
        if (ev.confidence !== null) extra.push("confidence " + ev.confidence);
        return quoteItem(ev.quote, extra);
      })),
      more(e.evidence.length, e.evidenceTotal, "evidence sentences"),
    ]);
  }
  function showSummary() {
    panel([
      el("h2", { class: "title", text: "How to read this" }),
      el("p", { text: "Nodes are people, organisations and states, sized by how often they are mentioned. " +
                      "Edges are roles (a person's post) and events by PLOVER type; \u00d7N merges N events. " +
                      "An event with no target (\u201cthe minister resigned\u201d) is no edge: it is listed on its agent." }),
      el("p", { class: "hint", text: "Hover or click a node for its names, roles and the sentences that mention it; " +
                                     "click an edge for its evidence. Use the filters and the time sliders on the left." }),
    ]);
  }

  /* ------------------------------------------------------------ search */
  function findNode(query) {
    var q = query.trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n.label.toLowerCase() === q; },
      function (n) { return n.aliases.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.label.toLowerCase().indexOf(q) === 0; },
      function (n) { return [n.label].concat(n.aliases).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); },
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = DATA.nodes.filter(tests[i]).sort(function (a, b) { return b.mentions - a.mentions; })[0];
      if (hit) return hit.id;
    }
    return null;
  }
  function focusName(query) {
    var id = findNode(query);
    if (!id) { setStatus("no node named \u201c" + query + "\u201d"); return null; }
    if (!nodeView.get(id)) { setStatus(nodeInfo.get(id).label + " is hidden by the filters"); return null; }
    pinned = true;
    api.network.selectNodes([id]);
    api.network.focus(id, { scale: 1.3, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
    showNode(id);
    return id;
  }
  function buildSearch() {
    var names = new Set();
    DATA.nodes.forEach(function (n) { names.add(n.label); n.aliases.forEach(function (a) { names.add(a); }); });
    var datalist = document.getElementById("names");
    Array.from(names).sort().forEach(function (name) { datalist.appendChild(el("option", { value: name })); });
    document.getElementById("search").addEventListener("submit", function (ev) {
      ev.preventDefault();
      focusName(document.getElementById("search-box").value);
    });
  }

  /* ------------------------------------------------------------ the network */
  buildFilters();
  buildSearch();
  refreshVisibility();
  showSummary();
  var physics = !DATA.precomputed && DATA.nodes.length > 0;
  var big = DATA.nodes.length > 500;
  var network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, {
    layout: { improvedLayout: false, randomSeed: 1 },
    physics: physics ? {
      solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.08, damping: 0.45, avoidOverlap: 0.1 },
      stabilization: { enabled: true, iterations: 150, updateInterval: 25, fit: true },
      minVelocity: 0.75,
    } : { enabled: false },
    nodes: {
      borderWidth: 1.5,
      scaling: { min: 10, max: 36, label: { enabled: true, min: 12, max: 20, drawThreshold: 7 } },
      font: { face: "system-ui, sans-serif", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    edges: {
      smooth: false, selectionWidth: 1.5, hoverWidth: 0.8,
      font: { size: 10, align: "horizontal", color: "#333", strokeWidth: 3, strokeColor: "#ffffff" },
    },
    interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
  });
  api.network = network; api.nodes = nodes; api.edges = edges;
  api.visibleNodes = nodeView; api.visibleEdges = edgeView;
  api.focusName = focusName; api.showNode = showNode; api.showEdge = showEdge; api.applyFilters = applyFilters;

  function finish() {
    if (api.isReady) return;
    if (stats.firstDraw === null) stats.firstDraw = performance.now();
    stats.stabilized = performance.now();
    if (DATA.nodes.length) network.fit({ animation: false, maxZoomLevel: 1.6 });
    api.isReady = true;
    updateStatus();
    resolveReady(stats);
  }
  network.once("afterDrawing", function () {
    if (stats.firstDraw === null) stats.firstDraw = performance.now();
    if (!physics) finish();
  });
  network.on("stabilizationProgress", function (p) { setStatus("laying out\u2026 " + p.iterations + "/" + p.total); });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });  // a settled layout stays put: no jitter, no CPU
    finish();
  });
  if (!physics) setTimeout(function () { network.redraw(); }, 0);
  network.on("hoverNode", function (p) { if (!pinned) showNode(p.node); });
  network.on("click", function (p) {
    if (p.nodes.length) { pinned = true; showNode(p.nodes[0]); }
    else if (p.edges.length) { pinned = true; showEdge(p.edges[0]); }
    else { pinned = false; showSummary(); }
  });
})();
