"""Numeric facts: value, unit, what is measured, date, evidence."""

from __future__ import annotations

import pytest
from claimgraph.extract.facts import NUMBER_RE, find_facts
from claimgraph.extract.readers import read_text


@pytest.mark.parametrize("text,value", [
    ("debt stood at $36.22 trillion, up", "$36.22 trillion"),
    ("yields rose 56 basis points (bps) in a week", "56 basis points"),
    ("up 44 bps, while", "44 bps"),
    ("briefly reaching 4.53%.", "4.53%"),
    ("moved between 4-4.5% in", "4-4.5%"),
    ("Each 1 percentage point rise", "1 percentage point"),
    ("volume of 900 billion dollars", "900 billion dollars"),
    ("a gain of 3 percent", "3 percent"),
])
def test_number_patterns(text, value):
    assert [m.group(0) for m in NUMBER_RE.finditer(text)] == [value]


@pytest.mark.parametrize("text", ["the 10-year yield", "since 2001", "[para. 6]", "April 7 to 11",
                                  "AA+ rating"])
def test_not_numbers_with_units(text):
    assert NUMBER_RE.search(text) is None


@pytest.fixture(scope="module")
def nlp():
    from claimgraph.extract.pipeline import load_nlp

    return load_nlp()


def _facts(nlp, text):
    art = read_text(text)
    facts = find_facts(art, nlp(text), ())
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.text
    return {f.value: f for f in facts}


@pytest.mark.slow
def test_measure_unit_and_date(nlp):
    fs = _facts(nlp, "From April 7 to 11, the yield on 10-year U.S. Treasury bonds jumped 56 basis "
                     "points, briefly reaching 4.53%. U.S. national debt stood at $36.22 trillion "
                     "in March 2025, the largest rise since 2001.")
    assert fs["56 basis points"].unit == "basis points"
    assert fs["56 basis points"].quantity == "yield on 10-year U.S. Treasury bonds"
    assert fs["56 basis points"].date == "April 7 to 11"
    assert fs["4.53%"].unit == "percent"
    debt = fs["$36.22 trillion"]
    assert (debt.unit, debt.quantity, debt.date) == ("USD", "U.S. national debt", "March 2025")
    assert debt.evidence.text.startswith("U.S. national debt")


@pytest.mark.slow
def test_since_is_a_baseline_not_the_date(nlp):
    fs = _facts(nlp, "Yields surged 56 basis points to 4.53%, the largest weekly jump since 2001.")
    assert fs["4.53%"].date is None


@pytest.mark.slow
def test_amount_in_something(nlp):
    fs = _facts(nlp, "Musk managed only $150 billion in reductions.")
    assert fs["$150 billion"].quantity == "reductions"


@pytest.mark.slow
def test_chinese_lines_are_skipped(nlp):
    text = ("收益率攀升56个基点、一度触及4.53%。\n"
            "The yield jumped 56 basis points, briefly reaching 4.53%.")
    fs = find_facts(read_text(text), nlp(text), ())
    assert sorted(f.value for f in fs) == ["4.53%", "56 basis points"]
    assert all("收益率" not in f.evidence.text for f in fs)


@pytest.mark.slow
def test_example_article_facts(nlp, example_path):
    from claimgraph.extract.extractor import extract_doc
    from claimgraph.extract.readers import read_file

    art = read_file(example_path)
    ex = extract_doc(art, nlp(art.text))
    values = [f.value for f in ex.facts]
    for v in ("56 basis points", "4.53%", "$36.22 trillion", "$1 trillion", "$187 billion",
              "$2 trillion", "$900 billion", "$9.8 trillion", "20%"):
        assert v in values, v
    vol = next(f for f in ex.facts if f.value == "$900 billion")
    assert vol.date == "2024" and "trading volume" in vol.quantity
    assert "crisil coalition greenwich" in vol.about or "united states" in vol.about
    cbo = next(f for f in ex.facts if f.value == "$2 trillion")
    assert cbo.date == "fiscal 2025" and cbo.quantity == "deficits"
    assert "congressional budget office" in cbo.about


@pytest.mark.slow
def test_a_person_is_not_the_measure(nlp):
    from claimgraph.extract.records import Mention, Span

    text = "Stumpf made $19.3 million in 2015."
    m = Mention("john stumpf", Span(0, 6, "Stumpf"), 1)
    fs = find_facts(read_text(text), nlp(text), [m], agents=["john stumpf"])
    assert fs[0].quantity != "Stumpf" and fs[0].date == "2015"


def test_year_to_percent_is_not_a_range():
    assert [m.group(0) for m in NUMBER_RE.finditer("from 2005 to 32 percent by 2030")] == \
        ["32 percent"]


@pytest.mark.slow
def test_a_date_after_one_number_is_not_the_next_ones(nlp):
    fs = _facts(nlp, "Foreign ownership of Treasurys fell from about 50% in 2008 to less than 25% now.")
    assert fs["50%"].date == "2008"
    assert fs["25%"].date == "now"


@pytest.mark.slow
def test_a_leading_date_is_shared(nlp):
    fs = _facts(nlp, "In April 2025, the yield jumped 56 basis points to 4.53%.")
    assert fs["56 basis points"].date == "April 2025"
    assert fs["4.53%"].date == "April 2025"
