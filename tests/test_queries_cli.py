"""The corpus commands (registered by the CLI) run end to end on a store of hand-built analyses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from corpus_records import LAKESIDE, market_attack_reports, same_day_same_town
from dateline.store import Store, commands

app = typer.Typer()
for command in (commands.fuse, commands.dedup, commands.export, commands.timeline, commands.network,
                commands.near, commands.search, commands.fused_flags):  # fmt: skip
    app.command(name=command.__name__.replace("_", "-"))(command)
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    Store(path).save([*market_attack_reports(), *same_day_same_town()])
    return path


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_fuse_then_query(db: str, tmp_path: Path) -> None:
    assert "3 fused event(s)" in run("fuse", "--db", db).output
    lines = run("timeline", "--db", db, "--type", "ASSAULT", "--fused", "--json").output.splitlines()
    assert sum(json.loads(line)["count"] for line in lines) == 2
    dyads = [json.loads(line) for line in run("network", "--db", db, "--json").output.splitlines()]
    assert dyads[0]["count"] == 2
    near = run("near", "--lat", str(LAKESIDE.lat), "--lon", str(LAKESIDE.lon), "--radius-km", "1", "--db", db, "--json")
    assert {json.loads(line)["place_name"] for line in near.output.splitlines()} == {"Lakeside"}
    hits = [json.loads(line) for line in run("search", "Okello", "--db", db, "--json").output.splitlines()]
    assert {hit["id"] for hit in hits} == {"v01", "v02"}
    flags = [json.loads(line) for line in run("fused-flags", "--db", db, "--json").output.splitlines()]
    assert {flag["kind"] for flag in flags} == {"date_disagreement", "place_disagreement", "fatalities_disagreement"}
    assert "Lakeside" in run("fused-flags", "--db", db).output


def test_export_command_and_escape(db: str, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    result = run("export", "--format", "acled", "--out", "acled.csv", "--dir", str(out_dir), "--db", db)
    assert "11 record(s)" in result.output and (out_dir / "acled.csv").exists()
    escaped = runner.invoke(app, ["export", "-f", "csv", "-o", "../x.csv", "--dir", str(out_dir), "--db", db])
    assert escaped.exit_code == 2 and "outside the output directory" in escaped.output
    assert not (tmp_path / "x.csv").exists()


def test_dedup_and_tables(db: str) -> None:
    assert "0 near-duplicate" in run("dedup", "--db", db).output
    assert "2024-03-11" in run("timeline", "--db", db).output
    assert "Piet Lind" in run("network", "--db", db).output
    assert "market" in run("search", "market", "--db", db).output
