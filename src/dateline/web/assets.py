"""Browser libraries from npm, served straight out of ``node_modules`` (never copied into the repository).

Only the files listed in :data:`VENDOR_FILES` are reachable, under ``/vendor/<path inside node_modules>``.
``npm ci`` at the repository root installs them; ``$DATELINE_NODE_MODULES`` points elsewhere if needed.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

VENDOR_FILES = frozenset(
    {
        "leaflet/dist/leaflet.js",
        "leaflet/dist/leaflet.css",
        "leaflet/dist/images/layers.png",
        "leaflet/dist/images/layers-2x.png",
        "leaflet/dist/images/marker-icon.png",
        "leaflet/dist/images/marker-icon-2x.png",
        "leaflet/dist/images/marker-shadow.png",
        "leaflet.markercluster/dist/leaflet.markercluster.js",
        "leaflet.markercluster/dist/MarkerCluster.css",
        "leaflet.markercluster/dist/MarkerCluster.Default.css",
        "topojson-client/dist/topojson-client.min.js",
        "world-atlas/countries-110m.json",
        "cytoscape/dist/cytoscape.min.js",
    }
)

MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".png": "image/png"}


@cache
def node_modules() -> Path | None:
    """The ``node_modules`` folder holding the vendor files: ``$DATELINE_NODE_MODULES``, else the first one found
    above this package (an editable checkout) or above the working directory."""
    if env := os.environ.get("DATELINE_NODE_MODULES"):
        return Path(env) if Path(env).is_dir() else None
    for base in (*Path(__file__).resolve().parents, *Path.cwd().resolve().parents, Path.cwd().resolve()):
        candidate = base / "node_modules"
        if (candidate / "leaflet").is_dir():
            return candidate
    return None


router = APIRouter(include_in_schema=False)


@router.get("/vendor/{path:path}")
def vendor(path: str) -> FileResponse:
    """One allow-listed file from node_modules."""
    if path not in VENDOR_FILES:
        raise HTTPException(404, f"no such asset: {path}")
    root = node_modules()
    if root is None or not (root / path).is_file():
        raise HTTPException(404, f"asset {path} is not installed: run 'npm ci' at the repository root")
    return FileResponse(
        root / path,
        media_type=MEDIA_TYPES.get(Path(path).suffix, "application/octet-stream"),
        headers={"Cache-Control": "public, max-age=86400"},
    )
