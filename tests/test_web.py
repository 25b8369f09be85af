"""The web pages in a real browser: Playwright driving Debian's Chromium against uvicorn on 127.0.0.1.

Every request the pages make is intercepted: anything not addressed to the test server is aborted and fails the
test, and so does any console error (a Content-Security-Policy violation shows up as one). Screenshots of each
page go to docs/screenshots/.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.api import create_app
from dateline.store import Store
from dateline.web.assets import node_modules
from webdata import TOKEN, XSS_SCRIPT, LiveServer, analyses, stub_analyser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")

playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "web.db"
    Store(db).save(analyses())
    with LiveServer(create_app(str(db), token=TOKEN, analyser=stub_analyser)) as live:
        yield live


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


class Watch:
    """What a page did that it must not: requests off 127.0.0.1 (aborted), console errors, dialogs."""

    def __init__(self) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

    def check(self) -> None:
        assert self.outside == [], f"requests left the test server: {self.outside}"
        assert self.errors == [], f"browser errors: {self.errors}"
        assert self.dialogs == [], f"a script ran: {self.dialogs}"


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    watch = Watch()

    def route(route) -> None:
        if route.request.url.startswith(server.url + "/"):
            route.continue_()
        else:
            watch.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    tab.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    tab.on("pageerror", lambda exc: watch.errors.append(str(exc)))

    def on_dialog(dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.watch = watch
    yield tab
    context.close()
    watch.check()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


needs_assets = pytest.mark.skipif(node_modules() is None, reason="npm libraries missing: run 'npm ci' at the repo root")


def test_overview_and_paste_form(page) -> None:
    page.goto("/")
    assert page.locator("#articles tbody tr").count() >= 4
    page.fill("#submit-form [name=date]", "2024-06-02")
    page.fill("#submit-form [name=title]", "Pasted in the browser")
    page.fill("#submit-form [name=text]", "Envoys met in Vienna on Sunday. More talks are planned.")
    page.fill("#submit-form [name=token]", TOKEN)
    page.click("#submit-form button[type=submit]")
    link = page.locator("#submit-status a")
    link.wait_for()
    shot(page, "overview")
    link.click()
    page.wait_for_url(re.compile(r"/articles/api-[0-9a-f]+$"))
    assert "Envoys met in Vienna on Sunday." in page.locator("#article-text .hl-event").first.inner_text()


def test_paste_form_reports_a_wrong_token(page) -> None:
    page.goto("/")
    page.fill("#submit-form [name=date]", "2024-06-02")
    page.fill("#submit-form [name=text]", "Some text.")
    page.fill("#submit-form [name=token]", "not-the-token")
    page.click("#submit-form button[type=submit]")
    status = page.locator("#submit-status.error-message")
    status.wait_for()
    assert "token" in status.inner_text()
    # Chromium logs the refused request itself; that one console error is the expected outcome here.
    page.watch.errors = [e for e in page.watch.errors if "status of 401" not in e]


def test_article_view_highlights_rafah_and_its_flag(page) -> None:
    page.goto("/articles/web-rafah")
    rafah = page.locator("#article-text .hl-place", has_text="Rafah").first
    title = rafah.get_attribute("title")
    assert "GeoNames 281102" in title and "PS" in title and "confidence 0.80" in title
    assert "hl-flag" in rafah.get_attribute("class")
    actor = page.locator("#article-text .hl-actor", has_text="Yoav Gallant").first
    assert "KB kb:gallant" in actor.get_attribute("title")
    when = page.locator("#article-text .hl-time", has_text="next week").first
    assert "2024-W13" in when.get_attribute("title")
    flag = page.locator("#flags .flag-link")
    assert flag.inner_text() == "place_qualifier"
    assert "south" in page.locator("#flags li").first.inner_text()
    flag.click()
    focused = page.locator("#article-text .focus")
    assert "".join(focused.all_inner_texts()) == "Rafah, in the north of the Gaza Strip"
    shot(page, "article")
    page.locator("#article-events .ev-link").first.click()
    assert "will fly to Washington" in "".join(page.locator("#article-text .focus").all_inner_texts())


def test_events_table_filters_and_links_to_evidence(page) -> None:
    page.goto("/events?until=2024-05-31")
    assert page.locator("#events-table tbody tr").count() == sum(len(a.events) for a in analyses())
    page.select_option("#filters [name=type]", "CONSULT")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"type=CONSULT"))
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == 3
    assert all("CONSULT" in text for text in rows.all_inner_texts())
    page.fill("#filters [name=actor]", "biden")
    page.click("#filters button[type=submit]")
    page.wait_for_url(re.compile(r"actor=biden"))
    assert rows.count() == 1
    shot(page, "events")
    csv_link = page.locator("#exports a", has_text="CSV").get_attribute("href")
    response = page.request.get(csv_link)
    assert response.ok and response.text().count("\n") == 2  # header and the one matching event
    page.locator("#events-table a.evidence").first.click()
    page.wait_for_url(re.compile(r"/articles/web-rafah#ev-e3$"))
    assert "by phone" in "".join(page.locator("#article-text .focus").all_inner_texts())


def test_timeline_draws_and_zooms(page) -> None:
    page.goto("/timeline?interval=month")
    bars = page.locator("#timeline svg rect.bar")
    bars.first.wait_for()
    assert page.locator("#timeline").get_attribute("data-bars") == str(bars.count())
    months = bars.count()
    assert page.locator("#timeline-legend li").count() >= 4
    shot(page, "timeline")
    page.click("#zoom [data-interval=week]")
    page.wait_for_function("document.querySelector('#timeline svg text.tick:last-of-type')")
    page.wait_for_selector("#zoom [data-interval=week].active")
    page.locator("#timeline svg rect.bar[data-period='2024-W12']").first.click()
    page.wait_for_selector("#zoom [data-interval=day].active")
    page.locator("#timeline svg rect.bar[data-period='2024-03-18']").first.wait_for()
    assert not page.locator("#zoom-out").is_hidden()
    assert bars.count() >= 1 and months >= 3


@needs_assets
def test_map_draws_countries_and_markers(page) -> None:
    page.goto("/map")
    page.wait_for_selector("#map[data-markers]")
    assert int(page.get_attribute("#map", "data-countries")) > 150
    assert page.locator("#map .leaflet-overlay-pane svg path").count() > 150
    assert int(page.get_attribute("#map", "data-markers")) >= 8
    markers = page.locator("#map .marker, #map .marker-cluster")
    assert markers.count() >= 2
    shot(page, "map")
    page.goto("/map?type=ASSAULT")
    page.wait_for_selector("#map[data-markers='2']")
    page.locator("#map .marker-event").first.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    assert popup.locator("a").get_attribute("href").startswith("/articles/")


@needs_assets
def test_network_draws_actors(page) -> None:
    page.goto("/network")
    page.wait_for_selector("#network[data-nodes]")
    assert int(page.get_attribute("#network", "data-nodes")) >= 8
    assert int(page.get_attribute("#network", "data-edges")) >= 6
    assert page.locator("#network canvas").count() >= 1
    colours = page.evaluate("window.datelineNetwork.edges().map((e) => e.data('color'))")
    assert "rgb(220,38,38)" in colours  # the Goldstein −10 attack is drawn red
    shot(page, "network")


def test_hostile_article_stays_inert(page) -> None:
    page.goto("/articles/web-xss")
    text = page.locator("#article-text")
    assert XSS_SCRIPT in text.inner_text() and "<img src=x onerror=alert(1)>" in text.inner_text()
    assert text.locator("script, img").count() == 0
    assert page.locator("h1").inner_text() == "<b>Hostile</b> title <script>alert('title')</script>"
    assert page.locator("h1 b, h1 script").count() == 0
    shot(page, "xss")
    page.goto("/events?article=web-xss")
    assert "<img src=x onerror=alert(3)>" in page.locator("#events-table").inner_text()
    page.goto("/network?article=web-xss")
    page.wait_for_selector("#network[data-nodes='2']")
    page.watch.check()


def test_api_docs_page(page) -> None:
    page.goto("/docs")
    page.wait_for_selector("#api-docs section.endpoint")
    assert page.locator("#api-docs section.endpoint").count() >= 12
    assert "GET /api/events" in page.locator("#api-docs").inner_text()
    shot(page, "docs")
