/* The filters, the search and the network itself, wired together. */
function refreshVisibility() {
  var next = new Set(DATA.nodes.filter(passesFilters).map(function (n) { return n.id; }));
  keepPositions(function (id) { return isCommunityId(id) || (next.has(id) && !isCollapsed(nodeInfo.get(id))); });
  visibleIds = next;
  syncGroups();
  nodeView.refresh();
  edgeView.refresh();
}
function updateStatus() {
  var text = visibleIds.size + " of " + DATA.nodes.length + " nodes \u00b7 " + edgeView.length + " of " + DATA.edges.length + " edges";
  if (groupNodes.size) text += " \u00b7 " + plural(groupNodes.size, "community", "communities") + " drawn as one node each";
  setStatus(text);
}
function keepPositions(staying) {
  // Nodes that come back after a filter keep their place: those about to be hidden
  // leave their position in the DataSet. (vis-network's own storePositions() fails on
  // a DataView whose filter hides nodes, and updating every node made each filter
  // step slow on a large graph.)
  if (!network) return;
  var leaving = nodeView.getIds().filter(function (id) { return !staying(id); });
  if (!leaving.length) return;
  var positions = network.getPositions(leaving);
  nodes.update(leaving.map(function (id) { return { id: id, x: positions[id].x, y: positions[id].y }; }));
}
function placeIsolated() {
  // Nodes with no relation, brought back after the layout settled, go in rows under the drawing.
  var drawn = network.getPositions(), ys = [], xs = [];
  Object.keys(drawn).forEach(function (id) { xs.push(drawn[id].x); ys.push(drawn[id].y); });
  var alone = DATA.nodes.filter(function (n) { return n.degree === 0; }).sort(function (a, b) { return a.rank - b.rank; });
  if (!alone.length || !xs.length) return;
  var left = Math.min.apply(null, xs), right = Math.max.apply(null, xs), top = Math.max.apply(null, ys) + 120;
  var step = 110, perRow = Math.max(4, Math.floor((right - left) / step) + 1);
  nodes.update(alone.map(function (n, k) {
    return { id: n.id, x: left + (k % perRow) * step, y: top + Math.floor(k / perRow) * 60 };
  }));
}
function applyFilters() {
  refreshVisibility();
  updateStatus();
  drawTimeline();
  placeLabels();
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
  var isolated = DATA.nodes.filter(function (n) { return n.degree === 0; }).length;
  if (isolated) {
    box.appendChild(filterRow("isolated", state.isolated, el("span", { class: "swatch" }), "nodes without relations", isolated,
      function (on) { state.isolated = on; if (on && api.isReady) placeIsolated(); }));
  }
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
  if (DATA.quotations.length) {
    document.getElementById("quotation-filter").hidden = false;
    var quoteBox = document.getElementById("quotation-filters");
    [["direct", "quoted words"], ["reported", "reported speech"]].forEach(function (kind) {
      var count = DATA.quotations.filter(function (q) { return q.direct === (kind[0] === "direct"); }).length;
      if (!count) return;
      var swatch = el("span", { class: "swatch" });
      swatch.style.backgroundColor = kind[0] === "direct" ? "#e08a2c" : "#e8c9a3";
      quoteBox.appendChild(filterRow("quotations:" + kind[0], true, swatch, kind[1], count, function (on) {
        if (on) state.quotationKinds.add(kind[0]); else state.quotationKinds.delete(kind[0]);
        if (pinned && selection.node) showNode(selection.node);
      }));
    });
  }
  buildTimeFilter();
}
var timeSync = null;
function setTimeRange(from, to) {
  document.getElementById("time-from").value = String(from);
  document.getElementById("time-to").value = String(to);
  timeSync(null);
  applyFilters();
  if (pinned && selection.node) showNode(selection.node);
}
function buildTimeFilter() {
  if (TIMES.length < 2) return;
  var from = document.getElementById("time-from"), to = document.getElementById("time-to");
  var fromLabel = document.getElementById("time-from-label"), toLabel = document.getElementById("time-to-label");
  document.getElementById("time-filter").hidden = false;
  from.max = to.max = String(TIMES.length - 1);
  from.value = "0"; to.value = String(TIMES.length - 1);
  timeSync = function (changed) {
    state.from = Number(from.value); state.to = Number(to.value);
    if (state.from > state.to) {
      if (changed === from) { state.to = state.from; to.value = from.value; } else { state.from = state.to; from.value = to.value; }
    }
    fromLabel.textContent = showTime(TIMES[state.from]);
    toLabel.textContent = showTime(TIMES[state.to]);
  };
  from.addEventListener("input", function () { timeSync(from); applyFilters(); });
  to.addEventListener("input", function () { timeSync(to); applyFilters(); });
  timeSync(null);
  document.getElementById("time-all").addEventListener("click", function () { setTimeRange(0, TIMES.length - 1); });
  var timer = null, play = document.getElementById("play");
  play.addEventListener("click", function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
    to.value = from.value; timeSync(to); applyFilters();
    play.textContent = "\u25a0 stop";
    timer = setInterval(function () {
      if (Number(to.value) >= TIMES.length - 1) { clearInterval(timer); timer = null; play.textContent = "\u25b6 play"; return; }
      to.value = String(Number(to.value) + 1); timeSync(to); applyFilters();
    }, 900);
  });
}

/* ------------------------------------------------------------ search and selection */
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
function selectNode(id) {
  pinned = true;
  selection.node = id; selection.edge = null;
  network.selectNodes([id]);
  showNode(id);
  drawTimeline();
  placeLabels();
}
function selectEdge(id) {
  pinned = true;
  selection.node = null; selection.edge = id;
  network.selectEdges([id]);
  showEdge(id);
  drawTimeline();
  placeLabels();
}
function focusNode(id) {
  // A node inside a collapsed community is brought out first.
  var n = nodeInfo.get(id);
  if (n && isCollapsed(n)) toggleCommunity(n.community);
  if (!nodeView.get(id)) { setStatus(n.label + " is hidden by the filters"); showNode(id); return null; }
  selectNode(id);
  network.focus(id, { scale: 1.3, animation: { duration: 300, easingFunction: "easeInOutQuad" } });
  return id;
}
function focusName(query) {
  var id = findNode(query);
  if (!id) { setStatus("no node named \u201c" + query + "\u201d"); return null; }
  return focusNode(id);
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
buildCommunities();
buildSearch();
buildTimeline();  // before the network: showing the strip changes the canvas's size, and with it the zoom
refreshVisibility();
showSummary();
var physics = !DATA.precomputed && DATA.nodes.length > 0;
var big = DATA.nodes.length > 500;
network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, {
  layout: { improvedLayout: false, randomSeed: 1 },
  physics: physics ? {
    solver: "forceAtlas2Based",
    forceAtlas2Based: { gravitationalConstant: -60, centralGravity: 0.012, springLength: 110, springConstant: 0.08, damping: 0.45, avoidOverlap: 0.1 },
    stabilization: { enabled: true, iterations: DATA.layoutIterations, updateInterval: 25, fit: true },
    minVelocity: 0.75,
  } : { enabled: false },
  nodes: {
    borderWidth: 1.5,
    // Labels keep one size on screen (labels.js sets it per zoom): vis-network's own label scaling is off.
    scaling: { min: 10, max: 36, label: { enabled: false, drawThreshold: 6, maxVisible: 40 } },
    font: { face: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size: LABEL_PX, color: "#1d232a", strokeWidth: 4, strokeColor: "#ffffff" },
  },
  edges: {
    smooth: false, selectionWidth: 1.5, hoverWidth: 0.8,
    font: { size: EDGE_LABEL_PX, align: "horizontal", color: "#1d232a", strokeWidth: 4, strokeColor: "#ffffff" },
    scaling: { label: { enabled: false, drawThreshold: 6 } },
  },
  interaction: { hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big, keyboard: false },
});
api.network = network; api.nodes = nodes; api.edges = edges;
api.visibleNodes = nodeView; api.visibleEdges = edgeView;
api.focusName = focusName; api.showNode = showNode; api.showEdge = showEdge; api.applyFilters = applyFilters;
api.placeLabels = placeLabels; api.labels = function () { return Object.fromEntries(placedLabels); };

function finish() {
  if (api.isReady) return;
  if (stats.firstDraw === null) stats.firstDraw = performance.now();
  stats.stabilized = performance.now();
  if (DATA.nodes.length) network.fit({ animation: false, maxZoomLevel: 1.6 });
  placeLabels();
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
network.on("zoom", placeLabelsSoon);
network.on("resize", placeLabelsSoon);  // vis-network keeps the picture's proportions, so the zoom changes
network.on("animationFinished", placeLabels);
network.on("dragEnd", function (p) { if (p.nodes.length) placeLabels(); });
network.on("hoverNode", function (p) {
  selection.hover = p.node;
  if (!placedLabels.has(p.node)) placeLabels();
  if (!pinned) showNode(p.node);
});
network.on("blurNode", function () { selection.hover = null; });
network.on("hoverEdge", function (p) { selection.hoverEdge = p.edge; placeLabels(); });
network.on("blurEdge", function () { selection.hoverEdge = null; placeLabels(); });
network.on("click", function (p) {
  if (p.nodes.length) selectNode(p.nodes[0]);
  else if (p.edges.length) selectEdge(p.edges[0]);
  else { pinned = false; selection.node = selection.edge = null; showSummary(); drawTimeline(); placeLabels(); }
});
network.on("doubleClick", function (p) {
  if (p.nodes.length && isCommunityId(p.nodes[0])) toggleCommunity(communityIndex(p.nodes[0]));
});
