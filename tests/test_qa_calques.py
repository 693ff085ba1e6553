"""A Chinese question may name an organization by translating its English name word by
word, in Chinese order (空乘人员协会: Association of Flight Attendants): every word of the
label is meant by a word of the name, and every word of the name but one means a word of
the label (qa/names.py NamesMixin._calque_name)."""

from types import SimpleNamespace

import pytest
from claimgraph.qa.names import NamesMixin

LABELS = {
    "e:afa": ("Organization", ["Association of Flight Attendants"]),
    "e:va": ("Organization", ["Department of Veterans Affairs"]),
    "e:nra": ("Organization", ["National Rifle Association"]),
    "e:clinton": ("Person", ["Hillary Clinton"]),
    "e:assoc": ("Organization", ["Association"]),  # one word: no translation to match
}


def _calque(subject):
    ns = SimpleNamespace(labels={i: {"en": labs} for i, (_, labs) in LABELS.items()},
                         types={i: t for i, (t, _) in LABELS.items()})
    return NamesMixin._calque_name(ns, subject)


@pytest.mark.parametrize("zh, iri", [("空乘人员协会", "e:afa"), ("退伍军人事务部", "e:va"),
                                     ("全国步枪协会", "e:nra"), ("《全国步枪协会》", "e:nra")])
def test_a_word_by_word_translation_links_its_organization(zh, iri):
    assert _calque(zh) == [iri]


@pytest.mark.parametrize("zh", [
    "协会",  # one word
    "全国空乘人员协会",  # two words that mean nothing of the label
    "美国步枪",  # the label's "association" not written
    "希拉里协会",  # a person's name: no organization's words
])
def test_a_partial_or_padded_translation_links_nothing(zh):
    assert _calque(zh) == []
