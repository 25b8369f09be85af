"""The event ontology tables and the trigger lexicon are complete and consistent with each other."""

from __future__ import annotations

from dateline.events.lexicon import load_lexicon
from dateline.events.ontology import NON_POLITICAL, load_ontology

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip


def test_sixteen_plover_types_with_quads() -> None:
    ontology = load_ontology()
    assert set(ontology.plover) == PLOVER_TYPES
    assert {t.quad for t in ontology.plover.values()} == {
        "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict",
    }  # fmt: skip
    assert "visit" in ontology.plover["CONSULT"].modes and "phone" in ontology.plover["CONSULT"].modes
    assert "aerial" in ontology.plover["ASSAULT"].modes


def test_acled_has_six_types_and_25_sub_types() -> None:
    ontology = load_ontology()
    assert len(ontology.acled) == 6
    assert sum(len(subs) for subs in ontology.acled.values()) == 25
    assert ontology.acled_event_type("Air/drone strike") == "Explosions/Remote violence"
    assert ontology.acled_event_type("Peaceful protest") == "Protests"
    assert ontology.acled_event_type("no such thing") is None


def test_cameo_goldstein_and_plover_mapping() -> None:
    ontology = load_ontology()
    assert ontology.cameo["042"].plover == "CONSULT" and ontology.cameo["042"].mode == "visit"
    assert ontology.goldstein("042") == 1.9
    assert ontology.goldstein("190") == -10.0
    assert ontology.cameo["1123"].plover == "ACCUSE"
    assert ontology.cameo["010"].plover is None  # public statements are dropped by PLOVER
    assert ontology.goldstein("0419") == ontology.goldstein("041")  # unknown sub-code falls back to its parent
    for code in ontology.cameo.values():
        assert -10.0 <= code.goldstein <= 10.0
        if code.plover is not None:
            assert code.plover in PLOVER_TYPES
            assert ontology.is_mode(code.plover, code.mode)


def test_lexicon_entries_point_into_the_ontology() -> None:
    ontology = load_ontology()
    lexicon = load_lexicon()
    assert len(lexicon) > 500
    entries = lexicon.entries()
    for entry in entries:
        if entry.type == NON_POLITICAL:
            assert entry.category != "political"
            continue
        assert entry.type in PLOVER_TYPES
        assert ontology.is_mode(entry.type, entry.mode)
        assert entry.cameo in ontology.cameo
        assert entry.acled is None or ontology.acled_event_type(entry.acled) is not None
    covered = {e.type for e in entries}
    assert covered >= PLOVER_TYPES
