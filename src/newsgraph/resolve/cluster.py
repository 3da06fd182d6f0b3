"""Group mentions into entities, within and across documents.

One node per real thing: "Maria Lindqvist", "Lindqvist" and "Ms Lindqvist" are
one person; "Nato", "NATO" and "North Atlantic Treaty Organization" one
organisation; "Russian" and "Russia's" one state. Resolution never merges
across types; every surface form is kept as an alias. The result does not
depend on the order of the input documents (they are sorted first, and
every choice is made over sorted candidates).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from ..lexicon import Lexicon, acronym_after, is_acronym, load_lexicon, name_initials, normalise, slugify
from ..types import AnalysedDocument, Entity, EntityType, Mention, Resolution, ResolvedMention
from .classify import Candidate, classify
from .evidence import (described_bodies, name_word, names_a_natural_event, names_a_thing, personal, speaks,
                       storm_names, titled_names)
from .surnames import add_untagged_surnames

_TYPE_ORDER = {EntityType.PERSON: 0, EntityType.ORGANISATION: 1, EntityType.PLACE: 2, EntityType.STATE: 3}
_LONE_WORD_ORDER = {EntityType.ORGANISATION: 0, EntityType.PERSON: 1, EntityType.PLACE: 2, EntityType.STATE: 3}


def resolve_entities(analysed: Iterable[AnalysedDocument], lexicon: Lexicon | None = None) -> Resolution:
    lexicon = lexicon or load_lexicon()
    docs = sorted(analysed, key=lambda a: a.document.key)
    cands: list[Candidate] = []
    titled: dict[str, tuple[set[str], set[str]]] = {}
    for ad in docs:
        found, people = _document_candidates(ad, lexicon)
        cands.extend(found)
        names, words = titled_names(ad.document.text)
        titled[ad.document.key] = (names | people, words | {p for p in people if " " not in p})
    cands = add_untagged_surnames(_harmonise_types(_confirm_title_case(cands), titled), docs)
    keys = _assign_keys(cands, {ad.document.key: ad.document.text for ad in docs})
    return _entities(cands, keys, lexicon)


def _document_candidates(ad: AnalysedDocument, lexicon: Lexicon) -> tuple[list[Candidate], set[str]]:
    """The candidates of one document, less the names of weapon systems, products,
    vehicles and storms: a name the text puts before such a noun ("Patriot
    batteries") or after a storm word ("Storm Daniel") names no actor anywhere in
    the document, unless the text has it speak. Also the
    normalised names the text treats as a person's ("X, who", "X said she")."""
    found: list[Candidate] = []
    things: set[str] = storm_names(ad.document.text)
    speakers: set[str] = set()
    people: set[str] = set()
    mentions = [part for m in ad.mentions for part in _coordinated_places(m, lexicon)]
    mentions += _untagged_bodies(ad, mentions)
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        sentence = ad.sentences[m.sentence] if 0 <= m.sentence < len(ad.sentences) else None
        if m.hint is None and names_a_natural_event(m, sentence):  # "Storm Daniel ... Daniel weakened"
            things.update((normalise(m.text), normalise(m.text.split()[-1])))
            continue
        c = classify(ad.document.key, m, sentence, lexicon)
        if c is None:
            continue
        if speaks(m, sentence):
            speakers.add(normalise(c.name))
        if c.mention.hint is None and personal(m, sentence):
            people.add(normalise(c.name))
        if m.hint is None and lexicon.lookup(c.surface) is None and names_a_thing(m, sentence):
            things.add(normalise(c.name))
        found.append(c)
    # "Ana Lima drones ... Lima said": a speaker's name or surname spares the name.
    spoken = {w for name in speakers for w in name.split()}
    things = {t for t in things if not spoken.intersection(t.split())}
    things |= {t + "s" for t in things}  # "two Patriots"
    return [c for c in found if normalise(c.name) not in things or c.mention.hint is not None], people


def _untagged_bodies(ad: AnalysedDocument, mentions: list[Mention]) -> list[Mention]:
    """ORG mentions for names after a noun describing a body that the model left untagged."""
    out = []
    for start, end in described_bodies(ad.document.text):
        if any(m.start < end and start < m.end for m in mentions):
            continue
        sentence = next((i for i, s in enumerate(ad.sentences) if s.start <= start and end <= s.end), None)
        if sentence is not None:
            out.append(Mention(start, end, ad.document.text[start:end], "ORG", sentence,
                               post=ad.sentences[sentence].post, source="described"))
    return out


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _coordinated_places(m: Mention, lexicon: Lexicon) -> list[Mention]:
    """ "Auckland and Christchurch" taken as one name: one mention per gazetteer place."""
    if m.hint is not None or not _LIST_SEPARATOR.search(m.text):
        return [m]
    parts, at = [], 0
    for sep in [*_LIST_SEPARATOR.finditer(m.text), None]:
        end = sep.start() if sep else len(m.text)
        parts.append((at, end))
        at = sep.end() if sep else at
    hits = [lexicon.lookup(m.text[a:b]) for a, b in parts]
    if len(parts) < 2 or any(h is None or h.kind not in {"capital", "city", "state"} for h in hits):
        return [m]
    return [replace(m, start=m.start + a, end=m.start + b, text=m.text[a:b], label="GPE", hint=h.hint)
            for (a, b), h in zip(parts, hits)]


def _confirm_title_case(cands: list[Candidate]) -> list[Candidate]:
    """Names NER found only in a headline count when the body names them too:
    every name from a Title Case Headline, single words from any headline
    ("Explainer: who is who...")."""
    seen: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if not c.mention.source.startswith("ner-"):
            seen[c.document].update((normalise(c.name), normalise(c.surface)))  # "Moscow said": Russia, Moscow
            seen[c.document].update(normalise(w) for w in c.name.split())

    def needs_body(c: Candidate) -> bool:
        return c.mention.source == "ner-titlecase" or (c.mention.source == "ner-headline" and " " not in c.name)

    return [c for c in cands if not needs_body(c) or normalise(c.name) in seen[c.document]]


def _named_person(name: str, person_words: set[str] | tuple) -> bool:
    """ "Anies Baswedan" typed as an organisation where the document has "Mr Baswedan"
    or "Anies said his ...": a name shaped like a person's whose first or last word
    the document gives a title or a personal pronoun."""
    words = name.split()
    return 2 <= len(words) <= 4 and (words[0].casefold() in person_words or words[-1].casefold() in person_words) \
        and all(name_word(w) for w in words)


def _typed_by_syntax(c: Candidate) -> bool:
    """The classifier overrode the NER label because of the sentence's syntax."""
    label_type = {"PERSON": EntityType.PERSON, "ORG": EntityType.ORGANISATION}.get(c.mention.label)
    return label_type is not None and label_type is not c.type


def _harmonise_types(cands: list[Candidate],
                     titled: dict[str, tuple[set[str], set[str]]] | None = None) -> list[Candidate]:
    """One type per surface within a document; surnames of named people are people,
    and so are names the document puts after a title ("Mr Okafor", "General Haddad")."""
    titled = titled or {}
    person_tokens: dict[str, set[str]] = defaultdict(set)
    titled_full: dict[str, set[str]] = defaultdict(set)
    for doc, (names, words) in titled.items():
        person_tokens[doc].update(words)
        titled_full[doc].update(names)
    for c in cands:
        if c.type is EntityType.PERSON and len(c.name.split()) >= 2:
            person_tokens[c.document].update(t.casefold() for t in c.name.split())
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for c in cands:
        if c.fixed is None or c.type is EntityType.PLACE and c.capital_of is None:
            # A type the syntax gave ("the island of Capri", a name after a post)
            # outweighs a bare NER label elsewhere in the document.
            votes[(c.document, normalise(c.name))][c.type] += 2 if _typed_by_syntax(c) or \
                c.mention.source == "described" else 1
    out = []
    for c in cands:
        if c.fixed is not None and (c.type is not EntityType.PLACE or c.capital_of):
            out.append(c)
            continue
        new_type = c.type
        if (" " not in c.name and c.name.casefold() in person_tokens[c.document]) or (
                " " in c.name and normalise(c.name) in titled_full[c.document]) or (
                c.type is not EntityType.PERSON and _named_person(c.name, titled.get(c.document, ((), ()))[1])):
            new_type = EntityType.PERSON
        else:
            counts = votes[(c.document, normalise(c.name))]
            # A lone word the model calls a person as often as an organisation, and
            # that no full name, title or "who" in the document makes a person, is
            # an organisation's name ("Meta"): a person is named in full somewhere.
            order = _LONE_WORD_ORDER if " " not in c.name else _TYPE_ORDER
            new_type = min(counts, key=lambda t: (-counts[t], order[t]))
        if new_type is not c.type:
            fixed = f"place/{slugify(c.name)}" if new_type is EntityType.PLACE else None
            c = Candidate(c.document, c.mention, new_type, c.name, c.surface, fixed)
        out.append(c)
    return out


# ---------------------------------------------------------------- keys


def _assign_keys(cands: list[Candidate], texts: dict[str, str]) -> list[str]:
    keys: list[str | None] = [c.fixed for c in cands]
    _person_keys(cands, keys)
    _org_keys(cands, keys, texts)
    return [k or f"{c.type.slug}/{slugify(c.name)}" for c, k in zip(cands, keys)]


def _tokens_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= 6 and len(b) >= 6 and a[:4] == b[:4] and _edit_distance(a, b) <= 1)


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _subsequence(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(_tokens_match(s, t) for t in it) for s in short)


def _person_keys(cands: list[Candidate], keys: list[str | None]) -> None:
    idx = [i for i, c in enumerate(cands) if c.type is EntityType.PERSON and keys[i] is None]
    names = sorted({cands[i].name for i in idx}, key=lambda n: (-len(n.split()), n))
    docs_of: dict[str, set[str]] = defaultdict(set)
    for i in idx:
        docs_of[cands[i].name].add(cands[i].document)
    # Full names first, longest first: each joins the first cluster it fits.
    clusters: list[tuple[str, list[str], set[str]]] = []  # canonical, tokens, documents
    cluster_of: dict[str, int] = {}
    # Tokens that match share their first four letters: index clusters by
    # them, so a name is compared with a few clusters, not all of them.
    by_prefix: dict[str, set[int]] = defaultdict(set)
    for name in names:
        toks = [t.casefold() for t in name.split()]
        if len(toks) < 2:
            continue
        near = set.intersection(*(by_prefix.get(t[:4], set()) for t in toks))
        for ci in sorted(near):
            if _subsequence(toks, clusters[ci][1]):
                cluster_of[name] = ci
                clusters[ci][2].update(docs_of[name])
                break
        else:
            cluster_of[name] = len(clusters)
            clusters.append((name, toks, set(docs_of[name])))
            for t in toks:
                by_prefix[t[:4]].add(cluster_of[name])
    # Single names join the one named person who carries that name,
    # preferring people named in the same document, then the one named last
    # before it ("Rodrigo Duterte ... Duterte's daughter, Sara Duterte").
    full_at: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i in idx:
        if cands[i].name in cluster_of:
            full_at[(cluster_of[cands[i].name], cands[i].document)].append(cands[i].mention.start)
    for i in idx:
        c = cands[i]
        if c.name in cluster_of:
            continue
        token = c.name.casefold()
        fits = [ci for ci in sorted(by_prefix.get(token[:4], ())) if _carries(clusters[ci][1], token)]
        local = [ci for ci in fits if c.document in clusters[ci][2]]
        chosen = local if local else fits
        if len(chosen) > 1:  # a surname beats a given name
            chosen = [ci for ci in chosen if _tokens_match(token, clusters[ci][1][-1])] or chosen
        if len(chosen) > 1 and local:
            before = {ci: max((p for p in full_at[(ci, c.document)] if p < c.mention.start), default=-1)
                      for ci in chosen}
            latest = max(before.values())
            chosen = [ci for ci in chosen if before[ci] == latest] if latest >= 0 else chosen
        if len(chosen) == 1:
            keys[i] = f"person/{slugify(clusters[chosen[0]][0])}"
    for i in idx:
        if keys[i] is None and cands[i].name in cluster_of:
            keys[i] = f"person/{slugify(clusters[cluster_of[cands[i].name]][0])}"


_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})


def _carries(name_tokens: Sequence[str], token: str) -> bool:
    """Whether a single name can stand for a full name: any of its tokens, but
    not one after "bin"/"ibn" (King Salman is not Khalid bin Salman)."""
    for t in name_tokens:
        if t in _PATRONYMIC:
            return False
        if _tokens_match(token, t):
            return True
    return False


def _org_keys(cands: list[Candidate], keys: list[str | None], texts: dict[str, str]) -> None:
    """Organisations by normalised name; "Full Name (ACR)" and initials make ACR an alias."""
    acronym_of: dict[tuple[str, str], str] = {}  # (document, ACR) -> key
    for i, c in enumerate(cands):
        if c.type is not EntityType.ORGANISATION:
            continue
        key = keys[i] or f"org/{slugify(c.name)}"
        keys[i] = key
        acronym = acronym_after(texts.get(c.document, ""), c.mention.end)
        if acronym is not None and not is_acronym(c.name):
            acronym_of.setdefault((c.document, acronym), key)
    full_names = defaultdict(list)
    for i, c in enumerate(cands):
        if c.type is EntityType.ORGANISATION and not is_acronym(c.name) and c.fixed is None:
            full_names[(c.document, name_initials(c.name))].append(keys[i])
    for i, c in enumerate(cands):
        if c.type is not EntityType.ORGANISATION or c.fixed is not None or not is_acronym(c.name):
            continue
        acr = c.name.replace(".", "")
        defined = acronym_of.get((c.document, acr))
        if defined is None and len(set(full_names.get((c.document, acr), []))) == 1:
            defined = full_names[(c.document, acr)][0]
        if defined is not None:
            keys[i] = defined
    # The same acronym in other documents follows its definition.
    global_acr: dict[str, set[str]] = defaultdict(set)
    for (_, acr), key in acronym_of.items():
        global_acr[acr].add(key)
    for i, c in enumerate(cands):
        if c.type is EntityType.ORGANISATION and c.fixed is None and keys[i] == f"org/{slugify(c.name)}":
            found = global_acr.get(c.name.replace(".", ""), set())
            if len(found) == 1:
                keys[i] = next(iter(found))
    _short_org_forms(cands, keys)


def _short_org_forms(cands: list[Candidate], keys: list[str | None]) -> None:
    """ "the Commission" after "the European Commission" is that commission;
    "Houthi" and "Houthis" are one group."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        if c.type is EntityType.ORGANISATION:
            by_doc[c.document].append(i)
    for i in (i for group in by_doc.values() for i in group):
        c = cands[i]
        if c.fixed is not None or " " in c.name or is_acronym(c.name):
            continue
        word = c.name.casefold()
        same_doc = [j for j in by_doc[c.document] if j != i]
        heads = [j for j in same_doc if " " in cands[j].name and cands[j].name.split()[-1].casefold() == word
                 and cands[j].mention.start < c.mention.start]
        if heads:
            keys[i] = keys[max(heads, key=lambda j: cands[j].mention.start)]
            continue
        singular = [j for j in same_doc if word.endswith("s") and cands[j].name.casefold() == word[:-1]]
        if singular:
            keys[i] = keys[singular[0]]


# ---------------------------------------------------------------- entities


def _entities(cands: list[Candidate], keys: list[str], lexicon: Lexicon) -> Resolution:
    surfaces: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, Counter] = defaultdict(Counter)
    types: dict[str, EntityType] = {}
    mentions = []
    for c, key in zip(cands, keys):
        types.setdefault(key, c.type)
        if types[key] is not c.type:  # never merge across types: keep the first, separate the rest
            key = f"{c.type.slug}/{slugify(c.name)}"
            types.setdefault(key, c.type)
        surfaces[key][c.surface] += 1
        names[key][c.name] += 1
        mentions.append(ResolvedMention(c.document, c.mention, key))
    entities = []
    for key in sorted(types):
        etype = types[key]
        iso3 = iso2 = None
        if etype is EntityType.STATE:
            entry = lexicon.states[key.split("/", 1)[1]]
            name, iso3, iso2 = entry.name, entry.iso3, entry.iso2
        elif key.startswith("org/") and key[4:] in lexicon.orgs:
            name = lexicon.orgs[key[4:]].name
        else:
            name = _canonical(names[key], etype)
        aliases = sorted({s for s in surfaces[key]} | set(names[key]) - {name})
        entities.append(Entity(key, etype, name, tuple(a for a in aliases if a != name), iso3, iso2))
    return Resolution(tuple(entities), tuple(mentions))


def _canonical(names: Counter, etype: EntityType) -> str:
    if etype is EntityType.PERSON:
        # The fullest well-attested form: among the forms with the most words,
        # the one whose least-used word the text uses most, so a one-off typo
        # ("Ana Limma" once, "Lima" ten times) never names the person.
        support: Counter = Counter()
        for n, count in names.items():
            for word in set(n.casefold().split()):
                support[word] += count
        return min(names, key=lambda n: (-len(n.split()), -min(support[w] for w in n.casefold().split()),
                                         -names[n], n))
    # Organisations and places: the fullest non-acronym form, then the most frequent.
    return min(names, key=lambda n: (is_acronym(n), -names[n], -len(n), n))
