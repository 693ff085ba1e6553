"""The unknown-word gate and paraphrased questions (session 10).

A question with a word no article uses is refused unless a top statement covers more than
half of its words: "Who said the levy should be abolished?" is not answered by a sentence
about the levy. A long question that paraphrases a claim, with a minority of words the
articles don't use ("lump him together with", "drafted the precise"), is answered when a
top statement covers 40% of its words (support.PARAPHRASE). A count's noun stays strict.

The engine tests embed a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from claimgraph.qa import support
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:para"
PARAS = [
    "Ann Keller, a member of the city council, said it was deeply unfair to Mayor Tom Reyes "
    "to put him in the same category as the developers.",
    "Bob Lind, the council's budget chief, said the council does not have the exact budget "
    "language written down yet.",
    "Lind said the levy on parking garages would stay in place until 2030.",
    "The city will give each family a rebate, the finance office said.",
]
LABELS = {"ex:keller": {"en": ["Ann Keller", "Keller"], "zh": []},
          "ex:reyes": {"en": ["Tom Reyes", "Reyes"], "zh": []},
          "ex:lind": {"en": ["Bob Lind", "Lind"], "zh": []},
          "ex:council": {"en": ["city council"], "zh": []},
          "ex:finance": {"en": ["finance office"], "zh": []}}
TYPES = {"ex:keller": "Person", "ex:reyes": "Person", "ex:lind": "Person",
         "ex:council": "Organization", "ex:finance": "Organization"}


@pytest.fixture(scope="module")
def eng():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    stmts = [
        claim(LABELS, ev, "ex:keller", "said", "it was deeply unfair to Mayor Tom Reyes to put "
              "him in the same category as the developers", PARAS[0], ("ex:reyes",)),
        claim(LABELS, ev, "ex:lind", "said", "the council does not have the exact budget "
              "language written down yet", PARAS[1], ("ex:council",)),
        claim(LABELS, ev, "ex:lind", "said", "the levy on parking garages would stay in place "
              "until 2030", PARAS[2]),
        claim(LABELS, ev, "ex:finance", "said", "The city will give each family a rebate",
              PARAS[3]),
    ]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


KELLER, LIND, FINANCE = 0, 1, 3  # the claims' statement numbers


@pytest.mark.slow
@pytest.mark.parametrize("topic", [
    "unfairly lumped the mayor together with developers of garages",
    "the council hasn't drafted the precise budget language for the garages in the city",
])
def test_a_long_paraphrase_passes_the_gate(eng, topic, monkeypatch):
    best = [KELLER, LIND, FINANCE]
    assert not eng._unsupported_words(topic, best)
    monkeypatch.setattr(support, "PARAPHRASE", 0)
    assert eng._unsupported_words(topic, best)


@pytest.mark.slow
def test_a_negated_auxiliary_is_no_unknown_word(eng):
    assert eng._unknown_words("the council hasn't drafted it") == ["draft"]


@pytest.mark.slow
def test_short_topics_and_counts_stay_strict(eng):
    best = [KELLER, LIND, FINANCE]
    assert eng._unsupported_words("the levy should be abolished", best)
    # a count's noun must be written: the amount of money is not in the rebate sentence
    topic = "how much money will the mayor's office hand each family in a rebate"
    assert not eng._unsupported_words(topic, best)
    assert eng._unsupported_words(topic, best, strict=True)


@pytest.mark.slow
def test_the_paraphrase_is_answered_and_the_new_topic_refused(eng):
    q = "Who said the council hasn't yet drafted the precise budget language for the city?"
    assert _top(eng.ask(q))["speaker"]["label"] == "Bob Lind"
    assert eng.ask("Who said the levy should be abolished?")["abstained"]
