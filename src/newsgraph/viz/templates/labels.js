/* Labels by importance. vis-network scales a label with the zoom and fades it
 * below a threshold, so at the opening zoom of a large graph most labels were
 * pale and tiny. Here every label is drawn at a fixed size on screen (16 px
 * for the most important nodes, 13 px for the rest) and labels are placed in
 * order of importance (the selected and hovered node and its neighbours
 * first, then by number of relations and mentions), under the node or else
 * above it, skipping any that would overlap a label or a node placed before
 * it: a label is either legible or not drawn. Zooming in leaves more room, so more labels appear. Edge
 * labels show only for the hovered or selected edge and the selected node's
 * edges. */
var LABEL_PX = 13, TOP_LABEL_PX = 16, EDGE_LABEL_PX = 12, LABEL_GAP_PX = 3;
var measureContext = document.createElement("canvas").getContext("2d");
var textWidths = new Map();
var placedLabels = new Map();   // node id -> { size, lift }: font size and upward shift, in canvas units
var placedEdgeLabels = new Map();
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
function importance(id) {  // smaller is more important; collapsed communities come first
  return isCommunityId(id) ? communityIndex(id) - DATA.communities.length : nodeInfo.get(id).rank;
}
function nodeRadius(id) {
  var body = network.body.nodes[id];
  return body && body.options && typeof body.options.size === "number" ? body.options.size : 10;
}
function forcedLabels() {
  var forced = [];
  if (selection.node && nodeView.get(selection.node)) {
    forced.push(selection.node);
    network.getConnectedNodes(selection.node).forEach(function (id) { forced.push(id); });
  }
  if (selection.hover && nodeView.get(selection.hover)) forced.push(selection.hover);
  return forced;
}

function placeLabels() {
  if (!network) return;
  clearTimeout(labelTimer);
  var scale = network.getScale();
  var ids = nodeView.getIds();
  var at = network.getPositions(ids);
  var forced = forcedLabels(), isForced = new Set(forced);
  var order = forced.concat(ids.filter(function (id) { return !isForced.has(id); })
    .sort(function (a, b) { return importance(a) - importance(b); }));
  var cell = 160 / scale, grid = new Map(), gap = LABEL_GAP_PX / scale;
  function cells(box, visit) {
    for (var cx = Math.floor(box.l / cell); cx <= Math.floor(box.r / cell); cx++) {
      for (var cy = Math.floor(box.t / cell); cy <= Math.floor(box.b / cell); cy++) {
        if (visit(cx + "," + cy) === true) return true;
      }
    }
    return false;
  }
  function add(box) {
    cells(box, function (key) { if (!grid.has(key)) grid.set(key, []); grid.get(key).push(box); });
  }
  function collides(box) {
    return cells(box, function (key) {
      return (grid.get(key) || []).some(function (o) {
        return o.owner !== box.owner && o.l < box.r && box.l < o.r && o.t < box.b && box.t < o.b;
      });
    });
  }
  var next = new Map(), position = 0;
  order.forEach(function (id) {
    var p = at[id], text = labelText(id);
    if (!p || !text || next.has(id)) return;
    position += 1;  // the first few in order of importance get the larger size
    var px = isForced.has(id) || position <= DATA.topLabels ? TOP_LABEL_PX : LABEL_PX;
    var size = px / scale, half = textWidth(text) * size / 200, r = nodeRadius(id), tall = size * 1.25;
    // A node is an obstacle to the labels of the nodes less important than it, so a hub's
    // label may cover a small node but no small node's label covers a hub.
    add({ l: p.x - r, r: p.x + r, t: p.y - r, b: p.y + r, owner: id });
    // Under the node, as vis-network draws it, or else above it (font.vadjust moves it up).
    var below = { l: p.x - half - gap, r: p.x + half + gap, t: p.y + r, b: p.y + r + tall + gap, owner: id, lift: 0 };
    var above = { l: below.l, r: below.r, t: p.y - r - tall - gap, b: p.y - r, owner: id, lift: -(2 * r + tall) };
    var box = isForced.has(id) || !collides(below) ? below : !collides(above) ? above : null;
    if (!box) return;
    add(box);
    next.set(id, { size: size, lift: box.lift });
  });
  var changes = [];
  placedLabels.forEach(function (size, id) {
    if (!next.has(id) && nodes.get(id)) changes.push({ id: id, label: "" });
  });
  next.forEach(function (how, id) {
    var was = placedLabels.get(id);
    if (!was || was.size !== how.size || was.lift !== how.lift) {
      changes.push({ id: id, label: labelText(id), font: { size: how.size, vadjust: how.lift } });
    }
  });
  placedLabels = next;
  if (changes.length) nodes.update(changes);
  placeEdgeLabels();
}
function placeLabelsSoon() {
  clearTimeout(labelTimer);
  labelTimer = setTimeout(placeLabels, 120);
}

function edgeText(id) {
  if (isGroupEdgeId(id)) return groupEdgeText(id);
  var e = edgeInfo.get(id);
  return e ? e.label : "";
}
function placeEdgeLabels() {
  var want = new Set();
  if (selection.edge) want.add(selection.edge);
  if (selection.hoverEdge) want.add(selection.hoverEdge);
  if (selection.node && nodeView.get(selection.node)) {
    network.getConnectedEdges(selection.node).forEach(function (id) { want.add(id); });
  }
  var size = EDGE_LABEL_PX / network.getScale(), changes = [];
  placedEdgeLabels.forEach(function (_, id) {
    if (!want.has(id) && edges.get(id)) changes.push({ id: id, label: "" });
  });
  var next = new Map();
  want.forEach(function (id) {
    if (!edgeView.get(id)) return;
    next.set(id, size);
    if (placedEdgeLabels.get(id) !== size) changes.push({ id: id, label: edgeText(id), font: { size: size } });
  });
  placedEdgeLabels = next;
  if (changes.length) edges.update(changes);
}
