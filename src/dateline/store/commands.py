"""Typer commands for the corpus layer (registered by :mod:`dateline.cli`): fuse, dedup, export, timeline,
network, near, search, fused-flags. Each is a thin layer over :class:`dateline.store.Store`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from dateline.store.export import SUFFIXES, ExportFormat

console = Console()
err_console = Console(stderr=True)

DbOpt = Annotated[str, typer.Option("--db", help="SQLite file path or database URL.")]
DayOpt = Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="YYYY-MM-DD")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor id, KB id or part of a name.")]
PlaceOpt = Annotated[str | None, typer.Option(help="GeoNames id, part of a place or admin1 name, or ISO2 country.")]
TypeOpt = Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. PROTEST.")]
FusedOpt = Annotated[bool, typer.Option("--fused", help="Fused events (one per real-world event; run `fuse` first).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="One JSON object per line.")]
DEFAULT_DB = "dateline.db"


def _open(db: str):
    from dateline.store import Store

    return Store(db)


def as_day(value: dt.datetime | None) -> dt.date | None:
    """A ``--since``/``--until`` option's day."""
    return value.date() if value else None


def _json_lines(rows: list[dict]) -> None:
    for row in rows:
        sys.stdout.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")


def clip(text: str | None, width: int = 70) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def fuse(
    db: DbOpt = DEFAULT_DB,
    no_dedup: Annotated[bool, typer.Option("--no-dedup", help="Keep the stored near-duplicate links.")] = False,
    window: Annotated[int, typer.Option(help="Days two reports' dates may lie apart.")] = 1,
    max_km: Annotated[float, typer.Option(help="Kilometres two reports' places may lie apart.")] = 25.0,
) -> None:
    """Link near-duplicate articles and recompute fused events (one per real-world event) from stored analyses."""
    store = _open(db)
    count = store.fuse(dedup=not no_dedup, date_window_days=window, max_km=max_km)
    console.print(
        f"[bold]{count}[/bold] fused event(s); [bold]{len(store.duplicates())}[/bold] near-duplicate article(s); "
        f"[bold]{len(store.fused_flags())}[/bold] disagreement flag(s)."
    )


def dedup(
    db: DbOpt = DEFAULT_DB,
    threshold: Annotated[float, typer.Option(min=0.05, max=1.0, help="Jaccard similarity of word 3-grams.")] = 0.8,
) -> None:
    """Find near-duplicate stored articles and link each to its original."""
    links = _open(db).dedup(threshold=threshold)
    for duplicate, original in sorted(links.items()):
        console.print(f"{duplicate} → {original}", highlight=False)
    console.print(f"[bold]{len(links)}[/bold] near-duplicate article(s).")


def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help=f"One of: {', '.join(SUFFIXES)}.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file, inside --dir.")],
    db: DbOpt = DEFAULT_DB,
    directory: Annotated[Path, typer.Option("--dir", help="Output directory the file must stay inside.")] = Path(),
    fused: FusedOpt = False,
    actor: ActorOpt = None,
    place: PlaceOpt = None,
    type: TypeOpt = None,
    since: DayOpt = None,
    until: DayOpt = None,
) -> None:
    """Export events as JSONL, CSV, Parquet, GeoJSON, PLOVER, POLECAT-, ACLED- or GDELT-style tables."""
    from dateline.store.export import export as write

    try:
        count = write(
            _open(db),
            format,
            out,
            root=directory,
            fused=fused,
            actor=actor,
            place=place,
            type=type,
            since=as_day(since),
            until=as_day(until),
        )
    except ValueError as exc:
        err_console.print(f"[red]error[/red] {exc}", highlight=False)
        raise typer.Exit(code=2) from None
    console.print(f"[bold]{count}[/bold] record(s) written to {out}", highlight=False)


def timeline(
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    place: PlaceOpt = None,
    type: TypeOpt = None,
    since: DayOpt = None,
    until: DayOpt = None,
    fused: FusedOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Events per day for an actor, place or event type."""
    days = _open(db).timeline(
        actor=actor, place=place, type=type, since=as_day(since), until=as_day(until), fused=fused
    )
    if as_json:
        _json_lines(days)
        return
    table = Table("day", "events", "Goldstein", "types")
    for day in days:
        types: dict[str, int] = {}
        for row in day["events"]:
            types[row["type"]] = types.get(row["type"], 0) + 1
        table.add_row(str(day["day"]), str(day["count"]), f"{day['goldstein']:+.1f}", ", ".join(
            f"{name} {count}" for name, count in sorted(types.items())
        ))  # fmt: skip
    console.print(table)


def network(
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    place: PlaceOpt = None,
    type: TypeOpt = None,
    since: DayOpt = None,
    until: DayOpt = None,
    fused: FusedOpt = False,
    min_count: Annotated[int, typer.Option("--min-count", min=1, help="Drop dyads with fewer events.")] = 1,
    limit: int = 50,
    as_json: JsonOpt = False,
) -> None:
    """Actor dyads (source → target) with event counts, types and Goldstein sums, busiest first."""
    graph = _open(db).network(
        fused=fused, min_count=min_count, actor=actor, place=place, type=type, since=as_day(since), until=as_day(until)
    )
    labels = {node["id"]: node["label"] for node in graph["nodes"]}
    edges = [
        edge | {"source_label": labels[edge["source"]], "target_label": labels[edge["target"]]}
        for edge in graph["edges"][:limit]
    ]
    if as_json:
        _json_lines(edges)
        return
    table = Table("source", "target", "events", "Goldstein sum", "types")
    for e in edges:
        types = ", ".join(f"{name} {count}" for name, count in e["types"].items())
        table.add_row(e["source_label"], e["target_label"], str(e["count"]), f"{e['goldstein_sum']:+.1f}", types)
    console.print(table)


def near(
    lat: Annotated[float, typer.Option(min=-90.0, max=90.0)],
    lon: Annotated[float, typer.Option(min=-180.0, max=180.0)],
    radius_km: Annotated[float, typer.Option("--radius-km", min=0.0, max=20000.0)] = 50.0,
    db: DbOpt = DEFAULT_DB,
    actor: ActorOpt = None,
    type: TypeOpt = None,
    since: DayOpt = None,
    until: DayOpt = None,
    fused: FusedOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Events within a radius of a point, nearest first."""
    rows = _open(db).near(
        lat, lon, radius_km, fused=fused, actor=actor, type=type, since=as_day(since), until=as_day(until)
    )
    if as_json:
        _json_lines(rows)
        return
    table = Table("km", "day", "type", "place", "evidence")
    for row in rows:
        table.add_row(
            f"{row['distance_km']:.1f}", str(row["day"]), row["type"], row["place_name"] or "-",
            clip(row["evidence_text"]),
        )  # fmt: skip
    console.print(table)


def search(
    query: Annotated[str, typer.Argument(help="Words that must all appear.")],
    db: DbOpt = DEFAULT_DB,
    limit: int = 20,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search over stored articles (SQLite FTS5 / PostgreSQL tsvector)."""
    hits = _open(db).search(query, limit=limit)
    if as_json:
        _json_lines(hits)
        return
    table = Table("article", "date", "title", "snippet")
    for hit in hits:
        title = hit["title"] or "-"
        if hit["duplicate_of"]:
            title += f" (copy of {hit['duplicate_of']})"
        table.add_row(hit["id"], str(hit["date"]), clip(title, 40), clip(hit["snippet"], 80))
    console.print(table)


def fused_flags(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False) -> None:
    """Disagreements between reports of the same fused event, with both sides' evidence."""
    flags = _open(db).fused_flags()
    if as_json:
        _json_lines(flags)
        return
    table = Table("fused event", "kind", "says", "evidence", "but", "evidence")
    for f in flags:
        table.add_row(
            f["fused_id"], f["kind"], f"{f['article_a']}: {f['value_a']}", clip(f["evidence_a_text"], 40),
            f"{f['article_b']}: {f['value_b']}", clip(f["evidence_b_text"], 40),
        )  # fmt: skip
    console.print(table)
