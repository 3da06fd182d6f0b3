"""Coding rules written from PLOVER's definitions and the grammar of news English, on hand-built
parses of sentences written for these tests (no statistical model; see handparse.py).

- a mutual commitment ("X and Y agreed to meet") is each party's AGREE with the other;
- a headline drops the passive's auxiliary ("Minister arrested"): its subject is acted on;
- a readiness another state's speaker reports is that speaker's assessment, not a threat;
- what is asked for is done by another, so its topic is not the one asked;
- "warned that X did Y" reports Y as done.
Each rule is tried in several forms, with sentences that must give nothing.
"""
from __future__ import annotations

from handparse import events

KEN, UGA, SOM, ETH, RUS, UKR, PER = ("state/KEN", "state/UGA", "state/SOM", "state/ETH", "state/RUS",
                                     "state/UKR", "state/PER")


# ---------------------------------------------------------------- mutual commitments


def test_two_parties_agreeing_to_meet_each_agree_with_the_other():
    found = events("""
        Kenya       PROPN nsubj 4
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        agreed|agree VERB ROOT 0
        to          PART  aux 6
        meet        VERB  xcomp 4
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA})
    assert {k for k in found if k[0] == "AGREE"} == {("AGREE", KEN, UGA), ("AGREE", UGA, KEN)}
    consults = [k for k in found if k[0] == "CONSULT"]
    assert len(consults) == 1 and found[consults[0]].modality == "hypothetical"  # one meeting, announced


def test_two_parties_agreeing_to_hold_talks_each_agree_with_the_other():
    found = events("""
        Kenya       PROPN nsubj 4
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        agreed|agree VERB ROOT 0
        to          PART  aux 6
        hold        VERB  xcomp 4
        talks|talk  NOUN  dobj 6
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA})
    assert {k for k in found if k[0] == "AGREE"} == {("AGREE", KEN, UGA), ("AGREE", UGA, KEN)}


def test_one_party_agreeing_to_meet_another_is_its_agree_alone():
    found = events("""
        Kenya       PROPN nsubj 2
        agreed|agree VERB ROOT 0
        to          PART  aux 4
        meet        VERB  xcomp 2
        Uganda      PROPN dobj 4
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Uganda": UGA})
    assert {k for k in found if k[0] == "AGREE"} == {("AGREE", KEN, UGA)}


def test_two_parties_that_met_make_one_consultation_and_no_agreement():
    found = events("""
        Kenya       PROPN nsubj 4
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        met|meet    VERB  ROOT 0
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA})
    assert len(found) == 1 and next(iter(found))[0] == "CONSULT"


def test_two_parties_that_did_not_agree_to_meet_give_nothing():
    found = events("""
        Kenya       PROPN nsubj 6
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        did|do      AUX   aux 6
        not         PART  neg 6
        agree       VERB  ROOT 0
        to          PART  aux 8
        meet        VERB  xcomp 6
        .           PUNCT punct 6
    """, {"Kenya": KEN, "Uganda": UGA})
    assert found == {}


# ---------------------------------------------------------------- headline passives


def test_a_headline_participle_without_auxiliary_is_a_passive_with_no_agent():
    found = events("""
        Kenyan      ADJ   amod 2
        minister    NOUN  nsubj 3
        arrested|arrest VERB:VBN ROOT 0
        over        ADP   prep 3
        graft       NOUN  pobj 4
    """, {"Kenyan": (KEN, "demonym")})
    assert found == {}


def test_a_headline_participle_with_a_by_phrase_takes_its_agent_from_it():
    found = events("""
        Somalia     PROPN nsubj 2
        rebuked|rebuke VERB:VBN ROOT 0
        by          ADP   agent 2
        Kenya       PROPN pobj 3
    """, {"Somalia": SOM, "Kenya": KEN})
    assert set(found) == {("ACCUSE", KEN, SOM)}


def test_a_headline_with_an_object_stays_active():
    found = events("""
        Kenya       PROPN nsubj 2
        rebuked|rebuke VERB:VBD ROOT 0
        Uganda      PROPN dobj 2
    """, {"Kenya": KEN, "Uganda": UGA})
    assert set(found) == {("ACCUSE", KEN, UGA)}


def test_a_sentence_closed_by_a_full_stop_is_no_headline():
    found = events("""
        Kenya       PROPN nsubj 2
        protested|protest VERB:VBD ROOT 0
        .           PUNCT punct 2
    """, {"Kenya": KEN})
    assert set(found) == {("PROTEST", KEN, None)}


# ---------------------------------------------------------------- assessed readiness


_READY = """
        Russia      PROPN nsubj 2
        is|be       AUX   ROOT 0
        ready       ADJ   acomp 2
        to          PART  aux 5
        attack      VERB  xcomp 3
        Ukraine     PROPN dobj 5
        ,           PUNCT punct 2
        {speaker}
        warned|warn VERB:VBD conj 2
        .           PUNCT punct 2
"""


def test_a_readiness_another_state_reports_is_no_threat_of_the_actor():
    found = events(_READY.format(speaker="Kenya PROPN nsubj 9"), {"Russia": RUS, "Ukraine": UKR, "Kenya": KEN})
    assert ("THREATEN", RUS, UKR) not in found
    assert found[("ASSAULT", RUS, UKR)].modality == "hypothetical"  # kept as announced, as an act of force


def test_a_readiness_the_actor_states_itself_is_its_threat():
    found = events(_READY.format(speaker="Russia PROPN nsubj 9").replace("Russia      PROPN nsubj 2", "Moscow PROPN nsubj 2"),
                   {"Moscow": (RUS, "capital"), "Russia": RUS, "Ukraine": UKR})
    assert ("THREATEN", RUS, UKR) in found


def test_a_readiness_an_unnamed_speaker_reports_is_the_actors_statement():
    found = events(_READY.format(speaker="officials|official NOUN nsubj 9"), {"Russia": RUS, "Ukraine": UKR})
    assert ("THREATEN", RUS, UKR) in found


def test_a_readiness_to_cooperate_another_state_reports_is_no_agreement():
    found = events("""
        Peru        PROPN nsubj 2
        is|be       AUX   ROOT 0
        ready       ADJ   acomp 2
        to          PART  aux 5
        help        VERB  xcomp 3
        Kenya       PROPN dobj 5
        ,           PUNCT punct 2
        Uganda      PROPN nsubj 9
        said|say    VERB:VBD conj 2
        .           PUNCT punct 2
    """, {"Peru": PER, "Kenya": KEN, "Uganda": UGA})
    assert not [k for k in found if k[0] == "AGREE"]


# ---------------------------------------------------------------- what a request is about


def test_a_call_to_hold_talks_on_a_state_asks_nothing_of_that_state():
    found = events("""
        Kenya       PROPN nsubj 2
        called|call VERB ROOT 0
        to          PART  aux 4
        hold        VERB  xcomp 2
        talks|talk  NOUN  dobj 4
        on          ADP   prep 5
        Somalia     PROPN pobj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert ("REQUEST", KEN, SOM) not in found


def test_a_call_on_a_state_to_hold_talks_asks_it():
    found = events("""
        Kenya       PROPN nsubj 2
        called|call VERB ROOT 0
        on          ADP   prep 2
        Somalia     PROPN pobj 3
        to          PART  aux 6
        hold        VERB  xcomp 2
        talks|talk  NOUN  dobj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert ("REQUEST", KEN, SOM) in found


def test_a_threat_to_act_on_a_state_is_aimed_at_it():
    found = events("""
        Kenya       PROPN nsubj 2
        threatened|threaten VERB ROOT 0
        to          PART  aux 4
        impose      VERB  xcomp 2
        sanctions|sanction NOUN dobj 4
        on          ADP   prep 4
        Somalia     PROPN pobj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert ("THREATEN", KEN, SOM) in found


# ---------------------------------------------------------------- warnings report


def test_a_warning_that_troops_deployed_reports_the_deployment():
    found = events("""
        Ethiopia    PROPN nsubj 2
        warned|warn VERB ROOT 0
        that        SCONJ mark 6
        Somali      ADJ   amod 5
        troops|troop NOUN nsubj 6
        deployed|deploy VERB:VBD ccomp 2
        to          ADP   prep 6
        Kenya       PROPN pobj 7
        .           PUNCT punct 2
    """, {"Ethiopia": ETH, "Somali": (SOM, "demonym"), "Kenya": KEN})
    assert found[("MOBILIZE", SOM, KEN)].modality == "asserted"


def test_a_warning_to_leave_is_no_report_of_leaving():
    found = events("""
        Ethiopia    PROPN nsubj 2
        warned|warn VERB ROOT 0
        Somalia     PROPN dobj 2
        to          PART  aux 5
        withdraw    VERB  xcomp 2
        .           PUNCT punct 2
    """, {"Ethiopia": ETH, "Somalia": SOM})
    assert ("RETREAT", SOM, None) not in found


# ---------------------------------------------------------------- one sentence, two acts


_TWO_REQUESTS = """
        Kenya       PROPN nsubj 2
        called|call VERB ROOT 0
        on          ADP   prep 2
        Uganda      PROPN pobj 3
        to          PART  aux 6
        leave       VERB  xcomp 2
        and         CCONJ cc 2
        urged|urge  VERB  conj 2
        all         DET   det 10
        sides|side  NOUN  dobj 8
        to          PART  aux 12
        {verb}      VERB  xcomp 8
        restraint   NOUN  dobj 12
        .           PUNCT punct 2
"""


def test_a_second_request_in_the_same_sentence_is_a_second_act_even_without_a_named_target():
    found = events(_TWO_REQUESTS.format(verb="show"), {"Kenya": KEN, "Uganda": UGA})
    assert {k for k in found if k[0] == "REQUEST"} == {("REQUEST", KEN, UGA), ("REQUEST", KEN, None)}


def test_an_agent_only_reading_of_a_word_that_also_names_a_target_is_dropped():
    found = events("""
        Kenya       PROPN nsubj 2
        urged|urge  VERB  ROOT 0
        Uganda      PROPN dobj 2
        and         CCONJ cc 3
        its         PRON  poss 6
        neighbours|neighbour NOUN conj 3
        to          PART  aux 8
        leave       VERB  xcomp 2
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Uganda": UGA})
    assert {k for k in found if k[0] == "REQUEST"} == {("REQUEST", KEN, UGA)}


# ---------------------------------------------------------------- phrases of a participle that describes the act


_DRILLS = """
        Chad        PROPN nsubj 2
        launched|launch VERB ROOT 0
        drills|drill NOUN dobj 2
        involving|involve VERB:VBG acl 3
        tanks|tank  NOUN  dobj 4
        {where}
        .           PUNCT punct 2
"""


def test_a_place_in_a_participle_describing_an_act_of_force_is_where_it_is_aimed():
    found = events(_DRILLS.format(where="""in ADP prep 4
        areas|area NOUN pobj 6
        near ADP prep 7
        Niger PROPN pobj 8"""), {"Chad": "state/TCD", "Niger": "state/NER"})
    assert set(found) == {("MOBILIZE", "state/TCD", "state/NER")}


def test_an_act_of_force_whose_participle_names_no_place_has_no_target():
    found = events(_DRILLS.format(where=""), {"Chad": "state/TCD"})
    assert set(found) == {("MOBILIZE", "state/TCD", None)}


def test_who_takes_part_in_an_act_is_not_its_target():
    found = events("""
        Chad        PROPN nsubj 2
        launched|launch VERB ROOT 0
        drills|drill NOUN dobj 2
        involving|involve VERB:VBG acl 3
        Niger       PROPN dobj 4
        .           PUNCT punct 2
    """, {"Chad": "state/TCD", "Niger": "state/NER"})
    assert ("MOBILIZE", "state/TCD", "state/NER") not in found


# ---------------------------------------------------------------- who does a gerund after a preposition


_GERUND = """
        Kenya       PROPN nsubj 2
        {verb}      VERB  ROOT 0
        {object}
        {prep}      ADP   prep 2
        sanctioning|sanction VERB:VBG pcomp {p}
        Somalia     PROPN dobj {g}
        .           PUNCT punct 2
"""


def test_a_gerund_after_the_object_and_with_or_from_is_done_by_the_object():
    for verb, prep in (("tasked|task", "with"), ("barred|bar", "from"), ("pressed|press", "into")):
        found = events(_GERUND.format(verb=verb, object="Uganda PROPN dobj 2", prep=prep, p=4, g=5),
                       {"Kenya": KEN, "Uganda": UGA, "Somalia": SOM})
        assert ("SANCTION", KEN, SOM) not in found, verb  # Uganda is to sanction Somalia, not Kenya


def test_a_gerund_after_by_is_done_by_the_subject():
    found = events(_GERUND.format(verb="responded|respond", object="", prep="by", p=3, g=4),
                   {"Kenya": KEN, "Somalia": SOM})
    assert ("SANCTION", KEN, SOM) in found


# ---------------------------------------------------------------- unnamed officials


def test_an_unnamed_representative_of_a_state_stands_for_it():
    found = events("""
        Kenya       PROPN nsubj 2
        offered|offer VERB ROOT 0
        a           DET   det 4
        seat        NOUN  dobj 2
        to          ADP   dative 2
        a           DET   det 7
        representative NOUN pobj 5
        of          ADP   prep 7
        Peru        PROPN pobj 8
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Peru": PER})
    assert ("AGREE", KEN, PER) in found


def test_one_of_a_states_ministers_acts_for_the_state():
    found = events("""
        A           DET   det 3
        Kenyan      ADJ   amod 3
        minister    NOUN  nsubj 4
        criticised|criticise VERB ROOT 0
        Uganda      PROPN dobj 4
        .           PUNCT punct 4
    """, {"Kenyan": (KEN, "demonym"), "Uganda": UGA})
    assert ("ACCUSE", KEN, UGA) in found


def test_a_former_minister_does_not_act_for_the_state():
    found = events("""
        The         DET   det 4
        former      ADJ   amod 4
        Kenyan      ADJ   amod 4
        minister    NOUN  nsubj 5
        criticised|criticise VERB ROOT 0
        Uganda      PROPN dobj 5
        .           PUNCT punct 5
    """, {"Kenyan": (KEN, "demonym"), "Uganda": UGA})
    assert not [k for k in found if k[1] == KEN]


# ---------------------------------------------------------------- visits and movements of forces


def _arrival(subject: str, place: str) -> str:
    return f"""
        {subject}
        arrived|arrive VERB ROOT 0
        in          ADP   prep 2
        {place}     PROPN pobj 3
        .           PUNCT punct 2
    """


def test_arriving_in_another_state_is_a_visit_to_it():
    found = events(_arrival("Museveni PROPN nsubj 2", "Kenya"), {"Museveni": "person/museveni", "Kenya": KEN})
    assert set(found) == {("CONSULT", "person/museveni", KEN)}
    assert found[("CONSULT", "person/museveni", KEN)].mode == "visit"


def test_arriving_in_a_capital_names_where_not_whom():
    found = events(_arrival("Museveni PROPN nsubj 2", "Nairobi"),
                   {"Museveni": "person/museveni", "Nairobi": (KEN, "capital")})
    assert found == {}


def test_troops_arriving_in_a_state_are_deployed_there():
    found = events("""
        Somali      ADJ   amod 2
        troops|troop NOUN nsubj 3
        arrived|arrive VERB ROOT 0
        in          ADP   prep 3
        Kenya       PROPN pobj 4
        .           PUNCT punct 3
    """, {"Somali": (SOM, "demonym"), "Kenya": KEN})
    assert set(found) == {("MOBILIZE", SOM, KEN)}


def test_welcoming_someone_to_a_place_hosts_a_visit_and_welcoming_a_decision_supports_it():
    found = events("""
        Kenya       PROPN nsubj 2
        welcomed|welcome VERB ROOT 0
        Museveni    PROPN dobj 2
        to          ADP   prep 2
        Nairobi     PROPN pobj 4
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Museveni": "person/museveni", "Nairobi": (KEN, "capital")})
    assert set(found) == {("CONSULT", KEN, "person/museveni")}
    found = events("""
        Kenya       PROPN nsubj 2
        welcomed|welcome VERB ROOT 0
        Uganda      PROPN poss 5
        's          PART  case 3
        decision    NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Uganda": UGA})
    assert set(found) == {("SUPPORT", KEN, UGA)}


def test_forces_massed_on_a_border_with_a_state_are_aimed_at_it():
    found = events("""
        Kenya       PROPN nsubj 2
        massed|mass VERB ROOT 0
        troops|troop NOUN dobj 2
        on          ADP   prep 2
        its         PRON  poss 6
        border      NOUN  pobj 4
        with        ADP   prep 6
        Somalia     PROPN pobj 7
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert set(found) == {("MOBILIZE", KEN, SOM)}


# ---------------------------------------------------------------- objects that name the act, indirect objects


def test_two_parties_that_fought_a_war_attacked_each_other():
    found = events("""
        Kenya       PROPN nsubj 4
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        fought|fight VERB ROOT 0
        a           DET   det 6
        war         NOUN  dobj 4
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA})
    assert set(found) == {("ASSAULT", KEN, UGA), ("ASSAULT", UGA, KEN)}


def test_two_parties_that_fought_a_third_attacked_it_not_each_other():
    found = events("""
        Kenya       PROPN nsubj 4
        and         CCONJ cc 1
        Uganda      PROPN conj 1
        fought|fight VERB ROOT 0
        Somalia     PROPN dobj 4
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA, "Somalia": SOM})
    assert set(found) == {("ASSAULT", KEN, SOM), ("ASSAULT", UGA, SOM)}


def test_an_ultimatum_given_to_an_indirect_object_is_aimed_at_it():
    found = events("""
        Kenya       PROPN nsubj 2
        gave|give   VERB  ROOT 0
        Uganda      PROPN dative 2
        an          DET   det 5
        ultimatum   NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Uganda": UGA})
    assert set(found) == {("THREATEN", KEN, UGA)}


# ---------------------------------------------------------------- strikes and bans at home


def test_workers_who_walk_out_strike():
    found = events("""
        Kenyan      ADJ   amod 2
        teachers|teacher NOUN nsubj 3
        walked|walk VERB  ROOT 0
        out         ADP   prt 3
        .           PUNCT punct 3
    """, {"Kenyan": (KEN, "demonym")})
    assert set(found) == {("PROTEST", KEN, None)}
    assert found[("PROTEST", KEN, None)].mode == "strike"


def test_a_union_that_calls_a_strike_against_a_government_protests_against_it():
    found = events("""
        Unions|union NOUN nsubj 4
        in          ADP   prep 1
        Kenya       PROPN pobj 2
        called|call VERB  ROOT 0
        a           DET   det 6
        strike      NOUN  dobj 4
        against     ADP   prep 4
        Uganda      PROPN pobj 7
        .           PUNCT punct 4
    """, {"Kenya": KEN, "Uganda": UGA})
    assert ("PROTEST", KEN, UGA) in found


def test_a_call_for_talks_is_no_strike():
    found = events("""
        Kenya       PROPN nsubj 2
        called|call VERB  ROOT 0
        for         ADP   prep 2
        talks|talk  NOUN  pobj 3
        .           PUNCT punct 2
    """, {"Kenya": KEN})
    assert not [k for k in found if k[0] == "PROTEST"]


def test_a_states_commission_that_disqualifies_a_candidate_bans_him():
    found = events("""
        Kenya       PROPN poss 4
        's          PART  case 1
        election    NOUN  compound 4
        commission  NOUN  nsubj 5
        disqualified|disqualify VERB ROOT 0
        Odera       PROPN dobj 5
        .           PUNCT punct 5
    """, {"Kenya": KEN, "Odera": "person/odera"})
    assert set(found) == {("COERCE", KEN, "person/odera")}
    assert found[("COERCE", KEN, "person/odera")].mode == "ban"
    assert found[("COERCE", KEN, "person/odera")].agent_sector == "government"


# ---------------------------------------------------------------- event nouns: who acts, on whom


def test_a_possessor_with_an_of_phrase_naming_the_patient_is_the_agent():
    found = events("""
        Kenya       PROPN poss 3
        's          PART  case 1
        arrest      NOUN  nsubj 7
        of          ADP   prep 3
        Ugandan     ADJ   amod 6
        journalists|journalist NOUN pobj 4
        angered|anger VERB ROOT 0
        Uganda      PROPN dobj 7
        .           PUNCT punct 7
    """, {"Kenya": KEN, "Ugandan": (UGA, "demonym"), "Uganda": UGA})
    assert ("COERCE", KEN, UGA) in found


def test_a_possessor_alone_is_who_undergoes_an_arrest():
    found = events("""
        Odera       PROPN poss 3
        's          PART  case 1
        arrest      NOUN  nsubj 4
        angered|anger VERB ROOT 0
        Kenya       PROPN dobj 4
        .           PUNCT punct 4
    """, {"Odera": "person/odera", "Kenya": KEN})
    assert not [k for k in found if k[0] == "COERCE"]  # arrested by someone the sentence does not name


def test_the_owner_of_what_an_event_noun_is_about_is_its_target():
    found = events("""
        Kenya       PROPN poss 3
        's          PART  case 1
        rejection   NOUN  nsubj 8
        of          ADP   prep 3
        Uganda      PROPN poss 7
        's          PART  case 5
        offer       NOUN  pobj 4
        ended|end   VERB  ROOT 0
        talks|talk  NOUN  dobj 8
        .           PUNCT punct 8
    """, {"Kenya": KEN, "Uganda": UGA})
    assert ("REJECT", KEN, UGA) in found


def test_a_rejection_of_what_no_one_owns_has_no_target():
    found = events("""
        Kenya       PROPN poss 3
        's          PART  case 1
        rejection   NOUN  nsubj 7
        of          ADP   prep 3
        the         DET   det 6
        plan        NOUN  pobj 4
        surprised|surprise VERB ROOT 0
        Uganda      PROPN dobj 7
        .           PUNCT punct 7
    """, {"Kenya": KEN, "Uganda": UGA})
    assert not [k for k in found if k[0] == "REJECT"]


def test_a_bombing_of_a_place_is_an_attack_on_the_state_it_lies_in():
    found = events("""
        Kenya       PROPN poss 3
        's          PART  case 1
        bombing     NOUN  nsubj 6
        of          ADP   prep 3
        Kismayo     PROPN pobj 4
        continued|continue VERB ROOT 0
        .           PUNCT punct 6
    """, {"Kenya": KEN, "Kismayo": "place/kismayo"})
    assert ("ASSAULT", KEN, SOM) in found


# ---------------------------------------------------------------- passives without a "by" phrase


def test_one_expelled_or_suspended_from_a_body_or_state_was_put_out_by_it():
    found = events("""
        The         DET   det 3
        Ugandan     ADJ   amod 3
        envoy       NOUN  nsubjpass 5
        was|be      AUX   auxpass 5
        expelled|expel VERB:VBN ROOT 0
        from        ADP   prep 5
        Kenya       PROPN pobj 6
        .           PUNCT punct 5
    """, {"Ugandan": (UGA, "demonym"), "Kenya": KEN})
    assert set(found) == {("SANCTION", KEN, UGA)}
    found = events("""
        Peru        PROPN nsubjpass 4
        has|have    AUX   aux 4
        been|be     AUX   auxpass 4
        suspended|suspend VERB:VBN ROOT 0
        from        ADP   prep 4
        Mercosur    PROPN pobj 5
        .           PUNCT punct 4
    """, {"Peru": PER, "Mercosur": "org/mercosur"})
    assert set(found) == {("SANCTION", "org/mercosur", PER)}


def test_an_expulsion_with_no_one_named_who_expels_gives_nothing():
    found = events("""
        Two         NUM   nummod 2
        diplomats|diplomat NOUN nsubjpass 4
        were|be     AUX   auxpass 4
        expelled|expel VERB:VBN ROOT 0
        .           PUNCT punct 4
    """)
    assert found == {}


def test_troops_withdrawn_from_a_state_were_withdrawn_by_their_own():
    found = events("""
        Kenyan      ADJ   amod 2
        troops|troop NOUN nsubjpass 4
        were|be     AUX   auxpass 4
        withdrawn|withdraw VERB:VBN ROOT 0
        from        ADP   prep 4
        Somalia     PROPN pobj 5
        .           PUNCT punct 4
    """, {"Kenyan": (KEN, "demonym"), "Somalia": SOM})
    assert set(found) == {("RETREAT", KEN, SOM)}


def test_aid_delivered_to_a_place_is_aid_to_the_state_it_lies_in():
    found = events("""
        Kenya       PROPN nsubj 2
        delivered|deliver VERB ROOT 0
        aid         NOUN  dobj 2
        to          ADP   prep 2
        Kismayo     PROPN pobj 4
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Kismayo": "place/kismayo"})
    assert set(found) == {("AID", KEN, SOM)}


# ---------------------------------------------------------------- mediation, trade barriers


def test_brokering_an_accord_between_parties_is_consulting_each():
    found = events("""
        Kenya       PROPN nsubj 2
        brokered|broker VERB ROOT 0
        a           DET   det 4
        truce       NOUN  dobj 2
        between     ADP   prep 4
        Ethiopia    PROPN pobj 5
        and         CCONJ cc 6
        Somalia     PROPN conj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Ethiopia": ETH, "Somalia": SOM})
    assert set(found) == {("CONSULT", KEN, ETH), ("CONSULT", KEN, SOM)}
    assert found[("CONSULT", KEN, ETH)].mode == "third-party"


def test_brokering_without_an_accord_is_no_mediation():
    found = events("""
        Kenya       PROPN nsubj 2
        brokered|broker VERB ROOT 0
        sales|sale  NOUN  dobj 2
        between     ADP   prep 3
        Ethiopia    PROPN pobj 4
        and         CCONJ cc 5
        Somalia     PROPN conj 5
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Ethiopia": ETH, "Somalia": SOM})
    assert found == {}


def test_blocking_a_states_imports_is_a_sanction_on_it_and_blocking_a_road_a_protest():
    found = events("""
        Kenya       PROPN nsubj 2
        blocked|block VERB ROOT 0
        Ugandan     ADJ   amod 4
        imports|import NOUN dobj 2
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Ugandan": (UGA, "demonym")})
    assert set(found) == {("SANCTION", KEN, UGA)}
    found = events("""
        Kenyan      ADJ   amod 2
        farmers|farmer NOUN nsubj 3
        blocked|block VERB ROOT 0
        a           DET   det 5
        road        NOUN  dobj 3
        .           PUNCT punct 3
    """, {"Kenyan": (KEN, "demonym")})
    assert set(found) == {("PROTEST", KEN, None)}


# ---------------------------------------------------------------- withdrawals, peacekeepers, amounts of aid


def test_troops_pulled_out_of_a_state_withdraw_from_it():
    found = events("""
        Kenya       PROPN nsubj 2
        pulled|pull VERB  ROOT 0
        its         PRON  poss 4
        troops|troop NOUN dobj 2
        out         ADP   prep 2
        of          ADP   prep 5
        Somalia     PROPN pobj 6
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Somalia": SOM})
    assert set(found) == {("RETREAT", KEN, SOM)}


def test_peacekeepers_sent_to_a_state_are_aid_and_troops_a_mobilisation():
    sentence = """
        Kenya       PROPN nsubj 2
        sent|send   VERB  ROOT 0
        {what}      NOUN  dobj 2
        to          ADP   prep 2
        Somalia     PROPN pobj 4
        .           PUNCT punct 2
    """
    assert set(events(sentence.format(what="peacekeepers|peacekeeper"), {"Kenya": KEN, "Somalia": SOM})) == {
        ("AID", KEN, SOM)}
    assert set(events(sentence.format(what="troops|troop"), {"Kenya": KEN, "Somalia": SOM})) == {
        ("MOBILIZE", KEN, SOM)}


def test_an_amount_in_aid_is_aid_and_an_amount_in_fines_is_not():
    sentence = """
        Kenya       PROPN nsubj 2
        provided|provide VERB ROOT 0
        $           SYM   quantmod 5
        50          NUM   compound 5
        million     NUM   dobj 2
        in          ADP   prep 5
        {what}      NOUN  pobj 6
        to          ADP   dative 2
        Somalia     PROPN pobj 8
        .           PUNCT punct 2
    """
    assert set(events(sentence.format(what="aid"), {"Kenya": KEN, "Somalia": SOM})) == {("AID", KEN, SOM)}
    assert events(sentence.format(what="fines|fine"), {"Kenya": KEN, "Somalia": SOM}) == {}


def test_summoning_another_states_envoy_is_a_protest_to_that_state():
    found = events("""
        Kenya       PROPN nsubj 2
        summoned|summon VERB ROOT 0
        the         DET   det 5
        Ugandan     ADJ   amod 5
        ambassador  NOUN  dobj 2
        .           PUNCT punct 2
    """, {"Kenya": KEN, "Ugandan": (UGA, "demonym")})
    assert set(found) == {("ACCUSE", KEN, UGA)}


def test_a_court_summoning_a_witness_is_no_protest():
    found = events("""
        The         DET   det 2
        court       NOUN  nsubj 3
        summoned|summon VERB ROOT 0
        Odera       PROPN dobj 3
        .           PUNCT punct 3
    """, {"Odera": "person/odera"})
    assert found == {}
