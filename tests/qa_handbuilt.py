"""A hand-built article for the QA engine tests: evidence for a phrase, one passage
statement per sentence (as the index makes them from a graph) and the engine over them."""

from __future__ import annotations

from claimgraph.qa.verbalize import Statement, split_sentences


def evidence(text: str, art: str, phrase: str) -> dict:
    """The evidence dict of ``phrase``, found in ``text`` (paragraphs joined by newlines)."""
    a = text.index(phrase)
    para = text[:a].count("\n") + 1
    return {"article": art, "paragraph": para, "quote": phrase, "start": a, "end": a + len(phrase)}


def named(s: str, labels: dict) -> tuple:
    """The entities whose labels ``s`` writes, the longest label first where labels overlap
    ("Acme Bank Europe" is not also "Acme Bank")."""
    out = []
    for lab, iri in sorted(((lab, i) for i, labs in labels.items() for lab in labs["en"]),
                           key=lambda x: -len(x[0])):
        if lab in s:
            out.append(iri)
            s = s.replace(lab, "#" * len(lab))
    return tuple(dict.fromkeys(out))


def handbuilt_engine(stmts: list[Statement], labels: dict, types: dict, paras: list[str],
                     art: str):
    """A QAEngine over ``stmts`` plus a passage for every sentence of ``paras``."""
    from claimgraph.qa import QAEngine
    from claimgraph.qa.index import Snapshot

    text = "\n".join(paras)
    passages = []
    for n, para in enumerate(paras, 1):
        base = text.index(para)
        for a, b in split_sentences(para):
            s = para[a:b]
            passages.append(Statement("passage", s, s, None, [{
                "article": art, "paragraph": n, "quote": s, "start": base + a, "end": base + b}],
                (), named(s, labels)))
    ents = {i: {"type": t, "mentioned": True, "claims": 1} for i, t in types.items()}
    return QAEngine(snapshot=Snapshot(stmts + passages, labels, ents, [text]))


def claim(labels: dict, ev, iri: str, cue: str, content: str, sentence: str,
          about: tuple = ()) -> Statement:
    """A claim of ``iri`` as the index verbalizes it ("Ann Lee told: ..."); ``ev`` makes the
    evidence of ``sentence``."""
    lab = labels[iri]["en"][0]
    return Statement("claim", f"{lab} {cue}: {content}", f"{cue} {content}",
                     {"iri": iri, "label": lab}, [ev(sentence)], (iri,), about)


def top(res: dict) -> dict:
    """The first answer of an ask that must not abstain."""
    assert not res["abstained"], res.get("reason")
    return res["answers"][0]


def blob(ans: dict) -> str:
    """An answer's text and its evidence quote."""
    return ans["text"] + " " + ans["evidence"][0]["quote"]


def engine_of(rows: list[tuple], labels: dict, types: dict, paras: list[str], art: str):
    """The engine over one article of ``paras`` and the claims ``rows`` (:func:`claim`'s
    arguments after ``ev``: speaker, cue, content, sentence), each evidenced in ``paras``."""
    text = "\n".join(paras)
    stmts = [claim(labels, lambda sentence: evidence(text, art, sentence), *row) for row in rows]
    return handbuilt_engine(stmts, labels, types, paras, art)
