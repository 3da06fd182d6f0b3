"""PLOVER's coding rule for stated intentions and commitments.

PLOVER codes what an actor says it will do as an event of its own. Its
AGREE takes every cooperative act reported in the future tense as an
intention: a commitment or plan to cooperate ("agreed to send aid", "will
support", "will meet", "is ready to withdraw") is AGREE. A stated intention
of material conflict ("vowed to strike", "will impose sanctions") is
THREATEN. Verbal conflict (REQUEST, ACCUSE, REJECT, THREATEN) and PROTEST
(an announced strike or march is still the protest) keep their type. The
event stays ``hypothetical`` in ``ng:modality`` when it is only announced
("will"), and is asserted when the commitment itself is reported ("agreed
to"). ``events.py`` keeps announced meetings and acts of force beside the
AGREE or THREATEN, as announced (see ``ANNOUNCED_ACTS``).

The types are grouped by PLOVER's quad classes (verbal and material
cooperation, verbal and material conflict), whose members are listed in
``ontology/plover.ttl``.
"""
from __future__ import annotations

COMMITTED = "AGREE"
THREATENED = "THREATEN"
_COOPERATION = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
_MATERIAL_CONFLICT = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


def intended_type(event_type: str, committed: bool = False) -> str:
    """The PLOVER type of a stated intention to do an event of ``event_type``.

    ``committed``: the actor bound itself to it ("agreed to hold talks") rather than announced it
    ("will meet"); both are AGREE for cooperation, as PLOVER's AGREE takes every cooperative act
    reported in the future tense as an intention."""
    if event_type in _COOPERATION:
        return COMMITTED
    if event_type in _MATERIAL_CONFLICT:
        return THREATENED
    return event_type


__all__ = ["intended_type"]
