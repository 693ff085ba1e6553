"""Probe the say route's topic test on Chinese questions: made-up topics against real ones.

For every PolNeAR article of ``bench/questions/polnear_*.json`` (one graph per set,
built as ``bench/qa.py`` builds it), the most-quoted speakers (``--speakers``) are
asked about

* **off** topics: a fixed list of everyday, economic and sport topics (``TOPICS``,
  generic: no set's question is drawn on), each skipped for an article that writes
  one of its English words. Any answer is a false answer;
* **on** topics taken from the speaker's own claims: an English word of a claim
  that the CC-CEDICT dictionary writes as one Chinese word whose first senses give it
  back (sanctions -> 制裁), up to ``--words`` per speaker. An abstention is a false
  abstention; a hit is an answer by that speaker;
* **set** topics: the sets' own Chinese say questions ("X对Y怎么看?", "X对Y说了什么?"),
  judged by the set's speaker and words.

Each topic is asked in two forms: "<X>对<Y>怎么看?" and "<X>说了什么关于<Y>?". A
speaker is written by the dictionary's Chinese name for them when it has one (特朗普,
彭斯) and the engine links it, in the graph's English label otherwise. Prints, per set,
off-topic questions answered (false answers), on-topic and set questions refused (false
abstentions), and the hits.

    .venv/bin/python bench/qa_zh_probe.py [FILES...] [--speakers 3] [--words 2] [--show] [--graphs DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from qa import build, hit, load_set  # noqa: E402

FORMS = ("{x}对{y}怎么看?", "{x}说了什么关于{y}?")

#: made-up topics: (Chinese, the English words an article about it would write)
TOPICS = [
    ("房地产市场", "real estate|housing market|property market"),
    ("足球比赛", "football|soccer"),
    ("天气", "weather"),
    ("电影", "film|films|movie|movies|cinema"),
    ("股市", "stock market|stocks|shares|equities"),
    ("通货膨胀", "inflation"),
    ("利率", "interest rate|interest rates"),
    ("油价", "oil price|oil prices|crude"),
    ("失业率", "unemployment|jobless"),
    ("房价", "house price|house prices|home prices|housing"),
    ("旅游业", "tourism|tourist|tourists"),
    ("农业", "agriculture|farming|farmers|farm"),
    ("人工智能", "artificial intelligence"),
    ("比特币", "bitcoin"),
    ("奥运会", "olympic|olympics"),
    ("篮球", "basketball"),
    ("世界杯", "world cup"),
    ("流行音乐", "music|pop"),
    ("食品安全", "food safety|food"),
    ("空气污染", "air pollution|pollution|smog"),
    ("汽车工业", "auto industry|car industry|automobile|automaker|automakers|cars"),
    ("智能手机", "smartphone|smartphones|phone|phones"),
    ("网络游戏", "online game|online games|video game|video games|gaming"),
    ("养老金", "pension|pensions"),
    ("汇率", "exchange rate|exchange rates|currency"),
    ("黄金价格", "gold"),
    ("大学学费", "tuition|college"),
    ("网球", "tennis"),
    ("高铁", "high-speed rail|railway|train|trains"),
    ("春节", "spring festival|lunar new year"),
    ("咖啡", "coffee"),
    ("太空探索", "space exploration|nasa|space"),
    ("时装", "fashion|clothing"),
    ("动物园", "zoo|zoos"),
    ("交通堵塞", "traffic|congestion"),
    ("电动汽车", "electric car|electric cars|electric vehicle|electric vehicles|tesla"),
    ("外卖", "takeout|food delivery"),
    ("婚礼", "wedding|weddings|marriage"),
    ("天然气价格", "natural gas|gas price|gas prices"),
    ("钢铁产量", "steel"),
]

_STOP = frozenset("""about above after again against among because before being below between
could during every first other their there these those through under until where which while
would should people thing things think going years today state states said says saying told
percent times never always still right since being made make makes whether without""".split())


def chinese_names() -> dict[str, list[str]]:
    """English name (and a one-word name's last word) -> CC-CEDICT headwords naming it."""
    from claimgraph.qa.gloss import CJK_RUN, TRADITIONAL, dictionary, name_senses

    out: dict[str, list[str]] = {}
    for head in dictionary():
        if not CJK_RUN.fullmatch(head) or len(head) < 2 or any(c in TRADITIONAL for c in head):
            continue
        for sense in dict.fromkeys(name_senses(head)):
            out.setdefault(sense, []).append(head)
            if " " in sense:  # "Barack Obama": Obama
                out.setdefault(sense.split()[-1], []).append(head)
    return out


def reverse_words() -> dict[str, str]:
    """An English word -> the Chinese word (2-4 characters) whose first entry's first three
    senses give it back alone ("sanctions" <- 制裁: "to punish/punishment/sanctions")."""
    from claimgraph.qa.gloss import CJK_RUN, TRADITIONAL, dictionary

    best: dict[str, tuple[int, int, str]] = {}
    for head, senses in dictionary().items():
        if not CJK_RUN.fullmatch(head) or not 2 <= len(head) <= 4 or any(c in TRADITIONAL for c in head):
            continue  # simplified headwords only
        for rank, sense in enumerate(senses.split("\n")[0].split("/")[:3]):
            w = re.sub(r"^to ", "", re.sub(r"\([^)]*\)", "", sense)).strip()
            if re.fullmatch(r"[a-z]{5,}", w):
                key = (rank, len(head), head)
                if w not in best or key < best[w]:
                    best[w] = key
    return {w: k[2] for w, k in best.items()}


def speakers(eng, most: int) -> list[tuple[str, str]]:
    """The ``most`` most-quoted named speakers: (label, iri)."""
    count = Counter()
    for s in eng.statements:
        sp = s.speaker or {}
        if s.kind == "claim" and sp.get("label") and sp.get("iri") and eng.types.get(sp["iri"]):
            count[(sp["label"], sp["iri"])] += 1
    return [k for k, _ in count.most_common(most)]


def speaker_form(eng, label: str, names: dict[str, list[str]]) -> str:
    """The dictionary's Chinese name for ``label`` if the engine links it to the same
    speaker (a bare "X说了什么?" answered by them), else ``label``."""
    cands = names.get(label, []) + names.get(label.split()[-1], [])
    for zh in dict.fromkeys(cands):
        r = eng.ask(f"{zh}说了什么?", k=1)
        if not r["abstained"] and r["answers"] and \
                ((r["answers"][0].get("speaker") or {}).get("label") or "") == label:
            return zh
    return label


def claim_words(eng, label: str, rev: dict[str, str], most: int) -> list[tuple[str, str]]:
    """Up to ``most`` (English word, Chinese word) of ``label``'s claims, longest first."""
    names = {w.lower() for w in re.findall(r"[A-Za-z]+", label)}
    seen: dict[str, str] = {}
    for s in eng.statements:
        if s.kind != "claim" or (s.speaker or {}).get("label") != label:
            continue
        for w in re.findall(r"(?<![A-Za-z'])[a-z]{5,}(?![A-Za-z'])", s.answer_text):
            if w not in _STOP and w not in names and w in rev:
                seen.setdefault(w, rev[w])
    return sorted(seen.items(), key=lambda p: (-len(p[0]), p[0]))[:most]


def set_questions(qset: dict) -> list[dict]:
    """The set's Chinese say questions, as (speaker form, topic) with the set's judging."""
    out = []
    for q in qset["questions"]:
        m = re.match(r"^(.+?)对(.+?)(?:怎么看|说了什么)[?？]$", q["q"])
        if m and not q.get("abstain") and q.get("speaker"):
            out.append({"x": m.group(1), "y": m.group(2), "judge": q})
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--speakers", type=int, default=3)
    ap.add_argument("--words", type=int, default=2)
    ap.add_argument("--show", action="store_true", help="print every false answer and abstention")
    ap.add_argument("--graphs", type=Path, help="a folder of pinned graphs, <set name>.trig "
                    "(default: built as bench/qa.py builds them)")
    ap.add_argument("--out", type=Path, default=ROOT / "results" / "qa_zh_probe.json")
    a = ap.parse_args(argv)
    from claimgraph.qa.engine import QAEngine

    files = a.files or sorted((ROOT / "questions").glob("polnear_*.json"))
    names, rev = chinese_names(), reverse_words()
    rows, wrong = [], []
    for f in files:
        qset = load_set(f)
        pinned = a.graphs / f"{qset['name']}.trig" if a.graphs else None
        eng = QAEngine.from_path(pinned if pinned and pinned.exists() else build(qset, False))
        text = " ".join(p.read_text(encoding="utf-8") for p in qset["paths"]).lower()
        tally = Counter()
        for label, _ in speakers(eng, a.speakers):
            x = speaker_form(eng, label, names)
            for zh, en in TOPICS:
                if re.search(r"\b(?:" + en + r")\b", text):
                    continue  # the article writes it: not made up here
                for form in FORMS:
                    q = form.format(x=x, y=zh)
                    r = eng.ask(q, k=3)
                    tally["off"] += 1
                    if not r["abstained"]:
                        tally["false_answer"] += 1
                        top = r["answers"][0] if r["answers"] else {}
                        wrong.append(("ANSWERED", qset["name"], q, (top.get("text") or "")[:90]))
            for en, zh in claim_words(eng, label, rev, a.words):
                for form in FORMS:
                    q = form.format(x=x, y=zh)
                    r = eng.ask(q, k=3)
                    tally["on"] += 1
                    if r["abstained"]:
                        tally["on_refused"] += 1
                        wrong.append(("REFUSED", qset["name"], f"{q} ({en})", r.get("reason") or ""))
                    elif ((r["answers"][0].get("speaker") or {}).get("label") or "") == label:
                        tally["on_hit"] += 1
        for sq in set_questions(qset):
            for form in FORMS:
                q = form.format(x=sq["x"], y=sq["y"])
                r = eng.ask(q, k=3)
                tally["set"] += 1
                if r["abstained"]:
                    tally["set_refused"] += 1
                    wrong.append(("REFUSED", qset["name"], q, r.get("reason") or ""))
                elif r["answers"] and hit(r["answers"][0], sq["judge"]):
                    tally["set_hit"] += 1
                else:
                    top = r["answers"][0] if r["answers"] else {}
                    wrong.append(("MISS", qset["name"], q, (top.get("text") or "")[:90]))
        rows.append((qset["name"], tally))
    head = f"{'set':18} {'off':>4} {'answered':>8} {'on':>4} {'refused':>7} {'hit':>4} {'set':>4} {'refused':>7} {'hit':>4}"
    print(head)
    total = Counter()
    for name, t in rows + [("TOTAL", None)]:
        if t is None:
            t = total
        else:
            total.update(t)
        print(f"{name:18} {t['off']:>4} {t['false_answer']:>8} {t['on']:>4} {t['on_refused']:>7} "
              f"{t['on_hit']:>4} {t['set']:>4} {t['set_refused']:>7} {t['set_hit']:>4}")
    if a.show:
        for w in wrong:
            print("  " + " | ".join(w))
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps({"forms": FORMS, "topics": [t for t, _ in TOPICS],
                                 "sets": {n: dict(t) for n, t in rows}, "total": dict(total),
                                 "wrong": wrong}, ensure_ascii=False, indent=1) + "\n",
                     encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
