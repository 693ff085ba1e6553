"""Session 20: "Which party does X belong to?" is answered by a sentence giving the party as
X's title or beside X's name ("Democrat Hillary Clinton"), over one writing a party only
near the name ("Voters Abandon Republican Party for Hillary Clinton").

The engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "https://example.org/article/party"
PARAS = [
    "Poll: Wealthy Voters Abandon Republican Party for Ann Lee.",
    "Rich voters have moved away from the Republican Party, a new poll shows.",
    "That is why Democrat Ann Lee and her allies are courting young voters this year.",
    "Republican presidential nominee Tom Ray spoke in Dayton on Monday.",
    "Jo Park, a Libertarian, did not attend.",
]
LABELS = {"ex:lee": {"en": ["Ann Lee", "Lee"], "zh": []}, "ex:ray": {"en": ["Tom Ray", "Ray"], "zh": []},
          "ex:park": {"en": ["Jo Park", "Park"], "zh": []}, "ex:dayton": {"en": ["Dayton"], "zh": []}}
TYPES = {k: "Person" for k in LABELS} | {"ex:dayton": "Place"}


@pytest.fixture(scope="module")
def engine():
    return handbuilt_engine([], LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
@pytest.mark.parametrize("q, words", [
    ("Which party does Ann Lee belong to?", "Democrat Ann Lee"),
    ("What party is Tom Ray in?", "Republican presidential nominee Tom Ray"),
    ("Which party is Jo Park a member of?", "a Libertarian"),
])
def test_a_party_written_as_x_title_answers(engine, q, words):
    top = _top(engine.ask(q))
    assert words in top["evidence"][0]["quote"], (q, top["text"])


def test_tweet_and_post_are_say_verbs():
    from claimgraph.qa.router import route

    r = route("What did Brian Fallon tweet about Trump?")
    assert (r.name, r.subject, r.topic) == ("say", "Brian Fallon", "Trump")
    assert route("What did Paul Ryan post?").name == "say"
    r = route("Who tweeted that no one should be above the law?")
    assert (r.name, r.topic) == ("who_said", "no one should be above the law")
    r = route("What did the Washington Post report?")
    assert r.name == "say" and r.subject.endswith("Washington Post") and r.verb == "report"


WHO_PARAS = [
    "Budget fight heads to the floor.",
    "Everyone knows who Ann Lee is.",
    "The council invited billionaire and budget critic Ann Lee to the hearing on Tuesday.",
]

@pytest.mark.slow
def test_who_is_x_is_answered_by_a_sentence_describing_x(monkeypatch):
    import claimgraph.qa.routes as R

    eng = handbuilt_engine([], LABELS, TYPES, WHO_PARAS, ART)
    top = _top(eng.ask("Who is Ann Lee?"))
    assert "billionaire and budget critic Ann Lee" in top["evidence"][0]["quote"], top["text"]
    monkeypatch.setattr(R, "WHO_IS_BONUS", 0.0)  # the bonus decides it
    eng = handbuilt_engine([], LABELS, TYPES, WHO_PARAS, ART)
    assert "Everyone knows" in _top(eng.ask("Who is Ann Lee?"))["evidence"][0]["quote"]
