"""Names an article says are one ("Burma, also known as Myanmar", "the Islamic State, also
called ISIS", "Myanmar (Burma)"): one entity, the second name an alias (skos:altLabel), so a
question by either name, or in Chinese, reaches its claims.

The extraction tests run spaCy on small hand-written articles (slow: ~20 s with the model's
load); the engine tests embed a hand-built snapshot with the packaged MiniLM (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_text
from claimgraph.qa.verbalize import Statement
from qa_handbuilt import evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def _extract(text: str):
    return extract_article(read_text(text, "hand-written.txt"))


def _entity(ex, name: str):
    hits = [e for e in ex.entities if e.name == name or name in e.aliases]
    assert len(hits) == 1, [(e.name, e.aliases) for e in ex.entities]
    return hits[0]


@pytest.fixture(scope="module")
def stated():
    return _extract(
        "Talks Resume.\n\n"
        "The transition in Burma, also known as Myanmar, has been slow, the minister said. "
        "Officials in Myanmar said on Monday that the talks would resume.\n\n"
        "Fighters of the Islamic State, also called ISIS, attacked the town. ISIS said it would "
        "fight on.\n\n"
        "Analysts in Laos said the vote in Thailand (Siam) was fair.\n")


@pytest.mark.slow
def test_also_known_as_makes_one_entity(stated):
    burma = _entity(stated, "Burma")
    assert burma.name == "Burma" and "Myanmar" in burma.aliases
    assert not any(e.name == "Myanmar" for e in stated.entities)


@pytest.mark.slow
def test_also_called_makes_one_entity(stated):
    isis = _entity(stated, "ISIS")
    assert {isis.name, *isis.aliases} >= {"Islamic State", "ISIS"}


@pytest.mark.slow
def test_the_mentions_of_both_names_are_the_entitys(stated):
    burma = _entity(stated, "Burma")
    said = {stated.article.text[m.span.start:m.span.end] for m in stated.mentions
            if m.entity == burma.key}
    assert {"Burma", "Myanmar"} <= said


@pytest.mark.slow
def test_a_place_with_its_other_name_in_parentheses():
    ex = _extract("Vote Held.\n\nThe vote in Myanmar (Burma) was held on Sunday. Observers from "
                  "Japan said Burma had made progress.\n")
    myanmar = _entity(ex, "Myanmar")
    assert "Burma" in myanmar.aliases


@pytest.mark.slow
def test_a_place_in_parentheses_after_a_person_is_no_alias():
    ex = _extract("Vote Held.\n\nRep. Joseph Crowley (D-N.Y.) said the vote in Burma was fair.\n")
    assert not any("Crowley" in a for e in ex.entities for a in e.aliases)
    names = {e.name for e in ex.entities}
    assert "Burma" in names


# ---- asked by either name (slow: MiniLM) ------------------------------------------------------

ART = "ex:aliases"
PARAS = ["The transition in Burma, also known as Myanmar, is real, Obama said.",
         "Acme Bank said tariffs would rise."]
TEXT = "\n".join(PARAS)


@pytest.fixture(scope="module")
def engine():
    labels = {"ex:burma": {"en": ["Burma", "Myanmar"], "zh": []},
              "ex:obama": {"en": ["Obama"], "zh": []},
              "ex:acme": {"en": ["Acme Bank"], "zh": []}}
    types = {"ex:burma": "Place", "ex:obama": "Person", "ex:acme": "Organization"}
    stmts = [
        Statement("claim", "Obama said: The transition in Burma, also known as Myanmar, is real",
                  "said The transition in Burma, also known as Myanmar, is real",
                  {"iri": "ex:obama", "label": "Obama"}, [evidence(TEXT, ART, PARAS[0])],
                  ("ex:obama",), ("ex:burma",)),
        Statement("claim", "Acme Bank said: tariffs would rise", "said tariffs would rise",
                  {"iri": "ex:acme", "label": "Acme Bank"}, [evidence(TEXT, ART, PARAS[1])],
                  ("ex:acme",)),
    ]
    return handbuilt_engine(stmts, labels, types, PARAS, ART)


@pytest.mark.slow
def test_either_name_reaches_the_claims(engine):
    for q in ("What did Obama say about Burma?", "What did Obama say about Myanmar?",
              "Who said the transition in Myanmar is real?"):
        top = _top(engine.ask(q))
        assert top["speaker"]["label"] == "Obama" and "transition" in top["text"], q


@pytest.mark.slow
def test_a_chinese_name_glossed_to_either_name(engine):
    # 缅甸: CC-CEDICT glosses "Myanmar (formerly Burma)"
    top = _top(engine.ask("奥巴马对缅甸怎么看?"))
    assert "transition" in top["text"]


@pytest.mark.slow
def test_a_glossed_name_is_written_by_any_name_of_its_entity(engine):
    # the dictionary's "Myanmar" is matched in a sentence writing "Burma" (or "Burmese")
    assert {"burma", "myanm", "burme"} <= engine._name_words()["myanm"]
    assert "acme" not in engine._name_words()  # one name only: nothing to add
