"""Answering questions over the graph, with evidence, or abstaining.

The engine embeds verbalized graph statements once, links entities named in
the question, ranks statements by cosine similarity (boosted when they are
by or about a linked entity), and abstains when the question names something
the graph does not hold or nothing scores above the threshold.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from claimgraph.graph import views
from rdflib import Dataset

from .linking import Linker
from .verbalize import Statement, statements

# Below this cosine score nothing in the graph supports an answer.
MIN_SCORE = 0.35
ENTITY_BOOST = 0.15


@dataclass
class Answer:
    text: str
    score: float
    kind: str
    speaker: dict | None
    evidence: list

    def to_dict(self) -> dict:
        return {"text": self.text, "score": round(float(self.score), 4), "kind": self.kind,
                "speaker": self.speaker, "evidence": self.evidence}


class QAEngine:
    """Question answering over one graph; build once, ask many times."""

    def __init__(self, ds: Dataset) -> None:
        from .embed import encode

        self.labels = views.labels(ds)
        self.entities = {e["iri"]: e for e in views.entities(ds)}
        self.linker = Linker(self.labels)
        self.statements: list[Statement] = statements(ds)
        self.matrix = encode([s.text for s in self.statements])

    def ask(self, question: str, k: int = 3) -> dict:
        """The DESIGN.md answer object for ``question``."""
        from .embed import encode

        question = " ".join(question.split())
        result = {"question": question, "abstained": False, "answers": []}
        if not question:
            return self._abstain(result, "the question is empty")
        linked = self.linker.link(question)
        linked_iris = {iri for iri, _ in linked}
        matched = {m for _, m in linked}
        unknown = [n for n in Linker.proper_names(question)
                   if not any(part in matched for part in _subkeys(n))]
        if unknown and not linked:
            return self._abstain(result, f"{unknown[0]} is not in the graph")
        for iri in linked_iris:
            ent = self.entities.get(iri)
            if ent and not ent["mentioned"] and len(linked_iris) == 1:
                label = views.label_of(self.labels, iri)
                return self._abstain(result, f"{label} is listed but never mentioned or quoted")
        if not self.statements:
            return self._abstain(result, "the graph has no statements")
        qv = encode([question])[0]
        scores = self.matrix @ qv
        if linked_iris:
            bonus = np.array([ENTITY_BOOST if linked_iris & set(s.entities) else 0.0
                              for s in self.statements], dtype=np.float32)
            scores = scores + bonus
        order = np.argsort(-scores)[: max(k, 1)]
        for i in order:
            if scores[i] < MIN_SCORE:
                break
            if linked_iris and not (linked_iris & set(self.statements[i].entities)):
                continue
            s = self.statements[i]
            result["answers"].append(Answer(s.answer_text, float(scores[i]), s.kind,
                                            s.speaker, s.evidence).to_dict())
        if not result["answers"]:
            return self._abstain(result, "nothing in the graph supports an answer")
        return result

    @staticmethod
    def _abstain(result: dict, reason: str) -> dict:
        result.update(abstained=True, answers=[], reason=reason)
        return result


def _subkeys(name: str) -> list[str]:
    from claimgraph.extract.names import norm_key

    words = norm_key(name).split()
    return [" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)]
