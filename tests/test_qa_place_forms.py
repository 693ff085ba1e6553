"""Short forms of places and bodies ("the U.S." for the United States), an organization's
leading adjective that is no short name of it ("Republican"), a say verb spelled like a
name's word ("the United States"), "Who compared X to Y?", and Chinese transliterations of
accented names (Castañeda, 卡斯塔涅达) or with 易 (路易斯, Luis)."""

from __future__ import annotations

from claimgraph.qa.linking import Linker, place_forms
from claimgraph.qa.router import route
from claimgraph.qa.translit import Transliterator

LABELS = {
    "ex:usa": {"en": ["United States"], "zh": []},
    "ex:rnc": {"en": ["Republican National Committee"], "zh": []},
    "ex:un": {"en": ["U.N."], "zh": []},
    "ex:bown": {"en": ["Chad Bown"], "zh": []},
}
TYPES = {"ex:usa": "Place", "ex:rnc": "Organization", "ex:un": "Organization", "ex:bown": "Person"}
TEXT = ("Chad Bown said Mexico follows the rules in trade frictions with the United States. "
        "The Republican National Committee met. Republican claims were rated false. The U.N. met.")


def _linker() -> Linker:
    return Linker(LABELS, TYPES, [TEXT])


def test_place_forms():
    assert "United States" in place_forms("U.S")
    assert "U.S." in place_forms("United States")
    assert "UN" in place_forms("U.N.") and "United Nations" in place_forms("U.N.")
    assert place_forms("Acme") == ()


def test_a_short_form_links_the_place_the_graph_holds():
    lk = _linker()
    q = "Who said Mexico follows trade rules with the U.S.?"
    assert [x.iri for x in lk.link(q)] == ["ex:usa"]
    assert lk.unknown_names(q, lk.link(q)) == []
    q = "What did the United Nations say?"
    assert [x.iri for x in lk.link(q)] == ["ex:un"]
    # "us" the pronoun is no United States
    assert [x.iri for x in lk.link("What did Bown tell us?")] == ["ex:bown"]


def test_a_short_form_of_a_place_the_articles_spell_out_is_no_unknown_name():
    lk = Linker({"ex:bown": {"en": ["Chad Bown"], "zh": []}}, {"ex:bown": "Person"}, [TEXT])
    q = "Who said Mexico follows trade rules with the U.S.?"
    assert lk.unknown_names(q, lk.link(q)) == []
    q = "What did the E.U. say about Mexico?"  # the articles never write the European Union
    assert lk.unknown_names(q, lk.link(q)) == ["E.U"]


def test_a_leading_adjective_is_no_short_name():
    lk = _linker()
    assert lk.link("What share of Republican claims were rated false?") == []
    assert [x.iri for x in lk.link("What did the Republican National Committee say?")] == ["ex:rnc"]


def test_united_states_is_no_say_verb():
    r = route("What emissions cut did the United States pledge in Paris?")
    assert r.name != "say" or r.subject != "emissions cut did the United"
    r = route("What the United States said about Mexico")
    assert (r.name, r.subject, r.topic) == ("say", "United States", "Mexico")


def test_who_compared():
    r = route("Who compared the Clean Power Plan rules to burning the Constitution?")
    assert r.name == "who_said" and r.topic.startswith("the Clean Power Plan rules")
    # "What did X compare Y to?" stays general (the engine's said_of ranks by the verb)
    assert route("What did Obama compare the plan to?").name == "general"


def test_accented_and_yi_transliterations():
    m = Transliterator({"e:1": ["Jorge Castañeda"], "e:2": ["Luis Ortega"], "e:3": ["Chad Bown"]},
                       {"e:1", "e:2", "e:3"})
    assert [x.iri for x in m.find("卡斯塔涅达说了什么?")] == ["e:1"]
    assert [x.iri for x in m.find("路易斯·奥尔特加说了什么?")] == ["e:2"]
