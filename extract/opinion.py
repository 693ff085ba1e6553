"""An opinion piece's own sentences, as claims of the author who signs it.

An op-ed ends on its author's tagline ("Aaron Kall is director of debate at the
University of Michigan."), and its sentences are that author's claims in the author's
own words, though no verb introduces them: a reader asks "What does Kall argue about
Trump's debate tricks?" and the answer is one of them. They join the graph as claims of
kind ``authored``. They are not attributions in PolNeAR's sense, which annotates none of
them, so :func:`claimgraph.extract.attribution.find_attributions` (what the scorer reads)
never returns them.

A news report is no op-ed: its last line names no one the text has not named already
("Mr. Hurt is eager to get the book out", "Gov. John Kasich is polling a distant third"),
and its byline signs reporting, not opinion. PolNeAR: 4 of the 84 dev articles and 17 of
the 840 train articles are signed so (sets debates and survivalist of session 15, read
after their runs: their questions on the authors' own arguments had no claim to answer).
"""

from __future__ import annotations

import re

from .coref import letters_of, tagline
from .cues import PRONOUNS
from .records import Article, Attribution, Span

#: an op-ed's sentences are its signing author's claims (kind ``authored``)
OPINION_AUTHORS = 1
#: a sentence whose main clause reports no one's words is the writer's claim, whatever is
#: reported under it ("It is astounding that Trump demands ...": :func:`_embedded`)
EMBEDDED_CUES = 1
#: a sentence of fewer words is no claim ("How is that possible?" is skipped as a question)
MIN_WORDS = 6
#: sources that are no other speaker in an op-ed: the narrator's "we", a thing named by a
#: demonstrative or "it"
_NOT_ANOTHER = re.compile(r"(?:we|us|our|it|its|(?:this|that|these|those)\s+[a-z]+)$", re.I)
#: "he seems to have a different set of rules": how a thing looks to the author, who says it
_SEEMS = re.compile(r"(?:seem|seems|seemed|appear|appears|appeared)$", re.I)


def signed_author(article: Article, doc) -> tuple[str, int] | None:
    """(name, start of the tagline) of an op-ed's author, or None for any other article.

    The last line must be a tagline ("<Name> is|was ... a role"), the name a proper name
    of two words or more that the text before never writes (not even its surname), and
    the word after the verb a determiner or a noun ("is director", "is the former mayor";
    not "is eager", "is polling")."""
    text = article.text.rstrip()
    found = tagline(text)
    if found is None:
        return None
    m, start = found
    name = m.group("name").rstrip(".,")
    span = doc.char_span(start, start + len(name), alignment_mode="expand")
    words = [t for t in span if not t.is_punct] if span is not None else []
    if len(words) < 2 or any(t.pos_ != "PROPN" for t in words):
        return None  # "The New York Times is expected", "Although Bloomberg is"
    given, surname = words[0].text, words[-1].text
    for prev in re.finditer(rf"(?:(\S+)\s+)?(?<![\w-]){re.escape(surname)}(?![\w-])", text[:start]):
        before = prev.group(1) or ""
        if not (before[:1].isupper() and before.isalpha() and before != given):
            return None  # the person a report is about ("Mr. Hurt said"), not its signer
        # ("my parents, James and Olive Meehan": her family)
    after = doc.char_span(start + m.end(), len(text), alignment_mode="expand")
    nxt = next((t for t in after if not t.is_space), None) if after is not None else None
    if nxt is None or not (nxt.pos_ in ("DET", "NOUN", "PROPN")
                           or (nxt.dep_ == "amod" and nxt.head.pos_ == "NOUN")):
        return None  # "is senior media editor", not "is eager to"
    return name, start


def _headline_end(text: str) -> int:
    """Where the body starts: after the first paragraph when its first line is a headline
    (no full stop ends it: "Ready for Trump vs. Clinton?;"), else 0."""
    lead = len(text) - len(text.lstrip())
    line_end = text.find("\n", lead)
    if line_end < 0 or text[lead:line_end].rstrip().endswith((".", '."', ".\u201d")):
        return 0
    para_end = text.find("\n\n", lead)
    return para_end if para_end >= 0 else line_end


def _embedded(doc, a: Attribution, cues: set[int]) -> bool:
    """Is ``a`` reported inside the writer's own sentence: its cue in a clause under a main
    clause that reports no one's words (``cues``: the token indices of every attribution's
    cue)? "It is simply astounding that Trump demands accountability ...", "The FBI needs to
    stay out of this election unless it wants to release all its investigations" are the
    writer's. Someone's words quoted or given "according to" them are theirs wherever they
    stand. (Sets melania of session 17 and opinions of session 18, read after their runs.)"""
    if not EMBEDDED_CUES or a.cue is None or a.kind in ("direct", "according-to"):
        return False
    span = doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ in ("conj", "xcomp") and tok.head is not tok:
        tok = tok.head  # "demands ..., yet refuses": the first verb's clause
    root = tok.sent.root
    return tok is not root and tok.dep_ in ("ccomp", "csubj", "advcl", "acl", "relcl") \
        and root.i not in cues and root.pos_ in ("AUX", "VERB", "ADJ")


def _anyone(a: Attribution) -> bool:
    """Is ``a``'s source a group no name or pronoun stands for, in what the text says of it
    ("Many of his supporters believe ...", "some economists argue")? The writer who says
    what such a group thinks makes that claim (set melania of session 17, read after its
    run)."""
    if a.source is None or a.kind == "direct":
        return False  # someone's own words ('a friend commented: "..."') are theirs
    words = a.source.text.split()
    return bool(words) and a.speaker == a.source.text.strip() and words[0].lower() not in PRONOUNS \
        and not any(w[:1].isupper() for w in words[1:]) and not words[0].isupper() \
        and re.search(r"[a-z]s$", words[-1]) is not None and words[-1].lower() not in PRONOUNS


def authored_claims(article: Article, doc, atts: list[Attribution]) -> list[Attribution]:
    """The sentences of an op-ed (:func:`signed_author`) or of a letters page's letters
    (:func:`claimgraph.extract.letters.letters`) that are no one else's claim, as claims of
    kind ``authored`` spoken by their author; [] for any other article.

    A sentence is left out when it overlaps another speaker's attribution, lies inside one
    of the author's own ("I think ..."), asks a question, or has fewer than
    :data:`MIN_WORDS` words; the headline and the tagline are no claims."""
    if not OPINION_AUTHORS:
        return []
    sections = [(x.writer, x.start, x.end) for x in letters_of(doc)]
    signed = signed_author(article, doc) if not sections else None
    if signed is not None:
        sections = [(signed[0], _headline_end(article.text), signed[1])]
    if not sections:
        return []
    cues = {t.i for a in atts if a.cue is not None
            for t in (doc.char_span(a.cue.start, a.cue.end, alignment_mode="expand") or ())}
    return [claim for author, start, end in sections
            for claim in _section_claims(article, doc, atts, cues, author, start, end)]


def _section_claims(article: Article, doc, atts: list[Attribution], cues: set[int], author: str,
                    body: int, end: int) -> list[Attribution]:
    """The sentences inside ``[body, end)`` that are ``author``'s own claims (``cues``: the
    token indices of every attribution's cue, :func:`_embedded`); a post signed
    by a handle ("@Fred_945") is one claim, whole, questions and all ("Seriously, Melania's
    story is the bottom of the pile. Taxes? Foundation? Foreign deals?")."""
    post = doc.char_span(body, end, alignment_mode="expand") if author.startswith("@") else None
    if post is not None and sum(1 for t in post if t.is_alpha) >= MIN_WORDS:
        para = article.paragraph_at(body)
        return [Attribution(content=Span(body, end, article.text[body:end]), source=None, cue=None,
                            kind="authored", paragraph=para.index if para else 0, speaker=author)]
    # someone else's words; not the narrator's "we" ("unless we recognize the danger"), nor
    # a thing's ("This refusal ... encourages people to be reluctant"): the author's still
    taken = [(x.start, x.end) for a in atts if a.speaker and a.speaker != author
             and not (a.source and _NOT_ANOTHER.match(a.source.text.strip()))
             and not (a.cue and _SEEMS.match(a.cue.text.strip())) and not _anyone(a)
             and not _embedded(doc, a, cues)
             for x in (a.content, a.source, a.cue) if x is not None]
    own = [(a.content.start, a.content.end) for a in atts if a.speaker == author]
    out = []
    for sent in doc.sents:
        a, b = sent.start_char, sent.end_char
        while b > a and article.text[b - 1].isspace():
            b -= 1
        if a < body or b > end or article.text[a:b].endswith("?"):
            continue
        if sum(1 for t in sent if t.is_alpha) < MIN_WORDS:
            continue
        if any(x < b and a < y for x, y in taken) or any(x <= a and b <= y for x, y in own):
            continue
        para = article.paragraph_at(a)
        out.append(Attribution(content=Span(a, b, article.text[a:b]), source=None, cue=None,
                               kind="authored", paragraph=para.index if para else 0,
                               speaker=author))
    return out
