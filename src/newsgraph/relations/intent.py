"""PLOVER's coding rule for stated intentions and commitments.

PLOVER codes what an actor says it will do as an event of its own: a
commitment to cooperate ("agreed to send aid", "will support", "is ready to
withdraw") is AGREE, and a stated intention of material conflict ("vowed to
strike", "will impose sanctions") is THREATEN. Verbal acts (REQUEST,
ACCUSE, REJECT, THREATEN), CONSULT (a planned meeting is reported, and
queried, as a meeting; but agreeing or promising to meet is AGREE) and PROTEST (an announced strike or march is still
the protest) keep their type. The event stays ``hypothetical`` in
``ng:modality``: the graph says it was announced, not done.

The types are grouped by PLOVER's quad classes (verbal and material
cooperation, verbal and material conflict), whose members are listed in
``ontology/plover.ttl``.
"""
from __future__ import annotations

COMMITTED = "AGREE"
THREATENED = "THREATEN"
_COOPERATION = frozenset({"AGREE", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def intended_type(event_type: str, committed: bool = False) -> str:
    """The PLOVER type of a stated intention to do an event of ``event_type``.

    ``committed``: the actor bound itself to it ("agreed to hold talks", "promised to meet"): then a
    meeting too is an AGREE, where a planned one ("will meet") stays a CONSULT."""
    if event_type in _COOPERATION or (committed and event_type == "CONSULT"):
        return COMMITTED
    if event_type in _MATERIAL_CONFLICT:
        return THREATENED
    return event_type


__all__ = ["intended_type"]
