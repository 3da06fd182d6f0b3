"""What a score is: counts with P/R/F1, errors for a reader, per-document and whole-run reports.

Plain frozen dataclasses, so the scorer, the folder runner and the
``evaluate`` command (text and ``--json`` output) share one shape.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SECTIONS = ("entities", "roles", "events", "quotes")
# Sections every gold file is scored on; quotes only where the gold file has a "quotes" list.
ALWAYS_SCORED = ("entities", "roles", "events")
# Sections with a breakdown by group (entity type, role status, PLOVER event type).
BROKEN_DOWN = ("entities", "roles", "events")


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and misses, with P/R/F1 (0.0 when undefined)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "tp": self.tp, "fp": self.fp, "fn": self.fn,
        }


@dataclass(frozen=True)
class Error:
    """One false positive (``FP``) or miss (``FN``), described for a reader."""

    section: str
    kind: str  # "FP" | "FN"
    text: str


@dataclass(frozen=True)
class DocumentScore:
    """The score of one document; ``breakdown`` is section -> group -> counts.

    ``counts`` has a "quotes" entry only when the gold file has a quotes
    list. Groups are the entity type, the PLOVER event type and the role
    status (current, former, nominated, elect); quotes have no groups.
    """

    name: str
    counts: Mapping[str, Counts]
    breakdown: Mapping[str, Mapping[str, Counts]]
    errors: tuple[Error, ...] = ()
    build_error: str | None = None

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections this document was scored on, in report order."""
        return tuple(s for s in SECTIONS if s in self.counts)


@dataclass(frozen=True)
class EvaluationReport:
    documents: tuple[DocumentScore, ...]

    @property
    def sections(self) -> tuple[str, ...]:
        """The sections any document was scored on (quotes only when some gold file has them)."""
        return tuple(s for s in SECTIONS if s in ALWAYS_SCORED or any(s in d.counts for d in self.documents))

    @property
    def micro(self) -> dict[str, Counts]:
        """Counts summed over the documents scored on each section."""
        return {s: sum((d.counts.get(s, Counts()) for d in self.documents), Counts()) for s in self.sections}

    @property
    def breakdown(self) -> dict[str, dict[str, Counts]]:
        total: dict[str, dict[str, Counts]] = {s: {} for s in BROKEN_DOWN}
        for doc in self.documents:
            for section, groups in doc.breakdown.items():
                for group, counts in groups.items():
                    total[section][group] = total[section].get(group, Counts()) + counts
        return {s: dict(sorted(g.items())) for s, g in total.items()}

    @property
    def failed(self) -> tuple[DocumentScore, ...]:
        return tuple(d for d in self.documents if d.build_error)

    def as_dict(self) -> dict[str, Any]:
        return {
            "micro": {s: c.as_dict() for s, c in self.micro.items()},
            "breakdown": {s: {g: c.as_dict() for g, c in gs.items()} for s, gs in self.breakdown.items()},
            "documents": {
                d.name: {
                    **{s: d.counts[s].as_dict() for s in d.sections},
                    "errors": [{"section": e.section, "kind": e.kind, "text": e.text} for e in d.errors],
                    **({"build_error": d.build_error} if d.build_error else {}),
                }
                for d in self.documents
            },
        }
