"""Resolve an attribution's source to the full name it refers to.

Rules over spaCy's entities, not a coreference model: a pronoun takes the
nearest earlier compatible entity (he/she -> a person, it/they -> an
organization), a short name takes the earlier full name it ends ("Roach" ->
"Stephen Roach"), and "the bank" / "its research" take the nearest earlier
organization. A definite role noun ("the California congressman") is the
person named before it, not the place that modifies it; an appositive ("Stephen
Miran, a former strategist who ...") is the name it describes. Names listed in
a digest's directory win over spaCy's guesses.
"""

from __future__ import annotations

import re

from .cues import ORG_NOUNS, ORG_PRONOUNS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS, SPEECH_VERBS

_TITLES = re.compile(
    r"^(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen|president|senator|secretary|former)\.?\s+",
    re.I,
)
# a relative clause in a source span: ", who|which|that ...", " who|which ...", or a final "that"
_RELATIVE = re.compile(r"\s*,\s*(?:who|which|that)\b|\s+(?:who|which)\b|[\s,]*\bthat$", re.I)
#: a capitalised speech verb ending a name: a headline's "X Says" / "X Tells" / "X Said"
#: (belief verbs only where no surname is spelt the same: "Darryl Fears" is a name)
_HEADLINE_BELIEFS = frozenset("believe think expect want plan".split())
_HEADLINE_VERBS = "|".join(
    v.capitalize() for v in sorted(SPEECH_VERBS | _HEADLINE_BELIEFS, key=len, reverse=True))
_HEADLINE_VERB = re.compile(rf"(?:^|\s+)(?:Said|(?:{_HEADLINE_VERBS})(?:s|es))$")
_PERSONAL = ("PERSON",)
_ORGLIKE = ("ORG", "NORP", "GPE")


def doc_text(doc) -> str:
    """``doc.text``, computed once per doc (spaCy rebuilds it on every access)."""
    text = doc.user_data.get("claimgraph_text")
    if text is None:
        text = doc.user_data["claimgraph_text"] = doc.text
    return text


def strip_titles(name: str) -> str:
    """A name without its titles, possessive and stray punctuation ("Mr. Obama's" -> "Obama"),
    nor the headline verb the tagger ran into it ("Obama Says African-American Museum ..."
    tags "Obama Says" a person)."""
    name = _HEADLINE_VERB.sub("", name.strip())
    name = re.sub(r"['\u2019]s?$", "", name)
    while True:
        new = _TITLES.sub("", name)
        if new == name:
            return name.strip(" ,.")
        name = new


def _entities(doc):
    """(start_char, label, clean name) of every named entity, cached per doc."""
    cached = doc.user_data.get("claimgraph_ents")
    if cached is None:
        cached = [
            (e.start_char, e.end_char, e.label_, strip_titles(e.text))
            for e in doc.ents
            if e.label_ in _PERSONAL + _ORGLIKE
        ]
        doc.user_data["claimgraph_ents"] = cached
    return cached


def full_name(doc, name: str, before: int, label: str = "PERSON") -> str:
    """The earlier name of the same type that ``name`` ends or starts: the first one
    the text introduced ("Sen. Ted Cruz ... his father, Rafael Cruz ... Cruz said" is
    Ted Cruz), or the longest spelling of that same name ("Paul Ryan", "Paul D. Ryan")."""
    low = name.lower()
    found = []
    for s, _e, lab, n in _entities(doc):
        if s > before:
            break
        nl = n.lower()
        if lab == label and len(n) > len(name) and (nl.endswith(" " + low) or nl.startswith(low + " ")):
            found.append(n)
    if not found:
        return name
    first = found[0].split()
    same = [n for n in found if n.split()[0] == first[0] and n.split()[-1] == first[-1]]
    return max(same, key=len)


def _nearest(doc, before: int, labels, since: int = 0) -> str | None:
    found = None
    for s, _e, lab, n in _entities(doc):
        if s >= before:
            break
        if s < since:
            continue
        if lab in labels and n:
            found = (n, lab, s)
    if found is None:
        return None
    return full_name(doc, found[0], found[2], found[1])


def _subject_persons(doc) -> list[tuple[int, str]]:
    """(start_char, clean name) of every person named as a subject (or an
    appositive of one), cached per doc. A bare surname of a person named
    earlier counts whatever the entity tagger made of it: 'Schiff' tagged a
    place must not hand "he" to the person named before him."""
    cached = doc.user_data.get("claimgraph_subjects")
    if cached is None:
        cached = []
        surnames: dict[str, str] = {}
        for e in doc.ents:
            root = e.root
            subj = root.dep_ in ("nsubj", "nsubjpass") or (
                root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass"))
            if e.label_ == "PERSON":
                name = strip_titles(e.text)
                if " " in name:
                    surnames.setdefault(name.split()[-1], name)
                if subj and name:
                    cached.append((e.start_char, name))
            elif SURNAME_SUBJECTS and subj and len(e) == 1 and e.text in surnames:
                cached.append((e.start_char, surnames[e.text]))
        if SURNAME_SUBJECTS:
            # a surname subject the tagger did not take for an entity at all
            have = {s for s, _n in cached}
            for t in doc:
                if (t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and not t.ent_type_
                        and t.text in surnames and t.idx not in have):
                    first = doc_text(doc).find(surnames[t.text])
                    if 0 <= first < t.idx:
                        cached.append((t.idx, surnames[t.text]))
            cached.sort()
        doc.user_data["claimgraph_subjects"] = cached
    return cached


#: count a surname subject as its person whatever its entity label
SURNAME_SUBJECTS = 1


def _nearest_subject(doc, before: int, since: int = 0) -> str | None:
    """The last person named as a subject before ``before`` (the salient one)."""
    found = None
    for s, name in _subject_persons(doc):
        if s >= before:
            break
        if before - s > 1500 or s < since:
            continue
        found = (s, name)
    if found is None:
        return None
    return full_name(doc, found[1], found[0], "PERSON")


def _known_in(text: str, known: tuple[str, ...]) -> str | None:
    best = None
    low = text.lower()
    for name in known:
        forms = {name}
        m = re.match(r"(.+?)\s*\((.+)\)$", name)
        if m:
            forms |= {m.group(1), m.group(2)}
        for f in forms:
            if re.search(r"(?<![A-Za-z])" + re.escape(f.lower()) + r"(?![A-Za-z])", low):
                if best is None or len(name) > len(best):
                    best = name
    return best


def resolve_speaker(doc, source: tuple[int, int] | None, source_tok: int | None = None,
                    known: tuple[str, ...] = ()) -> str | None:
    """The full name an attribution's source refers to.

    Args:
        doc: the parsed document.
        source: char range of the source span, or None.
        source_tok: index of the source's head token, if known.
        known: canonical names (e.g. a digest's directory entries) preferred
            when they occur in the source span.

    Returns:
        The resolved name, the source text itself when it names no entity
        (e.g. "analysts"), or None when there is no source.
    """
    if source is None:
        return None
    a, b = source
    text = doc_text(doc)[a:b]
    # "X, who said ...": the span runs through the relative pronoun
    # and "Schiff, 56, who has served on the Committee": the relative clause is not the source
    rel = _RELATIVE.search(text)
    if rel and rel.start() > 0:
        text, b = text[: rel.start()], a + rel.start()
    head = doc[source_tok] if source_tok is not None else None
    if head is not None and head.ent_type_ in ("PERSON", "ORG") and a <= head.idx < b:
        # the head names the speaker ("Stephen Roach, former economist at X")
        for s, e, lab, n in _entities(doc):
            if s <= head.idx < e:
                hit = _known_in(n, known)
                return hit or full_name(doc, n, s, lab)
    hit = _known_in(text, known)
    if hit:
        return hit
    ents = [x for x in _entities(doc) if x[0] >= a and x[1] <= b]
    if head is not None and head.dep_ == "appos" and not any(x[2] == "PERSON" for x in ents):
        # "Stephen Miran, a former strategist who wrote ...": the name it describes
        for s, e, lab, n in _entities(doc):
            if s <= head.head.idx < e and lab in ("PERSON", "ORG"):
                return _known_in(n, known) or full_name(doc, n, s, lab)
    if head is not None and _definite_role(head) and not any(x[2] == "PERSON" for x in ents):
        # "the California congressman said": a person named before, not the place
        found = _previous_person(doc, a)
        if found:
            return found
    if AGENT_SPEAKER and head is not None and ents:
        own = agent_speaker(doc, head, ents, text, a, b)
        if own is not None:
            return own
    # "An attorney for Pagliano, Mark MacDougall": a name the source's head owns
    # or governs through a preposition is not the speaker while another is named
    ents.sort(key=lambda x: _modifier(doc, x[0], x[1], a, b))
    for labels in (_PERSONAL, ("ORG",), _ORGLIKE):
        for s, _e, lab, n in ents:
            if lab in labels:
                return full_name(doc, n, s, lab)
    words = [w.lower() for w in re.findall(r"[\w']+", text)]
    if not words:
        return None
    first, last = words[0], words[-1]
    if head is not None:
        last = head.lower_
    if len(words) <= 2 and (first in PERSON_PRONOUNS or last in PERSON_PRONOUNS):
        found = _previous_person(doc, a)
        if found:
            return found
    if first in ORG_PRONOUNS or last in ORG_PRONOUNS or last in ORG_NOUNS or first in ORG_NOUNS:
        found = _known_before(doc, a, known) or _nearest(doc, a, ("ORG",))
        if found:
            return found
    if head is not None and head.pos_ == "PROPN":
        # the name itself, without an appositive age or title after it ("Schiff, 56")
        return full_name(doc, strip_titles(text.split(",")[0]), a, "PERSON")
    return strip_titles(text) or None


#: "Scott's family said", "Pagliano's lawyer said", "Trump's campaign said": the
#: speaker is the family, the lawyer (by name when the article names him), the
#: campaign, never the person they belong to
AGENT_SPEAKER = 1
#: heads (lemmas) of a source that speaks for itself, not for the name it hangs on
#: (a spokesman's or an office's words stay their principal's)
AGENT_NOUNS = frozenset(
    """
    family lawyer attorney counsel campaign wife husband widow son daughter father
    mother parent brother sister relative child aide adviser advisor friend
    """.split()
)
#: agent nouns that are one person (in the singular); the others are groups
_PERSON_AGENTS = AGENT_NOUNS - frozenset(("family", "campaign", "parent"))
_SAME_ROLE = {"attorney": "lawyer", "counsel": "lawyer", "advisor": "adviser"}
_POSSESSIVE = re.compile(r"\w['\u2019]s?\s")


def agent_type(name: str) -> str | None:
    """The entity type of a speaker :func:`agent_speaker` named by its own phrase
    ("Scott's family": Organization, "Pagliano's lawyer": Person), else None."""
    words = name.split()
    if len(words) < 2:
        return None
    if _POSSESSIVE.search(name):
        word = words[-1].lower()  # "Scott's family", "Mr. Rubio's father and mother"
    elif len(words) > 2 and words[1].lower() in ("for", "of"):
        word = words[0].lower()  # "attorney for Pagliano"
    else:
        return None
    sing = word[:-1] if word.endswith("s") and word[:-1] in AGENT_NOUNS else word
    if sing not in AGENT_NOUNS:
        return None
    group = sing != word or " and " in name
    return "Person" if not group and sing in _PERSON_AGENTS else "Organization"


def agent_speaker(doc, head, ents, text: str, a: int, b: int) -> str | None:
    """The speaker of a source whose head is a kin, counsel or campaign noun and
    whose only names are the ones it belongs to ("Scott's family", "an attorney
    for Pagliano"): the person the article names in that role ("An attorney for
    Pagliano, Mark MacDougall, ..."), else the phrase itself, never the possessor."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in AGENT_NOUNS or not a <= head.idx < b:
        return None
    if not all(_modifier(doc, s, e, a, b) for s, e, _lab, _n in ents):
        return None
    owners = {n.split()[-1].lower() for _s, _e, _lab, n in ents if n}
    named = _named_agent(doc, head, owners)
    if named:
        return named
    phrase = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,;:"), flags=re.I)
    return strip_titles(phrase) or None


def _named_agent(doc, head, owners: set[str]) -> str | None:
    """The person named as the same role of the same owner, in the source's
    sentence or before it: "Pagliano's lawyer, Mark MacDougall", "Mark MacDougall,
    an attorney for Pagliano"."""
    role = _SAME_ROLE.get(head.lemma_.lower(), head.lemma_.lower())
    for t in doc[: head.sent.end]:
        if t.pos_ != "NOUN" or _SAME_ROLE.get(t.lemma_.lower(), t.lemma_.lower()) != role:
            continue
        own = [c for c in t.children if c.dep_ == "poss"]
        own += [p for c in t.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                for p in c.children if p.dep_ == "pobj"]
        if not any(o.lower_ in owners or o.text.split("'")[0].lower() in owners for o in own):
            continue
        names = [c for c in t.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        # "an attorney for Pagliano, Mark MacDougall": the parser hangs the name on the owner's
        names += [c for o in own if o.dep_ == "pobj" for c in o.children
                  if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        if t.dep_ == "appos" and t.head.ent_type_ == "PERSON":
            names.append(t.head)
        for n in names:
            for s, e, lab, name in _entities(doc):
                if s <= n.idx < e and lab == "PERSON":
                    return full_name(doc, name, s, lab)
    return None


def _modifier(doc, start: int, end: int, a: int, b: int) -> bool:
    """Whether the name at chars ``[start, end)`` hangs, inside the source span
    ``[a, b)``, from a possessive or a preposition ("Pagliano's lawyer", "an
    attorney for Pagliano") rather than naming the source itself."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        # "an attorney for Pagliano, Mark MacDougall": the parser hangs the
        # second name on the first; one person's appositive name is the source's
        return False
    for _ in range(8):
        if tok.dep_ in ("poss", "pobj"):
            return True
        if tok.head is tok or not a <= tok.head.idx < b:
            return False
        tok = tok.head
    return False


def _definite_role(head) -> bool:
    """'the (California) congressman': a singular role noun with a definite article."""
    if head.pos_ != "NOUN" or head.tag_ != "NN" or head.lemma_.lower() not in PERSON_ROLE_NOUNS:
        return False
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children)


def _previous_person(doc, before: int) -> str | None:
    """The salient person before ``before``: its paragraph first, then the text."""
    para = doc_text(doc).rfind("\n", 0, before) + 1
    return (_nearest_subject(doc, before, para) or _nearest(doc, before, _PERSONAL, para)
            or _nearest_subject(doc, before) or _nearest(doc, before, _PERSONAL))


def _known_before(doc, before: int, known: tuple[str, ...]) -> str | None:
    """The directory name mentioned last before ``before``."""
    if not known:
        return None
    window = doc_text(doc)[max(0, before - 1500) : before]
    best, pos = None, -1
    for name in known:
        forms = [name] + list(re.findall(r"\((.+?)\)", name))
        for f in forms:
            i = window.rfind(f)
            if i > pos:
                best, pos = name, i
    return best
