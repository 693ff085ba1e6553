"""Western names transliterated into Chinese: 迈克尔·麦克福尔 -> Michael McFaul.

Chinese news writes a Western name by sound, one character a syllable, from a
small standard set (克 k, 尔 r/l, 斯 s, 特 t, 德 d, 夫/福 f, 姆 m ...), given
name and surname joined by a middle dot. Few of these are in CC-CEDICT, so the
linker compares them with the graph's English labels by sound:

* each character becomes units: its initial's consonant class, its vowel, a
  nasal coda (麦 mai -> M a·i; 蒙 meng -> M e ŋ; 尔 er -> a final r/l);
* each English label token becomes units by spelling rules (ph -> f, ck -> k,
  c before e/i -> s, "Mc" -> m a k, silent gh, vowel clusters as one vowel);
* the two are aligned by a weighted edit distance that knows how Mandarin
  transliterates: a vowel added after a consonant costs little (克 for a bare
  k), so does a dropped r after a vowel (Margarita -> 玛格丽塔), l and r are one
  class, k/g/ch and j/q/x are near (King -> 金, Roach -> 罗奇), as are v/w/f;
  a consonant the Chinese adds, or an English one starting a syllable that it
  leaves out, costs more than a whole consonant (麦考尔 is McCaul, not McFaul).

Every dot-separated part must match a token of one label, in order (a part
may skip a middle name); an undotted span (罗奇 alone) matches a person's
surname or a whole label, or a given name no other person answers to (伊万卡, Ivanka
Trump; 希拉里, Hillary Clinton: ``given_score``), and must not be a dictionary word of its own
(俄罗斯 is Russia, not a Mr. Ross), nor run into one (曾经 after a name is not
the name's). The best-scoring entity is linked when it clears thresholds
calibrated on the pairs of ``tests/test_qa_translit.py`` (bench/translit.py),
and no other entity scores within ``MARGIN`` of it.

>>> m = Transliterator({"e:1": ["Michael McFaul"], "e:2": ["Margarita Simonyan"]})
>>> [x.iri for x in m.find("迈克尔·麦克福尔对今日俄罗斯电视台怎么看?")]
['e:1']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

# The characters the Xinhua tables write Western names with, by reading (toneless
# pinyin; v = ü). A character's first CC-CEDICT reading is often not the one names use
# (卡 qia/ka, 柏 bai/bo, 什 shen/shi), so the readings are given here.
_TABLE = """
a:阿 ai:埃艾爱 an:安 ang:昂 ao:奥敖 ba:巴芭 bai:拜柏白 ban:班邦 bang:邦 bao:保鲍 bei:贝倍蓓
ben:本 bi:比彼碧毕 bie:别 bin:宾滨彬 bo:波伯博勃玻 bu:布卜 cha:查察 chai:柴 chang:昌
che:彻 cheng:程 chu:楚 ci:茨慈 cuo:措 da:达 dai:戴黛 dan:丹 dang:当 dao:道
de:德得 deng:登邓 di:迪蒂狄帝 dian:典 ding:丁 dong:东董 du:杜 duo:多朵 dun:敦顿 e:厄俄鄂
en:恩 er:尔 fa:法 fan:凡范梵  fei:菲费斐 fen:芬 feng:丰冯 fo:佛 fu:夫弗福富芙孚
ga:加嘎 gai:盖 gan:甘 gang:冈  ge:戈格哥葛 gen:根 gong:贡 gu:古 gui:圭 guo:果 gua:瓜
ha:哈 hai:海亥 han:汉翰韩 hang:杭 hao:豪浩 he:赫荷 hei:黑 heng:亨 hong:洪 hu:胡 hua:华
huai:怀 hui:惠辉 huo:霍 ji:基吉季 jia:加贾嘉佳 jian:简坚 jiao:娇 jie:杰捷洁 jin:金津晋
jing:京 jiu:久 ju:居 jun:君 ka:卡喀 kai:凯 kan:坎 kang:康 kao:考 ke:克柯科可 ken:肯
kong:孔 kou:寇 ku:库 kua:夸 kui:奎 kun:昆 la:拉腊 lai:莱赖 lan:兰蓝岚 lang:朗 lao:劳 le:勒
lei:雷蕾  li:里利理莉丽黎 lian:莲 liang:良 lie:列 lin:林琳 ling:灵玲 liu:柳留
long:隆龙 lou:娄楼 lu:卢鲁路露 lun:伦仑 luo:罗洛 lv:吕律 ma:马玛 mai:迈麦 man:曼
mang:芒 mao:毛茂 mei:梅美玫 men:门 meng:蒙孟 mi:米密弥 miao:缪 min:敏 ming:明 mo:莫默摩墨
mu:姆穆慕 na:纳娜 nai:奈耐 nan:南楠 nao:瑙 nei:内 nen:嫩 ni:尼妮 nie:涅 ning:宁 niu:纽 nong:农
nu:努 nuo:诺 ou:欧 pa:帕 pai:派 pan:潘 pang:庞 pei:佩培 peng:彭蓬 pi:皮  po:珀坡
pu:普浦蒲 qi:奇齐琪契 qia:恰 qian:茜 qiao:乔 qie:切 qin:钦琴 qiong:琼 qiu:丘 qu:屈
rang: re: ren: ru:茹 rui:瑞芮 ruo:若 rong:容 sa:萨撒 sai:塞赛 sang:桑 se:瑟 sen:森 sha:沙莎
shan:珊 shang:尚 shao:绍 she:舍 shen:申 sheng:圣 shi:施什史 shu:舒 shuo:朔 si:斯思丝司 song:松
su:苏 suo:索 ta:塔 tai:泰 tan:坦 tang:汤唐 tao:陶 te:特 teng:滕 ti:提蒂 ting:廷汀婷
tong: tu:图 tuo:托 wa:瓦娃 wai:  wan:万 wang:旺 wei:威维韦薇 wen:温文 weng:翁
wo:沃 wu:乌伍 xi:西希锡茜 xia:夏 xiao:肖 xie:谢歇 xin:辛欣 xiu:休修秀 xu:许 xue:雪 xun:逊勋
ya:亚雅娅 yan:延燕 yang:扬杨 ye:耶叶 yi:伊易 yin:因尹 ying:英 you:尤  yue:约 yun:云
za:扎 zai:宰 zan:赞 ze:泽 zhe:哲 zha:扎 zhi:治 zhan:詹 zhen:珍 zhang:章 zhu:朱 zhuo:卓 zi:兹 zu:祖
zuo:佐
"""
READING: dict[str, str] = {}
for _item in _TABLE.split():
    _py, _chars = _item.split(":")
    for _c in _chars:
        READING.setdefault(_c, _py)

DOTS = "·‧•・．"
#: a hyphen inside a name's part, as the English name writes it (弗拉加-罗森菲尔德, Fraga-Rosenfeld)
HYPHENS = "-‐－"


def _run_pattern() -> re.Pattern:
    """A run of transliteration characters, hyphenated parts joined (:data:`HYPHENS`)."""
    chars = "[" + "".join(sorted(READING)) + "]+"
    return re.compile(f"{chars}(?:[{HYPHENS}]{chars})*")


_RUN = _run_pattern()


def _part_len(text: str, a: int, b: int) -> int:
    """The characters of ``text[a:b]``'s longest hyphen-free piece."""
    return max(len(x) for x in re.split(f"[{HYPHENS}]", text[a:b]))
# between two parts of a name: a dot, or an initial between dots (乔治·W·布什)
_JOIN = re.compile("[" + DOTS + r"](?:\s*[A-Z]\.?\s*[" + DOTS + "])?")


_TRADITIONAL_DONE: list[bool] = []


def _add_traditional() -> None:
    """The traditional forms of the table's characters (麥 for 麦, 爾 for 尔), from
    CC-CEDICT: Hong Kong and Taiwan text writes names with them."""
    global _RUN
    from .gloss import TRADITIONAL, dictionary

    dictionary()
    for trad, simp in TRADITIONAL.items():
        if simp in READING:
            READING.setdefault(trad, READING[simp])
    _RUN = _run_pattern()
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

# ---------------------------------------------------------------------------------------
# Units. Consonant classes are upper-case letters: B (b p), M, F (f ph), V (v), W, D (d t),
# N, L (l r), G (g k hard c q), C (ch), K (g before e/i: George / Gerald), H, J (j zh),
# S (s z soft c sh x), Y. "n" is a Chinese nasal coda, "r" Chinese 尔 (er), "R" an English
# r after a vowel (often unwritten: Margarita -> 玛格丽塔). Vowels are "_" + their letters.

_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q",
             "x", "r", "z", "c", "s", "y", "w")
_INIT_CLASS = {"b": "B", "p": "B", "m": "M", "f": "F", "d": "D", "t": "D", "n": "N", "l": "L",
               "g": "G", "k": "G", "h": "H", "j": "J", "q": "Q", "x": "X", "zh": "J", "ch": "C",
               "sh": "S", "r": "L", "z": "S", "c": "S", "s": "S", "y": "Y", "w": "W"}


@lru_cache(maxsize=4096)
def syllable_units(py: str) -> tuple[str, ...]:
    """A pinyin syllable as units: "mai" -> ("M", "_ai"), "meng" -> ("M", "_e", "n"),
    "er" -> ("r",)."""
    if py == "er":
        return ("r",)
    ini = next((i for i in _INITIALS if py.startswith(i) and len(py) > len(i)), "")
    fin = py[len(ini):]
    out = [_INIT_CLASS[ini]] if ini else []
    coda = ""
    if fin.endswith("ng"):
        fin, coda = fin[:-2], "n"
    elif fin.endswith("n"):
        fin, coda = fin[:-1], "n"
    if ini == "y" and fin.startswith("i"):  # yi, yin, ying: the vowel is the i
        out = ["Y"]
    fin = fin.replace("v", "u")
    if ini in ("j", "q", "x", "y") and fin.startswith("u"):
        fin = "u" + fin[1:]  # ju, qu, xu, yue: ü
    if fin:
        out.append("_" + fin)
    if coda:
        out.append(coda)
    return tuple(out)


def chinese_units(text: str) -> tuple[str, ...] | None:
    """Units of a run of transliteration characters (None when one is not one)."""
    out: list[str] = []
    for c in text:
        if c in HYPHENS:
            continue
        py = READING.get(c)
        if py is None:
            return None
        out.extend(syllable_units(py))
    return tuple(out)


_VOWELS = set("aeiouy")


# letter groups spelling one consonant ("Schultz", "Philip", "Thatcher", "Buck")
_GRAPHS = {"sch": "S", "tch": "C", "ph": "F", "th": "T", "sh": "S", "ch": "C", "ck": "G"}


@lru_cache(maxsize=1 << 16)
def english_units(word: str) -> tuple[str, ...]:
    """An English name's units by spelling: "McFaul" -> M _a G F _au L."""
    w = re.sub(r"[^a-z]", "", word.lower())
    w = re.sub(r"([b-df-hj-np-tv-z])\1", r"\1", w)  # doubled consonants: Harris, Summers
    if len(w) > 4 and re.search(r"[aeiou][b-df-hj-np-tv-xz]es$", w):
        w = w[:-2] + "s"  # a silent e before a final s: Kates (凯茨), Gates (盖茨), Jones
    if w.startswith("mc") and len(w) > 3:
        w = "mac" + w[2:]
    out: list[str] = []
    i, n = 0, len(w)

    def vowel_at(j: int) -> bool:
        return 0 <= j < n and w[j] in _VOWELS and not (w[j] == "y" and j + 1 < n and w[j + 1] in "aeiou"
                                                          and (j == 0 or w[j - 1] not in _VOWELS))

    while i < n:
        c = w[i]
        two = w[i:i + 2]
        if vowel_at(i):
            j = i
            while vowel_at(j):
                j += 1
            out.append("_" + w[i:j].replace("y", "i"))
            i = j
            continue
        graph = next((g for g in _GRAPHS if w.startswith(g, i)), None)
        if graph:
            out.append(_GRAPHS[graph])
            i += len(graph)
        elif two == "gh":
            if i == 0 or vowel_at(i + 2):  # Draghi; silent in Hugh, Wright
                out.append("G")
            i += 2
        elif two == "qu":
            out += ["G", "W"]
            i += 2
        elif two == "wh" or (two == "wr" and i == 0):
            out.append("W" if two == "wh" else "L")
            i += 2
        elif two == "kn" and i == 0:
            out.append("N")
            i += 2
        elif two in ("ts", "tz") and not vowel_at(i + 2):
            out.append("S")
            i += 2
        elif two == "ng" and not vowel_at(i + 2):
            out.append("n")
            i += 2
        elif c == "x":
            out += ["S"] if i == 0 else ["G", "S"]
            i += 1
        elif c == "c":
            out.append("S" if i + 1 < n and w[i + 1] in "eiy" else "G")
            i += 1
        elif c == "g":
            out.append("K" if i + 1 < n and w[i + 1] in "eiy" else "G")
            i += 1
        elif c == "h":
            if vowel_at(i + 1):
                out.append("H")
            i += 1
        elif c == "r":
            out.append("R" if i > 0 and vowel_at(i - 1) and not vowel_at(i + 1) else "L")
            i += 1
        elif c == "w":
            if i > 0 and vowel_at(i - 1) and not vowel_at(i + 1):
                out.append("_u")  # "ow", "aw": a vowel
            else:
                out.append("W")
            i += 1
        elif c == "y":
            out.append("Y")
            i += 1
        else:
            out.append({"b": "B", "p": "B", "m": "M", "f": "F", "v": "V", "d": "D", "t": "D",
                        "n": "N", "l": "L", "k": "G", "q": "G", "j": "J", "s": "S", "z": "S"}.get(c, ""))
            i += 1
        while i < n and w[i] == w[i - 1] and not vowel_at(i):  # doubled consonants
            i += 1
    out = [u for u in out if u]
    if len(out) > 2 and out[-1] == "_e" and not out[-2].startswith("_"):
        out[-1] = "_e'"  # a silent final e
    merged: list[str] = []
    for u in out:  # "ck", "kk", "ss" already one; merge any two equal consonants left
        if merged and u == merged[-1] and not u.startswith("_"):
            continue
        merged.append(u)
    return tuple(merged)


# Substitution costs between a Chinese unit (first) and an English unit (second), for
# consonants that are not the same class. Anything else costs a deletion and an insertion.
_NEAR = {
    ("Q", "C"): 0.0, ("Q", "G"): 0.2, ("Q", "K"): 0.1, ("Q", "J"): 0.2, ("Q", "S"): 0.5,
    ("J", "C"): 0.15, ("J", "G"): 0.3, ("J", "K"): 0.05, ("J", "Y"): 0.3, ("J", "S"): 0.5,
    ("G", "C"): 0.15, ("G", "K"): 0.1, ("G", "H"): 0.6, ("C", "C"): 0.0, ("C", "G"): 0.4,
    ("X", "S"): 0.05, ("X", "H"): 0.35, ("X", "C"): 0.3, ("X", "K"): 0.4, ("X", "T"): 0.5,
    ("S", "T"): 0.3, ("S", "C"): 0.3, ("S", "J"): 0.4, ("S", "K"): 0.4, ("D", "T"): 0.0,
    ("F", "V"): 0.2, ("W", "V"): 0.1, ("F", "W"): 0.6, ("B", "V"): 0.5, ("B", "F"): 0.7,
    ("Y", "J"): 0.25, ("Y", "K"): 0.4, ("L", "R"): 0.0, ("r", "L"): 0.0, ("r", "R"): 0.0,
    ("L", "N"): 0.7, ("N", "M"): 0.6, ("n", "N"): 0.0, ("n", "M"): 0.2, ("n", "n"): 0.0,
    ("N", "n"): 0.3, ("H", "G"): 0.6, ("H", "C"): 0.5, ("Y", "_"): 0.2, ("W", "_"): 0.25,
    ("S", "S"): 0.0, ("H", "_"): 0.6, ("J", "J"): 0.0, ("K", "K"): 0.0,
}


def _zh_del(u: str) -> float:
    """A Chinese unit with no English counterpart."""
    if u.startswith("_"):
        return 0.3  # a vowel added to carry a consonant: 克 (ke) for k
    return {"n": 0.35, "r": 0.55, "H": 0.6, "Y": 0.4, "W": 0.5}.get(u, 1.5)


def _en_ins(u: str) -> float:
    """An English unit the Chinese leaves out."""
    if u == "_e'":
        return 0.05
    if u.startswith("_"):
        return 0.4
    return {"R": 0.3, "H": 0.3, "n": 0.5, "T": 0.8}.get(u, 1.0)


@lru_cache(maxsize=1 << 16)
def _sub(z: str, e: str) -> float:
    if z.startswith("_") and e.startswith("_"):
        zs, es = set(z[1:]), set(e[1:].strip("'"))
        if zs & es:
            return 0.0 if z[1:] == e[1:] or len(zs) == 1 or len(es) == 1 else 0.05
        near = {frozenset("ao"), frozenset("ou"), frozenset("ei"), frozenset("eu"), frozenset("ae")}
        return 0.15 if any(frozenset((a, b)) in near for a in zs for b in es) else 0.25
    if z.startswith("_") or e.startswith("_"):
        if e.startswith("_") and not z.startswith("_"):
            return _NEAR.get((z, "_"), 9.0)
        return 0.2 if e in ("Y", "W") else 9.0  # 瑞安 for Ryan
    if z == e:
        return 0.0
    return _NEAR.get((z, e), 9.0)


def _weight(u: str) -> float:
    return 0.1 if u == "_e'" else 0.4 if u.startswith("_") else 1.0


_HARD = frozenset("BMFVDNLGCKJSQXT")


@lru_cache(maxsize=1 << 14)
def _side(units: tuple[str, ...], zh: bool) -> tuple[tuple[float, ...], float, int, str]:
    """Per-unit deletion (Chinese) or insertion (English) costs, the weight, the
    consonant count and the first unit: computed once per part or label token."""
    costs = tuple((_zh_del if zh else _en_ins)(u) for u in units)
    if not zh:  # a consonant that starts a syllable is always written (McFaul is not
        # 麦考尔); one before a consonant or at the end may not be (Ronald 罗纳德, David 戴维)
        costs = tuple(c * 1.5 if k + 1 < len(units) and u in _HARD and units[k + 1].startswith("_")
                      else c for k, (u, c) in enumerate(zip(units, costs, strict=True)))
    return costs, sum(_weight(u) for u in units), sum(1 for u in units if not u.startswith("_")), \
        units[0] if units else ""


def similarity(zh: tuple[str, ...], en: tuple[str, ...]) -> float:
    """How well Chinese units ``zh`` transliterate English units ``en``: 1 - the aligned
    cost over the two sides' mean weight (consonants 1, vowels 0.4); at most 1."""
    if not zh or not en:
        return 0.0
    dels, wz, _, _ = _side(zh, True)
    ins, we, _, _ = _side(en, False)
    m = len(en)
    prev = [0.0] * (m + 1)
    for j in range(m):
        prev[j + 1] = prev[j] + ins[j]
    sub = _sub
    for z, dz in zip(zh, dels, strict=True):
        left = prev[0] + dz
        cur = [left]
        for j in range(m):
            d = prev[j] + sub(z, en[j])
            up = prev[j + 1] + dz
            left = left + ins[j]
            if up < left:
                left = up
            if d < left:
                left = d
            cur.append(left)
        prev = cur
    return max(0.0, 1.0 - prev[m] / ((wz + we) / 2))


_SOFT = frozenset(["", "_", "H", "Y", "W", "R", "n", "r"])


def _onset(units: tuple[str, ...]) -> str:
    """A name's first sound: its first consonant class, or "_" for a vowel."""
    return "" if not units else "_" if units[0].startswith("_") else units[0]


@lru_cache(maxsize=1 << 14)
def _spelled_onset(token: str) -> str:
    """A token's first sound from its first letters alone (the index needs no more)."""
    return _onset(english_units(token[:5]))


@lru_cache(maxsize=64)
def _compatible(onset: str) -> frozenset[str]:
    """English first sounds a Chinese first sound may stand for: the same or a near
    consonant, or any soft onset (a vowel, h, y, w, r); a soft onset stands for any."""
    every = frozenset("BMFVDNLGCKJSQXTHYWR_n")
    if onset in _SOFT:
        return every
    return frozenset(e for e in every if e in _SOFT or _sub(onset, e) <= 0.6)


def may_reach(zh: tuple[str, ...], en: tuple[str, ...], least: float) -> bool:
    """A cheap bound before the alignment: each consonant one side has more than the
    other costs at least 0.3, and two unlike first consonants at least 0.8."""
    dels, wz, cz, fz = _side(zh, True)
    ins, we, ce, fe = _side(en, False)
    lb = abs(cz - ce) * 0.3
    if fz in _HARD and fe in _HARD and _sub(fz, fe) >= 9.0:
        lb = max(lb, min(dels[0], ins[0]) * 0.8)
    return 1.0 - lb / ((wz + we) / 2) >= least


# ---------------------------------------------------------------------------------------

PART_MIN = 0.65  # each dot-separated part (calibrated on the fixture: bench/translit.py)
NAME_MIN = 0.66  # the mean over the parts
MARGIN = 0.04    # a second entity this close to the best: ambiguous, no link
# a name after a preposition or conjunction (对, 和, 与, ...) keeps its first character
# though the two make a dictionary word (对马 "Tsushima" in 特朗普对马查多的攻击: Machado)
PARTICLE_WORDS = 1
_PARTICLES = frozenset("对和与跟向把被给从为让同及")
MAX_PART = 7     # characters in one part
# a name followed by a whole dictionary word ends where that word starts, though its last
# character and the word's first make another word (迈克·赫卡比如何评价: 如何 "how", not
# 比如 "for example"; set trainblind6 of session 24, read after its run)
WORD_AFTER = 1
NICKNAME_COST = 0.1  # a given name matched by the start of its sounds only
# a person's given name alone (伊万卡 for Ivanka Trump, 希拉里 for Hillary Clinton): by the
# dictionary's name sense, or by sound at least this well (a short given name sounds like
# many words: 0.8 keeps 伯尼 Bernie .83, 米特 Mitt .88); and never a title or initial
GIVEN_MIN = 0.8
SENSE_PART_COST = 0.06  # more than MARGIN: 希拉里 is Hillary Clinton, not Bill Clinton
_NOT_GIVEN = frozenset("mr mrs ms miss dr sen rep gov gen prof sir dame lord lady rev pres mister "
                       "madam madame president senator governor mayor general judge secretary "
                       "minister chairman chief director professor doctor saint st".split())


@dataclass(frozen=True)
class Match:
    """An entity a transliterated name in the text names."""

    iri: str
    surface: str
    start: int
    end: int
    score: float
    label: str


@dataclass
class _Label:
    iri: str
    label: str
    tokens: list[tuple[int, int, str]]  # (first word, end word, token): words and joined pairs
    words: list[str]
    person: bool
    whole: tuple[int, int, str] | None = None  # all the words as one


_PARTICLE = {"de", "da", "del", "della", "di", "du", "la", "le", "van", "von", "der", "den", "bin",
             "al", "ter", "ten", "st"}


def _unaccented(text: str) -> str:
    """``text`` without its accents (ñ -> n, é -> e)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _label_tokens(label: str) -> tuple[list[str], list[tuple[int, int, str]]]:
    """The label's words, and the token spans a part may match: each word of two or more
    letters, a particle joined to the next word ("de Blasio"), a hyphenated pair."""
    label = _unaccented(label)  # "Castañeda" is spelled "Castaneda"
    words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[A-Za-z][A-Za-z'’\-]*", label)]
    spans: list[tuple[int, int, str]] = []
    for i, w in enumerate(words):
        core = re.sub(r"[^A-Za-z]", "", w)
        if len(core) >= 2:
            spans.append((i, i + 1, core))
        if i + 1 < len(words) and (w.lower() in _PARTICLE or len(core) <= 3):
            spans.append((i, i + 2, core + re.sub(r"[^A-Za-z]", "", words[i + 1])))
        if "-" in w:
            for piece in w.split("-"):
                if len(piece) >= 2:
                    spans.append((i, i + 1, piece))
    return words, spans


class Transliterator:
    """Matches Chinese transliterations against a fixed set of English labels.

    Args:
        labels: entity IRI -> its English labels (persons and organizations).
        persons: the IRIs that are persons (an undotted span matches their surname).
        is_word: a dictionary test; a span that is a word of its own is not a name
            (defaults to CC-CEDICT through :mod:`.gloss`).
        name_senses: the dictionary's English names for a word (迈克尔 -> Michael).
        given_forms: the dictionary's Chinese forms of an English given name (Michael ->
            迈克尔).
    """

    def __init__(self, labels: dict[str, list[str]], persons: set[str] | None = None,
                 is_word=None, name_senses=None, given_forms=None) -> None:
        if not _TRADITIONAL_DONE:
            _TRADITIONAL_DONE.append(True)
            _add_traditional()
        self.persons = persons if persons is not None else set(labels)
        self.is_word = is_word or _cedict_word
        self.name_senses = name_senses or _cedict_names
        self.given_forms = given_forms or _cedict_given_forms
        self.labels: list[_Label] = []
        for iri, labs in labels.items():
            for lab in labs:
                if _CJK.search(lab):
                    continue
                words, spans = _label_tokens(lab)
                toks = spans  # their sounds are worked out when first compared
                whole = None
                if len(words) > 1:  # the whole name as one word: 斯蒂芬罗奇, 埃克森美孚
                    whole = (0, len(words), "".join(re.sub(r"[^A-Za-z]", "", w) for w in words))
                if toks:
                    self.labels.append(_Label(iri, lab, toks, words, iri in self.persons, whole))
        # the labels by each token's first sound and by its letters: a part is scored only
        # against tokens that start alike (names keep their first consonant), and a
        # dictionary word only against tokens it names
        self.by_onset: dict[str, list[tuple[int, str]]] = {}
        self.whole_by_onset: dict[str, list[tuple[int, str]]] = {}
        self.by_flat: dict[str, set[int]] = {}
        for k, lab in enumerate(self.labels):
            for _, _, t in lab.tokens + ([lab.whole] if lab.whole else []):
                index = self.whole_by_onset if lab.whole and t == lab.whole[2] else self.by_onset
                index.setdefault(_spelled_onset(t), []).append((k, t))
                self.by_flat.setdefault(_flat(t), set()).add(k)
        self._cache: dict[tuple, list[Match]] = {}
        self._scores: dict[tuple, float] = {}

    # -- scoring ----------------------------------------------------------------------
    def part_score(self, part: str, token: str, dictionary_only: bool = False) -> float:
        """A part of a Chinese name against one token: 1.0 when the dictionary gives the
        token as (a word of) the part's name (迈克尔 -> Michael, 普京 -> Vladimir Putin),
        else how alike they sound (0 with ``dictionary_only``: the part is a word)."""
        key = (part, token, dictionary_only)
        hit = self._scores.get(key)
        if hit is not None:
            return hit
        flat = _flat(token)
        if any(flat == _flat(w) for sense in self.name_senses(part)
               for w in [sense] + re.split(r"\s+or\s+|[\s,]+", sense)):
            best = 1.0
        elif dictionary_only:
            best = 0.0
        else:
            best = _sound(part, token)
        if len(self._scores) < 1 << 16:
            self._scores[key] = best
        return best

    def nickname_score(self, part: str, token: str) -> float:
        """A given name the label shortens (Maury Obstfeld, written 莫里斯 for Maurice):
        how well the first half or more of the part's sounds match the token, less
        ``NICKNAME_COST``."""
        key = (part, token, "nick")
        hit = self._scores.get(key)
        if hit is not None:
            return hit
        zh = chinese_units(part) or ()
        units = english_units(token)
        best = 0.0
        for k in range((len(zh) + 1) // 2, len(zh)):
            if zh[k].startswith("_"):
                continue  # cut before a consonant: a syllable ends there
            if may_reach(zh[:k], units, PART_MIN + NICKNAME_COST):
                best = max(best, similarity(zh[:k], units) - NICKNAME_COST)
        self._scores[key] = best
        return best

    def score_name(self, parts: list[str], lab: _Label, dictionary_only: bool = False) -> float:
        """The mean part score when every part matches its own token of ``lab``, in order
        (a middle name may be skipped; a person's last part is the surname); 0 otherwise.
        One undotted part matches a person's surname, an organization's name from its
        first word, or a whole label written as one word."""
        toks = lab.tokens
        nwords = len(lab.words)
        if len(parts) == 1:
            best = 0.0
            for a, b, t in toks + ([lab.whole] if lab.whole else []):
                if b == nwords and (lab.person or a == 0):
                    best = max(best, self._alone(parts[0], t, lab, dictionary_only))
            return max(best, self.given_score(parts[0], lab, dictionary_only))
        # several parts: a dynamic program over (part, last word used)
        best_at: dict[int, float] = {0: 0.0}
        for n, p in enumerate(parts):
            nxt: dict[int, float] = {}
            for a, b, t in toks:
                if a < min(best_at):
                    continue
                s = self.part_score(p, t)
                if s < PART_MIN and lab.person and n < len(parts) - 1:
                    s = self.nickname_score(p, t)  # Maury for 莫里斯 (Maurice)
                if s < PART_MIN:
                    continue
                for end, tot in best_at.items():
                    if a >= end and tot + s > nxt.get(b, -1.0):
                        nxt[b] = tot + s
            if not nxt:
                return 0.0
            best_at = nxt
        if lab.person:
            best_at = {k: v for k, v in best_at.items() if k == nwords}
        return max(best_at.values()) / len(parts) if best_at else 0.0

    def given_score(self, part: str, lab: _Label, dictionary_only: bool = False) -> float:
        """A person's given name written alone (伊万卡 for Ivanka Trump, 希拉里 for Hillary
        Clinton, 伯尼 for Bernie Sanders): the part against the label's first word, when
        that is no title or initial and a surname follows; 0 below ``GIVEN_MIN``. A part
        the dictionary gives a name for is that name only (杰里米 is Jeremy, no Jerome;
        特朗普, "Donald Trump", no Donald Tusk); a given name the dictionary writes in
        Chinese is written so only (Michael is 迈克尔, not 麦考尔, McCaul); any other by
        its sound."""
        if not lab.person or len(lab.words) < 2:
            return 0.0
        senses = self.name_senses(part)
        names = {_flat(w) for w in lab.words}
        best = 0.0
        for a, b, t in lab.tokens:
            if a != 0 or b != 1 or len(t) < 3 or t.lower() in _NOT_GIVEN:
                continue
            if senses:
                flat = _flat(t)
                s = 1.0 if any(words[:1] == [flat] and (len(words) == 1 or words[-1] in names)
                               for words in map(_sense_words, senses)) else 0.0
            elif dictionary_only:
                s = 0.0
            else:
                forms = self.given_forms(t)
                s = 0.0 if forms and part not in forms else _sound(part, t)
            best = max(best, s)
        return best if best >= GIVEN_MIN else 0.0

    def _alone(self, part: str, token: str, lab: _Label, dictionary_only: bool) -> float:
        """:meth:`part_score` of a name written alone, where a dictionary sense that is a
        full name (希拉里: "Hillary Rodham Clinton") matches a label without its given name
        ("Bill Clinton", by "Clinton") ``SENSE_PART_COST`` less than a label with it."""
        s = self.part_score(part, token, dictionary_only)
        if s < 1.0:
            return s
        flat = _flat(token)
        names = {_flat(w) for w in lab.words}
        senses = self.name_senses(part)
        for words in map(_sense_words, senses):
            if words == [flat] or (len(words) > 1 and words[0] in names and words[-1] in names):
                return s  # the sense is this token alone, or names this label in full
        return s - SENSE_PART_COST if senses else s

    # -- finding names in text --------------------------------------------------------
    def candidates(self, text: str) -> list[tuple[list[tuple[str, int, int]], bool]]:
        """Spans of ``text`` that may be a transliterated name: a list of (part, start,
        end) and whether the name was dotted. A name runs as far as transliteration
        characters go, less any character that starts or ends a dictionary word with
        its neighbour outside (麦克福尔曾经: 曾经 is a word)."""
        out: list[tuple[list[tuple[str, int, int]], bool]] = []
        runs = [m.span() for m in _RUN.finditer(text)]
        i = 0
        while i < len(runs):
            s, e = runs[i]
            parts = [(s, e)]
            while i + 1 < len(runs) and _JOIN.fullmatch(text, parts[-1][1], runs[i + 1][0]):
                i += 1
                parts.append(runs[i])
            i += 1
            a, b = parts[0][0], parts[-1][1]
            lim_a = parts[0][1] - 1 if len(parts) > 1 else b - 1
            while a < lim_a and (_part_len(text, a, parts[0][1]) > MAX_PART or self._crossed(text, a, -1)):
                a += 1
            lim_b = parts[-1][0] + 1 if len(parts) > 1 else a + 1
            while b > lim_b and (_part_len(text, parts[-1][0], b) > MAX_PART or self._crossed(text, b, 1)):
                b -= 1
            if len(parts) == 1:
                if b - a >= 2 and not self._crossed(text, a, -1) and not self._crossed(text, b, 1):
                    out.append(([(text[a:b], a, b)], False))
                continue
            spans = [(a, parts[0][1])] + parts[1:-1] + [(parts[-1][0], b)]
            if self._crossed(text, a, -1) or self._crossed(text, b, 1):
                continue
            out.append(([(text[x:y], x, y) for x, y in spans], True))
        return out

    def _shortlist(self, part: str, word: bool, alone: bool) -> list[_Label]:
        """The labels with a token ``part`` (a name's last part; ``alone``: the whole
        name) may match."""
        if word:
            ks = {k for sense in self.name_senses(part)
                  for w in [sense] + re.split(r"\s+or\s+|[\s,]+", sense) for k in self.by_flat.get(_flat(w), ())}
        else:
            zh = chinese_units(part)
            if not zh:
                return []
            ons = _compatible(_onset(zh))
            n = len(part)  # a character writes one to four letters: a cheap test first
            ks = {k for on in ons for k, t in chain(
                      self.by_onset.get(on, ()),
                      self.whole_by_onset.get(on, ()) if alone and n >= 4 else ())
                  if n - 1 <= len(t) <= 4 * n + 2 and self.part_score(part, t) >= PART_MIN}
            ks |= {k for sense in self.name_senses(part)
                   for w in [sense] + re.split(r"\s+or\s+|[\s,]+", sense) for k in self.by_flat.get(_flat(w), ())}
        return [self.labels[k] for k in sorted(ks)]

    def _crossed(self, text: str, edge: int, side: int) -> bool:
        """Does a dictionary word run across ``edge`` (the start when ``side`` is -1, the
        end when 1) from outside the name into it?"""
        if WORD_AFTER and side > 0 and not any(c in DOTS for c in text[edge:edge + 2]) and any(
                self.is_word(text[edge:y]) for y in range(edge + 2, min(len(text), edge + 6) + 1)):
            return False  # (the text after the name opens on a word of its own)
        for x in range(max(0, edge - 6), edge):
            for y in range(edge + 1, min(len(text), x + 8) + 1):
                w = text[x:y]
                if any(c in DOTS for c in w):
                    break
                if self.is_word(w) and not (PARTICLE_WORDS and side < 0 and len(w) == 2
                                            and w[0] in _PARTICLES):
                    return True
        return False

    def find(self, text: str, skip: tuple[tuple[int, int], ...] = ()) -> list[Match]:
        """The names transliterated in ``text``, in order, none overlapping a span of
        ``skip`` (names already found another way)."""
        key = (text, skip)
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        out: list[Match] = []
        for parts, dotted in self.candidates(text):
            start, end = parts[0][1], parts[-1][2]
            if any(x < end and start < y for x, y in skip):
                continue
            names = [p for p, _, _ in parts]
            word = not dotted and self.is_word(names[0])
            ranked = []
            for lab in self._shortlist(names[-1], word, len(names) == 1):
                if len(names) > 1 and len(names) > len(lab.words):
                    continue
                s = self.score_name(names, lab, dictionary_only=word)
                if s >= NAME_MIN:
                    ranked.append((s, lab))
            if not ranked:
                continue
            ranked.sort(key=lambda x: -x[0])
            s, lab = ranked[0]
            near = [x for sx, x in ranked if sx > s - MARGIN]
            # the graph may hold a person twice, by full name and by surname ("Stephen
            # Roach", "Roach"): one person, named by the full label
            lab = max((x for x in near if _variant(x, lab)), key=lambda x: len(x.words))
            if any(x.iri != lab.iri and not _variant(x, lab) for x in near):
                continue  # two entities sound alike: no link
            if len(names) == 1 and not dotted and self.given_score(names[0], lab, word) >= s and any(
                    x.iri != lab.iri and not _variant(x, lab) and self.given_score(names[0], x, word)
                    for _, x in ranked):
                continue  # a given name two persons may answer to (Sergey, Sergei): no link
            out.append(Match(lab.iri, text[start:end], start, end, round(s, 3), lab.label))
        if len(self._cache) < 2048:
            self._cache[key] = out
        return out


def _sense_words(sense: str) -> list[str]:
    """A dictionary name sense's words, flattened ("Hillary Rodham Clinton" -> 3 words)."""
    return [f for f in map(_flat, re.split(r"\s+or\s+|[\s,]+", sense)) if f]


@lru_cache(maxsize=1)
def _given_form_index() -> dict[str, frozenset[str]]:
    """English given name (flattened) -> the Chinese words CC-CEDICT gives as that name
    ("michael" -> 迈克尔, 邁克爾): its senses written "Michael (name)"."""
    from .gloss import dictionary

    out: dict[str, set[str]] = {}
    for w, senses in dictionary().items():
        if "name)" not in senses:
            continue
        for sense in re.split(r"[/\n]", senses):
            m = re.fullmatch(r"\s*([A-Z][a-z]+(?:,\s*[A-Z][a-z]+)*)\s*\((?:male |female |given |first )?name\)\s*",
                             sense)
            if m:
                for n in re.findall(r"[A-Z][a-z]+", m.group(1)):
                    out.setdefault(n.lower(), set()).add(w)
    return {k: frozenset(v) for k, v in out.items()}


def _cedict_given_forms(token: str) -> frozenset[str]:
    return _given_form_index().get(_flat(token), frozenset())


@lru_cache(maxsize=1 << 16)
def _sound(part: str, token: str) -> float:
    """How well the Chinese ``part`` sounds like the English ``token`` (0 when their first
    sounds cannot match or the bound says it cannot reach ``PART_MIN``)."""
    zh = chinese_units(part)
    units = english_units(token)
    return similarity(zh, units) if zh and units and _onset(units) in _compatible(_onset(zh)) \
        and may_reach(zh, units, PART_MIN) else 0.0


def _variant(a: _Label, b: _Label) -> bool:
    """Is one label the other's last words (a person's surname, "Roach" / "Stephen Roach")?"""
    x, y = [w.lower() for w in a.words], [w.lower() for w in b.words]
    if len(x) > len(y):
        x, y = y, x
    return bool(x) and y[len(y) - len(x):] == x


def _flat(s: str) -> str:
    return re.sub(r"[^a-z]", "", re.sub(r"['’]s\b", "", s.lower()))


@lru_cache(maxsize=1 << 15)
def _cedict_word(w: str) -> bool:
    """A CC-CEDICT headword of two or more characters whose senses are ordinary words or
    places (a name sense alone, 迈克尔 "Michael (name)", does not make a name a word)."""
    if len(w) < 2:
        return False
    from .gloss import dictionary

    senses = dictionary().get(w)
    if not senses:
        return False
    heads = [s.strip() for s in senses.replace("\n", "/").split("/") if s.strip()]
    return not all(re.search(r"\((?:male |female |person |given |first )?name\)", s) or
                   re.match(r"surname ", s) for s in heads)


@lru_cache(maxsize=1 << 14)
def _cedict_names(w: str) -> tuple[str, ...]:
    from .gloss import name_senses

    return tuple(name_senses(w))
