/* Labels by importance. vis-network scales a label with the zoom and fades it
 * below a threshold, so at the opening zoom of a large graph most labels were
 * pale and tiny. Here every label is drawn at a fixed size on screen (16 px
 * for the most important nodes, 13 px for the rest, 12 px on edges) and
 * placed in this order, each skipped if it would overlap a label or a node
 * placed before it, so a label is either legible or not drawn:
 *   1. the hovered and the selected edge's label (always shown);
 *   2. the selected and the hovered node's label (always shown);
 *   3. the labels of the selected node's edges;
 *   4. its neighbours' labels, then every other node's by importance
 *      (relations, then mentions).
 * A node label goes under its node, as vis-network draws it, or else above it.
 * A node is an obstacle only to the labels placed after its own, so a hub's
 * label may cover a small node but no small node's label covers a hub.
 * Zooming in leaves more room, so more labels appear. */
var LABEL_PX = 13, TOP_LABEL_PX = 16, EDGE_LABEL_PX = 12, LABEL_GAP_PX = 3;
var measureContext = document.createElement("canvas").getContext("2d");
var textWidths = new Map();
var placedLabels = new Map();      // node id -> { size, lift }: font size and upward shift, in canvas units
var placedEdgeLabels = new Map();  // edge id -> font size
var labelTimer = null;

function textWidth(text) {  // at a font size of 100 px
  var width = textWidths.get(text);
  if (width === undefined) {
    measureContext.font = "100px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
    width = measureContext.measureText(text).width;
    textWidths.set(text, width);
  }
  return width;
}
function labelText(id) {
  if (isCommunityId(id)) return DATA.communities[communityIndex(id)].name;
  var n = nodeInfo.get(id);
  return n ? n.label : "";
}
function edgeText(id) {
  if (isGroupEdgeId(id)) return groupEdgeText(id);
  var e = edgeInfo.get(id);
  return e ? e.label : "";
}
function importance(id) {  // smaller is more important; collapsed communities come first
  return isCommunityId(id) ? communityIndex(id) - DATA.communities.length : nodeInfo.get(id).rank;
}
function nodeRadius(id) {
  var body = network.body.nodes[id];
  return body && body.options && typeof body.options.size === "number" ? body.options.size : 10;
}
function drawn(id) { return Boolean(id) && Boolean(nodeView.get(id)); }

/* A uniform grid of the boxes placed so far, in canvas units. */
function LabelGrid(cell) { this.cell = cell; this.cells = new Map(); }
LabelGrid.prototype.visit = function (box, fn) {
  for (var cx = Math.floor(box.l / this.cell); cx <= Math.floor(box.r / this.cell); cx++) {
    for (var cy = Math.floor(box.t / this.cell); cy <= Math.floor(box.b / this.cell); cy++) {
      if (fn(cx + "," + cy) === true) return true;
    }
  }
  return false;
};
LabelGrid.prototype.add = function (box) {
  var cells = this.cells;
  this.visit(box, function (key) { if (!cells.has(key)) cells.set(key, []); cells.get(key).push(box); });
};
LabelGrid.prototype.collides = function (box) {
  var cells = this.cells;
  return this.visit(box, function (key) {
    return (cells.get(key) || []).some(function (o) {
      return o.owner !== box.owner && o.l < box.r && box.l < o.r && o.t < box.b && box.t < o.b;
    });
  });
};

function placeLabels() {
  if (!network) return;
  clearTimeout(labelTimer);
  var scale = network.getScale(), gap = LABEL_GAP_PX / scale, grid = new LabelGrid(160 / scale);
  var ids = nodeView.getIds(), at = network.getPositions(ids);
  var nextNodes = new Map(), nextEdges = new Map(), position = 0;

  function edgeLabel(id, always) {
    var edge = network.body.edges[id];
    if (!edge || !edgeView.get(id) || !at[edge.fromId] || !at[edge.toId] || nextEdges.has(id)) return;
    var size = EDGE_LABEL_PX / scale, half = textWidth(edgeText(id)) * size / 200;
    var x = (at[edge.fromId].x + at[edge.toId].x) / 2, y = (at[edge.fromId].y + at[edge.toId].y) / 2;
    var box = { l: x - half - gap, r: x + half + gap, t: y - size * 0.7, b: y + size * 0.7, owner: "edge " + id };
    if (!always && grid.collides(box)) return;
    grid.add(box);
    nextEdges.set(id, size);
  }
  function nodeLabel(id, always) {
    var p = at[id], text = labelText(id);
    if (!p || !text || nextNodes.has(id)) return;
    position += 1;  // the first few get the larger size
    var size = (always || position <= DATA.topLabels ? TOP_LABEL_PX : LABEL_PX) / scale;
    // vis-network hangs a label from half its height under the node: it takes about two
    // font sizes under the node, and moving it above the node lifts it by that much more.
    var half = textWidth(text) * size / 200, r = nodeRadius(id), tall = size * 2;
    grid.add({ l: p.x - r, r: p.x + r, t: p.y - r, b: p.y + r, owner: id });
    var below = { l: p.x - half - gap, r: p.x + half + gap, t: p.y + r, b: p.y + r + tall + gap, owner: id, lift: 0 };
    var above = { l: below.l, r: below.r, t: p.y - r - tall - gap, b: p.y - r, owner: id, lift: -(2 * r + tall) };
    var box = !grid.collides(below) ? below : !grid.collides(above) ? above : always ? below : null;
    if (!box) return;
    grid.add(box);
    nextNodes.set(id, { size: size, lift: box.lift });
  }

  [selection.hoverEdge, selection.edge].forEach(function (id) { if (id) edgeLabel(id, true); });
  var selected = drawn(selection.node) ? selection.node : null;
  [selected, drawn(selection.hover) ? selection.hover : null].forEach(function (id) { if (id) nodeLabel(id, true); });
  var near = selected ? network.getConnectedNodes(selected) : [];
  if (selected) network.getConnectedEdges(selected).forEach(function (id) { edgeLabel(id, false); });
  near.forEach(function (id) { nodeLabel(id, false); });
  ids.slice().sort(function (a, b) { return importance(a) - importance(b); })
    .forEach(function (id) { nodeLabel(id, false); });

  // Labels are set on vis-network's own node objects, not through the DataSet: a DataSet
  // update of a few hundred nodes took a quarter of a second on a 2,000-node graph,
  // setting them directly a few milliseconds. Each node is compared with what it draws
  // now, so a node the filters brought back (drawn afresh from the DataSet, unlabelled)
  // is labelled again.
  var changed = false;
  ids.forEach(function (id) {
    var body = network.body.nodes[id], how = nextNodes.get(id);
    if (!body) return;
    var text = how ? labelText(id) : "";
    if (how ? body.options.label !== text || body.options.font.size !== how.size || body.options.font.vadjust !== how.lift
            : body.options.label) {
      body.setOptions(how ? { label: text, font: { size: how.size, vadjust: how.lift } } : { label: "" });
      changed = true;
    }
  });
  placedLabels = nextNodes;
  if (changed) network.body.emitter.emit("_requestRedraw");  // drawn with the next frame, once
  var edgeChanges = [];
  placedEdgeLabels.forEach(function (_, id) { if (!nextEdges.has(id) && edges.get(id)) edgeChanges.push({ id: id, label: "" }); });
  nextEdges.forEach(function (size, id) {
    if (placedEdgeLabels.get(id) !== size) edgeChanges.push({ id: id, label: edgeText(id), font: { size: size } });
  });
  placedEdgeLabels = nextEdges;
  if (edgeChanges.length) edges.update(edgeChanges);
}
function placeLabelsSoon() {
  clearTimeout(labelTimer);
  labelTimer = setTimeout(placeLabels, 120);
}
