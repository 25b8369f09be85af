"""The REST API through real HTTP: uvicorn on 127.0.0.1, httpx as the client, hand-built analyses in the store."""

from __future__ import annotations

import csv
import io
import json
import time
from pathlib import Path

import httpx
import pytest

from dateline.api import create_app
from dateline.api.schemas import MAX_ARTICLE_BYTES
from dateline.model import Analysis, text_order
from dateline.store import Store
from webdata import TOKEN, analyses, serve, stub_analyser

EVENTS = sum(len(a.events) for a in analyses())


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("api") / "api.db"
    Store(path).save(analyses())
    return path


@pytest.fixture(scope="module")
def client(db: Path):
    """A client of a server with a write token and the stub analyser."""
    with serve(create_app(str(db), token=TOKEN, analyser=stub_analyser)) as http:
        yield http


@pytest.fixture(scope="module")
def readonly(db: Path):
    """A client of a server over the same store started without a token."""
    with serve(create_app(str(db), analyser=stub_analyser)) as http:
        yield http


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def error_of(response: httpx.Response, status: int) -> dict:
    """Assert the status and the uniform error shape; return the error object."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert isinstance(error["code"], str) and error["code"]
    assert isinstance(error["message"], str) and error["message"]
    return error


# -- service -------------------------------------------------------------------------------------------------


def test_health_and_security_headers(client: httpx.Client) -> None:
    response = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["articles"] == 4 and body["writes_enabled"] is True
    csp = response.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    assert "access-control-allow-origin" not in response.headers


def test_no_cors_preflight(client: httpx.Client) -> None:
    response = client.options(
        "/api/articles",
        headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"},
    )
    assert "access-control-allow-origin" not in response.headers
    assert response.status_code in (405, 400)


def test_openapi_and_offline_docs(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/batch", "/api/events", "/api/timeline", "/api/export"):
        assert path in spec["paths"]
    page = client.get("/docs")
    assert page.status_code == 200 and "/static/docs.js" in page.text
    assert "cdn" not in page.text.lower() and "https://" not in page.text
    assert client.get("/redoc").status_code == 404


def test_unknown_route_and_method(client: httpx.Client) -> None:
    error_of(client.get("/api/nothing-here"), 404)
    error_of(client.delete("/api/articles/web-rafah"), 405)


def test_vendor_assets_are_allow_listed(client: httpx.Client) -> None:
    error_of(client.get("/vendor/leaflet/package.json"), 404)
    error_of(client.get("/vendor/../pyproject.toml"), 404)
    if client.get("/api/health").json()["assets"]:
        response = client.get("/vendor/leaflet/dist/leaflet.js")
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/javascript")


# -- reading -------------------------------------------------------------------------------------------------


def test_articles_paginated(client: httpx.Client) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] >= 4
    ids = [a["id"] for a in first["items"] + second["items"]]
    assert len(ids) == len(set(ids)) == 4
    dates = [a["date"] for a in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    rafah = next(a for a in client.get("/api/articles", params={"q": "washington"}).json()["items"])
    assert (rafah["id"], rafah["events"], rafah["flags"]) == ("web-rafah", 3, 1)


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"since": "yesterday"}])
def test_articles_bad_params(client: httpx.Client, params: dict) -> None:
    error = error_of(client.get("/api/articles", params=params), 422)
    assert error["code"] == "invalid_request" and error["details"]


def test_article_full_analysis(client: httpx.Client) -> None:
    body = client.get("/api/articles/web-rafah").json()
    analysis = Analysis.model_validate(body)
    assert analysis == text_order(next(a for a in analyses() if a.id == "web-rafah"))
    error = error_of(client.get("/api/articles/no-such-article"), 404)
    assert error["code"] == "not_found" and "no-such-article" in error["message"]


def events(client: httpx.Client, **params) -> list[dict]:
    response = client.get("/api/events", params={"limit": 500, **params})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return body["items"]


def ids(rows: list[dict]) -> set[str]:
    return {row["event_id"] for row in rows}


def test_events_all_and_paginated(client: httpx.Client) -> None:
    everything = events(client)
    assert len(everything) == EVENTS
    pages = [client.get("/api/events", params={"limit": 4, "offset": o}).json() for o in (0, 4, 8)]
    assert all(p["total"] == EVENTS for p in pages)
    assert [r["event_id"] for p in pages for r in p["items"]] == [r["event_id"] for r in everything]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "gallant"}, {"e1"}),
        ({"actor": "kb:netanyahu"}, {"e3"}),
        ({"type": "consult"}, {"e1", "e3", "c1"}),
        ({"type": "CONSULT", "mode": "phone"}, {"e3"}),
        ({"modality": "planned"}, {"e1", "e2"}),
        ({"place": "281102"}, {"e2"}),
        ({"place": "rafa"}, {"e2"}),
        ({"lat": 31.3, "lon": 34.25, "radius_km": 25}, {"e2"}),
        ({"lat": 31.3, "lon": 34.25, "radius_km": 600}, {"e2", "c1", "c2"}),
        ({"since": "2024-03-25", "until": "2024-03-31"}, {"e1", "e2"}),
        ({"since": "2024-05-01"}, {"k1", "k2"}),
        ({"until": "2024-03-19"}, {"e2", "e3"}),
        ({"since": "2024-03-25", "until": "2024-03-31", "dates": "article"}, set()),
        ({"since": "2024-04-01", "until": "2024-04-30", "dates": "article"}, {"c1", "c2"}),
        ({"q": "AIR DEFENCE"}, {"k2"}),
        ({"q": "100%"}, set()),
        ({"article": "web-cairo"}, {"c1", "c2"}),
        ({"actor": "gallant", "type": "ASSAULT"}, set()),
    ],
)
def test_event_filters(client: httpx.Client, params: dict, expected: set[str]) -> None:
    assert ids(events(client, **params)) == expected


def test_event_date_filter_paginates_with_total(client: httpx.Client) -> None:
    body = client.get("/api/events", params={"since": "2024-03-18", "limit": 2, "offset": 1}).json()
    assert body["total"] == EVENTS and len(body["items"]) == 2


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"lat": 31.3}, 400),
        ({"lat": 31.3, "lon": 34.2}, 400),
        ({"since": "2024-05-01", "until": "2024-04-01"}, 400),
        ({"modality": "maybe"}, 422),
        ({"lat": 100, "lon": 0, "radius_km": 5}, 422),
        ({"radius_km": -1, "lat": 0, "lon": 0}, 422),
        ({"since": "2024-13-01"}, 422),
        ({"limit": "many"}, 422),
    ],
)
def test_event_bad_params(client: httpx.Client, params: dict, status: int) -> None:
    error_of(client.get("/api/events", params=params), status)


def test_timeline_counts(client: httpx.Client) -> None:
    body = client.get("/api/timeline", params={"interval": "month", "by": "type"}).json()
    assert [p["label"] for p in body["periods"]] == ["2024-03", "2024-04", "2024-05"]
    totals = {s["key"]: s["counts"] for s in body["series"]}
    assert totals["CONSULT"] == [2, 1, 0] and totals["ASSAULT"] == [1, 0, 1]
    assert sum(sum(s["counts"]) for s in body["series"]) == EVENTS

    week = client.get("/api/timeline", params={"interval": "week", "type": "CONSULT"}).json()
    labels = [p["label"] for p in week["periods"]]
    assert labels[0] == "2024-W12" and labels[-1] == "2024-W14" and len(labels) == 3
    assert week["series"][0]["counts"] == [1, 1, 1]

    day = client.get("/api/timeline", params={"interval": "day", "actor": "biden"}).json()
    assert [p["label"] for p in day["periods"]] == ["2024-03-18"]
    # a month-dated event overlapping the range counts on the range's first day, never on a day before it
    ranged = client.get("/api/timeline", params={"interval": "day", "since": "2024-03-19", "until": "2024-03-31"})
    assert ranged.json()["periods"][0]["label"] == "2024-03-19"


def test_timeline_by_actor_and_place(client: httpx.Client) -> None:
    by_actor = client.get("/api/timeline", params={"by": "actor", "interval": "month", "top": 3}).json()
    assert len(by_actor["series"]) == 4 and by_actor["series"][-1]["key"] == "(other)"
    ends = sum(bool(r["source"]) + bool(r["target"]) for r in events(client))
    assert sum(s["total"] for s in by_actor["series"]) == ends
    by_place = client.get("/api/timeline", params={"by": "place", "interval": "month"}).json()
    assert {s["label"] for s in by_place["series"]} >= {"Rafah", "Washington", "Cairo", "Amman", "Kharkiv"}


@pytest.mark.parametrize("params", [{"interval": "year"}, {"by": "colour"}, {"top": 0}])
def test_timeline_bad_params(client: httpx.Client, params: dict) -> None:
    error_of(client.get("/api/timeline", params=params), 422)


def test_network(client: httpx.Client) -> None:
    body = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in body["edges"]}
    call = edges[("kb:biden", "kb:netanyahu")]
    assert call["count"] == 1 and call["goldstein_sum"] == 1.0 and call["types"] == {"CONSULT": 1}
    attack = edges[("name:russian armed forces", "kb:ukr")]
    assert attack["goldstein_mean"] == -10.0
    assert {n["id"] for n in body["nodes"]} == {k for e in body["edges"] for k in (e["source"], e["target"])}
    assert client.get("/api/network", params={"min_count": 2}).json() == {"nodes": [], "edges": []}
    assert len(client.get("/api/network", params={"type": "ASSAULT"}).json()["edges"]) == 1
    error_of(client.get("/api/network", params={"min_count": 0}), 422)


def test_places(client: httpx.Client) -> None:
    body = client.get("/api/places", params={"limit": 100}).json()
    rafah = next(p for p in body["items"] if p["geonameid"] == 281102)
    assert (rafah["name"], rafah["country"], rafah["events"], rafah["articles"]) == ("Rafah", "PS", 1, 1)
    assert body["total"] == len(body["items"]) == 7
    assert [p["name"] for p in client.get("/api/places", params={"q": "kharK"}).json()["items"]] == ["Kharkiv"]
    assert {p["country"] for p in client.get("/api/places", params={"country": "ps"}).json()["items"]} == {"PS"}
    page = client.get("/api/places", params={"limit": 3, "offset": 5}).json()
    assert page["total"] == 7 and len(page["items"]) == 2
    error_of(client.get("/api/places", params={"country": "PSE"}), 422)


def test_flags(client: httpx.Client) -> None:
    body = client.get("/api/flags").json()
    assert body["total"] == 2
    only = client.get("/api/flags", params={"kind": "place_qualifier"}).json()["items"]
    assert len(only) == 1
    assert only[0]["article_id"] == "web-rafah" and "south" in only[0]["message"]
    assert only[0]["evidence_text"].startswith("Rafah")
    assert client.get("/api/flags", params={"article": "web-cairo"}).json()["total"] == 0
    error_of(client.get("/api/flags", params={"limit": -5}), 422)


def test_export_jsonl(client: httpx.Client) -> None:
    response = client.get("/api/export", params={"format": "jsonl"})
    assert response.status_code == 200 and "attachment" in response.headers["content-disposition"]
    lines = [Analysis.model_validate_json(line) for line in response.text.splitlines()]
    assert {a.id for a in lines} >= {a.id for a in analyses()}
    one = client.get("/api/export", params={"format": "jsonl", "article": "web-xss"}).text.splitlines()
    assert len(one) == 1 and json.loads(one[0])["id"] == "web-xss"


def test_export_csv_is_safe_for_spreadsheets(client: httpx.Client) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == EVENTS
    formula = next(r for r in rows if r["event_id"] == "x2")
    assert formula["evidence_text"].startswith("'=SUM")
    assert next(r for r in rows if r["event_id"] == "k1")["goldstein"] == "-10.0"


def test_export_geojson(client: httpx.Client) -> None:
    body = client.get("/api/export", params={"format": "geojson", "type": "ASSAULT"}).json()
    assert body["type"] == "FeatureCollection"
    points = {f["properties"]["event_id"]: f["geometry"]["coordinates"] for f in body["features"]}
    assert points == {"e2": [34.24357, 31.29722], "k1": [36.25272, 49.98081]}
    error_of(client.get("/api/export", params={"format": "xml"}), 422)


# -- writing -------------------------------------------------------------------------------------------------

ARTICLE = {"date": "2024-06-01", "text": "Two envoys met in Oslo. They agreed to meet again.", "title": "Envoys"}


def test_writes_refused_without_configured_token(readonly: httpx.Client) -> None:
    error = error_of(readonly.post("/api/articles", json=ARTICLE, headers=AUTH), 403)
    assert error["code"] == "writes_disabled" and "DATELINE_TOKEN" in error["message"]
    error_of(readonly.post("/api/articles/batch", json={"articles": [ARTICLE]}), 403)
    assert readonly.get("/api/health").json()["writes_enabled"] is False


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {TOKEN}", "Bearer"])
def test_writes_need_the_token(client: httpx.Client, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = client.post("/api/articles", json=ARTICLE, headers=headers)
    assert error_of(response, 401)["code"] == "unauthorized"
    assert response.headers["www-authenticate"] == "Bearer"
    error_of(client.post("/api/articles/batch", json={"articles": [ARTICLE]}, headers=headers), 401)


def test_submit_one_article(client: httpx.Client) -> None:
    response = client.post("/api/articles", json={**ARTICLE, "id": "oslo-1"}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert response.headers["location"] == "/api/articles/oslo-1"
    body = response.json()
    assert body["events"][0]["evidence"]["text"] == "Two envoys met in Oslo."
    stored = client.get("/api/articles/oslo-1").json()
    assert stored["text"] == ARTICLE["text"] and stored["pipeline_version"] == "stub"
    again = client.post("/api/articles", json={**ARTICLE, "id": "oslo-1"}, headers=AUTH)
    assert again.status_code == 201
    assert client.get("/api/articles", params={"q": "oslo-1"}).json()["total"] == 1


def test_submit_derives_a_stable_id(client: httpx.Client) -> None:
    first = client.post("/api/articles", json=ARTICLE, headers=AUTH).json()["id"]
    second = client.post("/api/articles", json=ARTICLE, headers=AUTH).json()["id"]
    assert first == second and first.startswith("api-")


@pytest.mark.parametrize(
    "body",
    [
        {"text": "no date"},
        {"date": "2024-02-30", "text": "impossible date"},
        {"date": "2024-06-01", "text": ""},
        {"date": "2024-06-01", "text": "x", "colour": "red"},
        {"date": "2024-06-01", "text": "x", "id": "../../etc/passwd"},
        [1, 2, 3],
    ],
)
def test_submit_invalid_body(client: httpx.Client, body) -> None:
    error = error_of(client.post("/api/articles", json=body, headers=AUTH), 422)
    assert error["details"]


def test_submit_malformed_json(client: httpx.Client) -> None:
    headers = {**AUTH, "Content-Type": "application/json"}
    error_of(client.post("/api/articles", content=b'{"date": "2024-06-01", "text": ', headers=headers), 422)


def test_analysis_failure_is_a_json_500_and_recorded(client: httpx.Client, db: Path) -> None:
    response = client.post("/api/articles", json={**ARTICLE, "id": "bad-1", "text": "FAIL here."}, headers=AUTH)
    error = error_of(response, 500)
    assert error["code"] == "analysis_failed" and "bad-1" in error["message"]
    assert any(e["doc_id"] == "bad-1" for e in Store(db).errors())
    error_of(client.get("/api/articles/bad-1"), 404)


def test_request_size_limits(client: httpx.Client) -> None:
    big = "word " * (MAX_ARTICLE_BYTES // 5 + 10)
    error = error_of(client.post("/api/articles", json={**ARTICLE, "text": big}, headers=AUTH), 413)
    assert error["code"] == "payload_too_large"

    def chunks():
        yield b'{"date": "2024-06-01", "text": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    headers = {**AUTH, "Content-Type": "application/json"}
    error_of(client.post("/api/articles", content=chunks(), headers=headers), 413)
    # Under the 20 MiB batch limit, but one article's text is over the per-article limit.
    batch = {"articles": [ARTICLE, {**ARTICLE, "text": big}]}
    error = error_of(client.post("/api/articles/batch", json=batch, headers=AUTH), 413)
    assert "article 1" in error["message"]
    too_many = {"articles": [ARTICLE] * 1001}
    error_of(client.post("/api/articles/batch", json=too_many, headers=AUTH), 422)


def wait_for(client: httpx.Client, location: str, timeout: float = 10) -> dict:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(location).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def test_batch_job_in_background(client: httpx.Client, db: Path) -> None:
    articles = [
        {**ARTICLE, "id": "batch-1", "text": "Ministers met in Rome. Talks went on."},
        {**ARTICLE, "id": "batch-2", "text": "This one will FAIL in the stub."},
        {**ARTICLE, "id": "batch-3", "text": "Leaders spoke by phone. Nothing more."},
    ]
    response = client.post("/api/articles/batch", json={"articles": articles}, headers=AUTH)
    assert response.status_code == 202, response.text
    job = response.json()
    assert job["status"] in ("queued", "running", "done") and job["total"] == 3
    assert response.headers["location"] == f"/api/jobs/{job['id']}"
    done = wait_for(client, response.headers["location"])
    assert done["status"] == "done" and done["finished_at"]
    assert (done["processed"], done["stored"], done["failed"]) == (3, 2, 1)
    assert done["article_ids"] == ["batch-1", "batch-3"]
    assert done["errors"][0]["index"] == 1 and done["errors"][0]["id"] == "batch-2"
    assert client.get("/api/articles/batch-3").status_code == 200
    recorded = [e for e in Store(db).errors() if e["doc_id"] == "batch-2"]
    assert recorded and recorded[0]["path"] == f"api:job/{job['id']}" and recorded[0]["line"] == 2


def test_unknown_job(client: httpx.Client) -> None:
    error_of(client.get("/api/jobs/not-a-job"), 404)


def test_batch_invalid(client: httpx.Client) -> None:
    error_of(client.post("/api/articles/batch", json={"articles": []}, headers=AUTH), 422)
    error_of(client.post("/api/articles/batch", json={"articles": [{"text": "no date"}]}, headers=AUTH), 422)


# -- pages (HTML errors; the browser tests cover the pages themselves) ---------------------------------------


def test_pages_escape_and_error_pages(client: httpx.Client) -> None:
    page = client.get("/articles/web-xss")
    assert page.status_code == 200
    assert "<script>alert" not in page.text and "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page.text
    assert "&lt;b&gt;Hostile&lt;/b&gt;" in page.text
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    html = {"Accept": "text/html"}
    missing = client.get("/articles/nope", headers=html)
    assert missing.status_code == 404 and "<h1>Error 404</h1>" in missing.text
    assert client.get("/events", params={"since": "soon"}, headers=html).status_code == 422
    assert error_of(client.get("/articles/nope"), 404)["code"] == "not_found"
    assert client.get("/events", params={"since": "", "type": "CONSULT"}).status_code == 200
    by_article = client.get("/events", params={"since": "2024-04-01", "until": "2024-04-30", "dates": "article"})
    assert by_article.status_code == 200 and "<option selected>article</option>" in by_article.text


def test_unexpected_error_is_a_json_500_with_headers(tmp_path: Path) -> None:
    app = create_app(str(tmp_path / "broken.db"), token=TOKEN, analyser=stub_analyser)

    def broken_counts() -> dict:
        raise RuntimeError("the store went away")

    app.state.store.counts = broken_counts
    with serve(app) as http:
        response = http.get("/api/health")
    assert error_of(response, 500)["code"] == "internal_error"
    assert "went away" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'self'" in response.headers["content-security-policy"]
