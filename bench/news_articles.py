"""Seeded news-shaped articles for the store benchmark (``bench_store.py``).

Invented people (a fixed pool drawn with heavy-tailed weights, so a few
recur in many articles, as in news) with titles and the state or
organisation they serve; real states, capitals, cities and organisations
from the ontology's lexicons; sentences with verbs of every PLOVER type,
quotes and follow-up mentions by surname; 150-300 words each. Article i is
always the same text, whatever else is generated.
"""
from __future__ import annotations

import csv
import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

GENERATOR = 1  # bump when the texts change, so the benchmark's cached stores are rebuilt
FIRST = [
    "Ada", "Amira", "Anders", "Bruno", "Carmen", "Dalia", "Dmitri", "Elena", "Emeka", "Farida", "Goran",
    "Hana", "Ibrahim", "Ingrid", "Jonas", "Kalani", "Kenji", "Laila", "Lucas", "Marek", "Marta", "Nadia",
    "Niko", "Olga", "Omar", "Paulo", "Priya", "Rafael", "Rosa", "Samir", "Sofia", "Tomas", "Una", "Viktor",
    "Wen", "Yara", "Zofia", "Leon", "Mila", "Arjun", "Beatriz", "Cyrus", "Dagny", "Esther", "Felix",
    "Greta", "Hugo", "Irena", "Jakob", "Keiko", "Lorenzo", "Maren", "Nuno", "Oskar", "Petra", "Quentin",
    "Rania", "Stefan", "Tariq", "Ulla", "Vera", "Wiktor", "Xenia", "Yusuf", "Zara"
]
LAST = [
    "Okafor", "Lindqvist", "Moravec", "Castellano", "Haddad", "Brennan", "Novak", "Sato", "Fischer",
    "Alvarez", "Kowalczyk", "Mensah", "Petrov", "Duarte", "Virtanen", "Osei", "Horvath", "Jansen", "Karimi",
    "Bergstrom", "Ferreira", "Nakamura", "Abadi", "Rasmussen", "Dimitrov", "Tanaka", "Oyelaran", "Vasquez",
    "Halloran", "Sorensen", "Quispe", "Marchetti", "Lindgren", "Adeyemi", "Kovac", "Brandt", "Esposito",
    "Varga", "Mwangi", "Halvorsen", "Szabo", "Ostrowski", "Delacroix", "Rahimi", "Takahashi", "Ivanova",
    "Ncube", "Grimaldi", "Aksoy", "Eriksen", "Balogun", "Moreau", "Papadakis", "Hakimi", "Vogel", "Ruiz",
    "Mokoena", "Salonen", "Bakker", "Demir", "Okonkwo", "Lund", "Aguilar", "Chaudhry", "Wojcik"
]
STATE_TITLES = ("foreign minister", "defence minister", "prime minister", "president", "finance minister",
                "trade minister", "interior minister", "ambassador", "energy minister", "health minister")
ORG_TITLES = ("secretary general", "director general", "spokesperson", "chief economist", "executive director")
TOPICS = ("the ceasefire", "grain exports", "the border dispute", "energy prices", "refugee flows",
          "the trade agreement", "sanctions relief", "the nuclear programme", "debt relief", "the peace plan",
          "water rights", "fishing quotas", "the election crisis", "arms control", "the pipeline project")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# one template per PLOVER type and then some; {a} and {b} are actors as first named or named again
EVENTS = (
    "{a} met {b} in {city} on {day} to discuss {topic}.",
    "{a} held talks with {b} about {topic} in {capital}.",
    "{a} visited {state} on {day}, the first such trip in years.",
    "{a} spoke with {b} by telephone on {day}.",
    "{a} praised {b} for the progress on {topic}.",
    "{a} backed {b} in the dispute over {topic}.",
    "{a} accused {b} of stalling on {topic}.",
    "{a} criticised {b} over {topic}, calling the delay unacceptable.",
    "{a} condemned the attack on {city} and blamed {b}.",
    "{a} threatened to expel diplomats from {state} unless the talks resumed.",
    "{a} warned {b} against any move on {topic}.",
    "{a} urged {b} to return to the table on {topic}.",
    "{a} called on {b} to release the detained journalists.",
    "{a} agreed to send aid to {state} before the winter.",
    "{a} pledged new funding to {org} for {topic}.",
    "{a} rejected the proposal from {b} on {topic}.",
    "{a} refused to meet {b} until the troops withdrew.",
    "{state} imposed sanctions on {state2} over {topic}.",
    "{state} expelled two diplomats from {state2} on {day}.",
    "Forces from {state} shelled positions near {city} overnight, officials in {capital} said.",
    "{state} deployed troops to the border with {state2}.",
    "{state} withdrew its forces from the area around {city}.",
    "Police in {city} arrested dozens of protesters on {day}.",
    "Thousands of people protested in {city} against {topic}.",
    "{a} resigned on {day} after weeks of pressure over {topic}.",
    "{a} signed a cooperation agreement with {b} on {topic}.",
    "{state} and {state2} agreed to cooperate on {topic}.",
    "{org} criticised {state} over its handling of {topic}.",
    "{org} welcomed the deal between {state} and {state2}.",
)
SAYS = (
    '"We have no time to lose on {topic}," {b} told reporters in {city}.',
    "{b} said the talks had been constructive but that much work remained.",
    "According to {b}, the next round of talks will take place in {capital} in {month}.",
    '"This is a test for the whole region," {b} said.',
    "Officials in {capital} declined to comment on the report.",
    "Analysts said the dispute over {topic} could drag on for months.",
    "The meeting came days after {state} announced new measures on {topic}.",
    "{b} is expected to travel to {city} later this month.",
)
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"
]


def _lexicon(name: str) -> list[dict[str, str]]:
    from newsgraph.resources import read_text

    return list(csv.DictReader(line for line in read_text(name).splitlines() if not line.startswith("#")))


class NewsWriter:
    """Seeded articles; people come from a fixed pool drawn with heavy-tailed weights, as in news."""

    def __init__(self, seed: int = 0, people: int = 1500) -> None:
        rng = random.Random(seed)
        self.states = [r for r in _lexicon("states.csv") if r["kind"] == "state" and r["demonyms"] and r["capitals"]]
        self.orgs = [r["name"] for r in _lexicon("organisations.csv")]
        self.cities = [r["name"] for r in _lexicon("cities.csv")]
        names = sorted({(f, l) for f in FIRST for l in LAST})
        rng.shuffle(names)
        self.people = []
        for first, last in names[:people]:
            if rng.random() < 0.75:
                self.people.append((f"{first} {last}", rng.choice(STATE_TITLES), rng.choice(self.states), None))
            else:
                self.people.append((f"{first} {last}", rng.choice(ORG_TITLES), None, rng.choice(self.orgs)))
        self.weights = [1 / (i + 1) ** 0.8 for i in range(len(self.people))]
        self.seed = seed

    def _first_mention(self, person, rng: random.Random) -> str:
        name, title, state, org = person
        if state is not None:
            demonym = state["demonyms"].split("|")[0]
            return rng.choice((f"{demonym} {title} {name}", f"{name}, the {title} of {state['name']},",
                               f"{state['name']}'s {title}, {name},"))
        return rng.choice((f"{name}, the {title} of the {org},", f"{org} {title} {name}"))

    def article(self, i: int) -> dict[str, object]:
        rng = random.Random(f"{self.seed}-{i}")
        cast = []
        while len(cast) < rng.randint(3, 5):
            p = rng.choices(self.people, self.weights)[0]
            if p not in cast:
                cast.append(p)
        states = rng.sample(self.states, 3)
        named: set[str] = set()

        def actor(p) -> str:
            if p[0] in named:
                return p[0].split()[-1] if rng.random() < 0.7 else p[0]
            named.add(p[0])
            return self._first_mention(p, rng)

        def fill(template: str) -> str:
            a, b = rng.sample(cast, 2)
            state, state2 = rng.sample(states, 2)
            text = template.format(  # an actor is only "named" once the text shows it
                a=actor(a) if "{a}" in template else "", b=actor(b) if "{b}" in template else "", city=rng.choice(self.cities), capital=state["capitals"].split("|")[0],
                day=rng.choice(DAYS), topic=rng.choice(TOPICS), state=state["name"], state2=state2["name"],
                org=rng.choice(self.orgs), month=rng.choice(MONTHS))
            return text[0].upper() + text[1:]

        paragraphs, words = [], 0
        target = rng.randint(150, 300)
        while words < target:
            sentences = [fill(rng.choice(EVENTS)) for _ in range(rng.randint(1, 2))]
            sentences += [fill(rng.choice(SAYS)) for _ in range(rng.randint(0, 2))]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        lead = cast[0][0]
        published = datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=7 * i, minutes=rng.randint(0, 59))
        return {
            "url": f"https://bench.example.org/news/{i:06d}",
            "title": f"{lead} {rng.choice(('meets', 'confronts', 'courts', 'visits'))} {states[0]['name']}"
                     f" leaders over {rng.choice(TOPICS)}",
            "published": published.isoformat(),
            "author": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            "text": "\n\n".join(paragraphs),
        }


def write_articles(folder: Path, writer: NewsWriter, indices: range) -> Path:
    """One JSON Lines file holding the articles ``indices`` (written once)."""
    path = folder / f"articles-{indices.start:06d}-{indices.stop:06d}.jsonl"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(writer.article(i)) + "\n" for i in indices), encoding="utf-8")
        tmp.rename(path)
    return path
