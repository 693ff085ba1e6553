"""Chinese questions that write a name in Latin letters against the Chinese ("迈克尔·麦克福尔对RT
怎么看?", "IMF对美国经济增长怎么看?", "格拉斯利对EB-5签证项目怎么看?"): the name ends where
the Chinese starts, so it links like any other (it was read as one word with the Chinese after
it, "RT怎么看", and the question refused as naming someone the graph lacks)."""

from __future__ import annotations

import pytest
from claimgraph.qa.linking import Linker

LABELS = {
    "ex:rt": {"en": ["RT"], "zh": []},
    "ex:eb5": {"en": ["EB-5"], "zh": []},
    "ex:imf": {"en": ["International Monetary Fund"], "zh": []},
    "ex:sp": {"en": ["Standard & Poor's"], "zh": []},
    "ex:mcfaul": {"en": ["Michael McFaul"], "zh": []},
}
TYPES = {"ex:rt": "Organization", "ex:eb5": "Concept", "ex:imf": "Organization",
         "ex:sp": "Organization", "ex:mcfaul": "Person"}
TEXT = ("Michael McFaul said RT was no news network. The EB-5 program grew. The International "
        "Monetary Fund cut its forecast. Standard & Poor's kept its rating.")


@pytest.fixture(scope="module")
def linker() -> Linker:
    return Linker(LABELS, TYPES, [TEXT])


@pytest.mark.parametrize("question, iri, surface", [
    ("迈克尔·麦克福尔对RT怎么看?", "ex:rt", "RT"),
    ("IMF对美国经济增长怎么看?", "ex:imf", "IMF"),  # an acronym against Chinese on both sides
    ("格拉斯利对EB-5签证项目怎么看?", "ex:eb5", "EB-5"),
    ("谁说Standard & Poor's下调了评级?", "ex:sp", "Standard & Poor's"),
])
def test_a_latin_name_against_chinese_links(linker, question, iri, surface):
    assert (iri, surface) in [(lk.iri, lk.surface) for lk in linker.link(question)]


def test_a_latin_name_against_chinese_is_no_unknown_name(linker):
    q = "查尔斯·格拉斯利对EB-5怎么看?"
    assert linker.unknown_names(q, linker.link(q)) == []
    # a name the graph lacks is still unknown, without the Chinese after it
    q = "乔治·索罗斯对Bitcoin怎么看?"
    assert linker.unknown_names(q, linker.link(q)) == ["Bitcoin"]
