"""People's ages as news writes them ("Scott, 69,"; "the 69-year-old Scott") are facts
about them (extract/facts.py AGES), and "How old is X?" is answered from them, or refused
when the graph has no age of X (qa/engine.py)."""

from __future__ import annotations

import os

import pytest
from claimgraph.extract import facts
from claimgraph.extract.extractor import extract_doc
from claimgraph.extract.readers import read_article

os.environ.setdefault("HF_HUB_OFFLINE", "1")

TEXT = (
    "Democrats weigh a Senate pick.\n\n"
    "As the senior Democrat in the delegation, Gordon Pike, 69, has emerged as the front-runner "
    "for the seat.\n\n"
    "Another possibility is Marta Vance, a corporate attorney who led the transition team.\n\n"
    "The 41-year-old Vance has never run statewide. Ivanka Trump, 34, was not asked.\n\n"
    "Pike said the party needs \"experience\" in the Senate, a view his aides share. "
    "Lena Ortiz, the party chair, said she would decide in May. "
    "Tom Hollis, the treasurer, stayed home. Mr. Hollis, 58, agreed.\n"
)


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _ages(nlp):
    ex = extract_doc(read_article(TEXT, "t", "text"), nlp(TEXT))
    return {(f.about, f.value) for f in ex.facts if f.unit == "years"}


def test_ages_after_a_name_and_before_it(nlp, monkeypatch):
    monkeypatch.setattr(facts, "AGES", 0)
    assert _ages(nlp) == set()
    monkeypatch.setattr(facts, "AGES", 1)
    got = _ages(nlp)
    assert (("gordon pike",), "69") in got
    assert (("marta vance",), "41") in got
    assert (("tom hollis",), "58") in got  # a title before the name is no longer name
    # a mention inside a longer name ("Ivanka Trump") is no one else's age
    assert all(v != "34" for _a, v in got) or (("ivanka trump",), "34") in got


@pytest.mark.slow
def test_how_old_is_answered_from_the_age_or_refused(tmp_path):
    from claimgraph.qa import QAEngine

    from claimgraph.pipeline import build_graph

    art = tmp_path / "senate.txt"
    art.write_text(TEXT, encoding="utf-8")
    g = tmp_path / "g.trig"
    build_graph([str(art)], g)
    engine = QAEngine.from_path(g)
    res = engine.ask("How old is Gordon Pike?")
    assert not res["abstained"], res.get("reason")
    assert res["answers"][0]["text"].startswith("69 years old")
    res = engine.ask("How old is Marta Vance?")
    assert not res["abstained"] and res["answers"][0]["text"].startswith("41 years old")
    res = engine.ask("How old is Lena Ortiz?")
    assert res["abstained"] and res["reason"] == "Lena Ortiz's age is not in the graph"
    res = engine.ask("How old is the Senate?")  # no person: the number route as before
    assert "age is not in the graph" not in (res.get("reason") or "")


@pytest.mark.parametrize("dash", ["\u2015", "\u2014", "\u2013", "-", "--"])
def test_an_age_before_a_dash(nlp, dash):
    text = ("Police released the video on Monday.\n\n"
            f"Darnell Brooks, 40 {dash} a father and student who sang at church every week {dash} "
            "was shot after his car stalled.\n")
    ex = extract_doc(read_article(text, "t", "text"), nlp(text))
    assert {(f.about, f.value) for f in ex.facts if f.unit == "years"} == {(("darnell brooks",), "40")}
