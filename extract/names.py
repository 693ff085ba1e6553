"""Name normalization shared by entity resolution, the graph and QA linking."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
#: a possessive written with the left single quote ("Donald Trump‘s", a typesetting slip)
#: is a possessive
LEFT_QUOTE_POSSESSIVE = 1
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.I)
_CORP_SUFFIX = {
    "bank", "group", "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.",
    "llc", "plc", "holdings", "company", "limited", "ag", "sa", "nv",
}
_STOP_INITIAL = {"of", "and", "the", "for", "&", "de", "du", "la"}


@lru_cache(maxsize=65536)
def clean_name(name: str) -> str:
    """Strip a leading article, a possessive and stray punctuation.

    >>> clean_name("the Federal Reserve's")
    'Federal Reserve'
    >>> clean_name("Goldman Sachs’")
    'Goldman Sachs'
    """
    name = " ".join(name.split())
    if LEFT_QUOTE_POSSESSIVE and name.endswith("‘s"):
        name = name[:-2] + "’s"
    name = name.strip(" \t\n,;:\"'“”‘’()[]")
    name = _LEADING.sub("", name)
    if _POSSESSIVE.search(name) and len(name) > 3:
        name = name[:-2] if name[-2] in "'’" else name[:-1]
    elif name.endswith(("'", "’")):
        name = name[:-1]
    name = name.strip(" ,;:")
    # keep the period of a trailing abbreviation ("U.S."), drop a sentence's
    if name.endswith(".") and not re.search(r"(?:\b[A-Za-z]\.){2,}$", name):
        name = name.rstrip(".")
    return name


@lru_cache(maxsize=65536)
def norm_key(name: str) -> str:
    """A case-, accent- and punctuation-free key for matching names.

    >>> norm_key("Standard & Poor's")
    'standard & poor'
    >>> norm_key("  JD.com ")
    'jd.com'
    """
    name = clean_name(name)
    name = unicodedata.normalize("NFKC", name).casefold()
    name = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    name = re.sub(r"[‐‑‒–—-]", "-", name)
    name = re.sub(r"[^\w&.\- ]+", " ", name)
    return " ".join(name.split())


def slug(name: str, limit: int = 80) -> str:
    """A percent-safe IRI slug (ASCII letters, digits and hyphens), or '' if none.

    >>> slug("Standard & Poor's")
    'standard-poor-s'
    """
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:limit].strip("-")


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Initials of a name's significant words (hyphenated words count each part).

    >>> initials("Long-Term Capital Management")
    'LTCM'
    >>> initials("Standard & Poor's")
    'S&P'
    """
    out = []
    for word in re.split(r"[\s\-]+", clean_name(name)):
        if not word:
            continue
        if word == "&":
            out.append("&")
        elif word.casefold() not in _STOP_INITIAL and word[0].isalpha():
            out.append(word[0].upper())
    return "".join(out)


def is_acronym_of(short: str, full: str) -> bool:
    """True when ``short`` abbreviates ``full`` (with or without '&').

    >>> is_acronym_of("CICC", "China International Capital Corporation")
    True
    >>> is_acronym_of("S&P", "Standard & Poor's")
    True
    """
    s = re.sub(r"[.\s]", "", short)
    if len(s) < 2 or not s.replace("&", "").isupper():
        return False
    ini = initials(full)
    return len(ini.replace("&", "")) >= 2 and (s == ini or s == ini.replace("&", ""))


@lru_cache(maxsize=65536)
def strip_corporate_suffix(name: str) -> str:
    """'Standard Chartered Bank' -> 'Standard Chartered'."""
    words = clean_name(name).split()
    while len(words) > 1 and words[-1].casefold() in _CORP_SUFFIX:
        words.pop()
    return " ".join(words)


# Words that end an organization's name ("... Bank", "... Institute", "... Weekly").
ORG_HEADS = frozenset("""
bank banks securities capital management group institute institution university college school
center centre council office agency fund funds weekly daily times news journal post herald
corporation corp company co inc ltd llc plc partners associates ministry department commission
committee reserve board authority association foundation exchange advisers advisors research
investments investment holdings insurance trust federation union party parliament congress court
bureau service services media press network review magazine club academy laboratory lab labs
observatory forum organisation organization coalition alliance society chamber caucus subcommittee
""".split())

# Common short forms of country names; a place mention with one of these keys is
# named by its full name, the short form kept as an alias.
PLACE_NAMES = {
    "u.s.": "United States", "us": "United States", "u.s.a.": "United States",
    "usa": "United States", "united states": "United States", "america": "United States",
    "the united states": "United States", "u.k.": "United Kingdom", "uk": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom", "eu": "European Union",
    "prc": "China", "mainland china": "China", "uae": "United Arab Emirates",
    "hk": "Hong Kong",
}


def canonical_place(name: str) -> str:
    """The full name of a country given a common short form ('U.S.' -> 'United States').

    >>> canonical_place("U.S.")
    'United States'
    >>> canonical_place("Japan")
    'Japan'
    """
    return PLACE_NAMES.get(norm_key(name), name)


CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def has_cjk_text(text: str) -> bool:
    """True when ``text`` holds a Chinese (CJK) character."""
    return bool(CJK_RE.search(text))


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps cost 1), capped at ``limit + 1``.

    >>> edit_distance("sacks", "sachs", 2), edit_distance("robertson", "robertsen", 2)
    (1, 1)
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def given_surname(text: str, surname: str, accept: Callable[[str], bool]) -> re.Match | None:
    """The first place ``text`` writes ``surname`` right after a capitalized word that
    ``accept`` takes for its given name ("Mehmet Oz" for "Oz"), as a match whose group 1
    is that word; None if nowhere. Not inside a longer word, a hyphenated or possessed name
    ("Jean-Pierre Oz", "O'Mehmet Oz") nor glued to a period ("Dr.Mehmet Oz"); a bullet's
    dash is no hyphen ("-Nate Cohn explains ...").

    Both the graph's entities (``entities._untagged_full_names``) and the speakers
    (``coref._surnames``) find the full name a tagger missed through it.

    >>> given_surname("Dr. Oz and Mehmet Oz", "Oz", lambda w: w == "Mehmet").group(0)
    'Mehmet Oz'
    """
    for m in re.finditer(r"(?<![\w.'’])(?<!\w-)([A-Z][a-z]+) " + re.escape(surname) + r"(?![\w-])",
                         text):
        if accept(m.group(1)):
            return m
    return None
