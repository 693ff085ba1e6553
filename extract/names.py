"""Name normalization shared by entity resolution, the graph and QA linking."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
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
    >>> clean_name("Goldman Sachs’"), clean_name("\u2015 Ann Lee")
    ('Goldman Sachs', 'Ann Lee')
    """
    name = " ".join(name.split())
    if LEFT_QUOTE_POSSESSIVE and name.endswith("‘s"):
        name = name[:-2] + "’s"
    name = name.strip(" \t\n,;:\"'“”‘’()[]\u2012\u2013\u2014\u2015")  # and dashes ("― Ann Lee")
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


# The 50 states (and the District of Columbia) by every short form a party-state tag after a
# legislator's name uses: AP's ("Calif.", "N.Y.", "W.Va."), the postal codes ("CA", "NY") and
# the full name, each keyed without periods or spaces, in lower case.
_STATE_FORMS = {
    "Alabama": "Ala AL", "Alaska": "AK", "Arizona": "Ariz AZ", "Arkansas": "Ark AR",
    "California": "Calif Cal CA", "Colorado": "Colo CO", "Connecticut": "Conn CT",
    "Delaware": "Del DE", "Florida": "Fla FL", "Georgia": "Ga GA", "Hawaii": "HI", "Idaho": "ID",
    "Illinois": "Ill IL", "Indiana": "Ind IN", "Iowa": "IA", "Kansas": "Kan Kans KS",
    "Kentucky": "Ky KY", "Louisiana": "La LA", "Maine": "ME", "Maryland": "Md MD",
    "Massachusetts": "Mass MA", "Michigan": "Mich MI", "Minnesota": "Minn MN",
    "Mississippi": "Miss MS", "Missouri": "Mo MO", "Montana": "Mont MT",
    "Nebraska": "Neb Nebr NE", "Nevada": "Nev NV", "New Hampshire": "N.H. NH",
    "New Jersey": "N.J. NJ", "New Mexico": "N.M. N.Mex NM", "New York": "N.Y. NY",
    "North Carolina": "N.C. NC", "North Dakota": "N.D. N.Dak ND", "Ohio": "OH",
    "Oklahoma": "Okla OK", "Oregon": "Ore Oreg OR", "Pennsylvania": "Pa Penn Penna PA",
    "Rhode Island": "R.I. RI", "South Carolina": "S.C. SC", "South Dakota": "S.D. S.Dak SD",
    "Tennessee": "Tenn TN", "Texas": "Tex TX", "Utah": "UT", "Vermont": "Vt VT",
    "Virginia": "Va VA", "Washington": "Wash WA", "West Virginia": "W.Va. WV",
    "Wisconsin": "Wis Wisc WI", "Wyoming": "Wyo WY", "District of Columbia": "D.C. DC",
}


def _state_key(form: str) -> str:
    return re.sub(r"[.\s]", "", form).casefold()


STATES = {_state_key(f): name for name, forms in _STATE_FORMS.items()
          for f in (name, *forms.split())}


def us_state(form: str) -> str | None:
    """The state a short form names, by its full name ("Vt." -> "Vermont"), or None.

    >>> us_state("Calif."), us_state("N.Y"), us_state("TX"), us_state("Texas"), us_state("Loudoun")
    ('California', 'New York', 'Texas', 'Texas', None)
    """
    return STATES.get(_state_key(form))


PARTIES = {"R": "Republican Party", "D": "Democratic Party", "I": ""}
_PARTY_WORDS = {"republican": "R", "democrat": "D", "independent": "I"}
# "(I-Vt.)", "(D - N.Y.)"; ", R-Texas," (two words at most: "D-New York"); ", a Democrat from
# Rhode Island," (the state ends the appositive)
_PAREN_TAG = re.compile(r"\s*\(\s*(?P<p>[RDI])\s?[-–—]\s?(?P<s>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)"
                        r"\s*\)")
_COMMA_TAG = re.compile(r"\s*,\s*(?P<p>[RDI])[-–](?P<s>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)")
_APPOS_TAG = re.compile(r"\s*,\s*(?:an?\s+)?(?P<p>Republican|Democrat|Independent)\s+(?:of|from)\s+"
                        r"(?P<s>[A-Z][a-z]+(?: (?:of )?[A-Z][a-z]+)?)(?=\s*[,.;:)]|\s+(?:and|who|said|says)\b)")


@dataclass(frozen=True)
class PartyStateTag:
    """A legislator's party and state written after the name ("(D-Calif.)", ", R-Texas",
    ", Republican of Iowa"): the party's name ("" for an independent), its span, the
    state's full name and its span (the abbreviation as written), and where the tag ends."""

    party: str
    party_start: int
    party_end: int
    state: str
    state_start: int
    state_end: int
    end: int
    appositive: bool = False


def party_state_tag(text: str, pos: int) -> PartyStateTag | None:
    """The party-state tag starting at ``pos`` (right after a name), or None.

    >>> t = party_state_tag("Sen. Bernie Sanders (I-Vt.) said", 19)
    >>> (t.party, t.state, t.end)
    ('', 'Vermont', 27)
    >>> party_state_tag("Ted Cruz, R-Texas, said", 8).state
    'Texas'
    >>> party_state_tag("Chuck Grassley, Republican of Iowa, said", 14).party
    'Republican Party'
    """
    if text[pos:pos + 1] == "." and re.search(r"\b(?:Jr|Sr)$", text[max(0, pos - 3):pos]):
        pos += 1  # "Bob Casey Jr. (D-PA)"
    for rx, appos in ((_PAREN_TAG, False), (_COMMA_TAG, False), (_APPOS_TAG, True)):
        m = rx.match(text, pos)
        if not m:
            continue
        form = m.group("s")
        words = form.split(" ")
        # the longest leading words that name a state ("D-New York"; "R-Va. Democrats" is Va.)
        for n in range(len(words), 0, -1):
            cand = " ".join(words[:n])
            state = us_state(cand)
            if state is None:
                continue
            if rx is _COMMA_TAG and n < len(words) and not cand.endswith("."):
                return None  # "R-Texas Gov. Greg Abbott": no tag ends there
            if cand.endswith(".") and (cand[:-1] == state
                                       or cand[:-1].isupper() and "." not in cand[:-1]):
                cand = cand[:-1]  # "R-Iowa." or "R-NY." ending a sentence
            s_start = m.start("s")
            s_end = s_start + len(cand)
            if rx is _PAREN_TAG:
                if n < len(words):
                    return None  # "(D-Calif. Senate)": not a plain tag
                end = m.end()
            elif rx is _COMMA_TAG:
                end = s_end
            else:
                if n < len(words):
                    return None  # "a Democrat from Kansas City": a city, not the state
                end = s_end
            letter = m.group("p")[0] if not appos else _PARTY_WORDS[m.group("p").casefold()]
            return PartyStateTag(PARTIES[letter], m.start("p"), m.end("p"), state, s_start, s_end,
                                 end, appos)
    return None


_TAG_START = re.compile(r"(?<=\w)(?=(?:(?<=Jr|Sr)\.)?(?:\s*\(\s*[RDI]\s?[-–—]|\s*,\s*[RDI][-–]|"
                        r"\s*,\s*(?:an?\s+)?(?:Republican|Democrat|Independent)\s+(?:of|from)\s))")


def party_state_tags(text: str) -> list[PartyStateTag]:
    """Every party-state tag of ``text`` (after a word, in text order)."""
    out = []
    for m in _TAG_START.finditer(text):
        tag = party_state_tag(text, m.start())
        if tag is not None:
            out.append(tag)
    return out


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
#: month and weekday names, in lower case
CALENDAR_WORDS = frozenset(w.lower() for w in _MONTHS + _WEEKDAYS)
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")"
_MONTH = "(?:" + "|".join(_MONTHS) + ")"
_TIME_WORD = r"(?:[Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Ss]ince|[Uu]ntil|[Ii]n)"
_CAL_LEAD = re.compile(rf"(?P<prep>{_TIME_WORD}\s+)?(?:(?P<day>{_WEEKDAY})(?P<part>\s+(?:night|"
                       rf"morning|afternoon|evening))?|(?P<month>{_MONTH}))\s*,?\s+(?=[A-Z])")
_TIME_BEFORE = re.compile(rf"(?:^|\W){_TIME_WORD}\s+$")


def calendar_lead(name: str, before: str = "") -> int:
    """The length of the date words glued before a name ("Tuesday Oz" after "On", "Monday
    night Fetterman", "In August Trump"), 0 if none. A weekday counts after a time word ("on",
    "last", "since" ..., in ``name`` or ending ``before``, the text before it) or with
    "night" / "morning" after it; a month only after a time word ("June Carter", "a memoir by
    Wednesday Martin" are names).

    >>> calendar_lead("Tuesday Oz", "On "), calendar_lead("Monday night Fetterman")
    (8, 13)
    >>> calendar_lead("Wednesday Martin", "a memoir by "), calendar_lead("April Ryan", "said ")
    (0, 0)
    """
    m = _CAL_LEAD.match(name)
    if not m or m.end() >= len(name):
        return 0
    timed = bool(m.group("prep") or _TIME_BEFORE.search(before))
    if timed or (m.group("day") and m.group("part")):
        return m.end()
    return 0


#: a one-word "name" that opens a sentence and ends it with "?" or "!" ("Harsh? He
#: doesn't think so.") is the writer's one-word question, no name (entities and coref)
FRAGMENT_WORDS = 1
_SENTENCE_GAP = re.compile(r"(?:^|[.?!]['\"’”]?\s+|\n\s*)$")


def fragment_word(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` one word alone as a sentence ending in "?" or "!"?

    >>> fragment_word("It was a lot. Harsh? He doesn't think so.", 14, 19)
    True
    >>> fragment_word("Who is Harsh? Nobody knows.", 7, 12)
    False
    """
    return bool(FRAGMENT_WORDS) and " " not in text[start:end].strip() \
        and text[end:end + 1] in ("?", "!") and _SENTENCE_GAP.search(text, max(0, start - 4), start) is not None


#: usual short forms of English given names ("Bobby Scott" is Robert C. Scott, "Joe Biden"
#: Joseph R. Biden Jr.)
_NICKNAMES = {
    "robert": "bob bobby rob robbie bert", "william": "bill billy will willie liam",
    "james": "jim jimmy jamie", "michael": "mike mickey", "thomas": "tom tommy",
    "richard": "dick rick ricky rich richie", "joseph": "joe joey", "daniel": "dan danny",
    "david": "dave davey", "steven": "steve", "stephen": "steve", "christopher": "chris",
    "anthony": "tony", "edward": "ed eddie ted teddy ned", "theodore": "ted teddy",
    "kenneth": "ken kenny", "lawrence": "larry", "gerald": "jerry", "jerome": "jerry",
    "charles": "chuck charlie", "henry": "hank", "john": "jack johnny", "andrew": "andy drew",
    "matthew": "matt", "patrick": "pat", "samuel": "sam", "benjamin": "ben", "nicholas": "nick",
    "alexander": "alex", "elizabeth": "liz beth betsy betty", "katherine": "kathy katie kate",
    "catherine": "cathy kate", "jennifer": "jen jenny", "susan": "sue", "margaret": "peggy maggie",
    "timothy": "tim", "gregory": "greg", "jeffrey": "jeff", "ronald": "ron", "donald": "don",
    "douglas": "doug", "frederick": "fred", "eugene": "gene", "newton": "newt",
    "abraham": "abe", "albert": "al", "alan": "al", "philip": "phil", "randolph": "randy",
    "raymond": "ray", "leonard": "len lenny", "walter": "walt", "zachary": "zach",
}
_FORMAL_NAMES: dict[str, tuple[str, ...]] = {}
for _formal, _nicks in _NICKNAMES.items():
    for _nick in _nicks.split():
        _FORMAL_NAMES[_nick] = _FORMAL_NAMES.get(_nick, ()) + (_formal,)


def formal_names(nick: str) -> tuple[str, ...]:
    """The formal given names ``nick`` (lower case) is a usual short form of: "bobby" ->
    ("robert",), "jerry" -> ("gerald", "jerome"); () for any other word."""
    return _FORMAL_NAMES.get(nick, ())


def same_given_names(name: str) -> frozenset[str]:
    """``name`` (lower case) and the given names it may stand for or be written as: "joe"
    -> joe, joseph; "joseph" -> joseph, joe, joey; a name not listed -> itself."""
    formal = formal_names(name) + ((name,) if name in _NICKNAMES else ())
    return frozenset((name, *formal, *(n for f in formal for n in _NICKNAMES[f].split())))


_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))


def surname(name: str) -> str:
    """The last word of a full name that is no generational suffix ("Luther Stan Pate IV",
    "Joseph R. Biden Jr.": Biden)."""
    words = name.split()
    if len(words) > 2 and words[-1].lower().strip(",") in _SUFFIXES:
        return words[-2].rstrip(",")
    return words[-1]


def headline_verb_cut(name: str, text: str) -> str:
    """``name`` without a last capitalized word that ``text`` writes in lower case right after
    the rest of the name: a title-case headline's verb the tagger took into the name ("Ted
    Cruz Refuses", where the body writes "Ted Cruz refuses"); else ``name``."""
    head, _, last = name.rpartition(" ")
    if not head or len(last) < 3 or not last[:1].isupper() or not last[1:].islower() \
            or not re.search(r"(?<![\w&])" + re.escape(head) + r"\s+" + re.escape(last.lower()) + r"\b", text):
        return name
    return head
