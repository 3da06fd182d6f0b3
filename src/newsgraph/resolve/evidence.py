"""Evidence from the whole document about what a name is.

One NER label on one mention is weak evidence; news English gives stronger
tells elsewhere in the text, and each function here reads one of them:

- a name right before the kind of thing it names ("Patriot batteries",
  "Leopard tanks") is a weapon system, product or vehicle, not an actor,
  unless the text also has it speak ("..., Patriot said");
- a name after a courtesy title, rank or post ("Mr Okafor", "General
  Haddad", "Foreign Minister Ana Lima"), or that takes "who" or "said
  he/she", is a person's, wherever else the model typed it as an
  organisation or a place;
- an organisation span that ends in a post and a name ("Security Council
  Secretary Ana Lima", "UN Ambassador Li Wen") is that person;
- a name right after a noun that describes a body ("drugmaker Pharmo",
  "rights group Civic Watch"), or set off by commas after one ("the party,
  Civic Front, said"), is an organisation's;
- a storm's name ("Storm Daniel", "Hurricane Helene") names no actor.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..lexicon import MINOR_WORDS, clean_surface, is_acronym, normalise, person_titles, portfolio_words, post_heads
from ..resources import read_csv, read_text
from ..types import Mention, Sentence


@lru_cache(maxsize=1)
def non_actor_nouns() -> dict[str, bool]:
    """``ontology/non_actor_nouns.csv``: head noun -> whether an owner's name may precede it."""
    return {row["noun"]: row["owner"] == "yes" for row in read_csv("non_actor_nouns.csv")}


@lru_cache(maxsize=1)
def _thing_pattern() -> re.Pattern[str]:
    nouns = sorted(non_actor_nouns(), key=len, reverse=True)
    return re.compile(r"\s*(?:[-\u2013]\s*)?(" + "|".join(re.escape(n) for n in nouns) + r")\b", re.IGNORECASE)


def names_a_thing(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Patriot batteries": the mention names the weapon system, product or vehicle after it.

    Before a noun that an owner's name also precedes ("rebel rockets") only a
    name the model took for a person counts: people do not own rockets in news.
    """
    if sentence is None or mention.label not in {"PERSON", "ORG"}:
        return False
    m = _thing_pattern().match(sentence.text, mention.end - sentence.start)
    if m is None:
        return False
    owner = non_actor_nouns()[m.group(1).casefold()]
    return mention.label == "PERSON" or not owner


_SPEECH = r"(?:said|says|told|added|announced|wrote|warned|insisted)"


def personal(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Okafor, who ...", "Okafor said she ...", "Okafor and his aides": what only a person takes."""
    if sentence is None or any(w.casefold() in _NOT_NAME_WORDS for w in mention.text.split()):
        return False
    # "the leader of X, who ...": the clause is the leader's, not X's.
    if re.search(r"\b(?:of|for|from|with|by)\s+(?:the\s+)?$", sentence.text[: mention.start - sentence.start]):
        return False
    after = sentence.text[mention.end - sentence.start:]
    return bool(re.match(r"(?:['\u2019]s)?\s*,\s*who\b", after)
                or re.match(r"\s+" + _SPEECH + r"\s+(?:that\s+)?(?:he|she|his|her)\b", after)
                or re.match(r"\s+and\s+(?:his|her)\s+(?:wife|husband|family|son|daughter|aides?|lawyers?)\b",
                            after))


def speaks(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Okafor said", "said Okafor": only actors speak."""
    if sentence is None:
        return False
    after = sentence.text[mention.end - sentence.start:]
    before = sentence.text[: mention.start - sentence.start]
    return bool(re.match(r"\s*(?:,[^,]{0,40},\s*)?" + _SPEECH + r"\b", after)
                or re.search(r"\b" + _SPEECH + r"\s*$", before))


#: Titles that stand before a name only next to another title ("former", "deputy")
#: or that are common words too ("private", "justice", "speaker", "major").
_WEAK_TITLES = frozenset({"former", "late", "then", "ex", "private", "officer", "agent", "deputy", "major",
                          "justice", "speaker", "naval", "chair", "detective", "inspector", "father", "sen", "rep",
                          "gov", "representative"})
#: Words that end the name of a body or a place, never a personal name.
_NOT_NAME_WORDS = frozenset({
    "forces", "force", "army", "navy", "guard", "police", "ministry", "party", "council", "commission", "agency",
    "parliament", "assembly", "court", "bank", "command", "service", "services", "office", "committee",
    "government", "administration", "front", "movement", "staff", "group", "company", "corporation", "inc", "ltd",
    "foundation", "institute", "university", "hospital", "hotel", "club", "fund", "union", "board", "department",
    "authority", "house", "secretariat", "headquarters", "district", "region", "province", "city", "street",
    "airport", "square", "palace", "motors", "electric", "dynamics", "prosecutor", "attorney",
})


def name_word(word: str) -> bool:
    """A capitalised word that can be part of a personal name (no post, body or minor word)."""
    low = word.casefold().rstrip(".")
    return (word[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'\u2019.-]*", word) is not None
            and low not in _NOT_NAME_WORDS and low not in post_heads() and low not in portfolio_words()
            and low not in person_titles() and low not in MINOR_WORDS and not is_acronym(word))


@lru_cache(maxsize=1)
def _titled_pattern() -> re.Pattern[str]:
    titles = sorted((t for t in person_titles() if t not in _WEAK_TITLES), key=len, reverse=True)
    alternation = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
    # A capitalised title (news capitalises a title before a name), optional dot,
    # then up to four capitalised words.
    word = r"[A-Z](?:\.|[\w'\u2019-]*)"  # "Ana", "O'Neill", an initial "J."
    return re.compile(r"\b(?i:" + alternation + r")\.?\s+((?:" + word + r"\s+){0,3}" + word + ")")


def titled_names(text: str) -> tuple[set[str], set[str]]:
    """Names that follow a title in ``text``, and lone names that "said he/his ...":
    (normalised full names, case-folded name words)."""
    names: set[str] = set()
    words: set[str] = set()
    for m in _titled_pattern().finditer(text):
        if not m.group(0)[:1].isupper():
            continue
        name: list[str] = []
        for word in m.group(1).split():
            word = clean_surface(word)
            if not word or not name_word(word):
                break
            name.append(word)
        if name:
            names.add(normalise(" ".join(name)))
            words.update(w.casefold() for w in name)
    # "Anies said his team ...": a lone name that says something of "his" or "her" own
    for m in re.finditer(r"\b([A-Z][\w'\u2019-]+)\s+" + _SPEECH + r"\s+(?:that\s+)?(?:he|she|his|her)\b", text):
        if name_word(m.group(1)) and m.group(1).casefold() not in _PRONOUNS:
            words.add(m.group(1).casefold())
    return names, words


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "officials", "police", "spokesman",
                       "spokeswoman", "spokesperson", "reports", "sources", "witnesses", "residents", "aides"})


def name_after_post(mention: Mention) -> Mention | None:
    """ "UN Ambassador Li Wen" tagged as an organisation: the part after the last
    post word, when it reads as a personal name, as a PERSON mention of its own."""
    words = list(re.finditer(r"\S+", mention.text))
    titles = post_heads() | person_titles()
    for i in range(len(words) - 1, 0, -1):
        if words[i - 1].group().casefold().rstrip(".") not in titles:
            continue
        tail = words[i:]
        if len(tail) > 4 or not all(name_word(clean_surface(w.group())) for w in tail):
            return None
        if len(tail) == 1 and words[i - 1].group().casefold() == "general":  # "General Atomics"
            return None
        start, end = mention.start + tail[0].start(), mention.start + tail[-1].end()
        return replace(mention, start=start, end=end, text=mention.text[tail[0].start():tail[-1].end()],
                       label="PERSON")
    return None


#: Verbs whose object is addressed, judged or dealt with, not travelled to or hit:
#: a capital there is its government ("urged Moscow to", "accused Kyiv of").
_ADDRESSED = frozenset({"accuse", "blame", "urge", "warn", "tell", "ask", "call", "criticise", "criticize",
                        "condemn", "thank", "invite", "sanction", "support", "back", "pressure", "pressure",
                        "threaten", "recognise", "recognize", "praise", "reassure", "press", "lobby", "persuade",
                        "convince", "court", "rebuke", "reprimand", "fault", "punish"})


def stands_for_government(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Moscow said", "Kyiv's decision", "urged Beijing to": a capital as the subject, the
    possessor or the addressee of what is said or done stands for its government;
    "talks in Moscow", "flew to Kyiv", "shelled Kharkiv" name the place."""
    if sentence is None:
        return False
    tokens = sentence.tokens
    span = [t for t in tokens if t.start >= mention.start and t.end <= mention.end]
    ids = {t.i for t in span}
    root = next((t for t in span if t.head not in ids or t.head == t.i), None)
    if root is None:
        return False
    seen = {root.i}
    while root.dep == "conj" and root.head not in seen and 0 <= root.head < len(tokens):  # "Moscow and Beijing said"
        root = tokens[root.head]
        seen.add(root.i)
    if root.dep in {"nsubj", "nsubjpass", "poss"}:
        return True
    if root.dep == "pobj" and 0 <= root.head < len(tokens) and tokens[root.head].text.casefold() == "by":
        return tokens[root.head].dep == "agent"  # "was criticised by Beijing"
    return root.dep == "dobj" and 0 <= root.head < len(tokens) and tokens[root.head].lemma in _ADDRESSED


@lru_cache(maxsize=1)
def organisation_nouns() -> frozenset[str]:
    """``ontology/organisation_nouns.txt``: nouns that describe the body named after them."""
    lines = (ln.strip().casefold() for ln in read_text("organisation_nouns.txt").splitlines())
    return frozenset(ln for ln in lines if ln and not ln.startswith("#"))


def described_as_organisation(mention: Mention, sentence: Sentence | None) -> bool:
    """ "drugmaker Pharmo", "shipping giant Norline": a lower-case noun describing a body
    right before the name."""
    if sentence is None:
        return False
    before = re.search(r"([a-z][a-z-]*)\s+$", sentence.text[: mention.start - sentence.start])
    return before is not None and before.group(1) in organisation_nouns()


@lru_cache(maxsize=1)
def _natural_event_pattern() -> re.Pattern[str]:
    lines = (ln.strip().casefold() for ln in read_text("natural_event_words.txt").splitlines())
    words = sorted((ln for ln in lines if ln and not ln.startswith("#")), key=len, reverse=True)
    return re.compile(r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+[A-Z]",
                      re.IGNORECASE)


def names_a_natural_event(mention: Mention, sentence: Sentence | None) -> bool:
    """ "Storm Daniel", "Hurricane [Helene]": a storm's name, whether or not NER took the word in."""
    if _natural_event_pattern().match(mention.text) and mention.text.split()[0][:1].isupper():
        return True
    if sentence is None:
        return False
    before = sentence.text[: mention.start - sentence.start]
    m = re.search(r"(\S+(?:\s+\S+)?)\s+$", before)
    return m is not None and any(
        _natural_event_pattern().fullmatch(part + " " + mention.text[:1]) and part[:1].isupper()
        for part in {m.group(1), m.group(1).split()[-1]})


def described_as_organisation_in_apposition(mention: Mention, sentence: Sentence | None) -> bool:
    """ "its party, Pastel, said": a name set off by commas after a noun describing a body."""
    if sentence is None:
        return False
    before = re.search(r"\b([a-z][a-z-]*),\s+$", sentence.text[: mention.start - sentence.start])
    after = sentence.text[mention.end - sentence.start:]
    return before is not None and before.group(1) in organisation_nouns() and re.match(r"\s*,", after) is not None


@lru_cache(maxsize=1)
def _described_body_pattern() -> re.Pattern[str]:
    nouns = "|".join(sorted((re.escape(n) for n in organisation_nouns()), key=len, reverse=True))
    word = r"[A-Z][\w'\u2019&-]*"
    return re.compile(r"\b(?:" + nouns + r")\s+(" + word + r"(?:\s+" + word + r"){0,2})(?![\w'\u2019-])")


def described_bodies(text: str) -> list[tuple[int, int]]:
    """Spans of names right after a lower-case noun describing a body ("drugmaker
    Pharmo", "shipping giant Norline"), for names the model left untagged."""
    out = []
    for m in _described_body_pattern().finditer(text):
        words = m.group(1).split()
        keep = 0
        for w in words:
            low = w.casefold()
            if low in post_heads() or low in person_titles() or low in MINOR_WORDS or low in _PRONOUNS:
                break
            keep += 1
        if keep:
            end = m.start(1) + len(" ".join(words[:keep]))
            out.append((m.start(1), end))
    return out


def storm_names(text: str) -> set[str]:
    """Normalised names that ``text`` gives a storm word ("Hurricane Zelda" -> "zelda"), tagged or not."""
    out = set()
    for m in re.finditer(r"(?<![\w-])" + _natural_event_pattern().pattern[:-len(r"\s+[A-Z]")] + r"\s+([A-Z][\w'-]+)",
                         text, re.IGNORECASE):
        if m.group(0)[:1].isupper() and m.group(1)[:1].isupper():
            out.add(normalise(m.group(1)))
    return out
