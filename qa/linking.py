"""Entity linking in questions: every English and Chinese label and alias."""

from __future__ import annotations

import re

from claimgraph.extract.names import CJK_RE, norm_key

_QWORDS = {
    "what", "who", "whom", "whose", "where", "when", "why", "how", "which", "did", "does", "do",
    "is", "are", "was", "were", "has", "have", "say", "said", "the", "a", "an", "according",
    "tell", "me", "about", "in", "on", "of", "and", "or", "to", "for", "u.s", "us", "u.s.",
}


class Linker:
    """Finds graph entities named in a question, and names it cannot find."""

    def __init__(self, labels: dict[str, dict[str, list[str]]]) -> None:
        self.by_key: dict[str, str] = {}
        for iri, langs in labels.items():
            for lab in langs.get("en", []) + langs.get("zh", []):
                k = norm_key(lab)
                if k and len(k) >= 2:
                    self.by_key.setdefault(k, iri)
        self.keys = sorted(self.by_key, key=len, reverse=True)

    def link(self, question: str) -> list[tuple[str, str]]:
        """(IRI, matched text) for entities named in ``question``, longest first."""
        q = norm_key(question)
        found: list[tuple[str, str]] = []
        taken: list[tuple[int, int]] = []
        for k in self.keys:
            if CJK_RE.search(k):
                pat = re.escape(k)
            else:
                pat = r"(?<![\w&])" + re.escape(k) + r"(?:'s|’s)?(?![\w&])"
            for m in re.finditer(pat, q):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append(m.span())
                iri = self.by_key[k]
                if iri not in [f[0] for f in found]:
                    found.append((iri, k))
        return found

    @staticmethod
    def proper_names(question: str) -> list[str]:
        """Capitalized word runs (not the first question word) that look like names."""
        names = []
        for m in re.finditer(r"(?:[A-Z][\w&.'’-]*)(?:\s+(?:[A-Z][\w&.'’-]*|of|&))*", question):
            words = [w for w in m.group(0).split() if w.casefold().strip("'’s") not in _QWORDS]
            if not words:
                continue
            name = " ".join(words)
            if m.start() == 0 and len(words) == 1 and name.casefold() in _QWORDS:
                continue
            names.append(re.sub(r"['’]s$", "", name))
        return names
