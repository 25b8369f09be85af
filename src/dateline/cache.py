"""Where built indexes (gazetteer, KB) are cached: ``$DATELINE_CACHE`` or ``~/.cache/dateline``."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """The cache folder, created on first use."""
    path = Path(os.environ.get("DATELINE_CACHE") or Path.home() / ".cache" / "dateline")
    path.mkdir(parents=True, exist_ok=True)
    return path
