"""An opening curly mark typed for the closing one ('"... is 51 percent."' with U+201C at
both ends) still closes the quote, so the paragraph is one quote (TYPO_CLOSE)."""

from __future__ import annotations

from claimgraph.extract import attribution as A


def test_typo_close():
    text = "\u201cThe rate is 33 percent. For others it is 51 percent.\u201c\nNext line."
    assert A._quotes(text) == [(0, text.index("\n"))]
    # a real new quote after a sentence ends is still an opening mark
    text = "\u201cWe lost, said Ann. \u201cWe will win,\u201d she said."
    assert A._quotes(text) == [(text.index("\u201cWe will"), text.index("\u201d") + 1)]


def test_typo_close_switch(monkeypatch):
    monkeypatch.setattr(A, "TYPO_CLOSE", 0)
    text = "\u201cThe rate is 33 percent. For others it is 51 percent.\u201c\nNext line."
    assert A._quotes(text) == []
