"""The event ontology as data: PLOVER types and modes, CAMEO codes with Goldstein weights, ACLED sub-event types.

The tables live in ``data/`` (``cameo.tsv``, ``plover.yaml``, ``acled.yaml``) and are loaded once per process.
Codes and numbers follow the public PLOVER / CAMEO / ACLED definitions; the descriptions are our own glosses.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

import yaml
from pydantic import BaseModel, ConfigDict

NON_POLITICAL = "OTHER"
"""Event type given to non-political news (disasters, accidents, crime, health, economy, sport)."""

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


class PloverType(BaseModel):
    """One PLOVER event type: its quad class, a gloss and its modes (name → gloss)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str
    quad: str
    description: str
    modes: dict[str, str]


class CameoCode(BaseModel):
    """One CAMEO code with its Goldstein weight and PLOVER type / mode (type empty where PLOVER drops it)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str
    goldstein: float
    plover: str | None
    mode: str | None


class Ontology(BaseModel):
    """All event tables, indexed for lookups."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    plover: dict[str, PloverType]
    cameo: dict[str, CameoCode]
    acled: dict[str, list[str]]

    def acled_event_type(self, sub_event_type: str) -> str | None:
        """The ACLED event type a sub-event type belongs to."""
        for event_type, subs in self.acled.items():
            if sub_event_type in subs:
                return event_type
        return None

    def goldstein(self, code: str | None) -> float | None:
        """The Goldstein weight of a CAMEO code, falling back to its parent codes."""
        while code:
            if code in self.cameo:
                return self.cameo[code].goldstein
            code = code[:-1]
        return None

    def is_mode(self, plover_type: str, mode: str | None) -> bool:
        """Whether ``mode`` is one of the modes PLOVER defines for ``plover_type`` (None always is)."""
        if mode is None:
            return True
        entry = self.plover.get(plover_type)
        return entry is not None and mode in entry.modes


def _data(name: str) -> str:
    return resources.files("dateline.events").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def load_ontology() -> Ontology:
    """Load the ontology tables shipped with the package (cached: one copy per process)."""
    plover = {
        name: PloverType(name=name, quad=row["quad"], description=row["description"], modes=row["modes"] or {})
        for name, row in yaml.safe_load(_data("plover.yaml")).items()
    }
    cameo = {}
    for row in csv.DictReader(_data("cameo.tsv").splitlines(), delimiter="\t"):
        cameo[row["cameo"]] = CameoCode(
            code=row["cameo"],
            goldstein=float(row["goldstein"]),
            plover=row["plover"] or None,
            mode=row["mode"] or None,
        )
    acled = {event_type: list(subs) for event_type, subs in yaml.safe_load(_data("acled.yaml")).items()}
    return Ontology(plover=plover, cameo=cameo, acled=acled)
