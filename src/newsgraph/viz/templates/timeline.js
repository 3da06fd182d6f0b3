/* The timeline strip under the network: how many events (grey) and quotations
 * (orange) fall at each moment of the story. Its axis is the sliders' axis,
 * the story's distinct times in order (a live blog's half-hourly posts and an
 * article from last year each get their place, instead of one crowded end),
 * so the time range of the sliders is exactly the shaded window; bars outside
 * it are pale, and a click on a bar narrows the range to its moments. The
 * selected node's own events and quotations are marked with ticks. */
var TIMELINE_BINS = 120;
var timeline = null;   // { bins, perBin (times per bin), index (time -> slider position) } once built
function timelineItems() {
  var items = [];
  DATA.edges.forEach(function (e) {
    if (e.kind !== "event" || !state.edgeKeys.has(edgeKey(e))) return;
    e.times.forEach(function (t) { items.push({ t: t, kind: "events", node: [e.from, e.to] }); });
  });
  DATA.nodes.forEach(function (n) {
    n.actions.forEach(function (a) { a.times.forEach(function (t) { items.push({ t: t, kind: "events", node: [n.id] }); }); });
  });
  DATA.quotations.forEach(function (q) {
    if (!q.time || !state.quotationKinds.has(q.direct ? "direct" : "reported")) return;
    items.push({ t: q.time, kind: "quotes", node: q.speaker ? [q.speaker] : [] });
  });
  return items;
}
function buildTimeline() {
  if (TIMES.length < 2 || !timelineItems().length) return;
  var bins = Math.min(TIMELINE_BINS, TIMES.length);
  timeline = { bins: bins, perBin: TIMES.length / bins, index: new Map(TIMES.map(function (t, i) { return [t, i]; })) };
  document.getElementById("timeline").hidden = false;
  document.getElementById("timeline-start").textContent = showTime(TIMES[0]);
  document.getElementById("timeline-end").textContent = showTime(TIMES[TIMES.length - 1]);
  var key = document.getElementById("timeline-key");
  key.replaceChildren(el("span", { class: "events" }), document.createTextNode("events"),
                      el("span", { class: "quotes" }), document.createTextNode("quotations"));
  document.getElementById("timeline-bars").addEventListener("click", function (ev) {
    var box = ev.currentTarget.getBoundingClientRect();
    narrowToBin(Math.min(bins - 1, Math.max(0, Math.floor((ev.clientX - box.left) / box.width * bins))));
  });
  drawTimeline();
}
function binOf(t) {
  var i = timeline.index.get(t);
  return i === undefined ? null : Math.min(timeline.bins - 1, Math.floor(i / timeline.perBin));
}
function narrowToBin(bin) {
  var from = Math.ceil(bin * timeline.perBin), to = Math.min(TIMES.length - 1, Math.ceil((bin + 1) * timeline.perBin) - 1);
  setTimeRange(from, Math.max(from, to));
}
function drawTimeline() {
  if (!timeline) return;
  var bins = timeline.bins;
  var counts = { events: new Array(bins).fill(0), quotes: new Array(bins).fill(0) };
  var inRange = new Array(bins).fill(false), marked = new Set();
  timelineItems().forEach(function (item) {
    var bin = binOf(item.t);
    if (bin === null) return;
    counts[item.kind][bin] += 1;
    if (inTime([item.t])) inRange[bin] = true;
    if (selection.node && item.node.indexOf(selection.node) >= 0) marked.add(bin);
  });
  var most = 1;
  for (var b = 0; b < bins; b++) most = Math.max(most, counts.events[b] + counts.quotes[b]);
  var bars = [], pct = 100 / bins, height = 42;
  for (b = 0; b < bins; b++) {
    var below = 0;
    ["events", "quotes"].forEach(function (kind) {
      var n = counts[kind][b];
      if (!n) return;
      var h = Math.max(2, Math.round(n / most * height));
      var bar = el("div", { class: "bar " + kind + (inRange[b] ? "" : " out"), title: plural(n, kind === "events" ? "event" : "quotation", kind) });
      bar.style.left = (b * pct) + "%"; bar.style.width = "calc(" + pct + "% - 1px)";
      bar.style.bottom = below + "px"; bar.style.height = h + "px";
      bar.dataset.kind = kind; bar.dataset.count = String(n);
      below += h;
      bars.push(bar);
    });
    if (marked.has(b)) {
      var mark = el("div", { class: "mark" });
      mark.style.left = ((b + 0.5) * pct) + "%";
      bars.push(mark);
    }
  }
  var win = el("div", { class: "window" });
  var first = Math.floor(state.from / timeline.perBin), last = Math.floor(state.to / timeline.perBin);
  win.style.left = (first * pct) + "%";
  win.style.width = ((last - first + 1) * pct) + "%";
  document.getElementById("timeline-bars").replaceChildren.apply(document.getElementById("timeline-bars"), [win].concat(bars));
}
