"""Question answering: routing, abstention, the JSON contract, the index cache, Chinese.

Router tests are fast. Engine tests embed with the packaged MiniLM (marked
slow); the end-to-end tests build the example article (spaCy, slow).
"""

from __future__ import annotations

import json
import os

import numpy as np
import pytest
from claimgraph.qa.router import route

os.environ.setdefault("HF_HUB_OFFLINE", "1")


# ---- routing (fast) -----------------------------------------------------------------------

@pytest.mark.parametrize("question, name, subject", [
    ("What did Japan say about selling its Treasuries?", "say", "Japan"),
    ("What does Goldman Sachs think about the dollar?", "say", "Goldman Sachs"),
    ("What is S&P's view on the sovereign rating?", "say", "S&P"),
    ("How does PIMCO see Treasury volatility?", "say", "PIMCO"),
    ("What did 瑞银 say about yields?", "say", "瑞银"),
    ("标准普尔对美国主权信用评级怎么看?", "say", "标准普尔"),
    ("高盛如何看待美元?", "say", "高盛"),
    ("Who said the dollar is overvalued?", "who_said", ""),
    ("Which analyst warned that yields could rise?", "who_said", ""),
    ("谁认为美元被高估了?", "who_said", ""),
    ("Who heads Goldman Sachs' hedge fund business?", "membership", "Goldman Sachs' hedge fund business"),
    ("Who is the chief economist at JD.com?", "membership", "JD.com"),
    ("Where does Stephen Roach work?", "membership", "Stephen Roach"),
    ("What is Wu Jinduo's role?", "membership", "Wu Jinduo"),
    ("Who is Liu Gang?", "membership", "Liu Gang"),
    ("京东集团的首席经济学家是谁?", "membership", "京东集团"),
    ("What is the Mar-a-Lago Accord?", "concept", "Mar-a-Lago Accord"),
    ("Who proposed the Mar-a-Lago Accord?", "concept", "Mar-a-Lago Accord"),
    ("什么是基差交易?", "concept", "基差交易"),
    ("How high did the 10-year yield climb?", "fact", ""),
    ("How much is the U.S. national debt?", "fact", ""),
    ("What was the average daily trading volume in 2024?", "fact", ""),
    ("美国国债总额是多少?", "fact", ""),
    ("Treasuries and the dollar in April", "general", ""),
    ("Tell me what UBS said about yields", "say", "UBS"),
    ("Can you tell me who said the dollar is overvalued?", "who_said", ""),
    ("Who is Invesco's head of Asia Pacific fixed income?", "membership", "Invesco"),
    ("What position does Eric Robertsen hold?", "membership", "Eric Robertsen"),
    ("Who is worried about U.S. fiscal sustainability?", "who_said", ""),
    ("黄嘉诚在哪里工作?", "membership", "黄嘉诚"),
    ("瑞银说了什么?", "say", "瑞银"),
])
def test_routes(question, name, subject):
    r = route(question)
    assert r.name == name
    assert r.subject == subject


def test_route_topic_role_and_former():
    r = route("What did Japan say about selling its Treasuries?")
    assert r.topic == "selling its Treasuries"
    r = route("Who is the chief economist at JD.com?")
    assert r.role == "chief economist" and r.wants_person
    assert route("Where did Stephen Roach work before?").former
    assert not route("Where does Stephen Roach work?").former
    assert route("Who proposed the Mar-a-Lago Accord?").wants_person


# ---- a hand-built graph snapshot (no RDF, no spaCy) -------------------------------------------

ART = "ex:article"
TEXT = ("Acme Bank said that bond yields will keep rising this year. "
        "Jane Doe, chief economist at Acme Bank, warned that the dollar is overvalued by 20%. "
        "Globex is listed in the directory only. "
        "Bob Smith attended the meeting. "
        "The national debt stood at $36 trillion.")


def _ev(phrase: str) -> list[dict]:
    a = TEXT.index(phrase)
    return [{"article": ART, "paragraph": 1, "quote": phrase, "start": a, "end": a + len(phrase)}]


def _snapshot():
    from claimgraph.qa.index import Snapshot
    from claimgraph.qa.verbalize import Statement

    acme = {"iri": "ex:acme", "label": "Acme Bank"}
    jane = {"iri": "ex:jane", "label": "Jane Doe"}
    sents = [s.strip() + "." for s in TEXT.split(". ") if s.strip()]
    sents[-1] = sents[-1].rstrip(".") + "." if not sents[-1].endswith("..") else sents[-1][:-1]
    stmts = [
        Statement("claim", "Acme Bank said: that bond yields will keep rising this year",
                  "said that bond yields will keep rising this year", acme,
                  _ev("Acme Bank said that bond yields will keep rising this year."), ("ex:acme",)),
        Statement("claim", "Jane Doe (chief economist at Acme Bank) warned: that the dollar is "
                  "overvalued by 20%", "warned that the dollar is overvalued by 20%", jane,
                  _ev("Jane Doe, chief economist at Acme Bank, warned that the dollar is "
                      "overvalued by 20%."), ("ex:jane", "ex:acme"), (), "chief economist at Acme Bank"),
        Statement("affiliation", "Jane Doe is chief economist at Acme Bank",
                  "Jane Doe is chief economist at Acme Bank", jane,
                  _ev("Jane Doe, chief economist at Acme Bank"), ("ex:jane", "ex:acme"),
                  ("ex:jane", "ex:acme"), "chief economist"),
        Statement("fact", "$36 trillion money: The national debt stood at $36 trillion.",
                  "$36 trillion: The national debt stood at $36 trillion.", None,
                  _ev("The national debt stood at $36 trillion.")),
    ]
    labels = {"ex:acme": {"en": ["Acme Bank"], "zh": ["阿克米银行"]},
              "ex:jane": {"en": ["Jane Doe"], "zh": []},
              "ex:globex": {"en": ["Globex"], "zh": []},
              "ex:bob": {"en": ["Bob Smith"], "zh": []}}
    ents = {"ex:acme": {"type": "Organization", "mentioned": True, "claims": 1},
            "ex:jane": {"type": "Person", "mentioned": True, "claims": 1},
            "ex:globex": {"type": "Organization", "mentioned": False, "claims": 0},
            "ex:bob": {"type": "Person", "mentioned": True, "claims": 0}}
    return Snapshot(stmts, labels, ents, [TEXT])


@pytest.fixture(scope="module")
def engine():
    from claimgraph.qa import QAEngine

    return QAEngine(snapshot=_snapshot())


def _check_contract(res: dict) -> None:
    """The answer object of DESIGN.md, exactly (plus ``reason`` when abstaining)."""
    keys = {"question", "abstained", "answers"} | ({"reason"} if res["abstained"] else set())
    assert set(res) == keys
    assert isinstance(res["abstained"], bool)
    if res["abstained"]:
        assert res["answers"] == [] and res["reason"]
    for a in res["answers"]:
        assert set(a) == {"text", "score", "kind", "speaker", "evidence"}
        assert a["kind"] in {"claim", "affiliation", "concept", "fact", "entity"}
        assert isinstance(a["score"], float) and 0.0 <= a["score"] <= 1.0
        assert a["speaker"] is None or set(a["speaker"]) == {"iri", "label"}
        for e in a["evidence"]:
            assert set(e) == {"article", "paragraph", "quote", "start", "end"}
            assert isinstance(e["start"], int) and e["end"] > e["start"]
    json.dumps(res, ensure_ascii=False)  # serializable as is


@pytest.mark.slow
def test_say_route_answers_with_speaker_and_evidence(engine):
    res = engine.ask("What did Acme Bank say about bond yields?")
    _check_contract(res)
    assert not res["abstained"]
    top = res["answers"][0]
    assert top["speaker"]["label"] == "Acme Bank" and "yields" in top["text"]
    assert top["evidence"][0]["quote"] in TEXT
    ev = top["evidence"][0]
    assert TEXT[ev["start"]:ev["end"]] == ev["quote"]


@pytest.mark.slow
def test_organization_speaks_through_its_members(engine):
    res = engine.ask("What did Acme Bank say about the dollar?")
    assert res["answers"][0]["speaker"]["label"] == "Jane Doe"


@pytest.mark.slow
def test_who_said_answers_the_speaker(engine):
    res = engine.ask("Who said the dollar is overvalued?")
    _check_contract(res)
    assert res["answers"][0]["speaker"]["label"] == "Jane Doe"
    assert res["answers"][0]["text"].startswith("Jane Doe")


@pytest.mark.slow
def test_membership_route(engine):
    res = engine.ask("Who is the chief economist at Acme Bank?")
    assert res["answers"][0]["kind"] == "affiliation"
    assert res["answers"][0]["speaker"]["label"] == "Jane Doe"
    res = engine.ask("Where does Jane Doe work?")
    assert "Acme Bank" in res["answers"][0]["text"]


@pytest.mark.slow
def test_fact_route(engine):
    res = engine.ask("How much is the national debt?")
    assert res["answers"][0]["kind"] == "fact" and "$36 trillion" in res["answers"][0]["text"]


@pytest.mark.slow
def test_chinese_label_in_english_question(engine):
    res = engine.ask("What did 阿克米银行 say about yields?")
    assert not res["abstained"] and res["answers"][0]["speaker"]["label"] == "Acme Bank"


@pytest.mark.slow
@pytest.mark.parametrize("question, reason", [
    ("What did Globex say about yields?", "never mentioned"),  # listed, not mentioned
    ("What did Bob Smith say about yields?", "never quoted"),  # mentioned, not quoted
    ("What did Jerome Powell say about yields?", "not in the graph"),  # unknown name
    ("What is the capital of France?", "not in the graph"),
    ("What is the recipe for banana bread?", ""),  # nothing supports it
    ("Who is the chief risk officer at Acme Bank?", ""),  # no such role in the graph
    ("How many branches does Acme Bank have?", ""),  # names the bank, nothing else matches
    ("", "empty"),
])
def test_abstentions(engine, question, reason):
    res = engine.ask(question)
    _check_contract(res)
    assert res["abstained"] is True
    assert reason in res["reason"]


@pytest.mark.slow
def test_k_limits_answers(engine):
    assert len(engine.ask("What did Acme Bank say?", k=1)["answers"]) == 1


# ---- encoder equivalence and cache --------------------------------------------------------

@pytest.mark.slow
def test_numpy_minilm_matches_sentence_transformers():
    from claimgraph.qa.embed import encode, st_encode

    texts = ["What did Japan say about selling its Treasuries?", "yields",
             "标准普尔对美国主权信用评级怎么看?",
             "Yields on the 10-year Treasury surged 56 basis points in a single week to 4.53%, "
             "the largest weekly jump since 2001. " * 8]  # longer than 256 tokens: truncation
    a, b = encode(texts), st_encode(texts)
    assert a.shape == b.shape == (4, 384)
    assert np.abs(a - b).max() < 1e-5


@pytest.mark.slow
def test_index_cache_is_reused_and_updated(example_graph, tmp_path, monkeypatch):
    import shutil

    from claimgraph.qa import QAEngine, index

    from claimgraph.pipeline import build_graph

    g = tmp_path / "g.trig"
    shutil.copy(example_graph, g)
    e1 = QAEngine.from_path(g)
    cache = index.cache_dir_for(g)
    assert (cache / "meta.json").exists() and (cache / "minilm.npz").exists()
    meta = json.loads((cache / "meta.json").read_text())
    assert meta["graph_sha256"] == index.file_hash(g) and "all-MiniLM-L6-v2" in meta["models"]["minilm"]
    with np.load(cache / "minilm.npz", allow_pickle=False) as z:
        assert len(z["keys"]) == z["vecs"].shape[0] > 0

    # unchanged graph: no RDF parsed, nothing embedded but the question
    import claimgraph.graph as graph_pkg

    monkeypatch.setattr(graph_pkg, "load_graph", lambda *a, **k: pytest.fail("parsed RDF"))
    calls = []
    real = index.encode
    monkeypatch.setattr(index, "encode", lambda texts, **kw: calls.append(len(texts)) or real(texts))
    e2 = QAEngine.from_path(g)
    assert calls == []
    q = "What did Standard & Poor's say about the sovereign rating?"
    assert e2.ask(q) == e1.ask(q)
    monkeypatch.undo()

    # an added article: only its statements are embedded
    art = tmp_path / "extra.txt"
    art.write_text("Acme Bank chief economist Jane Doe said on Monday that inflation will fall "
                   "below 2% next year.\n", encoding="utf-8")
    build_graph([str(art)], g)
    calls = []
    monkeypatch.setattr(index, "encode", lambda texts, **kw: calls.append(len(texts)) or real(texts))
    e3 = QAEngine.from_path(g)
    assert calls and sum(calls) < len(e1.statements) / 4
    assert len(e3.statements) > len(e1.statements)
    res = e3.ask("What did Jane Doe say about inflation?")
    assert not res["abstained"] and "inflation" in res["answers"][0]["evidence"][0]["quote"]


# ---- end to end on the example article ----------------------------------------------------------

@pytest.fixture(scope="module")
def example_engine(example_graph):
    from claimgraph.qa import QAEngine

    return QAEngine.from_path(example_graph)


def _hit(res: dict, speaker: str, phrase: str, k: int = 3) -> bool:
    for a in res["answers"][:k]:
        blob = (a["text"] + " " + " ".join(e["quote"] for e in a["evidence"])).casefold()
        if (a["speaker"] or {}).get("label", "").casefold().find(speaker.casefold()) >= 0 \
                and phrase.casefold() in blob:
            return True
    return False


@pytest.mark.slow
@pytest.mark.parametrize("question, speaker, phrase", [
    ("What did Japan say about selling its Treasuries?", "Japan", "sell-off"),
    ("Who heads Goldman Sachs' hedge fund business?", "Tony Pasquariello", "hedge fund"),
    ("What did 瑞银 say about yields?", "UBS", "yield"),
    ("标准普尔对美国主权信用评级怎么看?", "Standard & Poor", "sovereign"),
    ("What did S&P say about the sovereign rating?", "Standard & Poor", "sovereign"),
    ("What did 黄嘉诚 say about the credit rating?", "Wong Ka-shing", "credit rating"),
])
def test_example_questions(example_engine, question, speaker, phrase):
    res = example_engine.ask(question)
    _check_contract(res)
    assert not res["abstained"], res.get("reason")
    assert _hit(res, speaker, phrase), res["answers"]


@pytest.mark.slow
@pytest.mark.parametrize("question", [
    "What did Western Securities say about Treasuries?",  # listed, "does not mention"
    "What did 国金证券 say about yields?",
    "What did Jerome Powell say about inflation?",
    "What did Elon Musk say about Treasuries?",  # mentioned, never quoted
])
def test_example_abstentions(example_engine, question):
    res = example_engine.ask(question)
    _check_contract(res)
    assert res["abstained"] and res["reason"]


@pytest.mark.slow
def test_cli_ask_json_and_stdin(example_graph, capsys, monkeypatch):
    import io

    from claimgraph.app.cli import main

    assert main(["ask", "What did UBS say about yields?", "-g", str(example_graph), "--json"]) == 0
    res = json.loads(capsys.readouterr().out)
    _check_contract(res)
    assert res["answers"][0]["speaker"]["label"] == "UBS"
    monkeypatch.setattr("sys.stdin", io.StringIO("What did UBS say?\nWhat did Western Securities say?\n"))
    assert main(["ask", "-", "-g", str(example_graph), "-k", "2"]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["abstained"] for r in lines] == [False, True]
    for r in lines:
        _check_contract(r)
        assert len(r["answers"]) <= 2
