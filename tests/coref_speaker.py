"""The speaker coref gives a source written in a small hand-written text (shared by the
coref tests)."""

from __future__ import annotations

from claimgraph.extract import coref


def resolved_speaker(nlp, text: str, source: str) -> str | None:
    """``coref.resolve_speaker`` of the last occurrence of ``source`` in ``text``."""
    doc = nlp(text)
    a = text.rindex(source)
    span = doc.char_span(a, a + len(source), alignment_mode="expand")
    return coref.resolve_speaker(doc, (a, a + len(source)), span.root.i)
