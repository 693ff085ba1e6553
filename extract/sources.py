"""Who is the source: the subject behind a cue, found over spaCy's parse.

The attribution extractor (:mod:`claimgraph.extract.attribution`) proposes
cues and contents; the functions here find each cue's source noun phrase
(climbing through coordinated and embedded clauses, passives, relative
clauses and participles) and the char spans it covers. Pure functions of a
parsed ``Doc``; :mod:`claimgraph.extract.coref` then resolves a source span to
the full name it refers to.
"""

from __future__ import annotations

from .coref import doc_text
from .cues import ATTITUDE_ADJS, ORG_NOUNS, PERSON_ROLE_NOUNS, PRONOUNS, cue_family

OPEN_QUOTES = "\u201c\"'`"
_TRIM = " \t\r\n,;:.-\u2014\u2013"
SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
_CLAUSE_UP = ("conj", "xcomp", "advcl", "ccomp", "acl", "pcomp")
#: a passive's subject is the source when there is no agent ("The Times is expected to ...")
PASSIVE_SUBJ = 1
#: "responded by saying that ...": climb through the preposition to its verb
PREP_UP = 1
#: a participle's source is the noun it modifies, unless that noun is an object
ACL_HEAD = 1

# --------------------------------------------------------------------------- spans


def trim(text: str, start: int, end: int, keep_quotes: bool = True) -> tuple[int, int]:
    """Strip spaces and clause punctuation at both ends (quote marks stay)."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if not keep_quotes:
        while start < end and text[start] in OPEN_QUOTES:
            start += 1
    return start, end


def tok_span(doc, first: int, last: int) -> tuple[int, int]:
    """Char range of tokens ``first..last`` (inclusive), trimmed."""
    a = doc[first].idx
    b = doc[last].idx + len(doc[last].text)
    return trim(doc_text(doc), a, b)


def subtree_span(doc, tok) -> tuple[int, int]:
    """Char range of ``tok``'s whole subtree, trimmed."""
    return tok_span(doc, tok.left_edge.i, tok.right_edge.i)


def noun_phrase(doc, tok) -> tuple[int, int]:
    """A source noun phrase: the token's subtree, or up to a relative clause."""
    return subtree_span(doc, tok)


# --------------------------------------------------------------------------- sources


def subject_of(tok, keep_said: bool = False):
    """The subject token governing verb ``tok`` (climbing through conj/xcomp).

    A passive speech or belief verb's subject (:func:`said_of`) is none, unless
    ``keep_said`` (the scorer's features still describe it)."""
    cur = tok
    own = True  # the subject is the cue's own (not a clause's it heads or joins)
    for _ in range(4):
        for c in cur.children:
            if c.dep_ in ("nsubj", "csubj"):
                if c.lower_ in ("who", "which", "that") and cur.dep_ == "relcl":
                    return cur.head, "relcl"
                return c, "nsubj"
            if c.dep_ == "nsubjpass":
                # passive: the agent ("by X") is the source, if any
                for a in cur.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            if p.dep_ == "pobj":
                                return p, "agent"
                if PASSIVE_SUBJ and c.lower_ not in ("it", "there", "this", "that", "which", "who", "what") \
                        and not (SAID_OF and own and not keep_said and said_of(cur)):
                    # "Voters are poised to ...", "Clinton is assured of ...": the subject holds it
                    return c, "passive_subj"
                return None, "passive"
        for c in cur.children:
            if c.dep_ == "agent":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return p, "agent"
        if cur.dep_ == "relcl":
            return cur.head, "relcl"
        if PREP_UP and cur.dep_ == "prep" and cur.head is not cur and cur.head.pos_ in ("VERB", "AUX") \
                and any(c.dep_ == "pcomp" for c in cur.children):
            # "responded by saying that ...": through the preposition to its verb
            # ("X was quoted as saying": X says it)
            cur, own = cur.head, False
            continue
        if CONJ_SPEAKER and cur.dep_ == "conj" and cue_family(cur.lemma_.lower()) and \
                _in_content_of_cue(cur.head):
            # "He analyzes that X is less, and notes that ...": the parse joined
            # "notes" to the content's verb; it coordinates with "analyzes"
            cur, own = cur.head.head, False
            continue
        if cur.dep_ in _CLAUSE_UP and cur.head is not cur:
            via, cur = cur.dep_, cur.head
            own = False  # "X was asked about it and said ...", "X is expected to announce": X does
            if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ in ("dobj", "pobj"):
                # "published a report stating that ...": up to the verb
                cur = cur.head.head if cur.dep_ == "pobj" else cur.head
            elif ACL_HEAD and via == "acl" and cur.pos_ in ("NOUN", "PROPN"):
                # "There were also emails that night showing that ...": the emails
                return cur, "acl"
            continue
        break
    return None, "none"


CONJ_SPEAKER = 1
#: a speech or belief verb in the passive speaks of its subject, not for it ("X was
#: accused of ...", "X is expected to ...": train, 8 tenths, 91 such gold attributions
#: have no source, 11 the subject). The score cannot reward it (a gold attribution with
#: no source takes any source as right): held-out tenths 0 and 5, attribution F1 the
#: same, who-said-what -.0005 / -.0010; claims no longer make X their speaker.
SAID_OF = 1


def said_of(verb) -> bool:
    """Is ``verb`` a true passive of a speech or belief verb ('was accused', 'is
    expected'), whose subject is what is said or thought of, not who says it? Not
    'has said' written "'s said", nor a participle of attitude ('is convinced')."""
    return (cue_family(verb.lemma_.lower()) is not None and verb.lower_ not in ATTITUDE_ADJS
            and any(a.dep_ == "auxpass" and a.lower_ not in ("'s", "\u2019s") for a in verb.children))


def _in_content_of_cue(head) -> bool:
    """Is ``head`` a non-cue verb heading the clausal content of a speech or belief
    verb, with a subject that could not say or think anything ('the amount is less')?"""
    return (head.dep_ == "ccomp" and head.head is not head and not cue_family(head.lemma_.lower())
            and cue_family(head.head.lemma_.lower()) is not None and not _animate_subject(head))


def _animate_subject(verb) -> bool:
    for c in verb.children:
        if c.dep_ in SUBJ_DEPS:
            return (c.pos_ == "PRON" or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                    or c.lemma_.lower() in PERSON_ROLE_NOUNS or c.lemma_.lower() in ORG_NOUNS)
    return False


def coordinated_cue_start(doc, comp, end: int) -> int:
    """Where '..., and notes that ...' starts inside a content clause: a cue verb
    joined to the content's verb with no subject of its own is the speaker's next
    attribution, not part of this content."""
    if not CONJ_SPEAKER or cue_family(comp.lemma_.lower()) or _animate_subject(comp):
        return end
    for k in comp.children:
        if k.dep_ == "conj" and k.i > comp.i and cue_family(k.lemma_.lower()) and \
                not any(x.dep_ in SUBJ_DEPS for x in k.children):
            cut = k.left_edge.i
            while cut > comp.i and doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            return trim(doc_text(doc), doc[comp.left_edge.i].idx, doc[cut].idx)[1]
    return end


def clip_lines(text: str, span: tuple[int, int], anchor: int) -> tuple[int, int]:
    """Cut a span at the line breaks around ``anchor`` (a head's offset)."""
    a, b = span
    nl = text.rfind("\n", a, anchor)
    if nl >= 0:
        a = nl + 1
    nl = text.find("\n", max(anchor, a), b)
    if nl >= 0:
        b = nl
    return trim(text, a, b)


def source_span(doc, stok, how: str) -> tuple[int, int] | None:
    """Char range of the source noun phrase headed by ``stok`` (found ``how``)."""
    if stok is None:
        return None
    if how == "relcl":
        # "X, who said ...": from X through the relative pronoun (PolNeAR marks either)
        end = stok.i
        for r in stok.children:
            if r.dep_ == "relcl":
                for w in r.children:
                    if w.dep_ in SUBJ_DEPS and w.lower_ in ("who", "which", "that"):
                        end = max(end, w.i)
        span = tok_span(doc, stok.left_edge.i, end)
    elif how == "acl":
        # "The emails showing that ...": the noun phrase up to the participle
        acl = min((c.left_edge.i for c in stok.children if c.dep_ == "acl" and c.i > stok.i),
                  default=stok.right_edge.i + 1)
        span = tok_span(doc, stok.left_edge.i, max(stok.i, acl - 1))
    else:
        span = noun_phrase(doc, stok)
    return clip_lines(doc_text(doc), span, stok.idx)


def adjacent_subject(doc, tok):
    """The noun right before or after a cue ('..." he said', '..." said Smith')."""
    for j in (tok.i - 1, tok.i + 1, tok.i + 2):
        if 0 <= j < len(doc):
            t = doc[j]
            if t.pos_ in ("PRON", "PROPN", "NOUN") and t.lower_ not in ("that", "it"):
                while t.dep_ in ("compound", "amod", "det", "poss") and t.head.i != t.i:
                    t = t.head
                return t
            if t.pos_ not in ("AUX", "ADV", "PART"):
                continue
    return None


def source_kind(doc, stok) -> str:
    if stok is None:
        return "none"
    if stok.lower_ in PRONOUNS:
        return "pron"
    if stok.ent_type_:
        return "ent_" + stok.ent_type_
    for t in stok.subtree:
        if t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return "sub_" + t.ent_type_
    if stok.pos_ == "PROPN":
        return "propn"
    return "noun"
