"""IRI minting: a configurable base, safe slugs and content hashes, never raw text."""

from __future__ import annotations

import hashlib

from claimgraph.extract.names import slug
from rdflib import URIRef

from claimgraph import DEFAULT_BASE


def _h(*parts: object, n: int = 16) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:n]


class IRIs:
    """Mints every IRI of a graph from one base.

    >>> IRIs("http://example.org/").entity("standard & poor")
    rdflib.term.URIRef('http://example.org/entity/standard-poor')
    >>> IRIs("http://example.org/").entity("黄嘉诚")  # no ASCII slug: a hash keeps it unique
    rdflib.term.URIRef('http://example.org/entity/e-e91b6068')
    """

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#", ":")):
            base += "/"
        import re

        if not base.startswith(("http://", "https://", "urn:")) or re.search(
                r'[\x00-\x20<>"{}|\\^`\x7f-\x9f]', base):
            from claimgraph.errors import InputError

            raise InputError(f"--base must be an http(s) or urn IRI without spaces or "
                             f"<>\"{{}}|\\^` characters, got {base!r}")
        self.base = base

    def entity(self, key: str) -> URIRef:
        s = slug(key)
        if not s or not _ascii_key(key):
            # a name the slug cannot spell (Chinese, accents): keep it unique
            s = f"{s or 'e'}-{_h(key, n=8)}"
        return URIRef(f"{self.base}entity/{s}")

    def article(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def graph(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}graph/{article_id}")

    def paragraph(self, article_id: str, n: int) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}/p{n}")

    def claim(self, article_id: str, start: int, end: int, speaker: str | None) -> URIRef:
        return URIRef(f"{self.base}claim/{_h(article_id, start, end, speaker)}")

    def fact(self, article_id: str, start: int, end: int, value: str) -> URIRef:
        return URIRef(f"{self.base}fact/{_h(article_id, start, end, value)}")

    def membership(self, person: str, org: str, role: str, former: bool,
                   article_id: str = "") -> URIRef:
        # one node per article that states it: its evidence is that article's span
        parts = (person, org, role.casefold(), former) + ((article_id,) if article_id else ())
        return URIRef(f"{self.base}membership/{_h(*parts)}")

    def role(self, role: str) -> URIRef:
        s = slug(role)
        return URIRef(f"{self.base}role/{s or 'r'}-{_h(role.casefold(), n=6)}" if not s
                      else f"{self.base}role/{s}")

    def run(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}run/{article_id}")

    def agent(self, name: str) -> URIRef:
        return URIRef(f"{self.base}agent/{slug(name)}")


def _ascii_key(key: str) -> bool:
    """True when the slug alone names ``key`` faithfully (plain ASCII letters/digits/space)."""
    import re

    return bool(re.fullmatch(r"[a-z0-9 .&\-']+", key))
