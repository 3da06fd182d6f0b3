"""The event rules on hand-built parses of sentences written for these tests.

No statistical model: each sentence is given with the dependency parse the
rule is meant for (see handparse.py), so a failure points at the rule, not
at the parser. The forms follow PLOVER's coding rules: an agent alone can be
an event; a stated intention is an event (cooperation as AGREE, material
conflict as THREATEN); a denial is none; a demonym with a group noun acts for
its state, with the group's sector; an ethnic group is not a state.
"""
from __future__ import annotations

from handparse import events

KEN, SOM, CHL, PER, SDN, RUS, ALB, SRB, POL, IRN, TUR = (
    "state/KEN", "state/SOM", "state/CHL", "state/PER", "state/SDN", "state/RUS", "state/ALB", "state/SRB",
    "state/POL", "state/IRN", "state/TUR")


# ---------------------------------------------------------------- agent-only events


def test_an_act_with_no_named_target_is_an_event_of_its_agent_alone():
    found = events("""
        Poland      PROPN nsubj 2
        deployed|deploy VERB ROOT 0
        troops|troop NOUN dobj 2
        .           PUNCT punct 2
    """, {"Poland": POL})
    assert set(found) == {("MOBILIZE", POL, None)}
    assert found[("MOBILIZE", POL, None)].modality == "asserted"


def test_a_passive_with_a_by_agent_is_an_event_whatever_its_subject():
    found = events("""
        A           DET   det 2
        village     NOUN  nsubjpass 4
        was|be      AUX   auxpass 4
        attacked|attack VERB:VBN ROOT 0
        by          ADP   agent 4
        Russia      PROPN pobj 5
        .           PUNCT punct 4
    """, {"Russia": RUS})
    assert set(found) == {("ASSAULT", RUS, None)}
    assert found[("ASSAULT", RUS, None)].provenance[0].extractor == "events.passive.v1"


def test_an_agent_only_reading_gives_way_to_one_with_a_target():
    found = events("""
        Chile       PROPN nsubj 2
        attacked|attack VERB ROOT 0
        Peru        PROPN dobj 2
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("ASSAULT", CHL, PER)}


def test_a_meeting_with_no_one_named_is_no_event():
    found = events("""
        Kenya       PROPN nsubj 2
        hosted|host VERB ROOT 0
        a           DET   det 4
        conference  NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Kenya": KEN})
    assert found == {}


def test_a_target_in_a_phrase_the_frame_does_not_name_is_still_found():
    found = events("""
        Chile       PROPN nsubj 2
        boycotted|boycott VERB ROOT 0
        talks|talk  NOUN  dobj 2
        with        ADP   prep 3
        Peru        PROPN pobj 4
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("SANCTION", CHL, PER)}


# ---------------------------------------------------------------- intentions


def test_an_agreement_to_act_is_agree_with_the_target_of_the_act():
    found = events("""
        Kenya       PROPN nsubj 2
        agreed|agree VERB ROOT 0
        to          PART  aux 4
        send        VERB:VB xcomp 2
        aid         NOUN  dobj 4
        to          ADP   prep 4
        Somalia     PROPN pobj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert set(found) == {("AGREE", KEN, SOM)}
    assert found[("AGREE", KEN, SOM)].modality == "asserted"  # the agreement is a fact; the aid is not


def test_a_future_act_of_cooperation_is_an_announced_agree():
    found = events("""
        Chile       PROPN nsubj 3
        will        AUX   aux 3
        support     VERB:VB ROOT 0
        Peru        PROPN dobj 3
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("AGREE", CHL, PER)}
    assert found[("AGREE", CHL, PER)].modality == "hypothetical"


def test_a_vow_of_force_is_a_threat():
    found = events("""
        Russia      PROPN nsubj 2
        vowed|vow   VERB  ROOT 0
        to          PART  aux 4
        attack      VERB:VB xcomp 2
        Poland      PROPN dobj 4
        .           PUNCT punct 2
    """, {"Russia": RUS, "Poland": POL})
    # the statement is the threat; the attack it announces stays in the graph, as announced only
    assert set(found) == {("THREATEN", RUS, POL), ("ASSAULT", RUS, POL)}
    assert found[("ASSAULT", RUS, POL)].modality == "hypothetical"


def test_a_threat_takes_its_target_from_what_is_threatened():
    found = events("""
        Iran        PROPN nsubj 2
        threatened|threaten VERB ROOT 0
        to          PART  aux 4
        attack      VERB:VB xcomp 2
        Turkey      PROPN dobj 4
        .           PUNCT punct 2
    """, {"Iran": IRN, "Turkey": TUR})
    assert set(found) == {("THREATEN", IRN, TUR)}


def test_an_intention_on_a_condition_with_unless_is_an_ultimatum():
    found = events("""
        Chile       PROPN nsubj 3
        will        AUX   aux 3
        attack      VERB:VB ROOT 0
        Peru        PROPN dobj 3
        unless      SCONJ mark 6
        talks|talk  NOUN  nsubj 7
        resume      VERB:VBP advcl 3
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peru": PER})
    assert ("THREATEN", CHL, PER) in found and found[("ASSAULT", CHL, PER)].modality == "hypothetical"


def test_a_reported_would_is_the_future_of_the_speaker():
    found = events("""
        Chile       PROPN nsubj 2
        said|say    VERB  ROOT 0
        it          PRON  nsubj 5
        would       AUX   aux 5
        support     VERB:VB ccomp 2
        Peru        PROPN dobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("AGREE", CHL, PER)}


def test_a_denied_intention_gives_nothing():
    found = events("""
        Kenya       PROPN nsubj 4
        did|do      AUX   aux 4
        not         PART  neg 4
        agree       VERB:VB ROOT 0
        to          PART  aux 6
        send        VERB:VB xcomp 4
        troops|troop NOUN dobj 6
        to          ADP   prep 6
        Somalia     PROPN pobj 8
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Somalia": SOM})
    assert found == {}


def test_a_guess_gives_nothing():
    found = events("""
        Russia      PROPN nsubj 3
        could       AUX   aux 3
        attack      VERB:VB ROOT 0
        Poland      PROPN dobj 3
        .           PUNCT punct 3
    """, {"Russia": RUS, "Poland": POL})
    assert found == {}


# ---------------------------------------------------------------- actors


def test_a_demonym_with_a_group_noun_acts_for_its_state_with_the_sector():
    found = events("""
        Sudanese    ADJ   amod 2
        rebels|rebel NOUN nsubj 3
        attacked|attack VERB ROOT 0
        a           DET   det 5
        camp        NOUN  dobj 3
        .           PUNCT punct 3
    """, {"Sudanese": ("state/SDN", "demonym")})
    e = found[("ASSAULT", SDN, None)]
    assert e.agent_sector == "rebels"


def test_the_target_sector_is_kept_too():
    found = events("""
        Russia      PROPN nsubj 2
        attacked|attack VERB ROOT 0
        Polish      ADJ   amod 4
        troops|troop NOUN dobj 2
        .           PUNCT punct 2
    """, {"Russia": RUS, "Polish": ("state/POL", "demonym")})
    assert found[("ASSAULT", RUS, POL)].target_sector == "military"


def test_an_ethnic_group_is_not_its_kin_state():
    found = events("""
        Serbia      PROPN nsubj 2
        attacked|attack VERB ROOT 0
        ethnic      ADJ   amod 4
        Albanians|albanian PROPN dobj 2
        .           PUNCT punct 2
    """, {"Serbia": SRB, "Albanians": ("state/ALB", "demonym")})
    assert set(found) == {("ASSAULT", SRB, None)}


def test_a_possessive_of_a_group_noun_is_the_target():
    found = events("""
        Turkey      PROPN nsubj 2
        condemned|condemn VERB ROOT 0
        Iran        PROPN poss 5
        's          PART  case 3
        government  NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Turkey": TUR, "Iran": IRN})
    assert set(found) == {("ACCUSE", TUR, IRN)}
    assert found[("ACCUSE", TUR, IRN)].target_sector == "government"


def test_coordinated_agents_each_get_their_event():
    found = events("""
        Chile       PROPN nsubj 4
        and         CCONJ cc 1
        Peru        PROPN conj 1
        attacked|attack VERB ROOT 0
        Somalia     PROPN dobj 4
        .           PUNCT punct 4
    """, {"Chile": CHL, "Peru": PER, "Somalia": SOM})
    assert set(found) == {("ASSAULT", CHL, SOM), ("ASSAULT", PER, SOM)}


def test_a_sentence_with_an_event_word_and_no_actor_gives_nothing():
    found = events("""
        The         DET   det 2
        storm       NOUN  nsubj 3
        hit         VERB  ROOT 0
        the         DET   det 5
        coast       NOUN  dobj 3
        .           PUNCT punct 3
    """, {})
    assert found == {}


# ---------------------------------------------------------------- requests


def test_the_subject_of_a_demanded_clause_is_the_target():
    found = events("""
        Chile       PROPN nsubj 2
        demanded|demand VERB ROOT 0
        that        SCONJ mark 5
        Peru        PROPN nsubj 5
        withdraw    VERB:VB ccomp 2
        its         PRON  poss 7
        ships|ship  NOUN  dobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("REQUEST", CHL, PER)}


def test_a_reported_obligation_is_a_request_of_the_speaker():
    found = events("""
        Russia      PROPN nsubj 2
        said|say    VERB  ROOT 0
        Sudan       PROPN nsubj 5
        must        AUX   aux 5
        return      VERB:VB ccomp 2
        the         DET   det 7
        helicopter  NOUN  dobj 5
        .           PUNCT punct 2
    """, {"Russia": RUS, "Sudan": SDN})
    e = found[("REQUEST", RUS, SDN)]
    assert e.provenance[0].extractor == "events.obligation.v1"


def test_an_obligation_nobody_reports_is_no_request():
    found = events("""
        Sudan       PROPN nsubj 3
        must        AUX   aux 3
        return      VERB:VB ROOT 0
        the         DET   det 5
        helicopter  NOUN  dobj 3
        .           PUNCT punct 3
    """, {"Sudan": SDN})
    assert found == {}


def test_a_word_whose_frame_is_a_preposition_means_nothing_without_it():
    # "call" is a request only as "call on" or "call for"; naming something is not.
    found = events("""
        Chile       PROPN nsubj 2
        called|call VERB  ROOT 0
        the         DET   det 4
        drills|drill NOUN dobj 2
        a           DET   det 6
        provocation NOUN  oprd 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert found == {}


def test_a_call_for_something_is_a_request_with_no_target():
    found = events("""
        Chile       PROPN nsubj 2
        called|call VERB  ROOT 0
        for         ADP   prep 2
        a           DET   det 5
        ceasefire   NOUN  pobj 3
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert set(found) == {("REQUEST", CHL, None)}


def test_a_target_behind_a_measure_of_the_object_is_found():
    found = events("""
        Canada      PROPN nsubj 2
        imposed|impose VERB ROOT 0
        billions|billion NOUN dobj 2
        of          ADP   prep 3
        tariffs|tariff NOUN pobj 4
        on          ADP   prep 5
        Mexico      PROPN pobj 6
        .           PUNCT punct 2
    """, {"Canada": "state/CAN", "Mexico": "state/MEX"})
    assert set(found) == {("SANCTION", "state/CAN", "state/MEX")}


# ---------------------------------------------------------------- more frames and actors


def test_a_participle_used_as_a_preposition_names_the_target():
    found = events("""
        China       PROPN nsubj 2
        staged|stage VERB ROOT 0
        drills|drill NOUN dobj 2
        surrounding|surround VERB:VBG acl 3
        Taiwan      PROPN dobj 4
        .           PUNCT punct 2
    """, {"China": "state/CHN", "Taiwan": "state/TWN"})
    assert set(found) == {("MOBILIZE", "state/CHN", "state/TWN")}


def test_a_bare_demonym_beside_a_state_name_is_the_state():
    found = events("""
        Iran        PROPN nsubj 4
        and         CCONJ cc 1
        Saudi       PROPN conj 1
        attacked|attack VERB ROOT 0
        Yemen       PROPN dobj 4
        .           PUNCT punct 4
    """, {"Iran": IRN, "Saudi": ("state/SAU", "demonym"), "Yemen": "state/YEM"})
    assert set(found) == {("ASSAULT", IRN, "state/YEM"), ("ASSAULT", "state/SAU", "state/YEM")}


def test_a_bare_demonym_alone_is_a_person_of_that_nationality():
    found = events("""
        Poland      PROPN nsubj 2
        detained|detain VERB ROOT 0
        a           DET   det 4
        Belarusian  PROPN dobj 2
        .           PUNCT punct 2
    """, {"Poland": POL, "Belarusian": ("state/BLR", "demonym")})
    assert set(found) == {("COERCE", POL, None)}


def test_a_target_inside_a_sum_of_goods_is_found():
    found = events("""
        Canada      PROPN nsubj 2
        imposed|impose VERB ROOT 0
        duties|duty NOUN dobj 2
        on          ADP   prep 2
        $           SYM   nmod 6
        billions|billion NOUN pobj 4
        worth       NOUN  amod 6
        of          ADP   prep 7
        Mexican     ADJ   amod 10
        goods|good  NOUN  pobj 8
        .           PUNCT punct 2
    """, {"Canada": "state/CAN", "Mexican": ("state/MEX", "demonym")})
    assert set(found) == {("SANCTION", "state/CAN", "state/MEX")}


def test_a_warning_that_reports_something_is_no_threat():
    found = events("""
        Chile       PROPN nsubj 2
        warned|warn VERB  ROOT 0
        that        SCONJ mark 6
        prices|price NOUN nsubj 6
        would       AUX   aux 6
        rise        VERB:VB ccomp 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert found == {}


def test_a_second_event_word_in_one_sentence_is_a_second_act_with_or_without_a_named_target():
    from handparse import analyse
    from newsgraph.relations.context import DocumentContext
    from newsgraph.relations.events import extract_events

    analysed, resolution = analyse("""
        Russia      PROPN nsubj 2
        attacked|attack VERB ROOT 0
        Poland      PROPN dobj 2
        and         CCONJ cc 2
        attacked|attack VERB conj 2
        a           DET   det 7
        camp        NOUN  dobj 5
        .           PUNCT punct 2
    """, {"Russia": RUS, "Poland": POL})
    ctx = DocumentContext(analysed, resolution, {e.key: e for e in resolution.entities})
    assert {(e.type, e.agent, e.target) for e in extract_events(ctx)} == {("ASSAULT", RUS, POL), ("ASSAULT", RUS, None)}


def test_an_announced_withdrawal_keeps_its_type():
    found = events("""
        Chile       PROPN nsubj 3
        will        AUX   aux 3
        withdraw    VERB:VB ROOT 0
        its         PRON  poss 5
        troops|troop NOUN dobj 3
        from        ADP   prep 3
        Peru        PROPN pobj 6
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("RETREAT", CHL, PER)}
    assert found[("RETREAT", CHL, PER)].modality == "hypothetical"


def test_announcing_the_withdrawal_of_observers_is_a_threat():
    found = events("""
        Chile       PROPN nsubj 3
        will        AUX   aux 3
        withdraw    VERB:VB ROOT 0
        its         PRON  poss 5
        observers|observer NOUN dobj 3
        from        ADP   prep 3
        Peru        PROPN pobj 6
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peru": PER})
    assert ("THREATEN", CHL, PER) in found
    assert all(e.modality == "hypothetical" for k, e in found.items() if k[0] != "THREATEN")


def test_a_committed_withdrawal_is_an_agreement():
    found = events("""
        Chile       PROPN nsubj 2
        agreed|agree VERB ROOT 0
        to          PART  aux 4
        withdraw    VERB:VB xcomp 2
        from        ADP   prep 4
        Peru        PROPN pobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("AGREE", CHL, PER)}


def test_a_group_in_a_state_acts_for_that_state():
    found = events("""
        Rebels|rebel NOUN nsubj 5
        in          ADP   prep 1
        the         DET   det 4
        Sudan       PROPN pobj 2
        attacked|attack VERB ROOT 0
        Chad        PROPN dobj 5
        .           PUNCT punct 5
    """, {"Sudan": SDN, "Chad": "state/TCD"})
    e = found[("ASSAULT", SDN, "state/TCD")]
    assert e.agent_sector == "rebels"


def test_a_statement_speaks_for_whoever_issued_it():
    found = events("""
        Chile       PROPN nsubj 2
        issued|issue VERB ROOT 0
        a           DET   det 4
        statement   NOUN  dobj 2
        demanding|demand VERB:VBG acl 4
        that        SCONJ mark 8
        Peru        PROPN nsubj 8
        withdraw    VERB:VB ccomp 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("REQUEST", CHL, PER)}


# ---------------------------------------------------------------- protests and purposes


def test_a_protest_named_as_the_purpose_of_an_act_is_the_protest_of_its_subject():
    found = events("""
        Kenyan      ADJ   amod 2
        nurses|nurse NOUN nsubj 3
        stopped|stop VERB ROOT 0
        work        NOUN  dobj 3
        to          PART  aux 6
        protest     VERB:VB advcl 3
        .           PUNCT punct 3
    """, {"Kenyan": ("state/KEN", "demonym")})
    e = found[("PROTEST", KEN, None)]
    assert e.modality == "asserted" and e.agent_sector == "health"


def test_any_other_act_named_as_a_purpose_is_only_an_aim():
    found = events("""
        Russia      PROPN nsubj 2
        sent|send   VERB  ROOT 0
        envoys|envoy NOUN dobj 2
        to          PART  aux 5
        attack      VERB:VB advcl 2
        Poland      PROPN dobj 5
        .           PUNCT punct 2
    """, {"Russia": RUS, "Poland": POL})
    assert all(e.modality == "hypothetical" for k, e in found.items() if k[0] == "ASSAULT")


def test_an_intransitive_protest_verb_stands_alone_and_a_transitive_one_is_another_sense():
    protest = events("""
        Chilean     ADJ   amod 2
        students|student NOUN nsubj 3
        demonstrated|demonstrate VERB ROOT 0
        on          ADP   prep 3
        Friday      PROPN pobj 4
        .           PUNCT punct 3
    """, {"Chilean": ("state/CHL", "demonym")})
    showing = events("""
        Chile       PROPN nsubj 2
        demonstrated|demonstrate VERB ROOT 0
        its         PRON  poss 4
        resolve     NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert set(protest) == {("PROTEST", CHL, None)} and showing == {}


def test_a_strike_is_a_protest_by_its_modifier_or_carrier_and_an_attack_otherwise():
    hunger = events("""
        Chile       PROPN nsubj 2
        began|begin VERB  ROOT 0
        a           DET   det 5
        hunger      NOUN  compound 5
        strike      NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    air = events("""
        Chile       PROPN nsubj 2
        launched|launch VERB ROOT 0
        a           DET   det 4
        strike      NOUN  dobj 2
        on          ADP   prep 4
        Peru        PROPN pobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(hunger) == {("PROTEST", CHL, None)} and hunger[("PROTEST", CHL, None)].mode == "strike-hun"
    assert set(air) == {("ASSAULT", CHL, PER)}


def test_a_threat_on_a_condition_is_aimed_at_whoever_must_meet_it():
    found = events("""
        Chile       PROPN nsubj 2
        threatened|threaten VERB ROOT 0
        to          PART  aux 4
        leave       VERB:VB xcomp 2
        if          SCONJ mark 7
        Peru        PROPN nsubj 7
        refuses|refuse VERB:VBZ advcl 4
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert ("THREATEN", CHL, PER) in found


def test_force_used_in_a_capital_is_used_against_its_state_but_words_said_there_are_not():
    force = events("""
        Chile       PROPN nsubj 2
        imposed|impose VERB ROOT 0
        a           DET   det 4
        curfew      NOUN  dobj 2
        in          ADP   prep 2
        Lima        PROPN pobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Lima": ("state/PER", "capital")})
    words = events("""
        Chile       PROPN nsubj 2
        condemned|condemn VERB ROOT 0
        the         DET   det 4
        vote        NOUN  dobj 2
        in          ADP   prep 2
        Lima        PROPN pobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Lima": ("state/PER", "capital")})
    assert ("COERCE", CHL, PER) in force and set(words) == {("ACCUSE", CHL, None)}


def test_a_named_modifier_outranks_a_possessive_pronoun():
    found = events("""
        Chile       PROPN nsubj 2
        urged|urge  VERB  ROOT 0
        its         PRON  poss 5
        Peruvian    ADJ   amod 5
        partners|partner NOUN dobj 2
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peruvian": ("state/PER", "demonym")})
    assert set(found) == {("REQUEST", CHL, PER)}


# ---------------------------------------------------------------- claims, stances, posts


def test_what_an_accuser_says_another_did_is_only_claimed():
    found = events("""
        Chile       PROPN nsubj 2
        accused|accuse VERB ROOT 0
        Peru        PROPN dobj 2
        of          ADP   prep 2
        attacking|attack VERB:VBG pcomp 4
        Bolivia     PROPN dobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER, "Bolivia": "state/BOL"})
    assert found[("ACCUSE", CHL, PER)].modality == "asserted"
    assert ("ASSAULT", PER, "state/BOL") not in found  # a claim, never an asserted attack


def test_a_stance_named_by_a_noun_with_no_verb_is_no_event():
    found = events("""
        Chile       PROPN poss 3
        's          PART  case 1
        support     NOUN  nsubj 4
        remained|remain VERB ROOT 0
        firm        ADJ   acomp 4
        .           PUNCT punct 4
    """, {"Chile": CHL})
    assert found == {}


def test_agreeing_or_planning_to_meet_is_an_agreement_and_the_planned_meeting_stays_announced():
    agreed = events("""
        Chile       PROPN nsubj 2
        agreed|agree VERB ROOT 0
        to          PART  aux 4
        meet        VERB:VB xcomp 2
        Peru        PROPN dobj 4
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    planned = events("""
        Chile       PROPN nsubj 3
        will        AUX   aux 3
        meet        VERB:VB ROOT 0
        Peru        PROPN dobj 3
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peru": PER})
    assert agreed[("AGREE", CHL, PER)].modality == "asserted"
    assert planned[("AGREE", CHL, PER)].modality == "hypothetical"
    assert planned[("CONSULT", CHL, PER)].modality == "hypothetical"


def test_drills_in_the_waters_off_a_state_target_that_state():
    found = events("""
        China       PROPN nsubj 2
        held|hold   VERB  ROOT 0
        drills|drill NOUN dobj 2
        in          ADP   prep 2
        waters|water NOUN pobj 4
        off         ADP   prep 5
        Taiwan      PROPN pobj 6
        .           PUNCT punct 2
    """, {"China": "state/CHN", "Taiwan": "state/TWN"})
    assert ("MOBILIZE", "state/CHN", "state/TWN") in found


def test_a_commitment_in_a_that_clause_is_the_committer_s_agreement():
    found = events("""
        Chile       PROPN nsubj 2
        vowed|vow   VERB  ROOT 0
        that        SCONJ mark 6
        its         PRON  poss 5
        army        NOUN  nsubj 7
        will        AUX   aux 7
        support     VERB:VB ccomp 2
        Peru        PROPN dobj 7
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert ("AGREE", CHL, PER) in found


def test_a_request_with_a_to_clause_stands_without_a_named_addressee():
    found = events("""
        Chile       PROPN nsubj 2
        urged|urge  VERB  ROOT 0
        all         DET   det 4
        sides|side  NOUN  dobj 2
        to          PART  aux 6
        negotiate   VERB:VB xcomp 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert set(found) == {("REQUEST", CHL, None)}


def test_an_inquiry_into_deeds_targets_whoever_did_them():
    found = events("""
        Chile       PROPN nsubj 2
        investigated|investigate VERB ROOT 0
        crimes|crime NOUN dobj 2
        by          ADP   prep 3
        Peruvian    ADJ   amod 6
        forces|force NOUN pobj 4
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peruvian": ("state/PER", "demonym")})
    assert ("ACCUSE", CHL, PER) in found


def test_one_part_of_a_state_acting_on_another_part_keeps_both():
    found = events("""
        Sudan       PROPN poss 3
        's          PART  case 1
        government  NOUN  nsubj 4
        accused|accuse VERB ROOT 0
        Sudanese    ADJ   amod 6
        rebels|rebel NOUN dobj 4
        .           PUNCT punct 4
    """, {"Sudan": SDN, "Sudanese": ("state/SDN", "demonym")})
    e = found[("ACCUSE", SDN, SDN)]
    assert (e.agent_sector, e.target_sector) == ("government", "rebels")


def test_a_refusal_of_a_demand_targets_whoever_made_it():
    found = events("""
        Chile       PROPN nsubj 2
        refused|refuse VERB ROOT 0
        to          PART  aux 4
        heed        VERB:VB xcomp 2
        a           DET   det 6
        demand      NOUN  dobj 4
        from        ADP   prep 6
        Peru        PROPN pobj 7
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert ("REJECT", CHL, PER) in found


def test_an_actor_ready_to_act_commits_itself():
    found = events("""
        Syria       PROPN nsubj 2
        says|say    VERB  ROOT 0
        it          PRON  nsubj 4
        is|be       AUX   ccomp 2
        willing     ADJ   acomp 4
        to          PART  aux 7
        withdraw    VERB:VB xcomp 5
        its         PRON  poss 9
        troops|troop NOUN dobj 7
        from        ADP   prep 7
        Lebanon     PROPN pobj 10
        .           PUNCT punct 2
    """, {"Syria": "state/SYR", "Lebanon": "state/LBN"})
    assert found[("AGREE", "state/SYR", "state/LBN")].modality == "asserted"


def test_a_place_in_a_state_stands_for_that_state_as_a_target():
    found = events("""
        Russia      PROPN nsubj 2
        shelled|shell VERB ROOT 0
        a           DET   det 4
        village     NOUN  dobj 2
        in          ADP   prep 4
        Ukraine     PROPN pobj 5
        .           PUNCT punct 2
    """, {"Russia": RUS, "Ukraine": "state/UKR"})
    assert ("ASSAULT", RUS, "state/UKR") in found


def test_a_protest_is_against_whom_its_demand_is_made():
    found = events("""
        Chilean     ADJ   amod 2
        workers|worker NOUN nsubj 3
        rallied|rally VERB ROOT 0
        ,           PUNCT punct 3
        calling|call VERB:VBG advcl 3
        on          ADP   prep 5
        Peru        PROPN pobj 6
        to          PART  aux 9
        release     VERB:VB xcomp 5
        .           PUNCT punct 3
    """, {"Chilean": ("state/CHL", "demonym"), "Peru": PER})
    assert ("PROTEST", CHL, PER) in found


def test_advice_to_the_public_is_no_request_of_an_actor():
    found = events("""
        Chile       PROPN nsubj 2
        urged|urge  VERB  ROOT 0
        residents|resident NOUN dobj 2
        to          PART  aux 5
        shelter     VERB:VB xcomp 2
        .           PUNCT punct 2
    """, {"Chile": CHL})
    assert found == {}


def test_a_stance_after_be_is_held_by_the_subject():
    found = events("""
        Chile       PROPN nsubjpass 3
        is|be       AUX   auxpass 3
        opposed|oppose VERB:VBN ROOT 0
        to          ADP   prep 3
        Peruvian    ADJ   amod 6
        mediation   NOUN  pobj 4
        .           PUNCT punct 3
    """, {"Chile": CHL, "Peruvian": ("state/PER", "demonym")})
    assert set(found) == {("REJECT", CHL, PER)}


def test_allowing_an_actor_to_act_is_a_concession_to_it_and_the_act_only_allowed():
    found = events("""
        Chile       PROPN nsubj 2
        allowed|allow VERB ROOT 0
        Peru        PROPN nsubj 5
        to          PART  aux 5
        attack      VERB:VB ccomp 2
        Bolivia     PROPN dobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER, "Bolivia": "state/BOL"})
    assert ("CONCEDE", CHL, PER) in found
    assert ("ASSAULT", PER, "state/BOL") not in found


def test_force_used_in_a_city_is_used_against_the_state_it_lies_in():
    found = events("""
        Russian     ADJ   amod 2
        forces|force NOUN nsubj 3
        shelled|shell VERB ROOT 0
        Kharkiv     PROPN dobj 3
        .           PUNCT punct 3
    """, {"Russian": ("state/RUS", "demonym"), "Kharkiv": "place/kharkiv"})
    assert ("ASSAULT", RUS, "state/UKR") in found


def test_words_said_in_a_city_are_said_to_no_one():
    found = events("""
        Chile       PROPN nsubj 2
        condemned|condemn VERB ROOT 0
        the         DET   det 4
        vote        NOUN  dobj 2
        in          ADP   prep 2
        Kharkiv     PROPN pobj 5
        .           PUNCT punct 2
    """, {"Chile": CHL, "Kharkiv": "place/kharkiv"})
    assert set(found) == {("ACCUSE", CHL, None)}


def test_force_a_state_uses_in_its_own_city_keeps_it_as_target():
    found = events("""
        Turkish     ADJ   amod 2
        police      NOUN  nsubj 3
        imposed|impose VERB ROOT 0
        a           DET   det 5
        curfew      NOUN  dobj 3
        in          ADP   prep 3
        Cizre       PROPN pobj 6
        .           PUNCT punct 3
    """, {"Turkish": ("state/TUR", "demonym"), "Cizre": "place/cizre"})
    assert ("COERCE", "state/TUR", "state/TUR") in found


def test_a_state_s_forces_acting_in_that_state_target_it():
    found = events("""
        Chilean     ADJ   amod 2
        police      NOUN  nsubj 3
        raided|raid VERB  ROOT 0
        homes|home  NOUN  dobj 3
        in          ADP   prep 3
        Chile       PROPN pobj 5
        .           PUNCT punct 3
    """, {"Chilean": ("state/CHL", "demonym"), "Chile": CHL})
    assert ("COERCE", CHL, CHL) in found or ("ASSAULT", CHL, CHL) in found



def test_a_demand_for_a_withdrawal_is_made_of_whoever_is_to_withdraw():
    found = events("""
        Chile       PROPN nsubj 2
        demanded|demand VERB ROOT 0
        the         DET   det 4
        withdrawal  NOUN  dobj 2
        of          ADP   prep 4
        Peruvian    ADJ   amod 7
        forces|force NOUN pobj 5
        from        ADP   prep 4
        Bolivia     PROPN pobj 8
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peruvian": ("state/PER", "demonym"), "Bolivia": "state/BOL"})
    assert set(found) == {("REQUEST", CHL, PER)}


def test_a_refusal_to_let_an_actor_act_targets_that_actor():
    found = events("""
        Chile       PROPN nsubj 2
        refused|refuse VERB ROOT 0
        to          PART  aux 4
        allow       VERB:VB xcomp 2
        Peruvian    ADJ   amod 6
        planes|plane NOUN nsubj 8
        to          PART  aux 8
        land        VERB:VB ccomp 4
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peruvian": ("state/PER", "demonym")})
    assert ("REJECT", CHL, PER) in found


def test_a_mediator_consults_each_side():
    found = events("""
        Chile       PROPN nsubj 2
        led|lead    VERB  ROOT 0
        a           DET   det 4
        mediation   NOUN  dobj 2
        between     ADP   prep 4
        Peru        PROPN pobj 5
        and         CCONJ cc 6
        Bolivia     PROPN conj 6
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER, "Bolivia": "state/BOL"})
    assert {("CONSULT", CHL, PER), ("CONSULT", CHL, "state/BOL")} <= set(found)


def test_going_back_on_one_s_own_word_targets_whom_it_was_given_to():
    found = events("""
        Chile       PROPN nsubj 2
        reneged|renege VERB ROOT 0
        on          ADP   prep 2
        its         PRON  poss 5
        commitment  NOUN  pobj 3
        to          ADP   prep 5
        Peru        PROPN pobj 6
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert set(found) == {("REJECT", CHL, PER)}


def test_a_state_s_forces_acting_on_a_group_of_no_named_country_act_at_home():
    found = events("""
        Iranian     ADJ   amod 2
        police      NOUN  nsubj 3
        detained|detain VERB ROOT 0
        protesters|protester NOUN dobj 3
        .           PUNCT punct 3
    """, {"Iranian": ("state/IRN", "demonym")})
    e = found[("COERCE", "state/IRN", "state/IRN")]
    assert (e.agent_sector, e.target_sector) == ("police", "civilians")


def test_cutting_aid_meant_for_an_actor_targets_it():
    found = events("""
        Chile       PROPN nsubj 2
        suspended|suspend VERB ROOT 0
        an          DET   det 5
        aid         NOUN  compound 5
        programme   NOUN  dobj 2
        for         ADP   prep 5
        Peru        PROPN pobj 6
        .           PUNCT punct 2
    """, {"Chile": CHL, "Peru": PER})
    assert ("SANCTION", CHL, PER) in found


def test_the_security_forces_blocking_roads_is_no_protest():
    police = events("""
        Kenyan      ADJ   amod 2
        police      NOUN  nsubj 3
        blocked|block VERB ROOT 0
        roads|road  NOUN  dobj 3
        .           PUNCT punct 3
    """, {"Kenyan": ("state/KEN", "demonym")})
    teachers = events("""
        Kenyan      ADJ   amod 2
        teachers|teacher NOUN nsubj 3
        blocked|block VERB ROOT 0
        roads|road  NOUN  dobj 3
        .           PUNCT punct 3
    """, {"Kenyan": ("state/KEN", "demonym")})
    assert not [k for k in police if k[0] == "PROTEST"]
    assert ("PROTEST", KEN, None) in teachers
