"""dateline's web pages: Jinja2 templates (autoescaped), our own CSS / JS, and npm libraries served by name."""

from pathlib import Path

TEMPLATE_DIR = Path(__file__).parent / "templates"
STATIC_DIR = Path(__file__).parent / "static"
