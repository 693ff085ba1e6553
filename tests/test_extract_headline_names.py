"""A name written only in a title-case headline ("Black Lawmakers Rip Donald Trump As A
'Disgusting Fraud.'": the tagger's "Rip Donald Trump", Rip being a given name) is the known
person whose name it ends with, not a new person who then speaks for him
(extractor.HEADLINE_NAMES; the PolNeAR dev article it came from gave Trump's claims to
"Rip Donald Trump")."""

from __future__ import annotations

from claimgraph.extract import extractor as X


class _Index:
    def find(self, name):
        if name == "Donald Trump":
            return type("Cluster", (), {"type": "Person", "name": name})()
        return None


HEAD = "Black Lawmakers Rip Donald Trump As A Fraud\n\nDonald Trump spoke on Friday."


def test_a_headline_name_is_the_known_person_it_ends_with():
    assert X._headline_name("Rip Donald Trump", _Index(), HEAD).name == "Donald Trump"


def test_a_name_the_body_writes_is_a_name_of_its_own():
    text = HEAD + "\nOn Monday Rip Donald Trump was seen."
    assert X._headline_name("Rip Donald Trump", _Index(), text) is None
    # a headline in sentence case is no title-case line
    text = "Lawmakers say Rip Donald Trump misled them\n\nDonald Trump spoke."
    assert X._headline_name("Rip Donald Trump", _Index(), text) is None
    # no known name inside: nothing
    assert X._headline_name("Rip Van Winkle", _Index(), "Rip Van Winkle Returns Home\n\nHe slept.") is None
