"""An op-ed end to end (session 16): its sentences are claims of its signing author, of kind
``authored``, the graph conforms to the shapes, and "What does the author say about ...?"
asks that author (engine.THE_AUTHOR), as "the article" does (engine.THE_ARTICLE; of a news
report, the article's own sentences answer)."""

from __future__ import annotations

import os
import re

import pytest
from claimgraph.qa import engine as engine_mod

os.environ.setdefault("HF_HUB_OFFLINE", "1")

OPED = ("Ready for Trump vs. Clinton?; \nHis primary debate tricks won't work.\n\n"
        "Presidential candidates generally benefit from lowered debate expectations. "
        "Donald Trump said he won \"every single debate\" in the primaries.\n\n"
        "The moderators will be far tougher on the candidates than the primary moderators were.\n\n"
        "Trump's success in the primaries will not necessarily translate into success against "
        "Clinton.\n\n"
        "Aaron Kall is director of debate at the University of Michigan.")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from claimgraph.pipeline import build_graph

    d = tmp_path_factory.mktemp("oped")
    (d / "oped.txt").write_text(OPED, encoding="utf-8")
    out = d / "g.trig"
    build_graph([str(d / "oped.txt")], out)
    return out


def test_authored_claims_conform(built):
    from claimgraph.graph.store import load_graph
    from claimgraph.graph.validate import validate
    from claimgraph.graph.views import claims, entities

    ds = load_graph(built)
    assert validate(ds).conforms
    kinds = {(c["speaker"]["label"] if c["speaker"] else None, c["kind"]) for c in claims(ds)}
    assert ("Aaron Kall", "authored") in kinds
    kall = [e for e in entities(ds) if e["labels"]["en"][:1] == ["Aaron Kall"]]
    assert kall and kall[0]["authored"] >= 3


def test_the_author_is_the_op_eds_signer(built, monkeypatch):
    from claimgraph.qa import QAEngine

    eng = QAEngine.from_path(built, cache=False)
    q = "What does the author expect of the debate moderators?"
    r = eng.ask(q)
    assert not r["abstained"]
    top = r["answers"][0]
    assert top["speaker"]["label"] == "Aaron Kall" and "far tougher" in top["text"]
    monkeypatch.setattr(engine_mod, "THE_AUTHOR", re.compile(r"(?!)"))
    assert eng.ask(q)["abstained"]


def test_the_article_of_an_op_ed_is_its_author(built):
    from claimgraph.qa import QAEngine

    r = QAEngine.from_path(built, cache=False).ask("What does the article say about the debate moderators?")
    assert not r["abstained"] and r["answers"][0]["speaker"]["label"] == "Aaron Kall"


NEWS = ("Trump rallies in Ohio.\n\n"
        "Donald Trump held a rally in Columbus, Ohio, on Monday, where thousands of supporters "
        "waited in the rain.\n\n"
        "\"We are going to win Ohio,\" Trump said.")


def test_the_article_of_a_report_is_its_text(tmp_path, monkeypatch):
    from claimgraph.qa import QAEngine

    from claimgraph.pipeline import build_graph

    (tmp_path / "news.txt").write_text(NEWS, encoding="utf-8")
    build_graph([str(tmp_path / "news.txt")], tmp_path / "g.trig")
    eng = QAEngine.from_path(tmp_path / "g.trig", cache=False)
    q = "What does the article say about the rally in Columbus?"
    r = eng.ask(q)
    assert not r["abstained"] and "Columbus" in r["answers"][0]["text"]
    monkeypatch.setattr(engine_mod, "THE_ARTICLE", re.compile(r"(?!)"))
    r = eng.ask(q)
    assert r["abstained"] and "article" in r["reason"]
