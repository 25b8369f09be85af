"""Actors: the knowledge base of people, countries and organisations with dated roles, and their resolution."""

from __future__ import annotations

from dateline.actors.kb import KBActor, KBRole, KnowledgeBase, get_kb
from dateline.actors.resolve import resolve_actors

__all__ = ["KBActor", "KBRole", "KnowledgeBase", "get_kb", "resolve_actors"]
