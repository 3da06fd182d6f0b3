"""The state and organisation lexicons are complete, consistent and unambiguous.

The entity ruler and resolution trust these files: a form listed under two
rows would send mentions to an arbitrary one of them, a wrong ISO code would
mint a wrong IRI, and a missing country would leave its mentions to the
statistical model alone.
"""
from __future__ import annotations

import re
from collections import defaultdict

import pycountry
import pytest

from newsgraph.resources import read_csv, read_text, split_list

STATE_COLUMNS = ["iso3", "iso2", "name", "kind", "aliases", "demonyms", "capitals"]
ORG_COLUMNS = ["key", "name", "aliases", "kind"]
ORG_KINDS = {"intergovernmental", "un-agency", "eu-institution", "court", "ngo", "news-agency", "financial"}
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Sovereign states whose every demonym is shared with another state (Congolese,
# Guinean, Dominican) or that have none in English use (the Vatican): left
# without demonyms on purpose, so the check below names them.
STATES_WITHOUT_DEMONYMS = {"COD", "COG", "GIN", "DMA", "DOM", "VAT"}
# The one form that is not written with a capital letter: the news agency's own spelling.
LOWER_CASE_FORMS = {"dpa"}


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read_csv("states.csv")


@pytest.fixture(scope="module")
def organisations() -> list[dict[str, str]]:
    return read_csv("organisations.csv")


def _header(name: str) -> list[str]:
    first = next(ln for ln in read_text(name).splitlines() if ln.strip() and not ln.startswith("#"))
    return first.split(",")


def _state_forms(row: dict[str, str]) -> list[tuple[str, str]]:
    """(column, form) for every surface form of a states.csv row."""
    forms = [("name", row["name"])]
    for col in ("aliases", "demonyms", "capitals"):
        forms += [(col, f) for f in split_list(row[col])]
    return forms


def _org_forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split_list(row["aliases"])]


def _key(form: str) -> str:
    """How a matcher is bound to compare forms: case, dots, curly quotes and a
    leading "the" do not tell two names apart ("U.S." and "us", "The Gambia")."""
    s = form.replace("\u2019", "'").replace(".", "").casefold()
    s = re.sub(r"\s+", " ", s).strip()
    return s[4:] if s.startswith("the ") else s


def _shared_forms(rows: dict[str, list[str]]) -> dict[str, list[str]]:
    """Forms (by ``_key``) that belong to more than one row id."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row_id, forms in rows.items():
        for form in forms:
            owners[_key(form)].add(row_id)
    return {form: sorted(ids) for form, ids in owners.items() if len(ids) > 1}


# ------------------------------------------------------------------ states.csv


def test_states_file_has_exactly_the_documented_columns_and_a_comment_header():
    assert _header("states.csv") == STATE_COLUMNS
    assert read_text("states.csv").startswith("#")


def test_states_cover_every_iso_3166_1_code_in_pycountry(states):
    listed = {r["iso3"] for r in states}
    missing = {c.alpha_3 for c in pycountry.countries} - listed
    assert not missing, f"states.csv lacks {sorted(missing)}"


def test_state_codes_match_pycountry_and_extra_codes_are_user_assigned(states):
    for row in states:
        country = pycountry.countries.get(alpha_3=row["iso3"])
        if country is None:
            # ISO 3166 reserves X.. codes for user assignment (Kosovo: XKX / XK).
            assert row["iso3"].startswith("X") and row["iso2"].startswith("X"), row
            assert re.fullmatch(r"[A-Z]{3}", row["iso3"]) and re.fullmatch(r"[A-Z]{2}", row["iso2"]), row
        else:
            assert row["iso2"] == country.alpha_2, f"{row['iso3']}: iso2 {row['iso2']} != {country.alpha_2}"


def test_state_codes_and_names_are_unique(states):
    for col in ("iso3", "iso2", "name"):
        values = [r[col].casefold() for r in states]
        dupes = sorted({v for v in values if values.count(v) > 1})
        assert not dupes, f"duplicate {col}: {dupes}"


def test_no_state_form_belongs_to_two_rows(states):
    shared = _shared_forms({r["iso3"]: [f for _, f in _state_forms(r)] for r in states})
    assert not shared, f"forms listed under several states: {shared}"


def test_state_rows_have_no_repeated_or_blank_forms(states):
    for row in states:
        forms = [f for _, f in _state_forms(row)]
        assert len(forms) == len(set(forms)), f"{row['iso3']} repeats a form: {forms}"
        for col in ("aliases", "demonyms", "capitals"):
            cell = row[col]
            assert "||" not in cell and not cell.startswith("|") and not cell.endswith("|"), f"{row['iso3']} {col}: {cell!r}"
            assert all(f == f.strip() for f in cell.split("|")), f"{row['iso3']} {col} has padded items"


def test_state_kind_is_state_or_territory_and_the_count_of_states_is_plausible(states):
    kinds = {r["kind"] for r in states}
    assert kinds == {"state", "territory"}
    sovereign = [r for r in states if r["kind"] == "state"]
    # 193 UN members, 2 observers, Taiwan, Kosovo.
    assert len(sovereign) == 197, len(sovereign)


def test_every_sovereign_state_has_demonyms_unless_they_are_ambiguous(states):
    lacking = {r["iso3"] for r in states if r["kind"] == "state" and not split_list(r["demonyms"])}
    assert lacking == STATES_WITHOUT_DEMONYMS


def test_most_sovereign_states_have_a_capital(states):
    sovereign = [r for r in states if r["kind"] == "state"]
    without = sorted(r["iso3"] for r in sovereign if not split_list(r["capitals"]))
    # City-states named after their capital and a few with ambiguous capitals.
    assert len(without) <= 10, without


def test_every_state_form_is_a_proper_noun(states):
    for row in states:
        for col, form in _state_forms(row):
            assert any(ch.isupper() for ch in form), f"{row['iso3']} {col}: {form!r} has no capital letter"


@pytest.mark.parametrize(
    ("form", "iso3"),
    [("U.S.", "USA"), ("Britain", "GBR"), ("Türkiye", "TUR"), ("DPRK", "PRK"), ("Burma", "MMR"),
     ("Kyiv", "UKR"), ("Kiev", "UKR"), ("Poles", "POL"), ("Emirati", "ARE"), ("Holy See", "VAT"),
     ("Czechia", "CZE"), ("DRC", "COD"), ("Cabo Verde", "CPV")],
)
def test_common_news_forms_resolve_to_their_state(states, form, iso3):
    owners = {r["iso3"] for r in states if _key(form) in {_key(f) for _, f in _state_forms(r)}}
    assert owners == {iso3}


@pytest.mark.parametrize("form", ["Congo", "Congolese", "Korean", "Guinean", "Dominican"])
def test_forms_shared_by_two_states_are_left_out(states, form):
    owners = {r["iso3"] for r in states if _key(form) in {_key(f) for _, f in _state_forms(r)}}
    assert owners == set()


# ------------------------------------------------------------------ organisations.csv


def test_organisations_file_has_exactly_the_documented_columns_and_a_comment_header():
    assert _header("organisations.csv") == ORG_COLUMNS
    assert read_text("organisations.csv").startswith("#")


def test_organisation_keys_are_unique_slugs(organisations):
    keys = [r["key"] for r in organisations]
    assert all(SLUG.match(k) for k in keys), [k for k in keys if not SLUG.match(k)]
    assert len(keys) == len(set(keys)), sorted({k for k in keys if keys.count(k) > 1})


def test_organisation_kinds_and_size(organisations):
    assert {r["kind"] for r in organisations} <= ORG_KINDS
    assert {r["kind"] for r in organisations} == ORG_KINDS, "every kind should have at least one member"
    assert 120 <= len(organisations) <= 200


def test_no_organisation_form_belongs_to_two_rows(organisations):
    shared = _shared_forms({r["key"]: _org_forms(r) for r in organisations})
    assert not shared, f"forms listed under several organisations: {shared}"


def test_no_organisation_form_is_also_a_state_form_or_code(organisations, states):
    state_forms = {_key(f): r["iso3"] for r in states for _, f in _state_forms(r)}
    state_forms.update({_key(r["iso3"]): r["iso3"] for r in states})
    clashes = {f: (r["key"], state_forms[_key(f)]) for r in organisations for f in _org_forms(r) if _key(f) in state_forms}
    assert not clashes, clashes


def test_collision_key_ignores_case_dots_quotes_and_a_leading_article():
    assert _key("U.S.") == _key("us") == _key("US")
    assert _key("The Gambia") == _key("Gambia")
    assert _key("Cote d\u2019Ivoire") == _key("cote d'ivoire")
    assert _key("Niger") != _key("Nigeria")
    assert _shared_forms({"a": ["U.N."], "b": ["UN"], "c": ["Chad"]}) == {"un": ["a", "b"]}


def test_organisation_rows_have_no_repeated_padded_or_lower_case_forms(organisations):
    for row in organisations:
        forms = _org_forms(row)
        assert len(forms) == len(set(forms)), f"{row['key']} repeats a form: {forms}"
        assert "||" not in row["aliases"] and all(f == f.strip() and f for f in forms), row["key"]
        for form in forms:
            assert form in LOWER_CASE_FORMS or any(ch.isupper() for ch in form), f"{row['key']}: {form!r}"


def test_acronyms_that_are_english_words_are_all_caps_only(organisations):
    """'WHO' may name the World Health Organization; 'Who' or 'who' must not be listed."""
    forms = {f for r in organisations for f in _org_forms(r)}
    assert "WHO" in forms
    assert not {"Who", "who", "Amnesty", "Commonwealth", "Quad", "Red Cross", "Security Council"} & forms
