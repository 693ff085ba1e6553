""""What's the IMF forecast for X?" asks what the IMF forecast: its claims whose cue is that
noun's verb ("It edged up its forecast for those countries ... to 4.2 percent") rank first,
as "What did the IMF forecast ...?" does.

The engine test embeds a hand-built snapshot (slow).
"""

from __future__ import annotations

import os

import pytest
from qa_handbuilt import claim, evidence, handbuilt_engine
from qa_handbuilt import top as _top

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ART = "ex:view"
PARAS = [
    "However, slower growth in developed nations is being offset by slightly faster "
    "improvements in emerging economies, the Acme Fund said. It edged up its forecast for those "
    "countries by 0.1 percentage points to 4.2 percent.",
]
LABELS = {"ex:fund": {"en": ["Acme Fund"], "zh": []}}
TYPES = {"ex:fund": "Organization"}


@pytest.fixture(scope="module")
def engine():
    text = "\n".join(PARAS)

    def ev(phrase):
        return evidence(text, ART, phrase)

    s1, s2 = PARAS[0].split(" It edged")
    stmts = [claim(LABELS, ev, "ex:fund", "said", "However, slower growth in developed nations is "
                   "being offset by slightly faster improvements in emerging economies", s1),
             claim(LABELS, ev, "ex:fund", "forecast", "for those countries", "It edged" + s2)]
    return handbuilt_engine(stmts, LABELS, TYPES, PARAS, ART)


@pytest.mark.slow
def test_a_forecast_is_what_was_forecast(engine):
    top = _top(engine.ask("What's the Acme Fund forecast for emerging economies?"))
    assert "4.2 percent" in top["evidence"][0]["quote"]


def test_a_view_noun_that_is_a_reporting_verb_is_the_verb_asked(engine):
    from claimgraph.qa.router import route

    q = "What's the Acme Fund forecast for emerging economies?"
    r, subj = engine._view_of(route(q), engine._subject_links(q, route(q), engine.linker.link(q)))
    assert (r.name, r.subject, r.verb) == ("say", "Acme Fund", "forecast")
    q = "What's the Acme Fund view on emerging economies?"
    r, _ = engine._view_of(route(q), engine._subject_links(q, route(q), engine.linker.link(q)))
    assert r.name == "say" and r.verb in ("", "view")
