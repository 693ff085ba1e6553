"""Graph statements as sentences to embed, each carrying its answer payload.

Five kinds of statement are read from the graph: claims (with speaker and
role), memberships, concepts (with who proposed or discussed them), numeric
facts, and the article's own sentences (a fallback when extraction missed
something). Every statement keeps the evidence a journalist needs: article,
paragraph, the exact quote and its character offsets. A claim's quote is
widened to its whole sentence so the speaker and the cue are visible.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field

from claimgraph.graph import views
from rdflib import Dataset

# Sentence ends: . ! ? (and CJK 。！？) then space and a capital, quote, digit or CJK.
_SENT_END = re.compile(r"(?<=[.!?])(?:[\"”’)]|'')?\s+(?=[\"“‘(A-Z0-9\u3400-\u9fff]|'')|(?<=[。！？])|\n+")
# (a middle or first initial, "hedge-fund manager S. Donald Sussman", "George W. Bush", ends
# no sentence: set superpac of session 17, read after its run)
_ABBREV = re.compile(r"(?:\b(?:[A-Za-z]\.)+[A-Za-z]|(?<![\w.'’-])[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|"
                     r"Inc|Corp|Co|Ltd|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
                     r"e\.g|i\.e|approx|est|para|paras|p|pp|fig|vol|ch|sec))\.$")


@dataclass(frozen=True)
class Statement:
    """One embeddable sentence and the answer it stands for."""

    kind: str  # claim | affiliation | concept | fact | passage
    text: str  # what is embedded and searched
    answer_text: str
    speaker: dict | None
    evidence: list = field(default_factory=list)
    by: tuple[str, ...] = ()  # IRIs of who said / holds it (speaker, member, proposer)
    about: tuple[str, ...] = ()  # IRIs it mentions
    role: str = ""  # affiliation: the role; claim: the speaker's current role
    former: bool = False

    @property
    def key(self) -> str:
        """Content hash of the embedded text: vectors are cached per key."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:20]

    def to_dict(self) -> dict:
        d = asdict(self)
        d["by"], d["about"] = list(self.by), list(self.about)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> Statement:
        return cls(**{**d, "by": tuple(d["by"]), "about": tuple(d["about"])})


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text[start:end]``.

    >>> t = "The U.S. Treasury sold bonds. Yields rose 5%."
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['The U.S. Treasury sold bonds.', 'Yields rose 5%.']
    """
    end = len(text) if end is None else end
    spans, cur = [], start
    for m in _SENT_END.finditer(text, start, end):
        piece = text[cur:m.start()].rstrip()
        if m.group(0).strip() == "" and "\n" not in m.group(0) and _ABBREV.search(piece):
            continue
        if text[cur:m.end()].strip():
            spans.append((cur, m.end()))
        cur = m.end()
    if text[cur:end].strip():
        spans.append((cur, end))
    out = []
    for a, b in spans:
        seg = text[a:b]
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a:
            out.append((a, b))
    return out


class _Texts:
    """Article texts and sentence spans, to widen evidence to whole sentences."""

    def __init__(self, arts: list[dict]) -> None:
        self.text = {a["iri"]: a["text"] for a in arts}
        self.sents: dict[str, list[tuple[int, int]]] = {}
        self.paras: dict[str, list[dict]] = {a["iri"]: a["paragraphs"] for a in arts}
        for a in arts:
            spans = []
            for p in a["paragraphs"] or [{"start": 0, "end": len(a["text"])}]:
                spans += split_sentences(a["text"], p["start"], p["end"])
            self.sents[a["iri"]] = spans

    def widen(self, ev: dict) -> dict:
        spans = self.sents.get(ev["article"])
        text = self.text.get(ev["article"])
        if not spans or text is None:
            return ev
        a = next((s for s, e in spans if s <= ev["start"] < e), ev["start"])
        b = next((e for s, e in spans if s < ev["end"] <= e), ev["end"])
        a, b = min(a, ev["start"]), max(b, ev["end"])
        return {**ev, "start": a, "end": b, "quote": text[a:b]}

    def paragraph_of(self, art: str, pos: int) -> int:
        for p in self.paras.get(art, []):
            if p["start"] <= pos < p["end"]:
                return p["paragraph"]
        return 0


def _concepts(ds: Dataset, lbls: dict) -> list[dict]:
    rows = views._q(ds, """
        SELECT ?c ?who ?rel ?desc WHERE {
          ?c a skos:Concept .
          OPTIONAL { ?who ?rel ?c . FILTER(?rel IN (cg:proposed, cg:discussed)) }
          OPTIONAL { ?c skos:definition|skos:scopeNote|rdfs:comment ?desc }
        }""".replace("SELECT", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT", 1))
    out: dict[str, dict] = {}
    for r in rows:
        c = out.setdefault(str(r.c), {"iri": str(r.c), "label": views.label_of(lbls, str(r.c)),
                                      "proposed": [], "discussed": [], "definition": None})
        if r.who is not None:
            rel = "proposed" if str(r.rel).endswith("proposed") else "discussed"
            if str(r.who) not in c[rel]:
                c[rel].append(str(r.who))
        if r.desc is not None:
            c["definition"] = c["definition"] or str(r.desc)
    return list(out.values())


def _find_mentions(texts: _Texts, names: list[str]) -> list[dict]:
    """Sentences (as evidence) mentioning any of ``names``, case-insensitively."""
    out = []
    pats = [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.I) for n in names if len(n) >= 2]
    for art, spans in texts.sents.items():
        text = texts.text[art]
        for a, b in spans:
            if any(p.search(text, a, b) for p in pats):
                out.append({"article": art, "paragraph": texts.paragraph_of(art, a),
                            "quote": text[a:b], "start": a, "end": b})
    return out


# a group of unnamed people as a claim's source names it: a plural common noun heads it
# ("human rights groups", "McConnell aides", "officials at the Treasury", "people familiar
# with the talks"), not a name ("Republicans") nor one person ("a White House spokesman")
_GROUP_CUT = re.compile(r",|\s(?:who|which|that|whose)\s|\s[(]")
_GROUP_DET = re.compile(r"^(?:the|some|many|several|other|most|all|both|few|a few|two|three|four|"
                        r"five|dozens of|hundreds of|a number of|a group of|a handful of)\s+", re.I)
_GROUP_TAIL = re.compile(r"\s+(?:at|of|for|in|with|from|on|among|inside|within|close to|familiar with|"
                         r"involved in|briefed on)\s+.*$")
_DATELINE = re.compile(r"^[A-Z][A-Z.' ]{2,}(?:,\s*[A-Z][\w.' ]+)?\s+[-–—]+\s+")
_COLLECTIVE = frozenset("people staff police personnel men women leadership clergy".split())
# what a group of people is called (singular): "officials", "human rights groups", "critics";
# not "suspicions", "U.S. stocks" or "such proposals", which are no speakers
_AGENTS = frozenset("""official aide adviser advisor analyst expert critic group leader lawmaker
legislator economist investor trader participant resident source advocate activist diplomat
observer member journalist reporter defender supporter opponent candidate nation country
government organization organisation agency bank firm company executive employee worker officer
citizen voter scientist researcher doctor protester demonstrator authority regulator prosecutor
senator representative delegate minister negotiator strategist banker lawyer attorney consultant
insider veteran student teacher parent family neighbor neighbour witness victim survivor farmer
owner manager director spokesman spokeswoman spokesperson republican democrat conservative liberal
progressive politician partner ally rival lender creditor borrower shareholder holder buyer seller
user customer consumer producer exporter importer union employer commentator pundit pollster
economist academic scholar educator officer commander soldier troop general admiral judge
congressman congresswoman governor mayor sheriff president chairman chairwoman chair nominee
founder secretary ambassador commissioner committee council ministry department administration
institution institute fund brokerage regulator insurer team campaign party think tank""".split())
_NOT_HEAD = frozenset("""this has was its his hers ours yours theirs is us news series means
always perhaps sometimes thus less""".split())
_PLURAL_PRONOUN = re.compile(r"(?i:they)")


def group_source(source: str | None) -> str | None:
    """The group a claim's source text names (as written, without a leading article), or
    None when the source is a name, a pronoun or one person.

    >>> group_source("human rights groups"), group_source("McConnell aides")
    ('human rights groups', 'McConnell aides')
    >>> group_source("officials at the Treasury"), group_source("the White House")
    ('officials at the Treasury', None)
    >>> group_source("Erin Murphy, a former Clinton aide"), group_source("they")
    (None, None)
    """
    if not source:
        return None
    phrase = _GROUP_CUT.split(" ".join(source.split()), maxsplit=1)[0].strip()
    phrase = _DATELINE.sub("", phrase)  # "BRUSSELS - European leaders"
    phrase = _GROUP_DET.sub("", phrase)
    core = _GROUP_TAIL.sub("", phrase)
    words = core.split()
    if not words or len(words) > 6:
        return None
    head = words[-1]
    # a capital only where a sentence starts ("Investors said"): the caller tells that
    # from a name ("Republicans") by whether the extractor tied it to an entity
    low = head.lower() if len(words) == 1 and head[1:].islower() else head
    if not low.isalpha() or not low.islower() or low in _NOT_HEAD:
        return None
    if low not in _COLLECTIVE and not (len(low) >= 4 and low.endswith("s") and not
                                       low.endswith(("ss", "us", "is"))):
        return None
    one = low[:-3] + "y" if low.endswith("ies") else low[:-1]
    if low not in _COLLECTIVE and one not in _AGENTS and not one.endswith(("ist", "ian")):
        return None  # "U.S. stocks saw", "Rising yields place": no people
    return phrase


# one unnamed person or document as a source writes it: "a Democratic source", "one GOP
# source in the room", "a senior administration official", "the letter"
_ONE_DET = re.compile(r"^(?:a|an|one|another|the)\s+", re.I)
_ONE_HEAD = frozenset("""source official aide adviser advisor analyst expert spokesman spokeswoman
spokesperson insider person lawyer attorney staffer strategist diplomat lawmaker letter statement
memo report document government administration ministry department agency embassy campaign
committee court doctor physician nurse surgeon witness officer teacher professor researcher
scientist resident neighbor reporter journalist""".split())


def one_source(source: str | None) -> str | None:
    """The unnamed single source a claim's source text names (as written, determiner kept),
    or None when it is a name, a pronoun, a group or no such phrase.

    >>> one_source("one Democratic source on the panel"), one_source("a GOP source")
    ('one Democratic source on the panel', 'a GOP source')
    >>> one_source("the Saudi government, which"), one_source("the Trump campaign")
    ('the Saudi government', 'the Trump campaign')
    >>> one_source("Jim Jordan"), one_source("he"), one_source("officials")
    (None, None, None)
    """
    if not source:
        return None
    phrase = _GROUP_CUT.split(" ".join(source.split()), maxsplit=1)[0].strip()
    phrase = _DATELINE.sub("", phrase)
    if not _ONE_DET.match(phrase):
        return None
    core = _GROUP_TAIL.sub("", _ONE_DET.sub("", phrase)).split()
    if not core or len(core) > 5 or core[-1] not in _ONE_HEAD:
        return None
    return phrase


def _names_entity(group: str, labels: list[str]) -> bool:
    """Does the group's wording name the entity of ``labels`` (a label, a word of one, or a
    place's adjective: "McConnell aides", "Wells Fargo executives", "Chinese officials")?"""
    from .linking import demonyms

    low = group.casefold()
    words = {w for lab in labels for w in re.findall(r"[A-Z][\w'’.-]{3,}", lab)}
    names = [lab for lab in labels if len(lab) >= 2] + sorted(words) + \
        [d for lab in labels for d in demonyms(lab)]
    return any(re.search(r"(?<![\w&])" + re.escape(n.casefold()) + r"(?![\w&])", low) for n in names)


def claim_speakers(claims: list[dict], lbls: dict) -> list[tuple[dict | None, str | None]]:
    """Each claim's speaker as answers name it, and its group (or None). A claim whose source
    is a group of unnamed people is the group's ("human rights groups warned ..."), and the
    entity the extractor tied it to stays its speaker's IRI only when the group's words name
    it ("McConnell aides", "Chinese officials"; not "Foreign policy analysts" tied to the GOP);
    a source naming the entity beside the group ("major foreign holders (e.g., Japan)") is
    the entity's.
    "They" right after a group's claim in the same paragraph is that group ("McConnell aides
    acknowledged ... But they emphasized ..."). ``claims`` in article order
    (``views.claims``)."""
    out: list[tuple[dict | None, str | None]] = []
    prev: tuple | None = None  # the claim before: (article, paragraph, its group, speaker)
    for c in claims:
        sp = c["speaker"]
        e0 = c["evidence"][0]
        where = (e0["article"], e0["paragraph"])
        group = group_source(c["source_text"])
        if group and sp and group[:1].isupper() and " " not in group:
            group = None  # "Republicans", tied to the GOP: a name, not unnamed people
        if group is None and prev and prev[:2] == where and prev[2] and _PLURAL_PRONOUN.fullmatch(
                (c["source_text"] or "").strip()):
            group, sp = prev[2], prev[3]
        elif group is not None:
            names = lbls.get(sp["iri"], {}).get("en", []) + [sp["label"] or ""] if sp else []
            if sp and _names_entity(group, names):
                sp = {"iri": sp["iri"], "label": group}
            elif sp and _names_entity(c["source_text"], names):
                group = None  # "major foreign holders (e.g., Japan)": the entity, named
            else:
                sp = {"iri": None, "label": group}
        if sp is None and group is None and one_source(c["source_text"]):
            # "said one Democratic source on the panel": the answer names the source as written
            sp = {"iri": None, "label": one_source(c["source_text"])}
        prev = (*where, group, sp)
        out.append((sp, group))
    return out


def statements(ds: Dataset, lbls: dict | None = None) -> list[Statement]:
    """Claims, memberships, concepts, facts and article sentences of ``ds``."""
    lbls = lbls if lbls is not None else views.labels(ds)
    texts = _Texts(views.articles(ds))
    mems = views.memberships(ds, lbls)
    current: dict[str, list[dict]] = {}
    seen_roles: set[tuple] = set()
    for m in mems:
        # one role at one organization, however many articles state it (a corpus repeats
        # "Chair of the Federal Reserve" thousands of times: the claim text must not)
        key = (m["person"]["iri"], m["role"], m["organization"]["iri"])
        if not m["former"] and key not in seen_roles:
            seen_roles.add(key)
            current.setdefault(m["person"]["iri"], []).append(m)
    out: list[Statement] = []
    claims = views.claims(ds, lbls)
    for c, (sp, group) in zip(claims, claim_speakers(claims, lbls), strict=True):
        who = sp["label"] if sp else (c["source_text"] or "Someone")
        ms = current.get(sp["iri"], []) if sp and not group else []
        role = ", ".join(f"{m['role']} at {m['organization']['label']}" if m["role"]
                         else m["organization"]["label"] for m in ms)
        cue = c["cue"] or ("wrote" if c["kind"] == "authored" else "said")
        by = tuple([sp["iri"]] if sp and sp["iri"] else []) \
            + tuple(m["organization"]["iri"] for m in ms)
        ev = [texts.widen(e) for e in c["evidence"]]
        head = f"{who} ({role})" if role else who
        shown = c["content"] if not c["cue"] or c["kind"] == "according-to" \
            else f"{c['cue']} {c['content']}"
        out.append(Statement("claim", f"{head} {cue}: {c['content']}", shown, sp, ev, by,
                             tuple(a["iri"] for a in c["about"]), role))
    for m in mems:
        p, o = m["person"], m["organization"]
        verb = "was formerly" if m["former"] else "is"
        role = m["role"] or "affiliated"
        text = f"{p['label']} {verb} {role} at {o['label']}"
        out.append(Statement("affiliation", text, text, p, [texts.widen(e) for e in m["evidence"]],
                             (p["iri"], o["iri"]), (p["iri"], o["iri"]), m["role"], m["former"]))
    for c in _concepts(ds, lbls):
        names = [n for n in lbls.get(c["iri"], {}).get("en", []) + lbls.get(c["iri"], {}).get("zh", [])]
        ev = _find_mentions(texts, names or [c["label"]])
        props = [views.label_of(lbls, w) for w in c["proposed"]]
        discs = [views.label_of(lbls, w) for w in c["discussed"]]
        parts = [c["label"]]
        if c["definition"]:
            parts.append(f"is {c['definition']}")
        if props:
            parts.append(f"proposed by {', '.join(props)}")
        if discs:
            parts.append(f"discussed by {', '.join(discs)}")
        text = " ".join(parts)
        first = c["proposed"][0] if c["proposed"] else None
        speaker = {"iri": first, "label": views.label_of(lbls, first)} if first else None
        # the evidence that names the proposer first, else the first mention
        if props:
            ev.sort(key=lambda e: not any(n.casefold() in e["quote"].casefold()
                                          for w in c["proposed"] for n in _names(lbls, w)))
        out.append(Statement("concept", text + (". " + ev[0]["quote"] if ev else ""), text,
                             speaker, ev[:2], tuple(c["proposed"] + c["discussed"]), (c["iri"],)))
    for f in views.facts(ds):
        ev = [texts.widen(e) for e in f["evidence"]]
        date = f" ({f['date']})" if f["date"] else ""
        if f.get("unit") == "years" and f.get("about"):
            # an age: "How old is Bobby Scott?" is asked in those words
            who = views.label_of(lbls, f["about"]) or ""
            out.append(Statement("fact", f"{who} is {f['value']} years old: {ev[0]['quote']}",
                                 f"{f['value']} years old: {ev[0]['quote']}", None, ev, (),
                                 (f["about"],)))
            continue
        out.append(Statement("fact", f"{f['value']} {f['quantity']}{date}: {ev[0]['quote']}",
                             f"{f['value']}{date}: {ev[0]['quote']}", None, ev, (), ()))
    for art, spans in texts.sents.items():
        text = texts.text[art]
        for a, b in spans:
            s = text[a:b]
            # short sentences say little, but a question the article asks sets up the quote
            # after it ("Why the affiliation?")
            if (len(s) < 25 and not (s.endswith("?") and len(s) >= 8)) or not re.search(r"[^\W\d_]{3}", s):
                continue
            ev = {"article": art, "paragraph": texts.paragraph_of(art, a), "quote": s,
                  "start": a, "end": b}
            out.append(Statement("passage", s, s, None, [ev]))
    return out


def _names(lbls: dict, iri: str) -> list[str]:
    e = lbls.get(iri, {})
    return [n for n in e.get("en", []) + e.get("zh", []) if len(n) >= 2]
