"""A transliterated name after a preposition keeps its first character, though the two
make a dictionary word: 特朗普对马查多的攻击 names Machado (对马, "Tsushima", is no part
of the question) (translit.PARTICLE_WORDS)."""

from __future__ import annotations

from claimgraph.qa import translit
from claimgraph.qa.translit import Transliterator

LABELS = {"e:1": ["Alicia Machado"], "e:2": ["Donald Trump"], "e:3": ["Hillary Clinton"]}


def _found(q: str) -> list[str]:
    return [x.iri for x in Transliterator(LABELS, set(LABELS)).find(q)]


def test_a_name_after_a_preposition(monkeypatch):
    q = "希拉里如何回应特朗普对马查多的攻击?"
    assert _found(q) == ["e:3", "e:2", "e:1"]
    assert _found("特朗普和马查多说了什么?") == ["e:2", "e:1"]
    monkeypatch.setattr(translit, "PARTICLE_WORDS", 0)
    assert _found(q) == ["e:3", "e:2"]
