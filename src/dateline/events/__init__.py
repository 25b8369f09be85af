"""Event stage: PLOVER type and mode, CAMEO / Goldstein, ACLED, category, modality, arguments and evidence."""

from dateline.events.detect import Detection, EventDetector, TypeScorer, detect_events
from dateline.events.ontology import NON_POLITICAL, load_ontology

__all__ = ["NON_POLITICAL", "Detection", "EventDetector", "TypeScorer", "detect_events", "load_ontology"]
