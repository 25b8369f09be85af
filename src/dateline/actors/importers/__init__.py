"""Importers that turn other actor dictionaries into KB records, and a writer for KB YAML files."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml

from dateline.actors.importers.phoenix import load_phoenix
from dateline.actors.importers.wikidata import load_wikidata
from dateline.actors.kb import KBActor

__all__ = ["dump_kb", "import_file", "load_phoenix", "load_wikidata"]


def dump_kb(actors: list[KBActor], out: Path) -> None:
    """Write records as a KB YAML file (the bundled schema; empty fields left out)."""
    records = [a.model_dump(exclude_defaults=True) for a in actors]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(yaml.safe_dump(records, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def import_file(path: Path, fmt: Literal["phoenix", "wikidata"], out: Path) -> int:
    """Import ``path`` in format ``fmt`` and write it as a KB YAML file at ``out``; returns the record count."""
    loaders = {"phoenix": load_phoenix, "wikidata": load_wikidata}
    if fmt not in loaders:
        raise ValueError(f"unknown KB format {fmt!r}; expected one of {sorted(loaders)}")
    actors = loaders[fmt](Path(path))
    dump_kb(actors, Path(out))
    return len(actors)
