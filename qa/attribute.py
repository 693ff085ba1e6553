"""A second look at who said what, for questions the extracted claims miss.

The attribution extractor decides each claim's speaker; this module only adds
a speaker where it left none, from the same sentence, so a question about an
entity still finds its statement:

* nested attribution: "According to the article, UBS analyzed that ..." is
  UBS's statement (the entity opens the content and a reporting verb follows);
* a reporting verb right after an entity: "major foreign holders (notably
  Japan) deny ..."; "Standard & Poor's (S&P) released a report ...";
* a sentence that opens with "He"/"She" + reporting verb takes the first
  person named in the sentence before it, in the same paragraph; one that
  reports "its data" / "their report" takes the organization named before.

* a claim that echoes "statements by X" also counts as X's (its speaker stays);
* "the California congressman said": the speaker is the person the sentence
  (or the one before) names, not the place (the one speaker this replaces).

Otherwise an existing speaker is never replaced; statements only gain an entry in ``by``.
"""

from __future__ import annotations

import re

from .linking import Linker
from .router import PERSON_NOUN as _PERSON_NOUN
from .verbalize import Statement

REPORT_VERBS = (
    r"said|says|say|stated|states|state|noted|notes|note|warned|warns|warn|argued|argues|argue|"
    r"analy[sz]ed|analy[sz]es|believes|believed|believe|thinks|think|expects|expected|expect|"
    r"predicted|predicts|reported|reports|highlighted|highlights|emphasi[sz]ed|emphasi[sz]es|"
    r"stressed|stresses|suggested|suggests|estimated|estimates|projected|projects|wrote|writes|"
    r"told|tells|denied|denies|deny|published|publishes|released|releases|pointed out|points out|"
    r"commented|comments|explained|explains|concluded|concludes|found|finds|views|viewed|"
    r"described|describes|describe|cautioned|cautions|acknowledged|admitted|insisted|claimed|"
    r"claims|announced|announces|urged|urges|called on|calls on|forecast|forecasts|stating|saying|"
    r"noting|warning|arguing|showing|shows|showed|indicating|indicates|indicated")
_VERB = re.compile(rf"\b(?:{REPORT_VERBS})\b", re.I)
_ITS = re.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:data|reports?|research|analysis|study|survey|"
                  r"figures|estimates|statement|note|forecasts?)\b", re.I)
_PRONOUN = re.compile(r"^\W*(?:he|she)\s+(?:\w+\s+){0,1}?(?:" + REPORT_VERBS + r")\b", re.I)
MAX_GAP_WORDS = 4
_APPOSITIVE = re.compile(r"\s*,[^.;:!?]{1,120},\s*(?:(?:has|have|had|also|then|later|recently)\s+)?")
PEOPLE = ("Person",)
SPEAKERS = ("Person", "Organization", "Place")


def _speaker_before_verb(text: str, linker: Linker, types: dict[str, str]) -> str | None:
    """The entity named at most ``MAX_GAP_WORDS`` words before the first reporting verb."""
    links = [lk for lk in linker.link(text) if types.get(lk.iri) in SPEAKERS]
    if not links:
        return None
    for m in _VERB.finditer(text):
        before = [lk for lk in links if lk.end <= m.start()]
        if not before:
            continue
        # "Tony Pasquariello, head of Goldman Sachs' hedge fund business, published ...":
        # a person before an appositive speaks, not the organization inside it
        for p in before:
            if types.get(p.iri) in PEOPLE and _APPOSITIVE.fullmatch(text[p.end:m.start()]):
                return p.iri
        lk = before[-1]
        gap = text[lk.end:m.start()]
        if len(re.findall(r"[\w&']+", gap)) <= MAX_GAP_WORDS and not re.search(r"[.;:!?]", gap):
            return lk.iri
    return None


def attribute(stmts: list[Statement], linker: Linker, types: dict[str, str],
              label) -> list[Statement]:
    """``stmts`` with speakers added where the extractor left none (see module doc)."""
    # the persons each sentence names, by article and position, for "He said ..."
    sentences = sorted(((s.evidence[0]["article"], s.evidence[0]["start"], s.evidence[0]["paragraph"],
                         [a for a in s.about if types.get(a) in PEOPLE],
                         [a for a in s.about if types.get(a) == "Organization"])
                        for s in stmts if s.kind == "passage" and s.evidence),
                       key=lambda x: (x[0], x[1]))
    out = []
    for s in stmts:
        if s.kind not in ("claim", "passage") or not s.evidence:
            out.append(s)
            continue
        content = s.text.split(": ", 1)[-1] if s.kind == "claim" else s.text
        who = None
        if s.kind == "claim" and s.speaker and types.get(s.speaker["iri"]) == "Place" and \
                _place_person(s.speaker["label"], s.evidence[0]["quote"]):
            # "the California congressman said": a person, not the place, spoke
            person = next((lk.iri for lk in linker.link(s.evidence[0]["quote"])
                           if types.get(lk.iri) in PEOPLE), None) or \
                _previous(sentences, s.evidence[0], 3)
            if person:
                d = s.to_dict()
                d.update(speaker={"iri": person, "label": label(person)},
                         by=(person,) + tuple(b for b in s.by if b != s.speaker["iri"]), about=s.about)
                s = Statement(**d)
        lead = [lk for lk in linker.link(content[:160]) if lk.start <= 4]
        if lead and types.get(lead[0].iri) in SPEAKERS and \
                _speaker_before_verb(content[:lead[0].end + 60], linker, types) == lead[0].iri:
            who = lead[0].iri
        if who is None and s.speaker is None:
            sent = s.evidence[0]["quote"]
            if _PRONOUN.match(sent) or (s.kind == "claim" and re.match(
                    r"(?:he|she)\b", s.text, re.I)):
                who = _previous(sentences, s.evidence[0], 3)
            elif _ITS.search(sent) and _VERB.search(sent):  # "The article cites its data, stating"
                who = _previous(sentences, s.evidence[0], 4)
            else:
                who = _speaker_before_verb(sent, linker, types)
        if who is None and s.kind == "claim":
            also = _reported_by(s.evidence[0]["quote"], linker, types)
            if also and also not in s.by:  # "Pence echoed statements by ... Trump that ...":
                d = s.to_dict()            # Trump's words too, Pence stays the speaker
                d.update(by=s.by + (also,), about=s.about)
                s = Statement(**d)
        if who is None or who in s.by:
            out.append(s)
            continue
        d = s.to_dict()
        sp = s.speaker or {"iri": who, "label": label(who)}
        d.update(by=(who,) + s.by, speaker=sp, about=s.about)
        out.append(Statement(**d))
    return out


def _place_person(place: str, sentence: str) -> bool:
    """Does the sentence call someone "the <place> <person noun>" (the California congressman)?"""
    return re.search(r"\bthe\s+(?:former\s+)?" + re.escape(place) + r"\s+(?:\w+\s+)?"
                     + _PERSON_NOUN + r"\b", sentence, re.I) is not None
_BY_NOUN = re.compile(r"\b(?:statements?|remarks?|comments?|words|claims?|assertions?|warnings?|"
                      r"arguments?|testimony|views?|criticism)\s+(?:made\s+)?(?:by|of|from)\s+", re.I)


def _reported_by(sentence: str, linker: Linker, types: dict[str, str]) -> str | None:
    """The entity whose "statements by X" a sentence reports (a few title words may intervene)."""
    m = _BY_NOUN.search(sentence)
    if not m:
        return None
    found = None  # "statements by GOP presidential nominee Donald Trump": the last name wins
    for lk in linker.link(sentence):
        gap = sentence[m.end():lk.start]
        if lk.start >= m.end() and types.get(lk.iri) in SPEAKERS and \
                len(gap.split()) <= MAX_GAP_WORDS and not re.search(r"[.;:!?,]", gap):
            found = lk.iri
    return found


def _previous(sentences, ev: dict, col: int) -> str | None:
    """The first person (col 3) or organization (col 4) of the nearest earlier sentence
    of the same paragraph that names one."""
    best = None
    for row in sentences:
        art, start, para = row[:3]
        if art != ev["article"] or start >= ev["start"]:
            continue
        if para == ev["paragraph"] and row[col]:
            best = row[col][0]
    return best
