/* The newsgraph network page: the data, the filter state and small helpers.
 * Everything that came from an article is put in the page with textContent or
 * DOM properties, never as HTML, and links are only made for http(s) URLs: a
 * headline, a quotation or a sentence cannot run script. */
var DATA = JSON.parse(document.getElementById("newsgraph-data").textContent);
var stats = { firstDraw: null, stabilized: null };
var resolveReady;
var api = { ready: new Promise(function (r) { resolveReady = r; }), isReady: false, stats: stats, data: DATA };
window.newsgraph = api;

var nodeInfo = new Map(DATA.nodes.map(function (n) { return [n.id, n]; }));
var edgeInfo = new Map(DATA.edges.map(function (e) { return [e.id, e]; }));
var TIMES = DATA.times;
var state = {
  types: new Set(), edgeKeys: new Set(), from: 0, to: Math.max(TIMES.length - 1, 0),
  isolated: DATA.isolatedShown,            // nodes with no relation at all
  quotationKinds: new Set(["direct", "reported"]),
  colourBy: "type",
  collapsed: new Set(),                    // indexes of communities drawn as one node
};
var visibleIds = new Set();                // entity nodes that pass the filters (collapsed or not)
var pinned = false;                        // the panel shows a clicked item, not the hovered one
var selection = { node: null, edge: null, hover: null, hoverEdge: null };
var network = null;

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
function showTime(t) { return t ? t.replace("T", " ").replace(/:00Z$/, " UTC").replace(/Z$/, " UTC") : ""; }
function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

/* ------------------------------------------------------------ filters */
function timeFiltered() { return TIMES.length > 1 && (state.from > 0 || state.to < TIMES.length - 1); }
function inTime(times) {
  if (!timeFiltered() || times.length === 0) return true;
  var lo = TIMES[state.from], hi = TIMES[state.to];
  return times.some(function (t) { return t >= lo && (t <= hi || t.slice(0, hi.length) === hi); });
}
function passesFilters(n) {
  return state.types.has(n.type) && (state.isolated || n.degree > 0) && inTime(n.times);
}
function edgePasses(e) {
  return state.edgeKeys.has(edgeKey(e)) && visibleIds.has(e.from) && visibleIds.has(e.to) && inTime(e.times);
}
function quotationShown(q) {
  return state.quotationKinds.has(q.direct ? "direct" : "reported") && inTime(q.time ? [q.time] : []);
}
