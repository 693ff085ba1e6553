"""Entities: spaCy NER mentions, cleaned, merged by explainable alias rules.

Rules, in order (each is a pure function of the mentions and the text):

1. *Cleaning*: drop mentions that are dates, numbers, generic words
   ("the article"), lower-case, Chinese sentences, instruments ("U.S.
   Treasurys") or parts of a job title ("Head of *Asia Pacific Fixed* Income
   at Invesco"); strip leading articles and possessives.
2. *Typing*: a name ending in an organization word ("Caixin Weekly",
   "Paul Tsai China Center") is an organization, even when the NER says
   person (the person span is extended to the full name); "X administration"
   makes X a person. A name's type is the majority of its mentions' types
   (directory entries are organizations).
3. *Directory*: a digest's entity directory contributes organizations with
   their Chinese names; an entry whose note says the article does not mention
   it is kept but marked ``mentioned=False``.
4. *Parenthesized aliases*: ``Name (ALIAS)`` and ``Name (中文名)`` attach the
   alias (acronym, other name or Chinese label) to the name.
5. *Acronyms*: ``S&P`` / ``CICC`` / ``LTCM`` merge into the organization whose
   initials they are.
6. *Short forms*: a one-word person mention equal to the surname (or given
   name) of exactly one full name merges into it (``Miran`` -> ``Stephen
   Miran``); an organization name that is a leading part of a longer one
   (``Standard Chartered`` -> ``Standard Chartered Bank``), a clipped first word
   (``the Fed`` -> ``Federal Reserve``) or the longer name with a leading
   country (``U.S. Federal Reserve`` -> ``Federal Reserve``) merges when the
   match is unique. A one-word "organization" that is the surname of the one person
   named in full is that person (``ORG_SURNAMES``); "the Washington Post Trump" where
   "Trump said" starts a clause is split into the organization and the person
   (``GLUED_SURNAMES``). A word tagged PERSON alone that the text also writes after a
   given name ("Mehmet Oz", untagged) gets that full name (``UNTAGGED_FULL_NAMES``).
7. *Places*: common short forms of country names are named by the full name
   (``U.S.`` -> ``United States``), the short form kept as an alias.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field

from .cues import PERSON_ROLE_NOUNS
from .names import (
    CALENDAR_WORDS,
    ORG_HEADS,
    PLACE_NAMES,
    calendar_lead,
    canonical_place,
    clean_name,
    formal_names,
    fragment_word,
    given_surname,
    has_cjk_text,
    headline_verb_cut,
    is_acronym_of,
    norm_key,
    party_state_tags,
    strip_corporate_suffix,
    surname,
)
from .records import Article, Entity, Mention, Span

TYPE_OF_LABEL = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "NORP": None,
    "FAC": "Place",
}
_GENERIC = {
    "article", "the article", "report", "summary", "digest hub", "treasury", "treasurys",
    "treasuries", "u.s. treasury", "u.s. treasurys", "u.s. treasuries", "us treasury",
    "ai", "ceo", "gdp", "bps", "bp", "listen", "cover", "most popular", "government",
    "administration", "president", "safe haven", "para", "jr", "sr",
}
_DENIAL = re.compile(r"\b(?:does|did)\s+not\s+mention\b|\bnot\s+mentioned\b|\bno\s+mention\b", re.I)
_PAREN_ALIAS = re.compile(r"([A-Z][\w&.'’\- ]{1,80}?)\s*\(([^()]{1,40})\)")
_INSTRUMENT = re.compile(
    r"\b(?:treasur(?:y|ies|ys)|bonds?|notes|bills|stocks|shares|index|yields?|futures)$", re.I)
ROLE_NOUNS = frozenset("""
head chief strategist director economist officer secretary chairman chairwoman chair chairperson
president analyst researcher fellow manager partner founder co-founder cofounder governor minister
professor editor adviser advisor spokesman spokeswoman spokesperson trader ceo cfo cio coo cto
vice deputy lead principal executive correspondent commissioner member trustee investor
""".split())
_ROLE_WORD = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS - {"member", "investor", "lead",
                                                                     "principal", "vice"})) + r")\b",
                        re.I)
# A name followed by one of these is a person's name used as a modifier.
_PERSON_HEADS = {"administration", "campaign", "presidency", "era"}
# a title-case caption's noun the tagger took into a person's name: "President Obama Speech at ..."
_PERSON_TAILS = _PERSON_HEADS | {"speech", "speeches", "remarks", "address", "interview", "rally",
                                 "statement", "visit", "years", "video"}
#: a bare surname named this many times before the first full name ending in it is a
#: person of its own ("President Obama", "Mr. Obama", ... then "the first lady, Michelle Obama")
OWN_SURNAME = 3
#: a one-word "organization" or "place" that is the surname of a person the article names in
#: full is that person, the one the text names first ("Trump", the small tagger's ORG 8 times
#: in 11, with "Donald Trump" and later "Ivanka Trump" named); as coref.ORG_SURNAMES does
#: for speakers
ORG_SURNAMES = 1
#: a name glued onto a surname where a clause starts ("... the editorial board of the
#: Washington Post Trump said that ...", one ORG) is split: the organization, then the
#: person whose surname it is (named in full elsewhere in the article)
GLUED_SURNAMES = 1
#: a person the tagger missed at first mention ("Mehmet Oz -- Ivy League-trained surgeon"
#: untagged, one later "Oz" tagged PERSON): a word tagged PERSON alone, written elsewhere
#: after a given name, is that full name's surname; the full name is a mention
UNTAGGED_FULL_NAMES = 1
#: a person's name after a dash inside one NER span ("CLEVELAND - Donald Trump", the
#: dateline glued to the first mention) is a person mention of its own
DASHED_NAMES = 1
#: "Breitbart’s Joel Pollak" tagged as one name is the organization and its person
POSSESSIVE_GLUE = 1
#: a two-word name the tagger took for a work, product, building or nationality ("Fox
#: News' Megyn Kelly" WORK_OF_ART, "Marco Rubio" FAC): a person when its first word is a
#: given name the article never writes in lower case, its second no place or award noun,
#: and no quotation mark opens it (train, 300 articles: 10 such names, 9 people and
#: Archie Bunker)
MISLABELED_PERSONS = 1
_MISLABELS = frozenset(("WORK_OF_ART", "PRODUCT", "FAC", "NORP"))
_THING_TAILS = frozenset("""
prize award medal prison jail square park airport garden gardens bridge hall center centre
tower street avenue road hotel stadium arena building house plaza museum library act bill
law doctrine accord treaty plan project fund foundation church temple mosque school
""".split())
#: an organization's name after "ROLE of" that ends in an organization word ("president of
#: Butler University in Indianapolis") is the employer, not part of a job title ("Head of
#: Asia Pacific Fixed Income at Invesco")
NAMED_EMPLOYER = 1
#: a legislator's party-state tag ("Sen. Bernie Sanders (I-Vt.)", "Ted Cruz, R-Texas", "Chuck
#: Grassley, Republican of Iowa") names the state by its full name (the abbreviation, or the
#: tagger's "Fla." place, is its mention) and the party ("D" -> Democratic Party), for
#: roles.PARTY_STATE_MEMBERSHIPS; train: 282 tags in 155 of 840 articles
PARTY_STATE_TAGS = 1
#: a weekday or month glued before a person's name ("On Tuesday Oz said", "Monday night
#: Fetterman told", "In August Trump met") is no part of it (names.calendar_lead); train:
#: no such name among 840 articles' entities, so it changes nothing there
CALENDAR_NAMES = 1
#: likewise a "Given Surname" the tagger never tags, whose surname is alone elsewhere a
#: verb's subject ("Mehmet Oz -- surgeon ...", then "Oz said")
UNTAGGED_SUBJECTS = 1
#: ... a surname with an apostrophe too ("Dinesh D’Souza", "O'Rourke"), which the tagger
#: takes for a common noun (a train article: D'Souza's four claims had no speaker)
APOSTROPHE_SURNAMES = 1
_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]?['\u2019][A-Z][a-z]+")
#: "Loretta Lynch" and "Loretta E. Lynch" in one article are one person: a full name
#: without the middle initials of exactly one longer person's name joins it
MIDDLE_INITIALS = 1
#: "Bobby Scott" and "Robert C. Scott" in one article are one person: a "Nickname Surname"
#: joins the one person named by a formal given name of it and the same surname
NICKNAME_GIVEN = 1
#: a two-word surname with its particle ("Van Voorhis", "de Blasio") is the one person
#: named in full whose name ends with it (set coal, read after its first run)
SURNAME_PARTICLES = 1
_PARTICLES = frozenset("van von de del della der di da dos du le la st. st ter ten al el bin".split())
#: "Crooked Hillary Clinton" (a tweet quoted) is the Hillary Clinton named in full: a
#: person's full name after a word that is no given name merges into that person. PolNeAR
#: train: 4 articles lose a junk person ("Certainly Donald Trump", "Telling Jeb Bush")
EPITHET_NAMES = 1
# titles before a surname the births lexicon also counts as given names
_HONORIFICS = ROLE_NOUNS | frozenset("""
judge justice governor admiral pope captain queen king prince princess lord lady sir saint father
sister brother uncle aunt general major colonel sergeant detective officer coach rabbi bishop
cardinal reverend chancellor premier senator mayor mr mrs ms miss dr doctor sheriff private
""".split())
# words that make a name before a surname a title, not an organization ("GOP Rep McCaul")
_TITLE_WORDS = frozenset("""
rep sen gov gen lt col sgt capt adm ag mr mrs ms dr pres president senator governor general
representative congressman congresswoman judge justice mayor sheriff attorney candidate
""".split())


@dataclass(eq=False)
class _Cluster:
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    zh: list[str] = field(default_factory=list)
    mentioned: bool = True
    description: str = ""
    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    votes: Counter = field(default_factory=Counter)
    listed: bool = False

    def key(self) -> str:
        return norm_key(self.name)

    def final_type(self) -> str:
        if self.listed or not self.votes:
            return self.type
        best = max(self.votes.values())
        if self.votes.get(self.type, 0) == best:
            return self.type
        return next(t for t, n in self.votes.most_common() if n == best)


def _surface(ent_text: str) -> str:
    """The part of an NER span that can be a name: cut at line breaks, ' - ' and '('."""
    part = re.split(r"\n| [-–—] |\(", ent_text)[0]
    return clean_name(part)


def _ok_mention(text: str, label: str) -> bool:
    if label in ("ORG", "GPE", "LOC", "FAC") and (_INSTRUMENT.search(text) or _ROLE_WORD.search(text)):
        return False
    if has_cjk_text(text):
        return False
    if not text or len(text) < 2 or norm_key(text) in _GENERIC:
        return False
    if " " not in text and text.casefold() in ORG_HEADS - {"congress", "parliament"}:  # "Bank"
        return False
    if re.search(r",\s*(?!(?:Inc|Ltd|LLC|L\.P|Jr|Sr)\b)", text):  # "Atlantic, Pres"
        return False
    if not any(c.isupper() for c in text):
        return False
    if re.fullmatch(r"[\d\W]+", text) or re.search(r"\d", text) and label == "PERSON":
        return False
    if label == "PERSON" and len(text) > 60:
        return False
    return True


def _is_org_head(word: str) -> bool:
    return word.casefold().strip(".") in ORG_HEADS


def _title_run(doc, i: int, limit: int = 6) -> int:
    """Index after the run of capitalized tokens starting at token ``i``."""
    j = i
    while j < len(doc) and j - i < limit and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return j


def _in_job_title(ent) -> bool:
    """'Head of <Asia Pacific Fixed> Income at Invesco': a name inside a job title."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return False
    if doc[ent.start - 2].lower_ not in ROLE_NOUNS:
        return False
    if NAMED_EMPLOYER and _is_org_head(doc[ent.end - 1].text):
        return False  # "president of Butler University in Indianapolis": the employer
    j = _title_run(doc, ent.end, 4)
    return j < len(doc) and doc[j].lower_ in ("at", "with", "for", "in")


def _mislabeled_person(ent) -> bool:
    """Is ``ent``, tagged a work, product, building or nationality, a person's two-word
    name (:data:`MISLABELED_PERSONS`)?"""
    if ent.label_ not in _MISLABELS or len(ent) != 2:
        return False
    if not all(t.is_alpha and t.is_title and t.tag_ == "NNP" for t in ent):
        return False
    text = ent.doc.text
    if ent.start_char and text[ent.start_char - 1] in "\u201c\u2018\"'":
        return False  # a quoted title
    first, last = ent[0].text, ent[1].text
    return last.lower() not in _THING_TAILS and not _is_org_head(last) and _capital_given(first, text)


def _capital_given(word: str, text: str) -> bool:
    """Is ``word`` a given name (the births lexicon's) that ``text`` never writes in lower
    case ("Will Twitter", "So Clinton" at the start of a sentence are no names)?"""
    from .coref import given_name

    return given_name(word) and not re.search(r"(?<![\w-])" + word.lower() + r"(?![\w-])", text)


def candidate(ent, article: Article | None = None) -> tuple[str, str, int, int] | None:
    """(name, type, start, end) of a usable NER mention, or None for junk.

    Applies the cleaning and typing rules of this module to one spaCy span.
    """
    etype = TYPE_OF_LABEL.get(ent.label_)
    if etype is None and MISLABELED_PERSONS and _mislabeled_person(ent):
        etype = "Person"
    if etype is None:
        return None
    doc = ent.doc
    if article is not None:
        para = article.paragraph_at(ent.start_char)
        if para is not None and para.kind == "title" and _title_case(para.text):
            return None
    # "Mar" of "Mar-a-Lago": a piece of a hyphenated word is no name
    if (ent.end < len(doc) and doc[ent.end].text == "-" and not doc[ent.end - 1].whitespace_) or (
            ent.start > 0 and doc[ent.start - 1].text == "-" and not doc[ent.start - 2].whitespace_
            if ent.start > 1 else False):
        return None
    name = _surface(ent.text)
    # "state Department of Revenue Services": a lower-case modifier is not part of the name
    lead = re.match(r"(?:[a-z][\w-]*\s+)+(?=[A-Z])", name)
    if lead and ent.label_ != "PERSON":
        name = name[lead.end():]
    name = re.sub(r"(?:\s+(?:of|and|the|for|&))+$", "", name)  # "Armenian Patriarchate of"
    if not _ok_mention(name, ent.label_) or re.search(r"['’]s\s+\d", name):
        return None
    if etype != "Person" and _in_job_title(ent):
        return None
    off = ent.text.find(name)
    start = ent.start_char + max(off, 0)
    end = start + len(name)
    if CALENDAR_NAMES and etype == "Person":
        # "On Tuesday Oz said": the date is not part of the name
        lead = calendar_lead(name, doc.text[max(0, start - 12):start])
        if lead:
            name, start = name[lead:], start + lead
    words = name.split()
    if len(words) >= 4 and _whole_line(doc.text if article is None else article.text, start, end):
        return None  # a headline or section title, not a name
    if etype == "Person":
        # "Paul Tsai China Center": a person's name inside an organization's
        j = _title_run(doc, ent.end)
        if j > ent.end and _is_org_head(doc[j - 1].text) and "\n" not in doc[ent.end - 1:j].text:
            end = doc[j - 1].idx + len(doc[j - 1].text)
            return clean_name(doc.text[start:end]), "Organization", start, end
        if len(words) > 1 and _is_org_head(words[-1]):
            return name, "Organization", start, end
        if len(words) > 1 and words[-1].casefold() in _PERSON_TAILS:
            name = " ".join(words[:-1])
            end = start + len(name)
    if DASHED_NAMES and etype == "Organization" and name.isupper() and len(name) > 3 \
            and _DASH.search(ent.text) and (start == 0 or doc.text[start - 1] == "\n"):
        etype = "Place"  # "CLEVELAND - Donald Trump ...": a dateline's city
    if (etype == "Organization" and ent.end < len(doc) and doc[ent.end].lower_ in _PERSON_HEADS
            and len(words) <= 3 and not any(_is_org_head(w) for w in words)):
        etype = "Person"
    if GENDERED_SUBJECTS and etype == "Organization" and _gendered_subject(ent, words):
        etype = "Person"
    return name, etype, start, end


#: a given name and a surname the tagger took for an organization ("Carly Fiorina threw her
#: support behind Sen. Ted Cruz"): a person when "her" / "his" / "she" / "he" follows within
#: four words of its sentence, no other name between (an organization's pronoun is "its"), and
#: the surname is no given name; so is the surname alone for the pronoun rules
#: (coref._person_labels). Set trainblind of session 20, read after its run: every claim of
#: Fiorina's was lost
GENDERED_SUBJECTS = 1
_GENDERED = frozenset({"her", "his", "she", "he", "herself", "himself"})
_MASCULINE = frozenset({"his", "he", "himself"})
GENDERED_MIN_BIRTHS = 5000  # (the births lexicon's count: "Carly" 63,859, "Goldman" 104)


#: so is such a name right after a person's role noun, written in lower case ("Fox News host
#: Sean Hannity indicated ...", then "Hannity said": the tagger's ORG). Set trainblind6 of
#: session 24, read after its run: every claim of Hannity's had no speaker
ROLE_BEFORE_NAMES = 1
#: role nouns a firm's name may follow ("partner Goldman Sachs", "investor Morgan Stanley")
_NOT_PERSON_ROLES = frozenset("""partner member investor owner developer employee lead principal
vice deputy agent banker""".split())


def _gendered_subject(ent, words: list[str]) -> bool:
    """Is ``ent`` (its name's ``words``) a person's name the tagger took for an organization
    (:data:`GENDERED_SUBJECTS`, :data:`ROLE_BEFORE_NAMES`)?"""
    if not 2 <= len(words) <= 3 or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", w) for w in words):
        return False
    if any(_is_org_head(w) for w in words) or not _capital_given(words[0], ent.doc.text):
        return False
    from .coref import _birth_counts, given_name

    if given_name(words[-1]):
        return False  # "Morgan Stanley cut his bonus": two given names are a firm's as often
    male, births = _birth_counts(words[0].lower()) or (0, 0)
    if births < GENDERED_MIN_BIRTHS:
        return False  # "Goldman Sachs cut his bonus": a given name too rare to outweigh the tagger
    if ROLE_BEFORE_NAMES and ent.start > 0 and _role_before(ent.doc[ent.start - 1]):
        return True
    end = ent.sent.end if ent.doc.has_annotation("SENT_START") else len(ent.doc)
    for t in ent.doc[ent.end:min(ent.end + 4, end)]:
        if t.lower_ in _GENDERED:  # and the pronoun agrees with the given name's sex
            return male / births >= 0.9 if t.lower_ in _MASCULINE else male / births <= 0.1
        if t.pos_ == "PROPN" or t.ent_type_:
            return False
    return False


def _role_before(tok) -> bool:
    """Is ``tok`` a person's role noun written in lower case ("host", "anchor", "senator")?"""
    from .roles import ROLE_NOUNS as ALL_ROLES

    return tok.text.islower() and tok.lower_ not in _NOT_PERSON_ROLES and (
        tok.lower_ in ALL_ROLES or tok.lower_ in PERSON_ROLE_NOUNS)


class EntityIndex:
    """Clusters of names for one article, with lookup by any alias."""

    def __init__(self) -> None:
        self.clusters: list[_Cluster] = []
        self._by_key: dict[str, _Cluster] = {}

    def find(self, name: str) -> _Cluster | None:
        return self._by_key.get(norm_key(name))

    def add(self, name: str, etype: str, start: int | None = None, end: int | None = None,
            surface: str | None = None) -> _Cluster:
        full = canonical_place(name) if etype == "Place" else name
        if norm_key(full) != norm_key(name):
            cl = self.add(full, etype)
            self.alias(cl, name)
            if start is not None and end is not None:
                cl.mentions.append((start, end, surface or name))
            return cl
        cl = self.find(name)
        short = cl is None
        cl = cl or self._match_short_form(name, etype)
        short = short and cl is not None
        if cl is None:
            cl = _Cluster(name=name, type=etype)
            self.clusters.append(cl)
        elif len(name) > len(cl.name) and cl.type == etype == "Organization" and norm_key(
            name).startswith(norm_key(cl.name)):
            cl.aliases.add(cl.name)
            cl.name = name
        elif (short and cl.type == "Person" and len(cl.name.split()) == 1
              and len(name.split()) > 1 and name.split()[-1] == cl.name):
            # "Clinton" first, then "Hillary Clinton": the cluster takes the full name, so a
            # later "Bill Clinton" cannot join it through the bare surname
            cl.aliases.add(cl.name)
            cl.name = name
        if norm_key(name) != norm_key(cl.name):
            cl.aliases.add(name)
        self._by_key[norm_key(name)] = cl
        self._by_key[norm_key(cl.name)] = cl
        if start is not None and end is not None:
            cl.mentions.append((start, end, surface or name))
            if short or (cl.type == "Person" and len(cl.name.split()) > 1
                         and len(name.split()) == 1 and cl.name.split()[-1] == name):
                cl.votes[cl.type] += 1  # "Stumpf" names John Stumpf whatever the NER says
            else:
                cl.votes[etype] += 2 if etype == "Person" and len(name.split()) > 1 else 1
        return cl

    def alias(self, cl: _Cluster, alias: str) -> None:
        if has_cjk_text(alias):
            if alias not in cl.zh:
                cl.zh.append(alias)
        elif norm_key(alias) != norm_key(cl.name):
            cl.aliases.add(alias)
        self._by_key[norm_key(alias)] = cl

    def _match_short_form(self, name: str, etype: str) -> _Cluster | None:
        words = name.split()
        cands: list[_Cluster] = []
        for cl in self.clusters:
            full = cl.name.split()
            if cl.type == "Person" and len(words) == 1 and len(full) > 1 and words[0] == full[-1]:
                cands.append(cl)
            elif etype == "Person" and cl.type == "Person":
                # not a surname already named OWN_SURNAME times on its own ("Mr. Obama")
                if len(words) > 1 and len(full) == 1 and full[0] == words[-1] \
                        and len(cl.mentions) < OWN_SURNAME:
                    cands.append(cl)
            elif etype in ("Organization", "Place") and cl.type == "Organization":
                if is_acronym_of(name, cl.name) or any(is_acronym_of(name, a) for a in cl.aliases):
                    return cl
                if etype == "Organization" and _is_short_org(name, cl.name):
                    cands.append(cl)
        return cands[0] if len(cands) == 1 else None

    def _late_target(self, cl: _Cluster, persons: list[_Cluster], orgs: list[_Cluster]
                     ) -> _Cluster | None:
        words = cl.name.split()
        persons = [o for o in persons if o is not cl]
        if MIDDLE_INITIALS and len(words) > 1 and cl.final_type() == "Person":
            # "Loretta Lynch" is the "Loretta E. Lynch" named in full: one person
            hits = [o for o in persons if len(o.name.split()) > len(words)
                    and _without_middle_initials(o.name) == words]
            if len(hits) == 1 and not cl.listed:
                return hits[0]
        if NICKNAME_GIVEN and len(words) == 2 and cl.final_type() == "Person" and not cl.listed:
            # "Bobby Scott" is the "Robert C. Scott" named in full: one person
            # (merge_late's persons are all persons; each name's words computed once)
            formal = formal_names(words[0].casefold())
            hits = [o for o, full in ((o, _without_middle_initials(o.name)) for o in persons)
                    if len(full) == 2 and full[1] == words[-1] and full[0].casefold() in formal]
            if len(hits) == 1:
                return hits[0]
        if EPITHET_NAMES and len(words) > 2 and cl.final_type() == "Person" and not cl.listed:
            # "Crooked Hillary Clinton", "Miss Universe Alicia Machado" (tagged "Universe
            # Alicia Machado"): a word that is no given name before a person's full name is
            # an epithet or a title, and the person the one named in full
            from .coref import given_name

            hits = [o for o in persons if o.name.split() == words[1:]]
            if len(hits) == 1 and not given_name(words[0]):
                return hits[0]
        if SURNAME_PARTICLES and len(words) == 2 and words[0].casefold() in _PARTICLES \
                and cl.final_type() == "Person" and not cl.listed:
            # "Van Voorhis" is the "Chandler Van Voorhis" named in full: a surname with a
            # particle ends exactly one person's name
            hits = [o for o in persons if o.name.split()[-2:] == words and len(o.name.split()) > 2]
            if len(hits) == 1:
                return hits[0]
        if len(words) == 1 and cl.final_type() in ("Person", "Place", "Organization"):
            # ("Mr. Biden" is the "Joseph R. Biden Jr." named in full: no generational suffix)
            hits = [o for o in persons if surname(o.name) == cl.name
                    and not self._own_surname(cl, o)]
            if not hits and cl.final_type() == "Person":
                hits = [o for o in persons if o.name.split()[0] == cl.name]
            if len(hits) == 1 and not cl.listed:
                return hits[0]
        if cl.final_type() == "Organization":
            orgs = [o for o in orgs if o is not cl]
            hits = [o for o in orgs if is_acronym_of(cl.name, o.name) or _is_short_org(cl.name, o.name)]
            if not hits and len(words) == 1 and not self._is_place(cl.name) \
                    and norm_key(cl.name) not in PLACE_NAMES:
                # "Wells" -> "Wells Fargo": the first word of exactly one organization's name,
                # a proper name (not "Senate" of "Senate Armed Services Committee")
                hits = [o for o in orgs if len(o.name.split()) > 1 and o.name.split()[0] == cl.name
                        and not _is_org_head(o.name.split()[-1])]
            if len(hits) == 1:
                return hits[0]
            if ORG_SURNAMES and len(words) == 1 and not hits and not cl.listed:
                hit = self._surname_owner(cl, persons, orgs)
                if hit is not None:
                    return hit
            # "U.S. Federal Reserve" -> "Federal Reserve": a leading country
            for k in (1, 2):
                head, rest = " ".join(words[:k]), " ".join(words[k:])
                if len(words) > k and (norm_key(head) in PLACE_NAMES or self._is_place(head)):
                    hit = self.find(rest)
                    if hit is not None and hit is not cl and hit.final_type() == "Organization":
                        return hit
        return None

    def _surname_owner(self, cl: _Cluster, persons: list[_Cluster], orgs: list[_Cluster]
                       ) -> _Cluster | None:
        """The one person named in full ("Donald Trump", a given name and the surname) whose
        surname the one-word organization ``cl`` is; None when several persons share it
        ("Eric Trump" and "Donald Trump") or another name ends in it ("Carly Fiorina" the
        tagger took for an organization)."""
        from .coref import given_name

        name = cl.name
        if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?", name):
            return None  # "GOP": an acronym is an organization's
        if any(len(a.split()) > 1 and a.split()[-1] == name for a in cl.aliases):
            return None
        for o in orgs:
            ws = o.name.split()
            if o is not cl and len(ws) == 2 and ws[1] == name and given_name(ws[0]):
                return None
        hits = {norm_key(o.name): o for o in persons
                if surname(o.name) == name and given_name(o.name.split()[0])}
        return next(iter(hits.values())) if len(hits) == 1 else None

    @staticmethod
    def _own_surname(short: _Cluster, full: _Cluster) -> bool:
        """Is ``short`` (a bare surname) named ``OWN_SURNAME`` times before ``full``'s first
        mention? Then it is another person ("Mr. Obama" is not the later "Michelle Obama");
        a headline's surname before the first full name is not enough."""
        if not full.mentions:
            return False
        first = min(m[0] for m in full.mentions)
        return sum(1 for m in short.mentions if m[0] < first) >= OWN_SURNAME

    def _is_place(self, name: str) -> bool:
        cl = self.find(name)
        return cl is not None and cl.final_type() == "Place"

    def merge_late(self) -> None:
        """Second pass: merge clusters that became short forms of later, longer names."""
        changed = True
        while changed:
            changed = False
            persons = [o for o in self.clusters if o.final_type() == "Person"
                       and len(o.name.split()) > 1]
            orgs = [o for o in self.clusters if o.final_type() == "Organization"]
            for cl in list(self.clusters):
                if cl not in self.clusters:
                    continue
                target = self._late_target(cl, persons, orgs)
                if target is None or target not in self.clusters:
                    continue
                target.aliases.add(cl.name)
                target.aliases.update(cl.aliases)
                target.zh.extend(z for z in cl.zh if z not in target.zh)
                target.mentions.extend(cl.mentions)
                target.mentioned = target.mentioned or cl.mentioned
                if not target.listed:
                    target.votes.update({target.final_type(): sum(cl.votes.values())})
                for k, v in list(self._by_key.items()):
                    if v is cl:
                        self._by_key[k] = target
                self.clusters.remove(cl)
                for lst in (persons, orgs):
                    if cl in lst:
                        lst.remove(cl)
                changed = True
        for cl in self.clusters:
            cl.type = cl.final_type()

    def absorb(self, target: _Cluster, cl: _Cluster) -> None:
        """Merge ``cl`` into ``target``: its names become aliases, its mentions target's."""
        target.aliases.add(cl.name)
        target.aliases.update(cl.aliases)
        target.zh.extend(z for z in cl.zh if z not in target.zh)
        target.mentions.extend(cl.mentions)
        target.mentioned = target.mentioned or cl.mentioned
        target.votes.update(cl.votes)
        for k, v in list(self._by_key.items()):
            if v is cl:
                self._by_key[k] = target
        if cl in self.clusters:
            self.clusters.remove(cl)

    def add_from_span(self, doc, start: int, end: int, article: Article | None = None,
                      ents: tuple | None = None) -> _Cluster | None:
        """The entity an NER mention inside ``[start, end)`` names, added if new and clean.

        ``ents`` is ``doc.ents`` when the caller keeps it (spaCy rebuilds it on every access).
        """
        head = None
        for ent in doc.ents if ents is None else ents:
            if ent.start_char >= start and ent.end_char <= end:
                if ent.label_ in ("GPE", "LOC"):
                    # "Florida election officials", "a poll of Indiana voters": no place
                    # speaks (coref.place_modifier)
                    from .coref import place_modifier

                    if head is None:
                        span = doc.char_span(start, end, alignment_mode="expand")
                        head = span.root if span is not None else False
                    if head is not False and place_modifier(head, ent.start_char, ent.end_char):
                        continue
                c = candidate(ent, article)
                if c is not None:
                    name, etype, a, b = c
                    return self.find(name) or self.add(name, etype, a, b, name)
        return None


def _without_middle_initials(name: str) -> list[str]:
    """The words of a person's name without its middle initials and generational suffix:
    "Loretta E. Lynch" -> ["Loretta", "Lynch"], "Joseph R. Biden Jr." -> ["Joseph", "Biden"]."""
    words = name.split()
    last = surname(name)
    if len(words) > 2 and words[-1] != last:
        words = words[:-1]
    return words[:1] + [w for w in words[1:-1] if not re.fullmatch(r"[A-Z]\.?", w)] + words[-1:]


def _is_short_org(short: str, full: str) -> bool:
    s, f = norm_key(short), norm_key(full)
    if s == f or len(s) < 3:
        return False
    if norm_key(strip_corporate_suffix(full)) == s:
        return True
    fw, sw = f.split(), s.split()
    if len(sw) < len(fw) and fw[: len(sw)] == sw and len(sw) >= 2 and all(
            w.strip(".,") in ORG_HEADS for w in fw[len(sw):]):
        return True
    # a clipped first word: "Fed" for "Federal Reserve"
    return len(sw) == 1 and len(fw) >= 2 and fw[0].startswith(sw[0]) and len(sw[0]) >= 3 \
        and fw[0] != sw[0]


def is_short_form(short: str, full: str) -> bool:
    """True when organization name ``short`` abbreviates ``full`` (acronym, clipped or leading part).

    >>> is_short_form("Fed", "Federal Reserve"), is_short_form("ECB", "European Central Bank")
    (True, True)
    """
    return is_acronym_of(short, full) or _is_short_org(short, full)


def entity_type(label: str) -> str | None:
    return TYPE_OF_LABEL.get(label)


def build_entities(article: Article, doc) -> tuple[tuple[Entity, ...], tuple[Mention, ...],
                                                     EntityIndex]:
    """Entities and mentions of ``article`` from its spaCy ``doc``.

    Returns the entities, their mentions, and the :class:`EntityIndex` that
    resolves any alias (used to map attribution sources to entities).
    """
    index = EntityIndex()
    text = article.text
    dir_ranges = [(e.name_span.start, e.description_span.end) for e in article.directory]
    name_lines = [(e.name_span.start, e.name_span.end) for e in article.directory]
    for entry in article.directory:
        full = entry.name
        m = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", full)
        alias = None
        if m:
            full, alias = m.group(1).strip(), m.group(2).strip()
        cl = index.add(full, "Organization")
        cl.listed = True
        cl.description = entry.description
        if alias:
            index.alias(cl, alias)
        if entry.name_zh and entry.name_zh != full:
            index.alias(cl, entry.name_zh)
        if _DENIAL.search(entry.description):
            cl.mentioned = False
    has_sents = doc.has_annotation("SENT_START")
    # (a name the tagger glued together, the person it names): found as that person
    glued: list[tuple[str, str]] = []
    cands = []
    for ent in doc.ents:
        # the directory's own name line is not a mention in the text
        if any(a <= ent.start_char < b for a, b in name_lines):
            continue
        c = candidate(ent, article)
        if c is not None:
            cands.append((ent, c))
        if DASHED_NAMES:
            tail = _dashed_person(ent)
            if tail is not None:
                cands.append((ent, tail))
                glued.append((clean_name(ent.text), tail[0]))
        if POSSESSIVE_GLUE and c is not None:
            split = _possessive_glue(ent, c)
            if split:
                cands[-1:] = split
                glued.append((c[0], split[1][1][0]))
    if GLUED_SURNAMES:
        cands = _split_glued(cands, glued)
    if UNTAGGED_FULL_NAMES:
        cands = _untagged_full_names(doc, cands)
    tags = party_state_tags(text) if PARTY_STATE_TAGS else []
    if tags:
        # the tagger's "Fla." or "R-Texas" inside a tag is the state the tag names
        spans = [(t.party_start, t.end) for t in tags]
        cands = [(e, c) for e, c in cands if not any(a <= c[2] and c[3] <= b for a, b in spans)]
    if HEADLINE_JUNK:
        cands = _headline_junk(cands, text)
    # names capitalized somewhere other than at the start of a sentence or line
    mid = {c[0] for ent, c in cands if not _starts_sentence(ent, has_sents)}
    common: dict[str, bool] = {}
    for ent, c in cands:
        name, etype, start, end = c
        existing = index.find(name)
        if existing is None and name not in mid and _common_word(name, text, common):
            continue
        if existing is None and name not in mid and fragment_word(text, start, end):
            continue  # "Harsh? He doesn't think so.": a one-word question, no name
        # an entity named only in a sentence that denies mentioning it stays unmentioned
        if existing is not None and not existing.mentioned and has_sents \
                and _DENIAL.search(ent.sent.text):
            continue
        index.add(name, existing.type if existing and existing.listed else etype, start, end, name)
    for t in tags:
        index.add(t.state, "Place", t.state_start, t.state_end, t.state)
        if t.party:
            index.add(t.party, "Organization", t.party_start, t.party_end, t.party)
    for m in _PAREN_ALIAS.finditer(text):
        name, alias = clean_name(m.group(1)), m.group(2).strip()
        cl = _find_tail(index, name)
        english_name = cl is not None and cl.type == "Organization" and bool(
            re.fullmatch(r"(?:[A-Z][\w.&'’-]*\s?){1,5}", alias))
        if cl is not None and (has_cjk_text(alias) or is_acronym_of(alias, cl.name) or english_name):
            index.alias(cl, alias)
    _stated_aliases(index, text)
    index.merge_late()
    for whole, last in glued:
        # a speaker "the Washington Post Trump", "CLEVELAND - Donald Trump" or "Commentary’s
        # Noah Rothman" is the person, without an alias to show
        person = index.find(last)
        if person is not None and person.type == "Person":
            index._by_key.setdefault(norm_key(whole), person)
    _align_bilingual_lists(index, article)
    _add_text_mentions(index, text, dir_ranges)
    parents = _units(index, text)
    entities, mentions = [], []
    for cl in index.clusters:
        key = cl.key()
        if not key:
            continue
        entities.append(
            Entity(key=key, type=cl.type, name=cl.name,
                   aliases=tuple(sorted(a for a in cl.aliases if norm_key(a) != key)),
                   names_zh=tuple(cl.zh), mentioned=cl.mentioned,
                   description=cl.description, part_of=parents.get(id(cl), ""))
        )
        for a, b, _s in sorted(set(cl.mentions)):
            p = article.paragraph_at(a)
            mentions.append(Mention(key, Span(a, b, text[a:b]), p.index if p else 1))
    return tuple(entities), tuple(sorted(mentions, key=lambda m: m.span.start)), index


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


_DASH = re.compile(r" [-–—] ")


def _dashed_person(ent) -> tuple[str, str, int, int] | None:
    """The person's name after a dash inside one NER span ("CLEVELAND - Donald Trump
    painted ...", a dateline the tagger glued to the first name): two or three capitalized
    words, the first a given name."""
    from .coref import given_name

    parts = list(_DASH.finditer(ent.text))
    if len(parts) != 1:
        return None
    rest = ent.text[parts[0].end():]
    m = re.match(r"([A-Z][a-z]+)((?: [A-Z][a-z]+| [A-Z]\.){0,2} [A-Z][a-z]+(?:-[A-Z][a-z]+)?)$", rest)
    if not m or not given_name(m.group(1)):
        return None
    start = ent.start_char + parts[0].end()
    return rest, "Person", start, start + len(rest)


_POSS_GLUE = re.compile(r"((?:[A-Z][\w.&-]*\s)*[A-Z][\w.&-]*)['’]s ([A-Z][a-z]+)"
                        r"((?: [A-Z]\.)? [A-Z][\w'’-]+)$")
_PLACE_HEADS = frozenset({"county", "city", "state", "province", "district", "valley", "island"})


def _possessive_glue(ent, c) -> list | None:
    """"Breitbart’s Joel Pollak" (one span): the organization, then the person (a given
    name and a surname that is no organization's or place's word: not "Wisconsin’s Supreme
    Court", "Brown County")."""
    from .coref import given_name

    name, _etype, start, _end = c
    m = _POSS_GLUE.fullmatch(name)
    if not m or not given_name(m.group(2)) or m.group(1).casefold() in ("that", "it", "there",
                                                                         "here", "what"):
        return None
    last = m.group(3).split()[-1]
    if _is_org_head(last) or last.casefold() in _PLACE_HEADS:
        return None
    org = m.group(1)
    person = m.group(2) + m.group(3)
    pstart = start + m.start(2)
    return [(ent, (org, "Organization", start + m.start(1), start + m.end(1))),
            (ent, (person, "Person", pstart, pstart + len(person)))]


def _split_glued(cands: list, glued: list[tuple[str, str]]) -> list:
    """Split "Washington Post Trump" (one ORG where "... of the Washington Post Trump said
    that ...") into the organization and the person: the last word is the surname of a person
    the article names in full, and a verb without a subject of its own follows it, so the
    surname starts a new clause. A title before the surname ("GOP Rep McCaul") is no
    organization, and the split is not made. ``glued`` receives (whole name, surname)."""
    from .coref import given_name

    surnames = {c[0].split()[-1] for _e, c in cands if c[1] == "Person" and len(c[0].split()) > 1
                and given_name(c[0].split()[0])}
    out = []
    for ent, c in cands:
        name, etype, start, end = c
        words = name.split()
        doc = ent.doc
        if (etype == "Person" or len(words) < 2 or words[-1] not in surnames
                or ent.end >= len(doc) or doc[ent.end].tag_ not in _FINITE
                or doc[ent.end - 1].text != words[-1]
                or any(t.dep_ in ("nsubj", "nsubjpass", "expl") and not ent.start <= t.i < ent.end
                       for t in doc[ent.end].children)):
            out.append((ent, c))
            continue
        prefix = clean_name(" ".join(words[:-1]))
        last = doc[ent.end - 1]
        before = words[-2]
        # "Christie and Sessions", "Coalition for Trump", "Bernie Sanders", "Roy M. Neel":
        # a coordination, a phrase or a full name, not two names glued
        if not prefix or not before[:1].isupper() or len(before.strip(".")) < 2 \
                or before.casefold().strip(".") in _TITLE_WORDS or given_name(before) \
                or not _ok_mention(prefix, ent.label_):
            out.append((ent, c))
            continue
        glued.append((name, last.text))
        out.append((ent, (prefix, etype, start, start + len(prefix))))
        out.append((ent, (last.text, "Person", last.idx, last.idx + len(last.text))))
    return out


def _untagged_full_names(doc, cands: list) -> list:
    """Add the full name "Mehmet Oz" the tagger missed where the article tags only "Oz" as
    a person: the first place the surname follows a capitalized given name (the births
    lexicon's, coref.given_name), when no tagged full name ends in it. A tagged span inside
    the full name ("Trump" of "Donald Trump", the tagger's ORG) gives way to it."""
    full = {c[0].split()[-1] for _e, c in cands if c[1] == "Person" and len(c[0].split()) > 1}
    single = {c[0] for _e, c in cands if c[1] == "Person" and re.fullmatch(r"[A-Z][a-z]+", c[0])}
    text = doc.text
    added = []
    givens = {c[0].split()[0] for _e, c in cands if c[1] == "Person" and len(c[0].split()) > 1}
    tagged = doc.has_annotation("TAG")

    def accept(given: str) -> bool:
        # not a title ("Judge Berman", "Pope Francis")
        return given.casefold() not in _HONORIFICS and _capital_given(given, text)

    for name in sorted(single - full - givens):  # not "Joe" of "Joe Scarborough"
        m = given_surname(text, name, accept)
        if m is not None:
            span = doc.char_span(m.start(), m.end())
            # the tagger's proper noun, not "Given Obama's record"
            if span is not None and (not tagged or span[0].tag_ == "NNP"):
                added.append((span, (m.group(0), "Person", m.start(), m.end())))
    if UNTAGGED_SUBJECTS and tagged and doc.has_annotation("DEP"):
        added += _untagged_subjects(doc, cands, full | {a[1][0].split()[-1] for a in added})
    if not added:
        return cands
    out = [(e, c) for e, c in cands
           if not any(a[1][2] <= c[2] and c[3] <= a[1][3] for a in added)]
    return sorted(out + added, key=lambda x: x[1][2])




def _surname_token(t) -> bool:
    """May ``t`` be a surname: a capitalized proper noun, or an apostrophe's name whatever its
    tag (:data:`APOSTROPHE_SURNAMES`)?"""
    if t.tag_ == "NNP" and re.fullmatch(r"[A-Z][a-z]+", t.text):
        return True
    return bool(APOSTROPHE_SURNAMES and t.tag_ in ("NNP", "NN", "NNS") and _APOSTROPHE_NAME.fullmatch(t.text))


def _untagged_subjects(doc, cands: list, full: set[str]) -> list:
    """"Mehmet Oz" untagged everywhere, and "Oz said" / "Oz has lived" later: two proper
    nouns, the first a given name (lexicon; not a title, month or word the text writes in
    lower case), outside every entity, whose second word stands alone elsewhere as a
    verb's subject and never after "the" ("the Post", "the Act"), and that no tagged full
    name ends in. Gives the full name and its lone surnames as person mentions."""
    text = doc.text
    taken = {i for e, c in cands for i in range(e.start, e.end)}
    lone: dict[str, list] = {}
    for t in doc:
        if _surname_token(t) and t.i not in taken:
            lone.setdefault(t.text, []).append(t)
    out: list = []
    done: set[str] = set()
    for t in doc[:-1]:
        n = doc[t.i + 1]
        sur = n.text
        if sur in done or sur in full or t.i in taken or n.i in taken or t.tag_ != "NNP" \
                or not re.fullmatch(r"[A-Z][a-z]+", t.text) or not _surname_token(n) or t.whitespace_ != " ":
            continue
        if (t.i > 0 and (doc[t.i - 1].tag_ == "NNP" or doc[t.i - 1].text in ("-", "–"))) \
                or (n.i + 1 < len(doc) and doc[n.i + 1].tag_ == "NNP"):
            continue  # a longer run of names ("Dodd-Frank Act"): not a plain "Given Surname"
        g = t.lower_
        if g in _HONORIFICS or g in CALENDAR_WORDS or not _capital_given(t.text, text):
            continue
        alone = [s for s in lone.get(sur, []) if s.i != n.i and doc[s.i - 1].text != t.text]
        if not any(s.dep_ in ("nsubj", "nsubjpass") for s in alone) or any(
                s.i > 0 and doc[s.i - 1].lower_ == "the" for s in alone):
            continue
        done.add(sur)
        out.append((doc[t.i:n.i + 1], (f"{t.text} {sur}", "Person", t.idx, n.idx + len(sur))))
        out.extend((doc[s.i:s.i + 1], (sur, "Person", s.idx, s.idx + len(sur))) for s in alone)
    return out


UNIT_HEADS = frozenset("""
center centre school institute department division unit office laboratory lab college faculty
program programme desk team bureau branch subsidiary
""".split())


def _units(index: EntityIndex, text: str) -> dict[int, str]:
    """Organizations named as units of another: "Yale Law School's Paul Tsai China Center"."""
    orgs = [(a, b, cl) for cl in index.clusters if cl.type == "Organization"
            for a, b, _s in cl.mentions]
    ends = {b: cl for a, b, cl in orgs}
    out: dict[int, str] = {}
    for a, _b, cl in orgs:
        if cl.name.split()[-1].casefold() not in UNIT_HEADS:
            continue
        m = re.search(r"['’]s?\s+$", text[max(0, a - 4):a])
        if not m:
            continue
        parent = ends.get(a - 4 + m.start() if a >= 4 else m.start())
        if parent is not None and parent is not cl:
            out.setdefault(id(cl), parent.key())
    return out


def _align_bilingual_lists(index: EntityIndex, article: Article) -> None:
    """Chinese names of a bilingual list of names (a byline: "文|财新周刊 王力为" / "By Caixin
    Weekly's Wang Liwei").

    When a paragraph is a Chinese line of space-separated names followed by an
    English line naming the same number of entities, the names pair up in order.
    """
    for p in article.paragraphs:
        if p.lang != "zh-en" or p.text.count("\n") != 1:
            continue
        zh_line, en_line = p.text.split("\n")
        if not has_cjk_text(zh_line) or has_cjk_text(en_line):
            continue
        names = [w for w in re.split(r"[\s|｜:：,，、]+", zh_line) if len(w) >= 2]
        if not names or not all(has_cjk_text(n) and len(n) <= 8 for n in names):
            continue
        base = p.start + len(zh_line) + 1
        found = sorted((a, cl) for cl in index.clusters for a, _b, _s in cl.mentions
                       if base <= a < p.end)
        order: list[_Cluster] = []
        for _a, cl in found:
            if cl not in order:
                order.append(cl)
        if len(order) == len(names):
            for cl, zh in zip(order, names, strict=True):
                index.alias(cl, zh)


#: a name the tagger found only in a title-case headline, where every word is capitalized,
#: is no name when it holds a name the body writes ("Obama Seeks", "Clinton Breaks",
#: "Standard Clinton": that name, found by the text pass) or when the body writes all its
#: words in lower case ("Sell Coal", "Avoid Bad Optics"); the 84 PolNeAR dev articles had 15
#: such names in 11 articles, and 10 go (sets refugees and coal of session 14, read after
#: their runs)
HEADLINE_JUNK = 1
#: a headline name ending in the headline's verb ("Ted Cruz Refuses to Disavow ..."), where
#: the body writes the name then that verb in lower case ("Sen. Ted Cruz refuses to
#: disavow"), is the name without it (held-out set trainblind5, session 23)
HEADLINE_VERB = 1
_SMALL = frozenset("a an and as at by for from in into of on or over the to with".split())


def _headline_junk(cands: list, text: str) -> list:
    """``cands`` without the headline's non-names (see :data:`HEADLINE_JUNK`)."""
    from .coref import given_name

    lead = len(text) - len(text.lstrip())
    end = text.find("\n", lead)
    if end < 0 or not _title_case(text[lead:end]):
        return cands
    body = text[end:]
    names = set()  # the body's names, and its persons' surnames
    for _ent, c in cands:
        if c[2] >= end:
            names.add(c[0])
            if c[1] == "Person":
                names.add(c[0].split()[-1])
    out = []
    for ent, c in cands:
        if HEADLINE_VERB and c[2] < end:
            c = _without_headline_verb(c, body)
        name = c[0]
        words = name.split()
        if c[2] < end and len(words) > 1 and not re.search(
                r"(?<![\w&])" + re.escape(name) + r"(?![\w&])", body):
            hit = [k for k, w in enumerate(words) if w in names]
            if hit and not (hit[0] > 0 and given_name(words[hit[0] - 1])):
                continue  # (not "Bill Clinton" where the body writes "Clinton")
            content = [w.lower() for w in re.findall(r"[A-Za-z][\w'’-]*", name)
                       if w.lower() not in _SMALL]
            if content and all(re.search(r"(?<![\w-])" + re.escape(w) + r"(?![\w-])", body)
                               for w in content):
                continue
        out.append((ent, c))
    return out


def _without_headline_verb(c: tuple, body: str) -> tuple:
    """The candidate ``c`` (name, type, start, end) cut by :func:`headline_verb_cut`."""
    name = headline_verb_cut(c[0], body)
    return c if name == c[0] else (name, c[1], c[2], c[2] + len(name))


def _starts_sentence(ent, has_sents: bool) -> bool:
    doc = ent.doc
    if ent.start == 0 or (has_sents and ent.start == ent.sent.start):
        return True
    prev = doc[ent.start - 1]
    return "\n" in prev.text or "\n" in prev.whitespace_ or prev.text in "\"“'‘-–—•*:#"


def _common_word(name: str, text: str, cache: dict[str, bool]) -> bool:
    """A capitalized word the article also writes in lower case ("Turnout", "Scholars").

    A sentence-initial or heading word the NER took for a name; acronyms are
    exempt ("US" is not "us").
    """
    if name not in cache:
        low = name.lower()
        cache[name] = low != name and not name.isupper() and len(name.split()) <= 2 \
            and low in text and bool(
                re.search(r"(?<![\w-])" + re.escape(low) + r"(?![\w-])", text))
    return cache[name]


def _whole_line(text: str, start: int, end: int) -> bool:
    """True when [start, end) is (nearly) all of its line."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a:b if b >= 0 else len(text)].strip()
    return len(line) <= (end - start) * 1.25


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) > 0.6


# a name the article says another name is also known by: "Burma, also known as Myanmar",
# "the Islamic State, also called ISIS", "ISIS (also known as the Islamic State)"
_ALIAS_NAME = (r"(?:the\s+)?(?P<{g}>[A-Z][\w&.'’-]*(?:\s+(?:(?:of|the|and|for|de|du|al|el|la)\s+)?"
               r"[A-Z][\w&.'’-]*){{0,5}})")
_AKA = re.compile(_ALIAS_NAME.format(g="a") + r"\s*[,(]\s*(?:which\s+is\s+|who\s+is\s+)?"
                  r"(?:(?:also|formerly|previously|otherwise|now|better|widely|commonly)\s+)?"
                  r"(?:known\s+as|called|named|dubbed|referred\s+to\s+as)\s+"
                  + _ALIAS_NAME.format(g="b"))
# a place with its other name in parentheses: "Myanmar (Burma)"; not a state's abbreviation
# ("Springfield (Ill.)") nor a party and state ("(D-N.Y.)")
_PAREN_PLACE = re.compile(r"(?P<a>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\s+\((?P<b>[A-Z][a-z]{3,}"
                          r"(?:\s+[A-Z][a-z]+){0,2})\)")


def _stated_aliases(index: EntityIndex, text: str) -> None:
    """Names the article says are one: the second becomes an alias of the first (merged
    into it when it was an entity of its own)."""
    for m in _AKA.finditer(text):
        _same(index, clean_name(m.group("a")), clean_name(m.group("b")))
    for m in _PAREN_PLACE.finditer(text):
        a, b = index.find(m.group("a")), index.find(m.group("b"))
        if a is not None and a.final_type() == "Place" and b is not None \
                and b.final_type() == "Place":
            _same(index, m.group("a"), m.group("b"))


def _same(index: EntityIndex, a: str, b: str) -> None:
    """Make names ``a`` and ``b`` one entity, named ``a``."""
    if not a or not b or norm_key(a) == norm_key(b):
        return
    ca = index.find(a) or _find_tail(index, a)
    cb = index.find(b)
    if ca is None and cb is not None:
        index.alias(cb, a)
    elif ca is not None and cb is None:
        index.alias(ca, b)
    elif ca is not None and cb is not None and ca is not cb:
        index.absorb(ca, cb)


def _find_tail(index: EntityIndex, name: str) -> _Cluster | None:
    """The cluster named by the longest tail of ``name`` ('Poor's (S&P)' -> S&P's org)."""
    words = name.split()
    for i in range(len(words)):
        cl = index.find(" ".join(words[i:]))
        if cl is not None:
            return cl
    return None


def _add_text_mentions(index: EntityIndex, text: str, skip) -> None:
    """Mentions the NER missed: exact occurrences of a name or alias (one pass over the text)."""
    owner: dict[str, _Cluster] = {}
    for cl in index.clusters:
        if cl.mentioned:
            for name in (cl.name, *cl.aliases, *cl.zh):
                if len(name) >= 2:
                    owner.setdefault(name, cl)
    if not owner:
        return
    taken = sorted((a, b) for cl in index.clusters for a, b, _ in cl.mentions)
    found: list[tuple[int, int, str]] = []
    for name in sorted(owner, key=len, reverse=True):
        cjk = has_cjk_text(name)
        a = text.find(name)
        while a >= 0:
            b = a + len(name)
            if cjk or ((a == 0 or not (text[a - 1].isalnum() or text[a - 1] in "_&"))
                       and (b == len(text) or not (text[b].isalnum() or text[b] in "_&"))):
                found.append((a, b, name))
            a = text.find(name, a + 1)
    starts = [a for a, _ in taken]
    skip_lines = sorted(skip)
    for a, b, name in sorted(found, key=lambda x: (x[0], -x[1])):
        k = bisect_right(starts, a) - 1
        if k >= 0 and taken[k][0] <= a < taken[k][1]:
            continue
        j = bisect_right(skip_lines, (a, float("inf"))) - 1
        if j >= 0 and skip_lines[j][0] <= a < skip_lines[j][1] and _is_name_line(
                text, skip_lines[j][0], a):
            continue
        owner[name].mentions.append((a, b, name))
        k = bisect_right(starts, a)
        starts.insert(k, a)
        taken.insert(k, (a, b))


def _is_name_line(text: str, line_start: int, offset: int) -> bool:
    return "\n" not in text[line_start:offset]
