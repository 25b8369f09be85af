"""Markup to plain text with the standard library: for feed summaries and SGML bodies, where trafilatura's
boilerplate removal would throw away short texts."""

from __future__ import annotations

import re
from html.parser import HTMLParser

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "tr", "table", "section", "article", "blockquote", "pre", "hr", "dd", "dt",
}  # fmt: skip
SKIP_TAGS = {"script", "style", "noscript", "template"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class _TextCollector(HTMLParser):
    """Collects character data, turning block elements into line breaks and skipping scripts and styles."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP_TAGS:
            self.skipping += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))  # source line breaks inside a paragraph are spaces


def clean_text(text: str) -> str:
    """Drop control characters, collapse runs of spaces and blank lines, strip the ends."""
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
        elif paragraphs and paragraphs[-1] != "":
            paragraphs.append("")
    return "\n".join(paragraphs).strip()


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment, paragraphs separated by blank lines; plain text passes through."""
    if "<" not in markup and "&" not in markup:
        return clean_text(markup)
    parser = _TextCollector()
    parser.feed(markup)
    parser.close()
    return clean_text("".join(parser.parts))
