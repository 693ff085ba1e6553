"""Social-media posts a web article embeds, as claims of the account that posted them.

A news site prints an embedded tweet as its text, then its signature: the account's name,
its handle and the date ("Even for a reflexive conspiracy theorist like Trump, this is
pathetic. — Brian Fallon (@brianefallon) August 2, 2016"). The text is the account's own
words, verbatim: a claim of kind ``direct`` whose source is the name in the signature and
which no verb introduces. A reader asks "What did Brian Fallon tweet about Trump?".

PolNeAR marks embedded tweets "Discard" (outside the article's own text: 7 of its 924
articles embed some), so they are graph claims, not attributions in its sense:
:func:`claimgraph.extract.attribution.find_attributions`, which the scorer reads, never
returns them (as it never returns an op-ed's authored sentences).
"""

from __future__ import annotations

import re

from .records import Article, Attribution, Span

#: an embedded post's text is a claim of the account that signs it (kind ``direct``)
EMBEDDED_POSTS = 1

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
          r"December)")
#: "— Apple Music (@AppleMusic) September 27, 2016" (or "27 September 2016"): the dash, the
#: account's name (no line break, bracket or dash in it), its handle, the date
_SIGNATURE = re.compile(r"[—–]\s*(?P<name>[^\s()<>—–@][^\n()<>—–@]{0,60}?)\s*\((?P<handle>@\w{1,30})\)\s*"
                        r"(?:" + _MONTH + r"\s+\d{1,2},\s+\d{4}|\d{1,2}\s+" + _MONTH + r"\s+\d{4})")
#: markup some sites keep around the post (<tweet id=... author=... datetime=...>)
_OPENING_TAG = re.compile(r"<tweet\b[^<>]*>", re.I)
#: links that end a post's text ("https://t.co/hcd4kQ4VS9", "pic.twitter.com/P2qpm3h3Pm")
_TRAILING_LINKS = re.compile(r"(?:\s*(?:https?://\S+?|pic\.twitter\.com/\w+))+\s*$")
#: a post of fewer words is no claim (a lone link, a hashtag)
MIN_WORDS = 3


def embedded_posts(article: Article) -> list[Attribution]:
    """The embedded posts of ``article``, each a claim of its signer; [] when it embeds none.

    A post's text runs from its paragraph's start (or the end of an opening ``<tweet ...>``
    tag in that paragraph) to the dash of its signature, without the links that end it."""
    if not EMBEDDED_POSTS:
        return []
    text = article.text
    out = []
    for para in article.paragraphs:
        begin = para.start
        for m in _SIGNATURE.finditer(text, para.start, para.end):
            tags = [t.end() for t in _OPENING_TAG.finditer(text, begin, m.start())]
            a = tags[-1] if tags else begin
            b = m.start()
            body = _TRAILING_LINKS.sub("", text[a:b])
            a += len(body) - len(body.lstrip())
            b = a + len(body.strip())
            begin = m.end()
            if len(re.findall(r"[^\W\d_]{2,}", text[a:b])) < MIN_WORDS:
                continue
            name = m.group("name").rstrip()
            source = Span(m.start("name"), m.start("name") + len(name), name)
            out.append(Attribution(content=Span(a, b, text[a:b]), source=source, cue=None,
                                   kind="direct", paragraph=para.index, speaker=name))
    return out


def signs_post(text: str, start: int) -> bool:
    """Does the name at ``start`` of ``text`` sign an embedded post (a dash before it, a
    handle and a date after it)?"""
    dash = re.search(r"[—–]\s*\Z", text[max(0, start - 8):start])
    m = _SIGNATURE.match(text, start - len(dash.group(0))) if dash else None
    return m is not None and m.start("name") == start


def signatures(text: str) -> list[tuple[int, int]]:
    """The char ranges of the posts' signatures in ``text`` (dash to date): no other
    attribution's content or source runs into one ("Team Trump reportedly wants Mike Tyson at
    GOP convention https://t.co/8FtYoYE0G3 — Twitchy Team (@TwitchyTeam) June 28, 2016")."""
    return [(m.start(), m.end()) for m in _SIGNATURE.finditer(text)] if EMBEDDED_POSTS else []
