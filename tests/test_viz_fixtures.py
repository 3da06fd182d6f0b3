"""Hand-written graphs in the shape of docs/graph-model.md, shared by the viz,
stats, export and browser tests, and the checks that they keep to that contract.

The people in them are invented; the text is written for these tests.
Expected figures are never written down here: the tests compute them from
the Turtle with their own rdflib queries.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

PREFIXES = """\
@base <https://w3id.org/newsgraph/id/> .
@prefix ng:     <https://w3id.org/newsgraph/ontology#> .
@prefix plover: <https://w3id.org/newsgraph/plover#> .
@prefix org:    <http://www.w3.org/ns/org#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix nif:    <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix sem:    <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix schema: <https://schema.org/> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix oa:     <http://www.w3.org/ns/oa#> .
@prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
"""

# Two documents: an article with a URL, and a live blog (a local file) with
# two posts. Three people, two organisations, four states, one place; roles
# with and without an organisation; CONSULT three times between one pair in
# both directions (one merged undirected edge), directed events, a negated one,
# and an agent-only event (no target, with a PLOVER mode and an agent sector)
# that must never become an edge. Four quotations in the quotation contract
# (evidence as an annotation of its sentence): Moreno's quoted words, which
# the AID event is ng:accordingTo; Lindqvist's and Okafor's reported speech
# (the negated THREATEN is according to Okafor's); and quoted words of an
# unnamed source about Ukraine.
AGENT_ONLY_SENTENCE = "Russian aircraft carried out strikes overnight."
MORENO_SENTENCE = "\u201cHelp is on its way,\u201d Moreno told reporters."
UNNAMED_SENTENCE = "\u201cWe will not be intimidated,\u201d officials in Kyiv said."
# Each document's analysed text (its nif:Context), its sentences one to a line.
MINISTERS_TEXT = "\\n".join((
    "US secretary of state Alia Moreno met Nato chief Tomas Lindqvist in Brussels on Wednesday.",
    "Lindqvist, the Nato secretary general, said the alliance would keep supporting Ukraine.",
    "The European Union welcomed the talks."))
LIVE_BLOG_TEXT = "\\n".join((
    "Moreno announced $50m in aid to Ukraine.", "Ms Moreno consulted Lindqvist by phone before the trip.",
    "French foreign minister Nadia Okafor accused Russia of sabotage.", "Lindqvist spoke with Okafor later that day.",
    "France did not threaten Russia, Okafor said.", "Lindqvist met Moreno again in the afternoon.",
    AGENT_ONLY_SENTENCE, MORENO_SENTENCE, UNNAMED_SENTENCE))
CONTEXT_END = {"ministers-meet-0a1b2c3d": 217, "live-blog-5e6f7a8b": 442}
NEWS_TTL = (PREFIXES + """
<person/alia-moreno> a ng:Person ; rdfs:label "Alia Moreno"@en ; skos:prefLabel "Alia Moreno"@en ; skos:altLabel "Moreno"@en, "Ms Moreno"@en .
<person/tomas-lindqvist> a ng:Person ; rdfs:label "Tomas Lindqvist"@en ; skos:prefLabel "Tomas Lindqvist"@en ; skos:altLabel "Lindqvist"@en .
<person/nadia-okafor> a ng:Person ; rdfs:label "Nadia Okafor"@en ; skos:prefLabel "Nadia Okafor"@en ; skos:altLabel "Okafor"@en .
<org/nato> a ng:Organisation ; rdfs:label "NATO"@en ; skos:prefLabel "NATO"@en ; skos:altLabel "Nato"@en .
<org/european-union> a ng:Organisation ; rdfs:label "European Union"@en ; skos:prefLabel "European Union"@en .
<state/USA> a ng:State ; rdfs:label "United States"@en ; skos:prefLabel "United States"@en ; skos:altLabel "US"@en ; ng:iso3 "USA" ; ng:iso2 "US" .
<state/UKR> a ng:State ; rdfs:label "Ukraine"@en ; skos:prefLabel "Ukraine"@en ; ng:iso3 "UKR" ; ng:iso2 "UA" .
<state/FRA> a ng:State ; rdfs:label "France"@en ; skos:prefLabel "France"@en ; skos:altLabel "French"@en ; ng:iso3 "FRA" ; ng:iso2 "FR" .
<state/RUS> a ng:State ; rdfs:label "Russia"@en ; skos:prefLabel "Russia"@en ; ng:iso3 "RUS" ; ng:iso2 "RU" .
<place/brussels> a ng:Place ; rdfs:label "Brussels"@en ; skos:prefLabel "Brussels"@en .
<author/jane-roe> a schema:Person ; schema:name "Jane Roe" .

<doc/ministers-meet-0a1b2c3d> a ng:Article ;
    schema:headline "Ministers meet in Brussels"@en ;
    schema:datePublished "2024-11-13T10:00:00+00:00"^^xsd:dateTime ;
    ng:source "https://news.example/world/ministers-meet" ;
    schema:url <https://news.example/world/ministers-meet> ;
    ng:contentHash "sha256:0000000000000000000000000000000000000000000000000000000000000001" ;
    schema:author <author/jane-roe> .
<doc/ministers-meet-0a1b2c3d#char=0,217> a nif:Context, nif:RFC5147String ;
    nif:isString "MINISTERS_TEXT" ;
    nif:beginIndex 0 ; nif:endIndex 217 ; dcterms:source <doc/ministers-meet-0a1b2c3d> .
<doc/ministers-meet-0a1b2c3d#char=0,90> a nif:Sentence ;
    nif:anchorOf "US secretary of state Alia Moreno met Nato chief Tomas Lindqvist in Brussels on Wednesday." ;
    nif:beginIndex 0 ; nif:endIndex 90 ; nif:referenceContext <doc/ministers-meet-0a1b2c3d#char=0,217> ;
    schema:isPartOf <doc/ministers-meet-0a1b2c3d> .
<doc/ministers-meet-0a1b2c3d#char=91,178> a nif:Sentence ;
    nif:anchorOf "Lindqvist, the Nato secretary general, said the alliance would keep supporting Ukraine." ;
    nif:beginIndex 91 ; nif:endIndex 178 ; nif:referenceContext <doc/ministers-meet-0a1b2c3d#char=0,217> ;
    schema:isPartOf <doc/ministers-meet-0a1b2c3d> .
<doc/ministers-meet-0a1b2c3d#char=179,217> a nif:Sentence ;
    nif:anchorOf "The European Union welcomed the talks." ;
    nif:beginIndex 179 ; nif:endIndex 217 ; nif:referenceContext <doc/ministers-meet-0a1b2c3d#char=0,217> ;
    schema:isPartOf <doc/ministers-meet-0a1b2c3d> .

<doc/live-blog-5e6f7a8b> a ng:Article, ng:LiveBlog ;
    schema:headline "Ukraine war live"@en ;
    schema:datePublished "2024-11-14T07:00:00+00:00"^^xsd:dateTime ;
    ng:source "examples/live-blog.txt" ;
    ng:contentHash "sha256:0000000000000000000000000000000000000000000000000000000000000002" .
<doc/live-blog-5e6f7a8b#char=0,442> a nif:Context, nif:RFC5147String ;
    nif:isString "LIVE_BLOG_TEXT" ;
    nif:beginIndex 0 ; nif:endIndex 442 ; dcterms:source <doc/live-blog-5e6f7a8b> .
<doc/live-blog-5e6f7a8b/post/1> a ng:Post ; schema:isPartOf <doc/live-blog-5e6f7a8b> ; ng:position 1 ;
    schema:headline "Moreno pledges aid"@en ; schema:author <author/jane-roe> ;
    schema:datePublished "2024-11-14T08:00:00+00:00"^^xsd:dateTime .
<doc/live-blog-5e6f7a8b/post/2> a ng:Post ; schema:isPartOf <doc/live-blog-5e6f7a8b> ; ng:position 2 ;
    schema:headline "France accuses Russia"@en ;
    schema:datePublished "2024-11-14T12:30:00+00:00"^^xsd:dateTime .
<doc/live-blog-5e6f7a8b#char=0,40> a nif:Sentence ;
    nif:anchorOf "Moreno announced $50m in aid to Ukraine." ;
    nif:beginIndex 0 ; nif:endIndex 40 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/1> .
<doc/live-blog-5e6f7a8b#char=41,96> a nif:Sentence ;
    nif:anchorOf "Ms Moreno consulted Lindqvist by phone before the trip." ;
    nif:beginIndex 41 ; nif:endIndex 96 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/1> .
<doc/live-blog-5e6f7a8b#char=97,161> a nif:Sentence ;
    nif:anchorOf "French foreign minister Nadia Okafor accused Russia of sabotage." ;
    nif:beginIndex 97 ; nif:endIndex 161 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
<doc/live-blog-5e6f7a8b#char=162,205> a nif:Sentence ;
    nif:anchorOf "Lindqvist spoke with Okafor later that day." ;
    nif:beginIndex 162 ; nif:endIndex 205 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
<doc/live-blog-5e6f7a8b#char=206,250> a nif:Sentence ;
    nif:anchorOf "France did not threaten Russia, Okafor said." ;
    nif:beginIndex 206 ; nif:endIndex 250 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
<doc/live-blog-5e6f7a8b#char=251,295> a nif:Sentence ;
    nif:anchorOf "Lindqvist met Moreno again in the afternoon." ;
    nif:beginIndex 251 ; nif:endIndex 295 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
<doc/live-blog-5e6f7a8b#char=296,343> a nif:Sentence ;
    nif:anchorOf "AGENT_ONLY_SENTENCE" ;
    nif:beginIndex 296 ; nif:endIndex 343 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
<doc/live-blog-5e6f7a8b#char=344,388> a nif:Sentence ;
    nif:anchorOf "MORENO_SENTENCE" ;
    nif:beginIndex 344 ; nif:endIndex 388 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/1> .
<doc/live-blog-5e6f7a8b#char=389,442> a nif:Sentence ;
    nif:anchorOf "UNNAMED_SENTENCE" ;
    nif:beginIndex 389 ; nif:endIndex 442 ; nif:referenceContext <doc/live-blog-5e6f7a8b#char=0,442> ;
    schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> .
""" + "".join(
    f"""<doc/{doc}#char={b},{e}> a ng:Mention ; nif:anchorOf "{text}" ; nif:beginIndex {b} ; nif:endIndex {e} ;
    nif:sentence <doc/{doc}#char={sb},{se}> ; ng:refersTo <{entity}> ; schema:isPartOf <doc/{part}> ;
    nif:referenceContext <doc/{doc}#char=0,{CONTEXT_END[doc]}> .
"""
    for doc, part, (sb, se), (b, e), text, entity in [
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), (0, 2), "US", "state/USA"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), (22, 33), "Alia Moreno", "person/alia-moreno"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), (38, 42), "Nato", "org/nato"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), (49, 64), "Tomas Lindqvist", "person/tomas-lindqvist"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), (68, 76), "Brussels", "place/brussels"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178), (91, 100), "Lindqvist", "person/tomas-lindqvist"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178), (106, 110), "Nato", "org/nato"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178), (170, 177), "Ukraine", "state/UKR"),
        ("ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (179, 217), (183, 197), "European Union", "org/european-union"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (0, 40), (0, 6), "Moreno", "person/alia-moreno"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (0, 40), (32, 39), "Ukraine", "state/UKR"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (41, 96), (41, 50), "Ms Moreno", "person/alia-moreno"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (41, 96), (61, 70), "Lindqvist", "person/tomas-lindqvist"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (97, 161), (97, 103), "French", "state/FRA"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (97, 161), (121, 133), "Nadia Okafor", "person/nadia-okafor"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (97, 161), (142, 148), "Russia", "state/RUS"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (162, 205), (162, 171), "Lindqvist", "person/tomas-lindqvist"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (162, 205), (183, 189), "Okafor", "person/nadia-okafor"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (206, 250), (206, 212), "France", "state/FRA"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (206, 250), (230, 236), "Russia", "state/RUS"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (206, 250), (238, 244), "Okafor", "person/nadia-okafor"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (251, 295), (251, 260), "Lindqvist", "person/tomas-lindqvist"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (251, 295), (265, 271), "Moreno", "person/alia-moreno"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (296, 343), (296, 303), "Russian", "state/RUS"),
        ("live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (344, 388), (366, 372), "Moreno", "person/alia-moreno"),
    ]
) + """
<role/secretary-of-state> a org:Role ; skos:prefLabel "secretary of state"@en .
<role/secretary-general> a org:Role ; skos:prefLabel "secretary general"@en .
<role/foreign-minister> a org:Role ; skos:prefLabel "foreign minister"@en .
<role/ambassador> a org:Role ; skos:prefLabel "ambassador"@en .

<membership/00000000000000a1> a org:Membership ; org:member <person/alia-moreno> ; org:organization <state/USA> ;
    org:role <role/secretary-of-state> ; ng:former false ; ng:nominated false ; ng:elect false ;
    prov:wasDerivedFrom <evidence/00000000000000b1> .
<membership/00000000000000a2> a org:Membership ; org:member <person/tomas-lindqvist> ; org:organization <org/nato> ;
    ng:accordingTo <quotation/00000000000000e2> ;
    org:role <role/secretary-general> ; ng:former false ; ng:nominated false ; ng:elect false ;
    prov:wasDerivedFrom <evidence/00000000000000b2> .
<membership/00000000000000a3> a org:Membership ; org:member <person/nadia-okafor> ; org:organization <state/FRA> ;
    org:role <role/foreign-minister> ; ng:former false ; ng:nominated false ; ng:elect false ;
    ng:asOf "2024-11-14T12:30:00+00:00"^^xsd:dateTime ;
    prov:wasDerivedFrom <evidence/00000000000000b3> .
<membership/00000000000000a4> a org:Membership ; org:member <person/nadia-okafor> ;
    org:role <role/ambassador> ; ng:former true ; ng:nominated false ; ng:elect false ;
    prov:wasDerivedFrom <evidence/00000000000000b3> .

<event/00000000000000d1> a ng:Event ; ng:eventType plover:CONSULT ;
    ng:agent <person/alia-moreno> ; ng:target <person/tomas-lindqvist> ; sem:hasPlace <place/brussels> ;
    sem:hasTimeStamp "2024-11-13T10:00:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c1> .
<event/00000000000000d2> a ng:Event ; ng:eventType plover:SUPPORT ;
    ng:agent <org/nato> ; ng:target <state/UKR> ;
    sem:hasTimeStamp "2024-11-13T10:00:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c2> .
<event/00000000000000d3> a ng:Event ; ng:eventType plover:AID ; ng:accordingTo <quotation/00000000000000e1> ;
    ng:agent <person/alia-moreno> ; ng:target <state/UKR> ;
    sem:hasTimeStamp "2024-11-14T08:00:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c3> .
<event/00000000000000d4> a ng:Event ; ng:eventType plover:CONSULT ;
    ng:agent <person/alia-moreno> ; ng:target <person/tomas-lindqvist> ;
    sem:hasTimeStamp "2024-11-14T08:00:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c4> .
<event/00000000000000d5> a ng:Event ; ng:eventType plover:ACCUSE ;
    ng:agent <person/nadia-okafor> ; ng:target <state/RUS> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c5> .
<event/00000000000000d6> a ng:Event ; ng:eventType plover:CONSULT ;
    ng:agent <person/tomas-lindqvist> ; ng:target <person/nadia-okafor> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c6> .
<event/00000000000000d7> a ng:Event ; ng:eventType plover:THREATEN ; ng:accordingTo <quotation/00000000000000e3> ;
    ng:agent <state/FRA> ; ng:target <state/RUS> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ; ng:modality ng:Negated ;
    prov:wasDerivedFrom <evidence/00000000000000c7> .
<event/00000000000000d8> a ng:Event ; ng:eventType plover:CONSULT ;
    ng:agent <person/tomas-lindqvist> ; ng:target <person/alia-moreno> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c8> .
<event/00000000000000d9> a ng:Event ; ng:eventType plover:ASSAULT ; ng:mode plover:ASSAULT-aerial ;
    ng:agent <state/RUS> ; ng:agentSector <https://w3id.org/newsgraph/sector#military> ;
    sem:hasTimeStamp "2024-11-14T12:30:00+00:00"^^xsd:dateTime ; ng:modality ng:Asserted ;
    prov:wasDerivedFrom <evidence/00000000000000c9> .
""" + "".join(
    f"""<evidence/{name}> a ng:Evidence ; oa:hasTarget <doc/{doc}#char={b},{e}> ; schema:isPartOf <doc/{part}> ;
    ng:extractor "{extractor}" ; ng:confidence {confidence} .
"""
    for name, doc, part, (b, e), extractor, confidence in [
        ("00000000000000b1", "ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), "roles.apposition.v1", 0.9),
        ("00000000000000b2", "ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178), "roles.apposition.v1", 0.85),
        ("00000000000000b3", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (97, 161), "roles.title.v1", 0.8),
        ("00000000000000c1", "ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (0, 90), "events.svo.v1", 0.8),
        ("00000000000000c2", "ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178), "events.svo.v1", 0.6),
        ("00000000000000c3", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (0, 40), "events.svo.v1", 0.7),
        ("00000000000000c4", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (41, 96), "events.svo.v1", 0.8),
        ("00000000000000c5", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (97, 161), "events.svo.v1", 0.9),
        ("00000000000000c6", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (162, 205), "events.svo.v1", 0.75),
        ("00000000000000c7", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (206, 250), "events.svo.v1", 0.7),
        ("00000000000000c8", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (251, 295), "events.svo.v1", 0.8),
        ("00000000000000c9", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (296, 343), "events.svo.v1", 0.7),
    ]
) + """
<quotation/00000000000000e1> a ng:Quotation ; ng:content <doc/live-blog-5e6f7a8b#char=345,363> ; schema:isPartOf <doc/live-blog-5e6f7a8b/post/1> ; ng:speaker <person/alia-moreno> ; schema:text "Help is on its way"@en ;
    ng:cue "tell" ; ng:direct true ; schema:about <state/UKR> ;
    ng:reportedAt "2024-11-14T08:00:00Z"^^xsd:dateTime ; prov:wasDerivedFrom <evidence/00000000000000e5> .
<quotation/00000000000000e2> a ng:Quotation ; ng:content <doc/ministers-meet-0a1b2c3d#char=135,177> ; schema:isPartOf <doc/ministers-meet-0a1b2c3d> ; ng:speaker <person/tomas-lindqvist> ;
    schema:text "the alliance would keep supporting Ukraine"@en ; ng:cue "say" ; ng:direct false ;
    schema:about <org/nato>, <state/UKR> ; prov:wasDerivedFrom <evidence/00000000000000e6> .
<quotation/00000000000000e3> a ng:Quotation ; ng:content <doc/live-blog-5e6f7a8b#char=206,236> ; schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> ; ng:speaker <person/nadia-okafor> ;
    schema:text "France did not threaten Russia"@en ; ng:cue "say" ; ng:direct false ;
    schema:about <state/FRA>, <state/RUS> ;
    ng:reportedAt "2024-11-14T12:30:00Z"^^xsd:dateTime ; prov:wasDerivedFrom <evidence/00000000000000e7> .
<quotation/00000000000000e4> a ng:Quotation ; ng:content <doc/live-blog-5e6f7a8b#char=390,416> ; schema:isPartOf <doc/live-blog-5e6f7a8b/post/2> ; schema:text "We will not be intimidated"@en ;
    ng:cue "say" ; ng:direct true ; schema:about <state/UKR> ;
    ng:reportedAt "2024-11-14T12:30:00Z"^^xsd:dateTime ; prov:wasDerivedFrom <evidence/00000000000000e8> .
""" + "".join(
    f"""<evidence/{name}> a ng:Evidence ; oa:hasTarget <doc/{doc}#char={b},{e}> ; schema:isPartOf <doc/{part}> ;
    ng:extractor "quotes.cue.v1" ; ng:confidence 0.9 .
"""
    for name, doc, part, (b, e) in [
        ("00000000000000e5", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/1", (344, 388)),
        ("00000000000000e6", "ministers-meet-0a1b2c3d", "ministers-meet-0a1b2c3d", (91, 178)),
        ("00000000000000e7", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (206, 250)),
        ("00000000000000e8", "live-blog-5e6f7a8b", "live-blog-5e6f7a8b/post/2", (389, 442)),
    ]
) + "".join(
    f"""<doc/{doc}#char={b},{e}> a nif:String, nif:RFC5147String ; nif:anchorOf "{text}" ;
    nif:beginIndex {b} ; nif:endIndex {e} ; nif:referenceContext <doc/{doc}#char=0,{CONTEXT_END[doc]}> .
"""
    for doc, (b, e), text in [
        ("live-blog-5e6f7a8b", (345, 363), "Help is on its way"),
        ("ministers-meet-0a1b2c3d", (135, 177), "the alliance would keep supporting Ukraine"),
        ("live-blog-5e6f7a8b", (206, 236), "France did not threaten Russia"),
        ("live-blog-5e6f7a8b", (390, 416), "We will not be intimidated"),
    ]
)).replace("AGENT_ONLY_SENTENCE", AGENT_ONLY_SENTENCE).replace("MORENO_SENTENCE", MORENO_SENTENCE).replace(
    "UNNAMED_SENTENCE", UNNAMED_SENTENCE).replace("MINISTERS_TEXT", MINISTERS_TEXT).replace(
    "LIVE_BLOG_TEXT", LIVE_BLOG_TEXT)

# Article text that tries to run script: in a sentence, a headline, a name,
# a link and a quotation (its words and its cue). The page must show all of
# it as text and run none of it.
HOSTILE_SENTENCE = """Officials said <script>window.__xss=1</script> and <img src=x onerror="window.__xss=2"> appeared."""
HOSTILE_QUOTATION = """We said <img src=x onerror="window.__xss=7"> & <a href="javascript:window.__xss=9">this</a>"""
HOSTILE_CUE = "<script>window.__xss=8</script>"
HOSTILE_SAID = "\u201c" + HOSTILE_QUOTATION + "\u201d, Eve Example said."
_SAID_BEGIN = len(HOSTILE_SENTENCE) + 1  # the second sentence, on the next line
_HOSTILE_END = _SAID_BEGIN + len(HOSTILE_SAID)
HOSTILE_TTL = (PREFIXES + """
<person/eve-example> a ng:Person ; rdfs:label "Eve Example"@en ; skos:prefLabel "Eve Example"@en ; skos:altLabel "Eve <b onmouseover='window.__xss=3'>E</b>"@en .
<state/FRA> a ng:State ; rdfs:label "France"@en ; skos:prefLabel "France"@en ; ng:iso3 "FRA" ; ng:iso2 "FR" .
<doc/hostile-0badc0de> a ng:Article ;
    schema:headline "</script><script>window.__xss=4</script>"@en ;
    schema:datePublished "2024-11-15T09:00:00+00:00"^^xsd:dateTime ;
    ng:source "javascript:window.__xss=5" ;
    schema:url <javascript:window.__xss=5> ;
    ng:contentHash "sha256:0000000000000000000000000000000000000000000000000000000000000003" .
<doc/hostile-0badc0de#char=0,END> a nif:Context, nif:RFC5147String ; nif:isString '''SENTENCE\nSAID''' ;
    nif:beginIndex 0 ; nif:endIndex END ; dcterms:source <doc/hostile-0badc0de> .
<doc/hostile-0badc0de#char=0,97> a nif:Sentence ; nif:anchorOf '''SENTENCE''' ;
    nif:beginIndex 0 ; nif:endIndex 97 ; schema:isPartOf <doc/hostile-0badc0de> ;
    nif:referenceContext <doc/hostile-0badc0de#char=0,END> .
<doc/hostile-0badc0de#char=SAID_BEGIN,END> a nif:Sentence ; nif:anchorOf '''SAID''' ;
    nif:beginIndex SAID_BEGIN ; nif:endIndex END ; schema:isPartOf <doc/hostile-0badc0de> ;
    nif:referenceContext <doc/hostile-0badc0de#char=0,END> .
<doc/hostile-0badc0de#char=0,9> a ng:Mention ; nif:anchorOf "Officials" ; nif:beginIndex 0 ; nif:endIndex 9 ;
    nif:sentence <doc/hostile-0badc0de#char=0,97> ; ng:refersTo <person/eve-example> ;
    schema:isPartOf <doc/hostile-0badc0de> ; nif:referenceContext <doc/hostile-0badc0de#char=0,END> .
<quotation/00000000000000f3> a ng:Quotation ; ng:speaker <person/eve-example> ; schema:text '''QUOTATION'''@en ;
    ng:cue "CUE" ; ng:direct true ; schema:about <state/FRA> ; schema:isPartOf <doc/hostile-0badc0de> ;
    ng:content <doc/hostile-0badc0de#char=WORDS_BEGIN,WORDS_END> ;
    ng:reportedAt "2024-11-15T09:00:00Z"^^xsd:dateTime ; prov:wasDerivedFrom <evidence/00000000000000f4> .
<doc/hostile-0badc0de#char=WORDS_BEGIN,WORDS_END> a nif:String, nif:RFC5147String ; nif:anchorOf '''QUOTATION''' ;
    nif:beginIndex WORDS_BEGIN ; nif:endIndex WORDS_END ; nif:referenceContext <doc/hostile-0badc0de#char=0,END> .
<evidence/00000000000000f4> a ng:Evidence ; oa:hasTarget <doc/hostile-0badc0de#char=SAID_BEGIN,END> ;
    schema:isPartOf <doc/hostile-0badc0de> ; ng:extractor "quotes.cue.v1" ; ng:confidence 0.5 .
<event/00000000000000f1> a ng:Event ; ng:eventType plover:ACCUSE ; ng:accordingTo <quotation/00000000000000f3> ;
    ng:agent <person/eve-example> ; ng:target <state/FRA> ; ng:modality ng:Asserted ;
    sem:hasTimeStamp "2024-11-15T09:00:00+00:00"^^xsd:dateTime ;
    prov:wasDerivedFrom <evidence/00000000000000f2> .
<evidence/00000000000000f2> a ng:Evidence ; oa:hasTarget <doc/hostile-0badc0de#char=0,97> ;
    schema:isPartOf <doc/hostile-0badc0de> ; ng:extractor "events.svo.v1" ; ng:confidence 0.5 .
""").replace("SAID_BEGIN", str(_SAID_BEGIN)).replace("WORDS_BEGIN", str(_SAID_BEGIN + 1)).replace(
    "WORDS_END", str(_SAID_BEGIN + 1 + len(HOSTILE_QUOTATION))).replace("END", str(_HOSTILE_END)).replace(
    "SENTENCE", HOSTILE_SENTENCE).replace("SAID", HOSTILE_SAID).replace("QUOTATION", HOSTILE_QUOTATION).replace(
    "CUE", HOSTILE_CUE)

BASE = "https://w3id.org/newsgraph/id/"


def parse(text: str) -> rdflib.Graph:
    """A fixture as an rdflib Graph in the default memory store."""
    return rdflib.Graph().parse(data=text, format="turtle")


def write(tmp_path: Path, text: str = NEWS_TTL, name: str = "graph.ttl") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- what a graph says, by SPARQL
# The tests compare the view, the page, the stats and the exports with these
# figures, computed from the RDF with rdflib's SPARQL and sets, not with the
# code under test. The merge rules are the documented ones: one edge per
# event type, modality and pair (either direction for CONSULT and COOPERATE),
# one role edge per person, post (with flags) and organisation.

Q_PREFIXES = "\n".join(line.replace("@prefix", "PREFIX").rstrip(" .") for line in PREFIXES.splitlines()[1:])
UNDIRECTED = {"CONSULT", "COOPERATE"}


def select(graph: rdflib.Graph, query: str) -> list[tuple]:
    return [tuple(None if x is None else str(x) for x in row) for row in graph.query(Q_PREFIXES + query)]


def expected_nodes(graph: rdflib.Graph, places: bool = False) -> dict[str, str]:
    """Node IRI → class local name."""
    classes = "ng:Person ng:Organisation ng:State" + (" ng:Place" if places else "")
    rows = select(graph, f"SELECT ?x ?c WHERE {{ VALUES ?c {{ {classes} }} ?x a ?c }}")
    return {x: c.rsplit("#", 1)[1] for x, c in rows}


def event_keys(graph: rdflib.Graph) -> list[tuple]:
    """(type, modality, endpoints) per event; endpoints a frozenset for undirected types."""
    rows = select(graph, """SELECT ?e ?type ?a ?t ?mod WHERE {
        ?e a ng:Event ; ng:eventType ?type ; ng:agent ?a ; ng:target ?t .
        OPTIONAL { ?e ng:modality ?mod } }""")
    keys = []
    for _, code, agent, target, mode in rows:
        code = code.rsplit("#", 1)[1]
        mode = (mode or "#Asserted").rsplit("#", 1)[1].lower()
        keys.append((code, mode, frozenset((agent, target)) if code in UNDIRECTED else (agent, target)))
    return keys


def expected_edges(graph: rdflib.Graph, places: bool = False) -> set[tuple]:
    """The distinct edges the view should draw, as hashable keys."""
    nodes = expected_nodes(graph, places)
    edges: set[tuple] = set()
    for code, mode, ends in event_keys(graph):
        if all(x in nodes for x in ends):
            edges.add(("event", code, mode, ends))
    for _, person, body, label, former, nominated, elect in select(graph, """SELECT ?m ?p ?o ?label ?f ?n ?el WHERE {
            ?m a org:Membership ; org:member ?p ; org:organization ?o ; org:role/skos:prefLabel ?label .
            OPTIONAL { ?m ng:former ?f } OPTIONAL { ?m ng:nominated ?n } OPTIONAL { ?m ng:elect ?el } }"""):
        if person in nodes and body in nodes:
            edges.add(("role", person, body, label, former, nominated, elect))
    if places:
        for agent, target, place in select(graph, "SELECT ?a ?t ?pl WHERE { ?e a ng:Event ; ng:agent ?a ; ng:target ?t ; sem:hasPlace ?pl }"):
            for who in (agent, target):
                if who in nodes and place in nodes:
                    edges.add(("place", who, place))
    return edges


def edge_key(edge) -> tuple:
    """The key of a ViewEdge in the terms of ``expected_edges`` (roles without flags)."""
    if edge.kind == "event":
        ends = (edge.source, edge.target) if edge.directed else frozenset((edge.source, edge.target))
        return ("event", edge.type, edge.modality, ends)
    if edge.kind == "role":
        return ("role", edge.source, edge.target, edge.type)
    return ("place", edge.source, edge.target)


def without_flags(keys: set[tuple]) -> set[tuple]:
    return {k[:4] if k[0] == "role" else k for k in keys}


# ---------------------------------------------------------------- the fixtures keep to the contract

NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
NG = rdflib.Namespace("https://w3id.org/newsgraph/ontology#")


@pytest.mark.parametrize("text", [NEWS_TTL, HOSTILE_TTL], ids=["news", "hostile"])
def test_fixture_mention_offsets_point_into_their_sentence(text):
    graph = parse(text)
    mentions = list(graph.subjects(rdflib.RDF.type, NG.Mention))
    assert mentions
    for mention in mentions:
        sentence = graph.value(mention, NIF.sentence)
        start = int(graph.value(mention, NIF.beginIndex)) - int(graph.value(sentence, NIF.beginIndex))
        end = int(graph.value(mention, NIF.endIndex)) - int(graph.value(sentence, NIF.beginIndex))
        assert str(graph.value(sentence, NIF.anchorOf))[start:end] == str(graph.value(mention, NIF.anchorOf))


@pytest.mark.parametrize("text", [NEWS_TTL, HOSTILE_TTL], ids=["news", "hostile"])
def test_fixture_sentence_offsets_match_their_length(text):
    graph = parse(text)
    for sentence in graph.subjects(rdflib.RDF.type, NIF.Sentence):
        length = int(graph.value(sentence, NIF.endIndex)) - int(graph.value(sentence, NIF.beginIndex))
        assert length == len(str(graph.value(sentence, NIF.anchorOf)))
        assert str(sentence).endswith(f"#char={graph.value(sentence, NIF.beginIndex)},{graph.value(sentence, NIF.endIndex)}")


def test_fixture_conforms_to_the_shapes_when_the_ontology_has_them():
    shapes_file = Path(__file__).resolve().parents[1] / "ontology" / "shapes.ttl"
    if not shapes_file.is_file():
        pytest.skip("ontology/shapes.ttl is not written yet: the fixture is checked against the shapes once it is")
    from pyshacl import validate

    conforms, _, report = validate(parse(NEWS_TTL), shacl_graph=rdflib.Graph().parse(shapes_file), inference="none")
    assert conforms, report
