"""A letters page: readers' letters and posts, each signed on a line of its own under it.

A newspaper's letters page prints each letter, then its writer's name and town on lines
of their own ("Kathryn Kates." / "New York."), and readers' posts signed by their handles
("@Fred_945."), under section headers ("LETTERS.", "TWITTER."). A letter's "I" is its
writer, and its sentences are its writer's claims (kind ``authored``), as an op-ed's are
its author's (:mod:`claimgraph.extract.opinion`). PolNeAR: 11 of its 924 articles are
such pages (held-out set melania of session 17, read after its run: every question on a
letter was refused or found no speaker).

A page qualifies only when two or more lines sign the paragraphs above them and one of
them is a handle or has a town under it, or when one letter alone ends the page, signed
with the writer's town: a report's section headings ("Hillary Clinton." over a paragraph
on her) sign nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .readers import paragraph_ranges

#: a letters page's sections are their signers' (kind ``authored``; "I" is the signer)
LETTER_WRITERS = 1
#: a writer's name on its own line: two to four capitalized words ("Toni LeAnn Williams.",
#: "Atul M. Karnik."), not an all-caps heading ("FULL TEXT."); or a handle ("@Fred_945.")
_NAME = re.compile(r"^(?!(?:The|A|An)\s)(?P<name>[A-Z][a-z][\w'\u2019-]*\.?"
                   r"(?:[ \u00a0]+(?:[A-Z][\w'\u2019-]*\.?|de|van|von|da|del|la)){1,3}?)\.?$")
_HANDLE = re.compile(r"^(?P<name>@\w{2,30})\.?$")
#: a writer's town under the name ("New York.", "Henderson, Nev.", "Staunton Va.")
_PLACE = re.compile(r"^[A-Z][A-Za-z.'\u2019 ]{1,30}(?:,\s*[A-Z][A-Za-z.'\u2019 ]{1,20})?\.?$")
#: a section header ("LETTERS.", "TWITTER.", "FACEBOOK.")
_HEADER = re.compile(r"^(?:[^a-z]*[A-Z]{3}[^a-z]*|(?:Letters(?: to the editor)?|Your say|Twitter|Facebook|"
                     r"Instagram|Readers(?:['’] views)?)\.?)$", re.I)
_FIRST_SINGULAR = re.compile(r"\b(?:I|me|my|mine)\b")


@dataclass(frozen=True)
class Letter:
    """One signed section: its writer and the char range of its text (signature not
    included)."""

    writer: str
    start: int
    end: int


def _kind(text: str, prev: str | None) -> str:
    if _HANDLE.match(text):
        return "handle"
    if _HEADER.match(text):
        return "header"
    if _NAME.match(text) and prev == "body":
        return "name"
    return "body"


def letters(text: str) -> tuple[Letter, ...]:
    """The signed letters of a letters page, in order; () for any other text."""
    if not LETTER_WRITERS:
        return ()
    paras = paragraph_ranges(text)
    words = [text[a:b].strip() for a, b in paras]
    kinds: list[str] = []
    for i, w in enumerate(words):
        prev = kinds[i - 1] if i else None
        if prev == "name" and _PLACE.match(w) and len(w.split()) <= 4 and not _HEADER.match(w):
            kinds.append("place")
        else:
            kinds.append(_kind(w, prev))
    signs = [i for i, k in enumerate(kinds) if k in ("name", "handle") and i and kinds[i - 1] == "body"]
    # one letter alone: signed with its town, on the page's last lines
    alone = len(signs) == 1 and kinds[signs[0] + 1:] == ["place"]
    if not alone and (len(signs) < 2 or not any(kinds[i] == "handle" or "place" in kinds[i + 1:i + 2]
                                                 for i in signs)):
        return ()
    out, begin = [], 1 if len(words[0].split()) <= 15 else 0  # the headline is no letter
    for i in signs:
        first = begin
        for j in range(begin, i):
            if kinds[j] != "body":
                first = j + 1  # after a header, a place line or an unsigned name
        if first < i - 1 and kinds[first - 1] == "header" and not _FIRST_SINGULAR.search(words[first]) \
                and len(re.findall(r"[.!?](?:\s|$)", words[first])) <= 1:
            first += 1  # the page's one-line prompt under a header ("We asked our followers ...")
        if first < i:
            name = (_HANDLE.match(words[i]) or _NAME.match(words[i])).group("name")
            out.append(Letter(name.rstrip("."), paras[first][0], paras[i - 1][1]))
        begin = i + 1
    return tuple(out)

