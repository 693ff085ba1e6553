"""Roles and affiliations: who holds (or held) which role at which organization.

Rules over one sentence at a time, with the article's person and
organization mentions as anchors (linear in the document). Each yields a
:class:`~claimgraph.extract.records.Membership` with the role as written and
whether the text states it as a former one.

* **Role at an organization**: ``PERSON[, who] LINK ROLE at|of|with|for ORG``,
  where LINK is only linking words ("is", "was appointed as", "previously
  served as", "is identified as", "former", "now a"). Several roles chain:
  "X, former Chief Economist at A and now a Senior Fellow at B" gives a former
  role at A and a current one at B. ``ORG's UNIT`` names the unit ("at Yale Law
  School's Paul Tsai China Center" -> the center); ``ROLE of ORG's DIVISION``
  keeps the division in the role ("head of Goldman Sachs' hedge fund business"
  -> role "head of hedge fund business" at Goldman Sachs; "economist at the Tax
  Foundation's policy center" -> "economist at policy center").
* **Organization before a title**: ``ORG['s] ROLE PERSON`` ("Goldman Sachs CEO
  David Solomon", "Wells Fargo board member Elaine Chao", "Senate Majority Leader
  Mitch McConnell", "Former Treasury Secretary Janet Yellen"); the title may mix
  capitalised words with lower-case role words and must end in a role noun. A
  plural title ("board members A and B") goes to each coordinated person.
* **Appositive title**: ``PERSON, [a|the] [former] ORG['s] ROLE`` ("John Roe,
  Acme Bank's chief executive,"; "Laurence Meyer, a former Fed governor").
* **Legislators**: ``Sen./Sens./Senator/Rep./Reps./Congresswoman PERSON``
  ("Massachusetts Sen. Elizabeth Warren", "Sens. Jon Tester (D-Mont.) and David
  Vitter (R-La.)") -> senator / representative at the chamber, but only when the
  article names that chamber as an organization (the Senate, the House, else
  Congress); "state Sen." is a state legislator and gives nothing.
* **Founders and leaders**: ``ORG ... co-founded|founded|headed|led by PERSON``.
* **Former firm**: ``ORG ... the (former) firm|employer|company of PERSON[, a
  (former) ROLE]``.

* **Appositive holder**: a role in an appositive, or coordinated with one, belongs to the
  appositive's head person, with the role as the parse spans it ("Nelson Diaz, a former
  aide to Mr. Rubio and now the chairman of the Republican Party" -> Diaz; "Daniel
  Hamermesh, a labor economist at the Institute ..." -> "labor economist").
* **An organization's person**: ``ORG's PERSON`` ("National Review’s Jonah Goldberg") is
  an affiliation without a role, unless the organization's name is a person's surname.
* **Copula subject**: a role that completes "is" / "became" / "remains" belongs to that
  verb's subject in the parse, past an appositive that names another person ("Michael
  Haltzel, former foreign policy advisor to Vice President Joseph R. Biden, Jr., is Senior
  Fellow at the Center for Transatlantic Relations" -> Haltzel, not Biden).

Formerness comes from the linking words before the role ("former",
"formerly", "previously", "served as", "ex-"), reset by "now" / "currently".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .entities import ROLE_NOUNS as _ENTITY_ROLE_NOUNS
from .names import party_state_tag, party_state_tags, us_state
from .records import Article, Entity, Membership, Mention, Span

# the entity rules' role nouns plus titles that only matter for memberships
ROLE_NOUNS = _ENTITY_ROLE_NOUNS | frozenset("""
leader senator representative congressman congresswoman lawmaker ambassador envoy attorney counsel
speaker whip mayor treasurer administrator comptroller inspector auditor commander justice judge
lawyer consultant lobbyist pollster aide staffer employee owner developer banker activist organizer
scientist scholar historian physician engineer pastor coach teacher student official agent journalist
reporter columnist writer author producer host anchor
""".split())
# lower-case words a title before a name may contain besides role nouns and modifiers
_TITLE_QUALIFIERS = frozenset("""
board majority minority press campaign communications policy finance top longtime then and
""".split())
_TO_ROLES = frozenset({"ambassador", "envoy", "adviser", "advisor", "counsel", "spokesman",
                       "spokeswoman", "spokesperson", "liaison", "consultant"})
# legislators' titles before a name: (role, chamber keys in order of preference)
_SENATE = ("senate", "u.s. senate", "us senate", "united states senate", "the senate")
_HOUSE = ("house", "house of representatives", "u.s. house", "u.s. house of representatives",
          "us house", "the house")
_CONGRESS = ("congress", "u.s. congress", "us congress", "united states congress")
_LEGISLATOR = re.compile(
    r"(?:^|[^\w.])(?P<state>[Ss]tate\s+)?(?P<former>former\s+|ex-|then-)?"
    r"(?:(?:U\.S\.|US|Democratic|Republican|GOP|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+)?"
    r"(?P<title>Sens?\.|Senators?|Reps?\.|Representatives?|Congress(?:wo)?m[ae]n)\s+$")
# a legislator's party and state between commas: "A, Republican of Iowa, and B"
PARTY_APPOS = (r"(?:,\s*(?:a\s+)?(?:Republican|Democrat|Democratic|Independent|Libertarian)\s+"
               r"(?:of|from)\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*)?")
_COORD = re.compile(r"^\s*(?:\([^()]{1,20}\))?" + PARTY_APPOS + r"\s*(?:,\s*(?:and\s+)?|and\s+)$")
ROLE_MODIFIERS = frozenset("""
senior junior chief global managing deputy vice executive associate assistant acting interim general
principal lead part-time full-time visiting non-executive independent co regional country group
""".split())
_CONNECT = frozenset({"and", "of", "&", "for"})
_LINK = frozenset("""
who which is was are were has have had been being be served serves serving work works worked working
identified appointed named elected promoted became becomes become joined also previously formerly
currently now once later then recently and as to the a an former ex earlier still described listed
mentioned its his her their
""".split())
_FORMER = frozenset({"former", "formerly", "previously", "once", "ex", "earlier", "served"})
#: "past president", "a onetime lawyer for": former too (an appositive's words)
PAST_IS_FORMER = 1
_PAST = frozenset({"past", "onetime", "one-time", "erstwhile"})
_CURRENT = frozenset({"now", "currently"})
_PREP = re.compile(r"(?:^|\s)(at|of|with|for|to)\s+(?:the\s+)?$")
# ... with up to two lower-case modifiers before the organization's name: "an analyst at the
# libertarian Cato Institute", "a fellow at the left-leaning Center for American Progress"
_PREP_MODIFIED = re.compile(r"(?:^|\s)(at|of|with|for|to)\s+the\s+"
                            r"(?:(?!(?:of|at|for|with|to|in|on|and|or|the|a|an|from|by|as)\b)"
                            r"[a-z][a-z-]*\s+){1,2}$")
_PAREN = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"[^\s,;:()]+|[,;:]")
_POSS_UNIT = re.compile(r"^['’]s?\s+$")
_POSS_DIVISION = re.compile(
    r"^['’]s?\s+([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})(?=\s*[,.;:)\u2014]|\s+(?:and|who|which|that"
    r"|at|in|on|to|for|was|is|has|had|said|published|wrote)\b|$)")
_FOUNDED = re.compile(r"\b(co-?founded|founded|headed|led|run|chaired|managed)\s+by\s+$", re.I)
_FOUNDED_ROLE = {"co-founded": "co-founder", "cofounded": "co-founder", "founded": "founder",
                 "headed": "head", "led": "head", "run": "head", "chaired": "chair",
                 "managed": "manager"}
_FIRM_OF = re.compile(r"\b(former\s+)?(?:firm|employer|company|bank|fund|institution|"
                      r"organi[sz]ation|shop|team)\s+of\s+$", re.I)
_APPOSITIVE = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+)?(former\s+|ex-)?((?:[\w-]+\s+){0,5}?[\w-]+)"
                         r"(?=\s+(?:who|which|that|at|in|with|of)\b|\s*[,.;]|$)", re.I)
_TITLE_BEFORE = re.compile(r"^(?:['’]s?)?\s+((?:[\w.\-]+\s+){1,5})$")
_APPOS_LEFT = re.compile(r"^\s*,\s*(?:(?:a|an|the)\s+)?(former\s+|ex-|then-)?(?:longtime\s+)?$",
                         re.I)
_APPOS_TITLE = re.compile(r"^(?:['’]s?)?\s+((?:[\w\-]+\s+){0,3}[\w\-]+)(?=\s*[,.;:)\u2014]|\s+(?:who|and|"
                          r"said|says|told|since|until|from|in|on|at|for|to|has|had|was|is)\b)")
_FORMER_BEFORE = re.compile(r"(?:^|\s)(?:[Ff]ormer|[Ee]x-|[Tt]hen-)\s*$")
_PRONOUN_START = re.compile(r"^\s*(?:He|She)\b")
MAX_GAP = 260  # characters between a person and a role of theirs
#: a role that is the complement of a copula belongs to the copula's subject, whatever
#: stands between them ("Michael Haltzel, former foreign policy advisor to Vice President
#: Joseph R. Biden, Jr., is Senior Fellow at the Center for Transatlantic Relations")
COPULA_SUBJECT = 1
#: "an analyst at the libertarian Cato Institute": lower-case modifiers between the
#: preposition's "the" and the organization's name
ORG_MODIFIERS = 1
#: "Breitbart’s Joel Pollak": an organization's named person is affiliated with it
ORG_POSSESSIVE_PERSON = 1
#: a legislator's party-state tag after the name ("Sen. Bernie Sanders (I-Vt.)", "Rep. Adam
#: Schiff (D-Calif.)", "Ted Cruz, R-Texas", "Chuck Grassley, Republican of Iowa") gives a
#: membership of the party (role "member") and the state the person represents, with the
#: title before the name (or before another mention of the person) as the role: "senator",
#: "representative", "governor", else "legislator"; an independent is an "independent
#: senator" of the state and no party's member. "X, a Republican from Ohio" without any
#: title (a voter) gives the party only. Needs entities.PARTY_STATE_TAGS.
PARTY_STATE_MEMBERSHIPS = 1
#: a state before a legislator's or governor's title ("Vermont Sen. Bernie Sanders", "former
#: Florida Gov. Jeb Bush", "Texas Sens. Ted Cruz and John Cornyn") makes the person the
#: state's senator / representative / governor (the state as the tagger found it); train:
#: 268 such titles in 840 articles
STATE_TITLES = 1
#: likewise a role in an appositive (or coordinated with one) belongs to the appositive's
#: head ("Nelson Diaz, a former aide to Mr. Rubio and now the chairman of the Republican
#: Party" -> Diaz, not Rubio)
APPOS_HOLDER = 1


def _is_role_word(w: str) -> bool:
    lw = w.casefold()
    return lw in ROLE_NOUNS or any(p in ROLE_NOUNS for p in lw.split("-"))


def _role_before(text: str) -> tuple[str, int] | None:
    """The job title ending ``text`` (scanned backwards) and its start offset."""
    words = list(_WORD.finditer(text))
    taken: list[re.Match] = []
    for m in reversed(words):
        w = m.group(0)
        lw = w.casefold()
        if lw in _LINK - _CONNECT or w in ",;:":
            break
        ok = w[:1].isupper() or lw in ROLE_NOUNS or lw in ROLE_MODIFIERS or lw in _CONNECT or (
            "-" in lw and all(p in ROLE_MODIFIERS or p in ROLE_NOUNS for p in lw.split("-") if p))
        if not ok:
            break
        taken.append(m)
    taken.reverse()
    while taken and (taken[0].group(0).casefold() in _CONNECT
                     or taken[0].group(0).casefold().endswith("-based")):
        taken.pop(0)
    if not taken or len(taken) > 12 or not any(_is_role_word(m.group(0)) for m in taken):
        return None
    start = taken[0].start()
    return text[start:].strip(), start


def _link_words(text: str) -> list[str] | None:
    """The linking words of ``text`` (between a person and a role), or None if any other word."""
    words = [w.casefold() for w in _WORD.findall(_PAREN.sub(" ", text)) if w not in ",;:"]
    words = [w[:-1] if w.endswith("-") else w for w in words]
    # an appositive title may come first: "X, an economist who served as director of Y"
    # "a Washington-based developer and spokeswoman for Y": a place-based modifier is a role word
    ok = all(w in _LINK or w in ROLE_NOUNS or w in ROLE_MODIFIERS or w.endswith("-based")
             for w in words)
    return words if ok else None


def _former(words: Iterable[str]) -> bool:
    ws = set(words)
    former = _FORMER | _PAST if PAST_IS_FORMER else _FORMER
    return bool(ws & former) and not ws & _CURRENT


class _Sentence:
    def __init__(self, text: str, start: int, end: int, items: list[tuple[Mention, str]]):
        self.text, self.start, self.end, self.items = text, start, end, items


def _items(mentions: list[Mention], types: dict[str, str]) -> list[tuple[Mention, str]]:
    """Non-overlapping person/organization mentions, longest first where they overlap."""
    out: list[tuple[Mention, str]] = []
    for m in sorted(mentions, key=lambda m: (m.span.start, -(m.span.end - m.span.start))):
        t = types.get(m.entity)
        if t not in ("Person", "Organization"):
            continue
        if out and m.span.start < out[-1][0].span.end:
            continue
        out.append((m, t))
    return out


def find_memberships(article: Article, doc, entities: Iterable[Entity],
                     mentions: Iterable[Mention]) -> tuple[Membership, ...]:
    """Every person-role-organization statement of ``article``.

    ``mentions`` must be sorted by start offset (as :func:`build_entities`
    returns them).
    """
    types = {e.key: e.type for e in entities}
    mentions = tuple(mentions)
    mlist = [m for m in mentions if types.get(m.entity) in ("Person", "Organization")]
    if PARTY_STATE_MEMBERSHIPS:
        # a tag's party ("Sens. A (D-N.J.), B (D-W.Va.) and C") is no organization of the text
        tags = [(t.party_start, t.end) for t in party_state_tags(article.text)]
        if tags:
            mlist = [m for m in mlist if not any(a <= m.span.start < b for a, b in tags)]
    named = {m.entity for m in mlist if types[m.entity] == "Organization"}
    chambers = {title: next((k for k in keys if k in named), None)
                for title, keys in (("senator", _SENATE), ("representative", _HOUSE),
                                    ("congress", _CONGRESS))}
    text = article.text
    found: dict[tuple, Membership] = {}
    i = 0
    last_person: tuple[int, Mention] | None = None
    for sent in doc.sents:
        a, b = sent.start_char, sent.end_char
        while i < len(mlist) and mlist[i].span.start < a:
            i += 1
        j = i
        while j < len(mlist) and mlist[j].span.start < b:
            j += 1
        items = _items(mlist[i:j], types)
        para = article.paragraph_at(a)
        pno = para.index if para else 1
        prev = last_person[1] if last_person and last_person[0] == pno else None
        for m in _sentence_memberships(text, a, b, items, prev, chambers, sent):
            found.setdefault((m.person, m.organization, m.role.casefold(), m.former),
                             Membership(m.person, m.organization, m.role, m.former, m.evidence,
                                        pno))
        persons = [m for m, t in items if t == "Person"]
        if persons:
            last_person = (pno, persons[-1])
    if PARTY_STATE_MEMBERSHIPS:
        for m in _party_state(text, mlist, mentions, types):
            para = article.paragraph_at(m.evidence.start)
            found.setdefault((m.person, m.organization, m.role.casefold(), m.former),
                             Membership(m.person, m.organization, m.role, m.former, m.evidence,
                                        para.index if para else 1))
    if STATE_TITLES:
        for m in _state_titles(text, _items(mlist, types), mentions):
            para = article.paragraph_at(m.evidence.start)
            found.setdefault((m.person, m.organization, m.role.casefold(), m.former),
                             Membership(m.person, m.organization, m.role, m.former, m.evidence,
                                        para.index if para else 1))
    if ORG_POSSESSIVE_PERSON:
        for m in _org_possessive(text, entities, _items(mlist, types)):
            para = article.paragraph_at(m.evidence.start)
            found.setdefault((m.person, m.organization, "", False),
                             Membership(m.person, m.organization, "", False, m.evidence,
                                        para.index if para else 1))
    return tuple(found.values())


def _org_possessive(text: str, entities: Iterable[Entity], items) -> list[Membership]:
    """"Breitbart’s Joel Pollak", "National Review’s Jonah Goldberg": an organization's
    person, the affiliation without a role. Not an organization name that is a person's
    surname ("Trump’s Mike Pence", the tagger's ORG for Trump)."""
    surnames = {e.name.split()[-1].casefold() for e in entities
                if e.type == "Person" and len(e.name.split()) > 1}
    names = {e.key: e.name for e in entities}
    out = []
    for k in range(1, len(items)):
        (org, to), (person, tp) = items[k - 1], items[k]
        if to != "Organization" or tp != "Person" or text[org.span.end:person.span.start] \
                not in ("'s ", "’s "):
            continue
        if names.get(org.entity, "").casefold() in surnames or " " not in person.span.text:
            continue
        # "Caixin Weekly's Wang Liwei, Ding Feng, and Wang Shiyu": each of them
        for p in [person] + _coordinated(text, items, k):
            out.append(Membership(p.entity, org.entity, "", False,
                                  Span(org.span.start, p.span.end,
                                       text[org.span.start:p.span.end]), 0))
    return out


def _sentence_memberships(text: str, a: int, b: int, items: list[tuple[Mention, str]],
                          prev_person: Mention | None,
                          chambers: dict[str, str | None] | None = None,
                          sent=None) -> list[Membership]:
    out: list[Membership] = []

    def emit(person: Mention, org: Mention, role: str, former: bool, s: int, e: int) -> None:
        if person.entity != org.entity:
            out.append(Membership(person.entity, org.entity, " ".join(role.split()), former,
                                  Span(s, e, text[s:e]), 0))

    # chain[k] = (person, end of the last role clause) for the person owning item k's roles
    chain_end: dict[int, tuple[Mention, int]] = {}
    for k, (m, t) in enumerate(items):
        if t != "Organization":
            if t == "Person":
                left = text[items[k - 1][0].span.end if k else a:m.span.start]
                _founded(text, items, k, left, emit)
                _firm_of(text, items, k, left, emit)
                _title_before(text, items, k, emit)
                # "Sens." may end spaCy's sentence: look back past the sentence start
                _legislator(text, items, k, text[max(items[k - 1][0].span.end if k else 0,
                                                     m.span.start - 60):m.span.start],
                            chambers or {}, emit)
            continue
        seg_start = items[k - 1][0].span.end if k else a
        left = text[seg_start:m.span.start]
        if k and items[k - 1][1] == "Person" and _appositive_title(text, items, k, left, b, emit):
            continue
        # "Yale Law School's Paul Tsai China Center": this organization is a unit of the previous
        if k and items[k - 1][1] == "Organization" and _POSS_UNIT.match(left) and k - 1 in chain_end:
            prev_org_person, _ = chain_end[k - 1]
            for x in out[::-1]:
                if x.organization == items[k - 1][0].entity and x.person == prev_org_person.entity:
                    out.remove(x)
                    emit(prev_org_person, m, x.role, x.former, x.evidence.start, m.span.end)
                    break
            chain_end[k] = (prev_org_person, m.span.end)
            continue
        pm = _PREP.search(left) or (ORG_MODIFIERS and _PREP_MODIFIED.search(left))
        if not pm:
            continue
        role = _role_before(left[:pm.start()])
        if role is None:
            continue
        role_text, role_off = role
        if pm.group(1) == "to" and role_text.split()[-1].casefold() not in _TO_ROLES:
            continue
        role_start = seg_start + role_off
        # who holds it: the person this clause chain started from
        person, link_from = None, None
        for q in range(k - 1, -1, -1):
            pq, tq = items[q]
            if tq == "Person":
                person, link_from = pq, pq.span.end
                break
            if q in chain_end:
                person, link_from = chain_end[q]
                break
        if person is None and prev_person is not None and _PRONOUN_START.match(text[a:role_start]):
            person, link_from = prev_person, None
            words = _link_words(text[a:role_start].split(None, 1)[-1] if text[a:role_start].strip()
                                else "")
        else:
            words = None
            if person is not None and role_start - link_from <= MAX_GAP:
                words = _link_words(text[link_from:role_start])
        if (COPULA_SUBJECT or APPOS_HOLDER) and sent is not None:
            # "X, former adviser to Y, is Senior Fellow at Z": the copula's subject holds it,
            # not Y, the person nearest the role
            got = _parse_holder(sent, items[:k], role_start, role_start + len(role_text))
            if got is not None and (words is None or got[0] is not person):
                if words is None and got[2]:
                    role_text = got[2]  # "a Republican media consultant with ..."
                person, words = got[0], got[1] if words is None else words
                link_from = person.span.end
        if words is None:
            continue
        end = m.span.end
        div = _POSS_DIVISION.match(text[end:b])
        if div and not (k + 1 < len(items) and items[k + 1][0].span.start <= end + div.end()):
            role_text = f"{role_text} {pm.group(0).split()[0]} {div.group(1)}"
            end += div.end()
        lw = role_text.casefold()
        former = _former(words) or lw.startswith("ex-")
        emit(person, m, role_text, former, person.span.start if link_from is not None
             else role_start, end)
        chain_end[k] = (person, end)
    return out


_COPULAS = frozenset({"be", "become", "remain"})


def _parse_holder(sent, items, role_start: int, role_end: int
                  ) -> tuple[Mention, list[str], str] | None:
    """(person, words between the person and the role, the role as the parse spans it)
    when the role ending at ``role_end`` is the complement of a copula ("is", "became",
    "remains") whose subject is a person mention of ``items`` (earlier in the sentence),
    or an appositive to such a mention (through a coordination: "X, a former aide to Y and
    now the chairman of Z"); None otherwise."""
    doc = sent.doc
    tok = next((t for t in sent if t.idx < role_end <= t.idx + len(t.text)), None)
    if tok is None:
        return None
    start = tok
    for _ in range(4):
        if start.dep_ != "conj" or start.head.i >= start.i:
            break
        start = start.head
    if APPOS_HOLDER and start.dep_ == "appos" and start.head.i < start.i:
        head = start.head
        for m, t in items:
            if t == "Person" and m.span.start <= head.idx < m.span.end:
                between = doc.text[m.span.end:start.left_edge.idx]
                if re.search(r"[A-Z]", between):
                    return None  # "Clinton, Tanden, head of ...": another name between
                words = [w.casefold() for w in _WORD.findall(doc.text[start.left_edge.idx:
                                                                      role_start])
                         if w not in ",;:"]
                return m, words, _parse_role(tok)
        return None
    if COPULA_SUBJECT and tok.dep_ == "attr" and tok.head.lemma_ in _COPULAS:
        verb = tok.head
        for subj in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
            for m, t in items:
                if t == "Person" and m.span.start <= subj.idx < m.span.end:
                    between = doc.text[verb.idx:role_start]
                    words = [w.casefold() for w in _WORD.findall(between) if w not in ",;:"]
                    return m, words, ""
    return None


def _parse_role(tok) -> str:
    """The role noun ``tok`` with its modifiers before it, without an article, a possessor
    or a word of formerness ("a Republican media consultant" -> "Republican media
    consultant"); "" when that is not one run of words."""
    doc = tok.doc
    first = tok.left_edge.i
    for t in doc[tok.left_edge.i:tok.i]:
        if t.dep_ in ("det", "poss", "case", "punct", "prep", "pobj") or t.lower_ in _FORMER \
                or PAST_IS_FORMER and t.lower_ in _PAST \
                or t.lower_ in _CURRENT or t.lower_ in ("ex", "onetime", "longtime"):
            first = t.i + 1
    while first < tok.i and first > 0 and doc[first - 1].text == "-" \
            and not doc[first - 1].whitespace_:
        first += 1  # "trotting" of "globe-trotting"
    words = doc[first:tok.i + 1]
    if any(not t.is_alpha and "-" not in t.text for t in words):
        return ""
    return words.text


def _nearest_org(items, k: int) -> Mention | None:
    for q in range(k - 1, -1, -1):
        if items[q][1] == "Organization":
            return items[q][0]
        if items[q][1] == "Person":
            return None
    return None


def _founded(text, items, k, left, emit) -> None:
    fm = _FOUNDED.search(left)
    if not fm:
        return
    org = _nearest_org(items, k)
    if org is not None:
        person = items[k][0]
        emit(person, org, _FOUNDED_ROLE[fm.group(1).casefold()], False, org.span.start,
             person.span.end)


def _firm_of(text, items, k, left, emit) -> None:
    fm = _FIRM_OF.search(left)
    if not fm:
        return
    org = _nearest_org(items, k)
    if org is None:
        return
    person = items[k][0]
    end = person.span.end
    role, former = "", bool(fm.group(1))
    ap = _APPOSITIVE.match(text[end:end + 120])
    if ap and _is_role_word(ap.group(2).split()[-1]):
        role = ap.group(2)
        former = former or bool(ap.group(1))
        end += ap.end()
    emit(person, org, role, former, org.span.start, end)


def _coordinated(text, items, k) -> list[Mention]:
    """The persons coordinated with person ``k``: "A (D-Ore.), B (D-Ohio) and C"."""
    out = []
    while k + 1 < len(items) and items[k + 1][1] == "Person" and _COORD.match(
            text[items[k][0].span.end:items[k + 1][0].span.start]):
        k += 1
        out.append(items[k][0])
    return out


def _singular(word: str) -> str | None:
    """``word`` without its plural ending when that gives a role noun."""
    lw = word.casefold()
    for cut, add in (("men", "man"), ("ies", "y"), ("s", "")):
        if lw.endswith(cut) and lw[:-len(cut)] + add in ROLE_NOUNS:
            return word[:-len(cut)] + add
    return None


def _title_before(text, items, k, emit) -> None:
    """'Goldman Sachs CEO David Solomon', 'Wells Fargo board member Elaine Chao'."""
    if not k or items[k - 1][1] != "Organization":
        return
    org, person = items[k - 1][0], items[k][0]
    tm = _TITLE_BEFORE.match(text[org.span.end:person.span.start])
    if not tm:
        return
    words = tm.group(1).split()
    former = words[0].casefold() in _FORMER or bool(
        _FORMER_BEFORE.search(text[max(0, org.span.start - 12):org.span.start]))
    if words[0].casefold() in _FORMER:
        words = words[1:]
    if not words or words[0].casefold() in ("campaign", "administration"):
        return  # "Trump campaign chairman": the name is a person's, not the employer
    lower = [w for w in words if not w[:1].isupper()]
    plural = None
    if lower or not any(_is_role_word(w) for w in words):
        # a lower-case title must be all role words and end in a role noun
        if any(w.casefold() not in ROLE_NOUNS and w.casefold() not in ROLE_MODIFIERS
               and w.casefold() not in _TITLE_QUALIFIERS
               for w in words[:-1] if not w[:1].isupper()):
            return
        if not _is_role_word(words[-1]):
            plural = _singular(words[-1])
            if plural is None:
                return
    if any(not w[:1].isupper() and not w[:1].islower() for w in words):
        return  # digits, symbols: not a title
    role = " ".join(words[:-1] + [plural]) if plural else " ".join(words)
    persons = [person] + (_coordinated(text, items, k) if plural else [])
    for p in persons:
        emit(p, org, role, former, org.span.start, p.span.end)


def _appositive_title(text, items, k, left, b, emit) -> bool:
    """'John Roe, Acme Bank's chief executive,' / 'Jane Doe, a former Acme Bank economist'."""
    lm = _APPOS_LEFT.match(left)
    if not lm:
        return False
    org, person = items[k][0], items[k - 1][0]
    tm = _APPOS_TITLE.match(text[org.span.end:b])
    if not tm:
        return False
    words = tm.group(1).split()
    if not _is_role_word(words[-1]) or any(
            w.casefold() not in ROLE_NOUNS and w.casefold() not in ROLE_MODIFIERS
            and w.casefold() not in _TITLE_QUALIFIERS for w in words):
        return False
    emit(person, org, " ".join(words), bool(lm.group(1)), person.span.start,
         org.span.end + tm.end(1))
    return True


def _legislator(text, items, k, left, chambers, emit) -> None:
    """'Massachusetts Sen. Elizabeth Warren', 'Sens. Jon Tester (D-Mont.) and David Vitter'."""
    lm = _LEGISLATOR.search(left)
    if not lm or lm.group("state"):
        return
    title = lm.group("title").casefold()
    role = "senator" if title.startswith("sen") else "representative"
    org = chambers.get(role) or chambers.get("congress")
    if org is None:
        return
    plural = title in ("sens.", "senators", "reps.", "representatives") or title.endswith("men")
    person = items[k][0]
    start = person.span.start - len(left) + lm.start("title")
    former = bool(lm.group("former"))
    for p in [person] + (_coordinated(text, items, k) if plural else []):
        emit(p, _OrgRef(org), role, former, start, p.span.end)


class _OrgRef:
    """An organization known by key only (a chamber the article names elsewhere)."""

    def __init__(self, entity: str):
        self.entity = entity


#: a title that starts with a chamber ("Senate Majority Leader Mitch McConnell (R-Ky.)",
#: "House Judiciary Committee Chairman Bob Goodlatte (R-Va.)", "National Republican
#: Senatorial Committee Chairman Roger Wicker") makes the tagged person its senator or
#: representative, not a "legislator"
CHAMBER_TITLES = 1
_CHAMBER_TITLE = re.compile(r"(?:^|[^\w])(?<!White )(?P<ch>Senate|Senatorial|House)(?: [A-Z][\w.'-]*){1,5} $")
_GOVERNOR = re.compile(r"(?:^|[^\w.])(?P<former>former\s+|ex-|then-)?(?:Gov\.|Governor)\s+$")
_SPEAKER = re.compile(r"(?:^|[^\w.])(?P<former>former\s+|ex-|then-)?(?:House\s+)?Speaker\s+$")


def _title_of(text: str, start: int) -> tuple[str, bool, bool] | None:
    """(role, former, plural) of a legislator's or governor's title right before ``start``."""
    left = text[max(0, start - 60):start]
    lm = _LEGISLATOR.search(left)
    if lm:
        title = lm.group("title").casefold()
        role = "senator" if title.startswith("sen") else "representative"
        plural = title in ("sens.", "senators", "reps.", "representatives") or title.endswith("men")
        return ("state " + role if lm.group("state") else role), bool(lm.group("former")), plural
    for rx, role in ((_GOVERNOR, "governor"), (_SPEAKER, "representative")):
        gm = rx.search(left)
        if gm:
            return role, bool(gm.group("former")), False
    cm = _CHAMBER_TITLE.search(left) if CHAMBER_TITLES else None
    if cm:
        return ("representative" if cm.group("ch") == "House" else "senator"), False, False
    return None


def _party_state(text: str, mlist: list[Mention], mentions: Iterable[Mention],
                 types: dict[str, str]) -> list[Membership]:
    """Memberships of a party-state tag after a person's name (PARTY_STATE_MEMBERSHIPS):
    the tag's party and state are the entities whose mentions entities.PARTY_STATE_TAGS
    put at the tag's spans."""
    at = {(m.span.start, m.span.end): m.entity for m in mentions}
    persons = [m for m in mlist if types.get(m.entity) == "Person"]
    titles: dict[str, tuple[str, bool, bool]] = {}
    for m in persons:
        t = _title_of(text, m.span.start)
        if t is not None:
            titles.setdefault(m.entity, t)
    out = []
    prev: tuple[Mention, tuple[str, bool, bool] | None] | None = None
    for m in persons:
        tag = party_state_tag(text, m.span.end)
        if tag is None:
            continue
        title = _title_of(text, m.span.start)
        if title is None and prev is not None and prev[1] is not None and prev[1][2] \
                and _COORD.match(text[prev[0].span.end:m.span.start]):
            title = prev[1]  # "Sens. Jon Tester (D-Mont.) and David Vitter (R-La.)"
        prev = (m, title)
        title = title or titles.get(m.entity)
        ev = Span(m.span.start, tag.end, text[m.span.start:tag.end])
        party = at.get((tag.party_start, tag.party_end))
        if tag.party and party is not None:
            out.append(Membership(m.entity, party, "member", False, ev, 0))
        if tag.appositive and title is None:
            continue  # "Jane Roe, a Democrat from Ohio": a voter, no office
        state = at.get((tag.state_start, tag.state_end))
        if state is None or state == m.entity:
            continue
        role, former, _plural = title or ("legislator", False, False)
        if not tag.party:
            role = "independent " + role
        out.append(Membership(m.entity, state, role, former, ev, 0))
    return out


_STATE_TITLE = re.compile(
    r"(?:^|[^\w.-])(?P<former>(?:[Ff]ormer|[Ee]x-|[Tt]hen-)\s*)?(?P<state>[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
    r"\s+(?:(?:Democratic|Republican|GOP)\s+)?(?P<title>Sens?\.|Senators?|Reps?\.|"
    r"Representatives?|Congress(?:wo)?m[ae]n|Gov\.|Governors?)\s+$")


def _state_titles(text: str, items, mentions: Iterable[Mention]) -> list[Membership]:
    """Memberships of STATE_TITLES: "Ohio Gov. John Kasich" -> governor of Ohio."""
    ends = {m.span.end: m.entity for m in mentions}
    out = []
    for k, (m, t) in enumerate(items):
        if t != "Person":
            continue
        left = text[max(0, m.span.start - 60):m.span.start]
        sm = _STATE_TITLE.search(left)
        if not sm or us_state(sm.group("state")) != sm.group("state"):
            continue
        off = m.span.start - len(left)
        state = ends.get(off + sm.end("state"))
        if state is None:
            continue
        title = sm.group("title").casefold()
        role = "senator" if title.startswith("sen") else "governor" if title.startswith("gov") \
            else "representative"
        plural = title in ("sens.", "senators", "reps.", "representatives", "governors") \
            or title.endswith("men")
        start = off + sm.start("state")
        for p in [m] + (_coordinated(text, items, k) if plural else []):
            if p.entity != state:
                out.append(Membership(p.entity, state, role, bool(sm.group("former")),
                                      Span(start, p.span.end, text[start:p.span.end]), 0))
    return out
