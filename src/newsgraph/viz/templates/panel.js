/* The side panel: a node's names, roles, relations, quotations, events
 * without a target and the sentences that mention it; an edge's evidence; a
 * community's members. Text from articles goes in with textContent only. */
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
function nodeButton(id, text) {
  var button = el("button", { class: "link", type: "button", text: text });
  button.addEventListener("click", function () { focusNode(id); });
  return button;
}
function according(names) {
  return names && names.length ? "according to " + names.join(" and ") : null;
}
function actionLine(a) {
  // "ASSAULT · aerial · by the military · in Kharkiv · 2024-11-14 12:30 UTC · according to X"
  var parts = [a.type];
  if (a.mode) parts.push(a.mode);
  if (a.sector) parts.push("by the " + a.sector);
  if (a.modality !== "asserted") parts.push(a.modality);
  if (a.place) parts.push("in " + a.place);
  if (a.time) parts.push(showTime(a.time));
  if (according(a.accordingTo)) parts.push(according(a.accordingTo));
  return parts.join(" \u00b7 ");
}
function actionItem(a) {
  return el("li", { class: "action" }, [
    el("p", { class: "what", text: actionLine(a) }),
    a.evidence.length ? el("ol", { class: "quotes" }, a.evidence.map(function (qi) { return quoteItem(qi); })) : null,
  ]);
}
function quotationItem(index, withSpeaker) {
  // The words (in quotation marks when quoted, in italics when reported), who said them,
  // the cue, when and where, and whom they are about.
  var q = DATA.quotations[index];
  var words = el("blockquote", { class: q.direct ? "direct" : "reported",
                                 text: q.direct ? "\u201c" + q.text + "\u201d" : q.text });
  var who = q.speakerLabel || "an unnamed source";
  var head = withSpeaker ? el("p", { class: "said-by" }, [q.speaker ? nodeButton(q.speaker, who) : el("span", { text: who })]) : null;
  var evidence = q.evidence.length ? DATA.quotes[q.evidence[0]] : null;
  var extra = [q.direct ? "quoted" : "reported"];
  if (q.cue) extra.push(q.cue);
  if (q.time && !(evidence && evidence.source !== null && DATA.sources[evidence.source].published === q.time)) extra.push(showTime(q.time));
  var about = q.about.filter(function (id) { return id !== q.speaker && nodeInfo.has(id); });
  var aboutLine = about.length ? el("div", { class: "meta" }, [document.createTextNode("about ")].concat(
    about.map(function (id, i) {
      return el("span", {}, [document.createTextNode(i ? ", " : ""), nodeButton(id, nodeInfo.get(id).label)]);
    }))) : null;
  return el("li", { class: "quotation" }, [head, words, sourceLine(evidence ? evidence.source : null, extra), aboutLine]);
}
function quotationList(indexes, withSpeaker) {
  var shown = indexes.filter(function (i) { return quotationShown(DATA.quotations[i]); });
  return shown.length ? el("ol", { class: "quotes" }, shown.map(function (i) { return quotationItem(i, withSpeaker); })) : null;
}
function showNode(id) {
  if (isCommunityId(id)) return showCommunity(communityIndex(id));
  var n = nodeInfo.get(id);
  if (!n) return;
  var links = DATA.edges.filter(function (e) { return (e.from === id || e.to === id) && edgeView.get(e.id); });
  // Events with no target are never edges: they are listed here, within the time range.
  var actions = n.actions.filter(function (a) { return inTime(a.times); });
  var said = quotationList(n.said, false), heard = quotationList(n.heard, true);
  var community = n.community === null ? null : DATA.communities[n.community];
  panel([
    el("h2", { class: "title", text: n.label }),
    el("p", { class: "kind", text: DATA.typeSingular[n.type] + " \u00b7 " + plural(n.mentions, "mention", "mentions") +
                                   (community ? " \u00b7 community " + (n.community + 1) + " (" + community.name + ")" : "") }),
    n.aliases.length ? el("h2", { text: "Also called" }) : null,
    n.aliases.length ? list(n.aliases) : null,
    n.roles.length ? el("h2", { text: "Roles" }) : null,
    n.roles.length ? list(n.roles) : null,
    said ? el("h2", { text: "Quotations" }) : null,
    said,
    said ? more(n.said.length, n.saidTotal, "quotations") : null,
    links.length ? el("h2", { text: "Relations" }) : null,
    links.length ? el("ul", {}, links.map(function (e) {
      var other = nodeInfo.get(e.from === id ? e.to : e.from);
      var arrow = !e.directed ? " \u2194 " : e.from === id ? " \u2192 " : " \u2190 ";
      var button = el("button", { class: "link", type: "button", text: e.label + arrow + other.label });
      button.addEventListener("click", function () { selectEdge(e.id); });
      return el("li", {}, [button]);
    })) : null,
    actions.length ? el("h2", { text: "Events without a target" }) : null,
    actions.length ? el("ul", { class: "actions" }, actions.map(actionItem)) : null,
    more(n.actions.length, n.actionTotal, "events"),
    heard ? el("h2", { text: "Quoted about " + n.label }) : null,
    heard,
    heard ? more(n.heard.length, n.heardTotal, "quotations") : null,
    n.quotes.length ? el("h2", { text: "Mentioned in" }) : null,
    n.quotes.length ? el("ol", { class: "quotes" }, n.quotes.map(function (qi) { return quoteItem(qi); })) : null,
    more(n.quotes.length, n.sentences, "sentences"),
  ]);
}
function showEdge(id) {
  if (isGroupEdgeId(id)) return showGroupEdge(id);
  var e = edgeInfo.get(id);
  if (!e) return;
  var from = nodeInfo.get(e.from), to = nodeInfo.get(e.to);
  var what = e.kind === "event" ? "event \u00b7 PLOVER " + e.type : e.kind === "role" ? "role \u00b7 " + e.type : "place of events";
  panel([
    el("h2", { class: "title", text: e.label }),
    el("p", { class: "kind", text: from.label + (e.directed ? " \u2192 " : " \u2194 ") + to.label }),
    el("p", { class: "kind", text: what + (e.count > 1 ? " \u00b7 " + e.count + " merged" : "") +
                                    (e.modality !== "asserted" ? " \u00b7 " + e.modality : "") }),
    according(e.accordingTo) ? el("p", { class: "according", text: according(e.accordingTo) }) : null,
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
function showCommunity(i) {
  var c = DATA.communities[i];
  var expand = el("button", { type: "button", class: "link", text: state.collapsed.has(i) ? "expand it" : "collapse it into one node" });
  expand.addEventListener("click", function () { toggleCommunity(i); showCommunity(i); });
  panel([
    el("h2", { class: "title", text: c.name }),
    el("p", { class: "kind", text: "community " + (i + 1) + " \u00b7 " + plural(c.members.length, "member", "members") + " (Louvain)" }),
    el("p", {}, [expand]),
    el("h2", { text: "Members" }),
    el("ul", {}, c.members.map(function (id) { return el("li", {}, [nodeButton(id, nodeInfo.get(id).label)]); })),
  ]);
}
function showGroupEdge(id) {
  var m = groupEdges.get(id);
  if (!m) return;
  panel([
    el("h2", { class: "title", text: groupEdgeText(id) }),
    el("p", { class: "kind", text: labelText(m.from) + " \u2194 " + labelText(m.to) }),
    el("ul", {}, m.edges.map(function (eid) {
      var e = edgeInfo.get(eid);
      return el("li", { text: nodeInfo.get(e.from).label + " \u2014 " + e.label + " \u2014 " + nodeInfo.get(e.to).label });
    })),
  ]);
}
function showSummary() {
  panel([
    el("h2", { class: "title", text: "How to read this" }),
    el("p", { text: "Nodes are people, organisations and states, sized by how often they are mentioned. " +
                    "Edges are roles (a person's post) and events by PLOVER type; \u00d7N merges N events. " +
                    "An event with no target (\u201cthe minister resigned\u201d) is no edge: it is listed on its agent, " +
                    "and so is what a speaker said." }),
    el("p", { class: "hint", text: "Labels show for the most connected nodes first; zoom in for more. " +
                                   "Hover or click a node for its names, roles, quotations and the sentences that mention it; " +
                                   "click an edge for its evidence. Use the filters, the communities and the time sliders on the left, " +
                                   "or click the timeline." }),
  ]);
}
