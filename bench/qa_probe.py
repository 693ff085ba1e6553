"""Probe question answering on articles no question set covers, with questions made
from the graph itself.

Hand-written sets (``bench/qa.py``) are few; this probe asks many questions of
unseen articles. For each PolNeAR dev article named below (none is in a
question set), the article's graph is built with ``claimgraph build``, and for
up to ``--per-article`` of its claims (a fixed random sample) two questions are
made from the claim alone:

* **say**: "What did <speaker label> say about <the claim's two longest content
  words>?" hits when the answer's speaker is the claim's speaker and its
  evidence is the claim's sentence (the evidence quotes overlap);
* **who**: "Who said <the claim's first eight content words>?" hits the same way.

It measures routing, linking and ranking over whatever the extractor found, not
extraction: a claim the extractor got wrong is still asked about as it stands.
Prints hit@1 / hit@3 / abstentions per kind, and with ``--show-misses`` every
miss.

    .venv/bin/python bench/qa_probe.py [--per-article 12] [--show-misses] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from qa import CLI, polnear_dir  # noqa: E402

#: PolNeAR dev articles no question set uses (every fourth of the rest, by name)
ARTICLES = """
breitbart_2016-09-12_stealth-over-health-hillary-clin breitbart_2016-09-25_pence-gennifer-flowers-won-t-be-
breitbart_2016-09-30_the-latest-trump-urges-supporter huff-post_2016-09-10_trump-s-east-european-achilles-h
huff-post_2016-09-26_one-tweet-sums-up-the-absurd-dou huff-post_2016-10-07_ava-duvernay-s-th-explores-the-e
nyt_2016-09-19_obama-sees-personal-insult-if-bl nyt_2016-09-30_keep-the-returns-trump-just-give
politico_2016-09-12_former-dnc-chairman-calls-for-cl politico_2016-09-22_judge-rejects-new-york-times-req
politico_2016-09-30_flight-attendants-union-endorses usa-today_2016-09-08_with-two-months-to-go-trump-stil
usa-today_2016-09-22_super-pac-haul-surges-past-b-sma usa-today_2016-10-03_my-father-would-have-loved-trump
wash-post_2016-09-21_mixed-messages-on-trump-leave-pl west-journal_2016-09-12_obama-seeks-more-muslim-refugees
""".split()

_STOP = frozenset("""the a an of to in on for and or but that this with from by as at is are was were be
been has have had will would could should its their his her they it he she we you not no more than
about into over after said says say""".split())


def content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]+", text) if w.casefold() not in _STOP]


def questions(statements, per_article: int, rng: random.Random) -> list[dict]:
    """The probe questions for one graph's claims (a fixed sample of them)."""
    claims = [s for s in statements if s.kind == "claim" and (s.speaker or {}).get("label")]
    rng.shuffle(claims)
    out = []
    for s in claims[:per_article]:
        label = s.speaker["label"]
        words = [w for w in content_words(s.answer_text) if w.casefold() not in label.casefold()]
        if len(words) < 4:
            continue
        quote = s.evidence[0]["quote"] if s.evidence else s.answer_text
        topic = " ".join(sorted(words, key=len, reverse=True)[:2])
        out.append({"kind": "say", "q": f"What did {label} say about {topic}?", "speaker": label,
                    "quote": quote})
        out.append({"kind": "who", "q": "Who said " + " ".join(words[:8]) + "?", "speaker": label,
                    "quote": quote})
    return out


def _overlap(a: str, b: str) -> bool:
    a, b = " ".join(a.split()), " ".join(b.split())
    return bool(a and b) and (a[:60] in b or b[:60] in a)


def hit(answer: dict, q: dict) -> bool:
    speaker = (answer.get("speaker") or {}).get("label") or ""
    return speaker == q["speaker"] and any(_overlap(e.get("quote", ""), q["quote"])
                                           for e in answer.get("evidence", []))


def build(article: str, work: Path) -> Path:
    out = work / f"{article}.trig"
    if not out.exists():
        src = polnear_dir() / "dev" / "text" / f"{article}.txt"
        subprocess.run([str(CLI), "build", str(src), "-o", str(out), "-q"], check=True,
                       capture_output=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-article", type=int, default=12)
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--work", default=str(Path(tempfile.gettempdir()) / "claimgraph-probe"),
                    help="where the graphs are built (reused; delete it after changing the extractor)")
    ap.add_argument("--out", default=str(ROOT / "results" / "qa_probe.json"))
    a = ap.parse_args(argv)
    from claimgraph.qa.engine import QAEngine

    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    tally: dict[str, list[int]] = {}
    misses = []
    for art in ARTICLES:
        engine = QAEngine.from_path(build(art, work))
        for q in questions(engine.statements, a.per_article, rng):
            r = engine.ask(q["q"], k=3)
            answers = [] if r["abstained"] else r["answers"][:3]
            h = [hit(x, q) for x in answers]
            t = tally.setdefault(q["kind"], [0, 0, 0, 0])
            t[0] += 1
            t[1] += bool(h and h[0])
            t[2] += any(h)
            t[3] += r["abstained"]
            if not (h and h[0]):
                top = answers[0] if answers else {}
                misses.append({"article": art, "q": q["q"], "want": q["speaker"],
                               "abstained": r["abstained"], "reason": r.get("reason"),
                               "got": (top.get("speaker") or {}).get("label"),
                               "text": (top.get("text") or "")[:100]})
    print(f"{'kind':6} {'n':>4} {'hit@1':>6} {'hit@3':>6} {'abstained':>9}")
    summary = {}
    for kind, (n, h1, h3, ab) in tally.items():
        print(f"{kind:6} {n:>4} {h1 / n:>6.2f} {h3 / n:>6.2f} {ab:>9}")
        summary[kind] = {"n": n, "hit@1": round(h1 / n, 3), "hit@3": round(h3 / n, 3), "abstained": ab}
    if a.show_misses:
        for m in misses:
            got = f"ABSTAIN {m['reason']}" if m["abstained"] else f"{m['got']}: {m['text']}"
            print(f"  MISS {m['q']}\n       want {m['want']}; got {got}")
    Path(a.out).write_text(json.dumps({"articles": len(ARTICLES), "per_article": a.per_article,
                                       "summary": summary, "misses": misses}, indent=1) + "\n",
                           encoding="utf-8")
    print(f"wrote {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
