"""A headline's speech verb run into a name ("Obama Says ...") is not part of the name."""

from claimgraph.extract.coref import strip_titles
from claimgraph.extract.extractor import extract_article
from claimgraph.extract.readers import read_text


def test_strip_titles_drops_a_headline_verb():
    assert strip_titles("Obama Says") == "Obama"
    assert strip_titles("Trump Said") == "Trump"
    assert strip_titles("Howard Dean Tells") == "Howard Dean"
    assert strip_titles("Said") == ""


def test_strip_titles_keeps_names_spelt_like_verbs():
    assert strip_titles("Darryl Fears") == "Darryl Fears"
    assert strip_titles("James Hope") == "James Hope"
    assert strip_titles("Will Smith") == "Will Smith"
    assert strip_titles("Mr. Obama's") == "Obama"


def test_headline_verb_does_not_become_the_speaker():
    text = (
        "Obama Says African-American Museum Will Tell of 'Suffering and Delight.'\n\n"
        "WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would "
        "tell an American story.\n\n"
        "Mr. Obama warned that the museum would not be a panacea for the nation's struggles.\n\n"
        "\"A museum alone will not alleviate poverty in every inner city,\" he said.\n"
    )
    ex = extract_article(read_text(text, "museum.txt"))
    speakers = {c.speaker for c in ex.claims if "poverty" in c.content.text or "panacea" in c.content.text}
    assert speakers == {"obama"}, speakers
