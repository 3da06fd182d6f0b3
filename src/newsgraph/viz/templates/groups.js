/* What vis-network draws: the entity nodes and edges, and the communities.
 * A collapsed community is one hexagon standing for its members; the edges
 * between the members of different groups are merged into one grey edge per
 * pair, counting the relations it stands for. Community nodes and merged
 * edges are in the DataSets only while something is collapsed. */
var COMMUNITY_PREFIX = "community:", GROUP_EDGE_PREFIX = "group:";

function nodeColour(n) {
  var style = DATA.styles.entities[n.type];
  var fill = style.color, border = style.border;
  if (state.colourBy === "community") {
    fill = n.community === null ? DATA.styles.noCommunity : DATA.communities[n.community].colour;
    border = "#3a3f45";
  }
  return { background: fill, border: border, highlight: { background: fill, border: "#111" }, hover: { background: fill, border: "#111" } };
}
function visNode(n) {
  var item = { id: n.id, label: "", shape: DATA.styles.entities[n.type].shape, value: Math.max(n.mentions, n.degree, 1), color: nodeColour(n) };
  if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
  return item;
}
function visEdge(e) {
  var colour = edgeColour(e);
  return {
    id: e.id, from: e.from, to: e.to, label: "",
    arrows: { to: { enabled: e.directed, scaleFactor: 0.55 } },
    color: { color: colour, highlight: colour, hover: colour, opacity: 0.85 },
    dashes: e.kind === "place" || e.modality !== "asserted",
    width: 1 + Math.log2(e.count),
  };
}
// The least important nodes first: vis-network draws nodes (and their labels) in this
// order, so a hub's label is drawn over the small nodes around it, never under them.
var nodes = new vis.DataSet(DATA.nodes.slice().sort(function (a, b) { return b.rank - a.rank; }).map(visNode));
var edges = new vis.DataSet(DATA.edges.map(visEdge));
var groupNodes = new Map(), groupEdges = new Map();   // what the collapsed communities added, by id

function isCommunityId(id) { return typeof id === "string" && id.indexOf(COMMUNITY_PREFIX) === 0; }
function isGroupEdgeId(id) { return typeof id === "string" && id.indexOf(GROUP_EDGE_PREFIX) === 0; }
function communityIndex(id) { return Number(id.slice(COMMUNITY_PREFIX.length)); }
function isCollapsed(n) { return n.community !== null && state.collapsed.has(n.community); }
function representative(id) {
  var n = nodeInfo.get(id);
  return isCollapsed(n) ? COMMUNITY_PREFIX + n.community : id;
}
var nodeView = new vis.DataView(nodes, { filter: function (item) {
  if (isCommunityId(item.id)) return groupNodes.has(item.id);
  var n = nodeInfo.get(item.id);
  return visibleIds.has(n.id) && !isCollapsed(n);
} });
var edgeView = new vis.DataView(edges, { filter: function (item) {
  if (isGroupEdgeId(item.id)) return groupEdges.has(item.id);
  var e = edgeInfo.get(item.id);
  return edgePasses(e) && !isCollapsed(nodeInfo.get(e.from)) && !isCollapsed(nodeInfo.get(e.to));
} });

function syncGroups() {
  // Community nodes: one per collapsed community that still has a member passing the filters.
  var wantNodes = new Map();
  state.collapsed.forEach(function (i) {
    var members = DATA.communities[i].members.filter(function (m) { return visibleIds.has(m); });
    if (members.length) wantNodes.set(COMMUNITY_PREFIX + i, members);
  });
  var gone = Array.from(groupNodes.keys()).filter(function (id) { return !wantNodes.has(id); });
  var added = [];
  wantNodes.forEach(function (members, id) {
    if (groupNodes.has(id)) return;
    var i = communityIndex(id), at = nodes.get(members), x = 0, y = 0, value = 0;
    at.forEach(function (m) { x += m.x || 0; y += m.y || 0; value += m.value; });
    var colour = DATA.communities[i].colour;
    added.push({ id: id, label: "", shape: "hexagon", value: value, x: x / at.length, y: y / at.length,
                 color: { background: colour, border: "#222", highlight: { background: colour, border: "#000" }, hover: { background: colour, border: "#000" } },
                 borderWidth: 2 });
  });
  groupNodes = wantNodes;
  // Merged edges between groups (and between a group and a node outside it).
  var wantEdges = new Map();
  DATA.edges.forEach(function (e) {
    if (!edgePasses(e)) return;
    var a = representative(e.from), b = representative(e.to);
    if ((a === e.from && b === e.to) || a === b) return;
    var id = GROUP_EDGE_PREFIX + (a < b ? a + "\u001f" + b : b + "\u001f" + a);
    var merged = wantEdges.get(id) || { id: id, from: a < b ? a : b, to: a < b ? b : a, count: 0, edges: [] };
    merged.count += e.count; merged.edges.push(e.id);
    wantEdges.set(id, merged);
  });
  var goneEdges = Array.from(groupEdges.keys()).filter(function (id) { return !wantEdges.has(id); });
  groupEdges = wantEdges;
  if (goneEdges.length) edges.remove(goneEdges);
  if (gone.length) nodes.remove(gone);
  if (added.length) nodes.add(added);
  edges.update(Array.from(wantEdges.values()).map(function (m) {
    return { id: m.id, from: m.from, to: m.to, label: "", arrows: { to: { enabled: false } }, width: 1 + Math.log2(m.count),
             color: { color: "#9aa3ad", highlight: "#5c6670", hover: "#5c6670", opacity: 0.9 } };
  }));
}
function groupEdgeText(id) {
  var m = groupEdges.get(id);
  return m ? plural(m.count, "relation", "relations") : "";
}

function setColourBy(mode) {
  state.colourBy = mode;
  nodes.update(DATA.nodes.map(function (n) { return { id: n.id, color: nodeColour(n) }; }));
}
function setCollapsed(indexes) {
  state.collapsed = new Set(indexes);
  document.getElementById("collapse-all").checked = state.collapsed.size === DATA.communities.length;
  document.querySelectorAll("#community-list button").forEach(function (b) {
    b.setAttribute("aria-pressed", String(state.collapsed.has(Number(b.dataset.community))));
  });
  refreshVisibility();
  updateStatus();
  placeLabels();
}
function toggleCommunity(i) {
  var next = new Set(state.collapsed);
  if (next.has(i)) next.delete(i); else next.add(i);
  setCollapsed(next);
}

function buildCommunities() {
  if (!DATA.communities.length) return;
  document.getElementById("community-controls").hidden = false;
  document.querySelectorAll("input[name='colour-by']").forEach(function (radio) {
    radio.dataset.filter = "colour:" + radio.value;
    radio.addEventListener("change", function () { if (radio.checked) setColourBy(radio.value); });
  });
  var all = document.getElementById("collapse-all");
  all.dataset.filter = "collapse";
  all.addEventListener("change", function () {
    setCollapsed(all.checked ? DATA.communities.map(function (_, i) { return i; }) : []);
  });
  var list = document.getElementById("community-list");
  DATA.communities.forEach(function (c, i) {
    var swatch = el("span", { class: "swatch dot" });
    swatch.style.backgroundColor = c.colour;
    var button = el("button", { type: "button", title: "Collapse or expand this community" },
                    [swatch, el("span", { class: "name", text: c.name }), el("span", { class: "count", text: String(c.members.length) })]);
    button.dataset.community = String(i);
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () { toggleCommunity(i); });
    list.appendChild(el("li", {}, [button]));
  });
}
