"""Who a question is about: name variants, titles, descriptions, Chinese names, typos."""

from __future__ import annotations

import re

from claimgraph.extract.entities import PLACE_NAMES
from claimgraph.extract.names import norm_key

from .gloss import gloss as gloss_text
from .gloss import gloss_words, name_senses, pinyin_names, segment_spans
from .linking import CJK_RE, Link, common_words, edit_distance, normalize
from .router import PERSON_NOUN, ROLE_NOUN, Route
from .scoring import tokens

# "坦帕湾时报" (Tampa Bay Times): a name written part by sound, part by sense (_mixed_name)
MIXED_NAMES = 1
# "空乘人员协会" (Association of Flight Attendants): a name translated word by word (_calque_name)
CALQUES = 1
_LABEL_JOINS = frozenset(("of", "for", "the", "and", "on", "in", "at"))

PERSONISH = {"Person"}
_GENERATION = frozenset("jr sr ii iii iv".split())  # after a surname: "John G. Roberts Jr"
SPEAKER_TYPES = {"Person", "Organization", "Place"}

# what a person is, written right before the name ("longtime Democratic pollster Pat Caddell",
# "billionaire and Trump critic Mark Cuban"): a sentence so naming X describes X
DESCRIBING_NOUN = (r"(?:" + ROLE_NOUN + r"|pollster|billionaire|millionaire|critic|consultant|commentator|"
                   r"columnist|host|anchor|correspondent|reporter|editor|journalist|author|writer|"
                   r"professor|historian|scholar|researcher|scientist|expert|activist|organizer|"
                   r"lobbyist|surrogate|pundit|operative|donor|investor|entrepreneur|mogul|"
                   r"businessman|businesswoman|developer|owner|partner|physician|doctor|coach|actor|"
                   r"actress|singer|rapper|comedian|veteran|fellow)")

# How news text abbreviates a title before a name ("Gov. Chris Christie", "Sen. Warren").
TITLE_ABBREVIATIONS = [("governor", r"Gov\.?"), ("senator", r"Sen\.?"), ("representative", r"Rep\.?"),
                       ("congressman", r"Rep\.?"), ("congresswoman", r"Rep\.?"),
                       ("general", r"Gen\.?"), ("secretary", r"Sec\.?"), ("president", r"Pres\.?"),
                       ("lieutenant", r"Lt\.?"), ("attorney", r"Atty\.?"),
                       # a New York trial judge is titled "Justice" ("Supreme Court Justice Frank
                       # Nervo"): "the judge" of a question is he (set divorce, read after its run)
                       ("judge", r"Justice")]


def tokens_plain(text: str) -> tuple[str, ...]:
    """A name's words, case-, accent- and apostrophe-folded: ("james", "o'neill")."""
    return tuple(w.strip(".'-") for w in re.findall(r"[\w'’.\-]+", normalize(text)) if w.strip(".'-"))


# what follows a name to describe it: "Aaron Kall, the director ...", "Kall, who ...", "Kall,
# director of ...", "Lester Holt of NBC News" (not "X, speaking of")
_AFTER_NAME = re.compile(r",\s*(?:the|a|an|who|(?!\w+ing\s)\w+\s+(?:of|at))\b|\s+of\s+(?:the\s+)?[A-Z]")
# what ends right before a name to describe it, tested in the words before it (\Z: the name):
# a title ("New Jersey Gov. Chris Christie", "IMF chief economist Maury Obstfeld") ...
_TITLE_BEFORE = re.compile(r"(?i:" + PERSON_NOUN + r"|gov|sen|rep|gen)\.?\s+(?:[A-Z][\w.'’-]*\s+){0,2}\Z")
# ... a noun ("pollster Pat Caddell"), an owner ("NBC's Matt Lauer") ...
_NOUN_BEFORE = re.compile(r"\b(?i:" + DESCRIBING_NOUN + r")\s+\Z")
_OWNER_BEFORE = re.compile(r"[A-Z][\w.&]*(?:'s|’s)\s+\Z")
# ... or a description set off by a comma ("the director of debate at ..., Aaron Kall"), not an
# opening phrase of time or place ("During a CNN town hall, Tina Houchins had ...", "At a rally
# in Ohio, Trump said ..."). The lookahead first: most positions fail it at once.
_THE_BEFORE = re.compile(
    r"(?=\b(?:the|a|an)\s)(?<![Dd]uring )(?<![Aa]t )(?<![Ii]n )(?<![Oo]n )(?<![Aa]fter )(?<![Bb]efore )"
    r"(?<![Ww]ith )(?<![Ff]rom )(?<![Ss]ince )(?<![Aa]mid )(?<![Ii]nside )(?<![Tt]hroughout )"
    r"(?<![Oo]ver )(?<![Dd]espite )(?<![Ff]or )(?<![Ll]ike )(?<![Uu]nlike )(?<![Ii]nto )"
    r"\b(?:the|a|an)\s[^,.;\"“”]{3,80},\s*\Z")
_THE_REACH = 4 + 80 + 1  # "the ", the description, the comma


def _is_word(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _ends_word(text: str, e: int) -> bool:
    """Is there a word boundary (re's ``\\b``) at position ``e``?"""
    return _is_word(text, e - 1) != _is_word(text, e)


def _words_back(text: str, i: int, n: int) -> int:
    """Where the ``n``-th whitespace-separated word before position ``i`` starts."""
    for _ in range(n):
        while i > 0 and text[i - 1].isspace():
            i -= 1
        while i > 0 and not text[i - 1].isspace():
            i -= 1
    return i


class Apposition:
    """Does a text write one of X's ``names`` with a description attached ("the director of
    debate at ..., Aaron Kall", "Aaron Kall, the director ...", "Lester Holt of NBC News",
    "NBC's Matt Lauer", "IMF chief economist Maury Obstfeld", "pollster Pat Caddell")?

    Each test runs where a name is written, on the few words before it or right after it,
    not along the whole text: a title or noun list tried at every character took ~120 µs a
    sentence, seconds for a person named in 9,551 passages (bench/scale.py)."""

    def __init__(self, names: list[str]) -> None:
        self.names = names

    def _places(self, text: str):
        for n in self.names:
            p = text.find(n)
            while p >= 0:
                yield p, p + len(n)
                p = text.find(n, p + 1)

    def describes(self, text: str) -> bool:
        for p, e in self._places(text):
            if _AFTER_NAME.match(text, e):
                return True
            lo = _words_back(text, p, 3)  # a title or noun and up to two capitalized words
            if _TITLE_BEFORE.search(text, lo, p) or _NOUN_BEFORE.search(text, lo, p):
                return True
            if _ends_word(text, e) and (  # the name ends a word
                    _OWNER_BEFORE.search(text, lo, p)
                    or _THE_BEFORE.search(text, max(0, len(text[:p].rstrip()) - _THE_REACH), p)):
                return True
        return False

    def titled(self, text: str) -> bool:
        """Is a title written right before a name ("New Jersey Gov. Chris Christie")?"""
        return any(_ends_word(text, e) and _TITLE_BEFORE.search(text, _words_back(text, p, 3), p)
                   for p, e in self._places(text))


class NamesMixin:
    """Resolving the question's subject (mixed into ``QAEngine``)."""

    def _name_variants(self) -> None:
        """Persons the graph holds twice, by full name and by a shorter form of it
        ("O'Neill" / "James O’Neill", "De Blasio" / "Bill de Blasio"): a question naming
        either asks about both. Only when the shorter form fits one full name."""
        names = {i: tokens_plain(self.label(i) or "") for i, t in self.types.items()
                 if t in PERSONISH}
        # "John G. Roberts Jr" is "Roberts": a generational suffix ends no surname
        names = {i: (w[:-1] if len(w) > 1 and w[-1] in _GENERATION else w) for i, w in names.items()}
        by_suffix: dict[tuple[str, ...], list[str]] = {}  # ("o'neill",) -> the longer names
        for i, w in names.items():
            for n in range(1, len(w)):
                by_suffix.setdefault(w[-n:], []).append(i)
        self.variants: dict[str, set[str]] = {}
        for short, sw in names.items():
            longer = [i for i in by_suffix.get(sw, ()) if i != short] if sw else []
            if len(longer) == 1:
                self.variants.setdefault(short, set()).add(longer[0])
                self.variants.setdefault(longer[0], set()).add(short)

    def _apposition(self, iris: set[str]) -> Apposition | None:
        """Tests for X's names with a description attached (:class:`Apposition`)."""
        names = sorted({n for i in iris for v in [i] + sorted(self.variants.get(i, ()))
                        for n in self.labels.get(v, {}).get("en", []) if len(n) >= 3}, key=len,
                       reverse=True)
        return Apposition(names) if names else None

    def _chinese_links(self, question: str, links: list[Link]) -> list[Link]:
        """Entities a Chinese question names by a word the dictionary translates to an
        entity's English name (美国 -> "US" -> U.S.; 欧盟 -> European Union), where no
        label matched."""
        out: list[Link] = []
        # a Western name written in Chinese that no entity's name sounds like (乔治·索罗斯
        # when the graph has George Bush only) is nobody the graph holds: its given name
        # alone (乔治 -> "George") must not link
        dotted = [(parts[0][1], parts[-1][2]) for parts, d in
                  self.linker.transliterator().candidates(question) if d]
        for word, a, b in segment_spans(question):
            if len(word) < 2 or any(lk.start < b and a < lk.end for lk in links) \
                    or any(x < b and a < y for x, y in dotted):
                continue
            for name in name_senses(word):
                found = {lk.iri for lk in self.linker.link(name) if (
                    (lk.start == 0 and lk.end == len(name)) or self._country_tail(name, lk))
                    and self.types.get(lk.iri) in SPEAKER_TYPES}
                if found:
                    if len(found) == 1:
                        out.append(Link(found.pop(), word, a, b, "dictionary"))
                    break
        return out

    def _country_tail(self, name: str, lk: Link) -> bool:
        """Is ``lk`` an organization that ends ``name`` after a country only ("US
        Securities and Exchange Commission", the dictionary's sense of 美国证券交易委员会,
        is the graph's Securities and Exchange Commission)?"""
        return lk.end == len(name) and self.types.get(lk.iri) == "Organization" and \
            norm_key(name[:lk.start].strip()) in PLACE_NAMES

    def _chinese_name(self, question: str, subject: str) -> list[Link]:
        """A Chinese subject no label matches: a short form of a Chinese label (标普 for
        标准普尔), or a person's name whose pinyin is an English label (沈建光 -> Shen
        Jianguang)."""
        a = question.find(subject)
        if a < 0:
            return []
        iris = self.linker.abbreviation(subject)
        how = "abbreviation"
        if not iris:  # a name the dictionary knows: 奥巴马 -> Barack Obama
            how = "dictionary"
            for name in (alt for sense in name_senses(subject) for alt in re.split(r"\s+or\s+", sense)):
                # the whole name, a person by its last words (Barack Obama -> Obama), an
                # organization by a label its name starts with (JPMorgan Chase -> JPMorgan);
                # not any other part ("George Soros" is not the George W. Bush Center)
                iris = list(dict.fromkeys(lk.iri for lk in self.linker.link(name)
                                          if self.types.get(lk.iri) != "Concept" and (
                                              (lk.start == 0 and lk.end == len(name))
                                              or (lk.end == len(name) and self.types.get(lk.iri) in PERSONISH)
                                              or (lk.start == 0 and lk.how in ("label", "alias", "acronym")
                                                  and self.types.get(lk.iri) == "Organization")
                                              or self._country_tail(name, lk))))
                if iris:
                    break
        if not iris:
            how = "pinyin"
            for name in pinyin_names(subject):
                iris = [lk.iri for lk in self.linker.link(name) if lk.start == 0
                        and lk.end == len(name) and self.types.get(lk.iri) in PERSONISH]
                if iris:
                    break
        if not iris and MIXED_NAMES:
            how = "mixed"
            iris = self._mixed_name(subject)
        if not iris and CALQUES:
            how = "calque"
            iris = self._calque_name(subject)
        return [Link(iris[0], subject, a, a + len(subject), how)] if len(iris) == 1 else []

    def _mixed_name(self, subject: str) -> list[str]:
        """An organization or place whose Chinese name is its English one, by sound then by
        sense (坦帕湾时报: 坦帕 "Tampa" by sound, 湾 "bay", 时报 "Times"; 皮尤研究中心, Pew
        Research Center): the one entity whose label's last words the characters at the end
        mean, one word each, and whose first words the rest sounds like."""
        from .gloss import _senses, dictionary
        from .translit import PART_MIN

        text = subject.strip("《》〈〉“”\"'「」 ")
        if not CJK_RE.fullmatch(text[:1] or "x") or not 3 <= len(text) <= 14:
            return []
        d, tr = dictionary(), self.linker.transliterator()

        def fits(zh: str, words: list[str], meant: int) -> bool:
            if not words or not zh:
                return not words and not zh and meant > 0
            for n in range(1, min(4, len(zh)) + 1):  # the last word, by sense
                if words[-1].lower() in _senses(zh[-n:], d)[:8] and fits(zh[:-n], words[:-1], meant + 1):
                    return True
            # the rest, by sound (after at least one word by sense)
            return meant > 0 and len(zh) >= 2 and tr.part_score(zh, "".join(words)) >= PART_MIN

        # a label's last word must be what the last characters mean (a set lookup per label)
        last = {w for n in range(1, min(4, len(text)) + 1) for w in _senses(text[-n:], d)[:8]}
        found = []
        for iri, langs in self.labels.items():
            if self.types.get(iri) not in ("Organization", "Place"):
                continue
            for lab in langs.get("en", []):
                words = [w for w in re.findall(r"[A-Za-z]+", lab) if w.lower() not in _LABEL_JOINS]
                if len(words) >= 2 and words[-1].lower() in last and fits(text, words, 0):
                    found.append(iri)
                    break
        return found

    def _calque_name(self, subject: str) -> list[str]:
        """An organization or place whose Chinese name translates its English one word by
        word, in either order (空乘人员协会, "flight attendant / staff / association": the
        Association of Flight Attendants; 退伍军人事务部, Department of Veterans Affairs):
        the entities whose label's every word (two or more) some word of the name means,
        where every word of the name but one means a word of the label."""
        words = gloss_words(subject)
        if len(words) < 2 or "".join(w for w, _ in words) != subject.strip("《》〈〉“”\"'「」 "):
            return []  # a word the dictionary lacks: not a translation
        senses = [{t for g in gl for t in tokens(g)} for _, gl in words]
        meant = set().union(*senses)
        found = []
        for iri, langs in self.labels.items():
            if self.types.get(iri) not in ("Organization", "Place"):
                continue
            for lab in langs.get("en", []):
                want = {t for w in re.findall(r"[A-Za-z]+", lab) if w.lower() not in _LABEL_JOINS
                        for t in tokens(w)}
                if len(want) >= 2 and want <= meant and sum(not (s & want) for s in senses) <= 1 \
                        and len(words) - 1 <= len(want):
                    found.append(iri)
                    break
        return found

    def _titled(self, subject: str) -> set[str]:
        """Persons an article names right after ``subject`` used as their title: "mayor" ->
        "Mayor Bill de Blasio", "NYPD commissioner" -> "NYPD Commissioner James O’Neill"."""
        words = [re.sub(r"['’]s$", "", w) for w in re.findall(r"[\w&.'’-]+", subject)]
        if not words or not re.fullmatch(PERSON_NOUN + "s?", words[-1], re.I):
            return set()
        # the title as the article may write it: "New Jersey Gov. Chris Christie"
        alts = [re.escape(words[-1])] + [a for full, a in TITLE_ABBREVIATIONS
                                         if re.fullmatch(full + "s?", words[-1], re.I)]
        title = r"[\s,]+".join([re.escape(w) for w in words[:-1]] + ["(?:" + "|".join(alts) + ")"])
        pat = re.compile(r"(?<![\w&])(?i:" + title + r")[,\s]+([A-Z][\w'’.\-]*(?:\s+(?:(?:de|van|von|der|"
                         r"den|da|del|della|di|du|la|le|bin|al|ter|ten)\s+)*[A-Z][\w'’.\-]*){0,3})")
        key = pat.pattern
        if key not in self._titled_cache:  # a scan of every article: once per title
            found: set[str] = set()
            for text in self.snap.texts:
                for m in pat.finditer(text):
                    found |= {lk.iri for lk in self.linker.link(m.group(1))
                              if self.types.get(lk.iri) in PERSONISH}
            if len(self._titled_cache) < 1024:
                self._titled_cache[key] = found
            return found
        return self._titled_cache[key]

    def _described(self, subject: str) -> list[int]:
        """Claims whose sentence names their speaker by ``subject``, a description such as
        "the California congressman" (a place or group word plus a person noun)."""
        if not re.search(r"\s" + PERSON_NOUN + r"s?$", subject, re.I) or len(subject.split()) < 2:
            return []
        pat = re.compile(r"(?<!\w)" + re.escape(subject) + r"(?!\w)", re.I)
        if not any(pat.search(t) for t in self.snap.texts):  # quotes are article text
            return []
        return [i for i in self.of_kind("claim").tolist() if self.statements[i].speaker
                and pat.search(self.statements[i].evidence[0]["quote"])]

    def _spelled(self, question: str, links: list[Link]) -> str:
        """``question`` with its misspelt words ("yeilds", "volatilty") replaced by the article
        word they are a small typo of. Only words that are no English word (not in the
        MiniLM vocabulary) and no article word are touched, so "inflation" stays "inflation"
        for the engine to find unsupported."""
        def fix(m: re.Match) -> str:
            w = m.group(0)
            low = w.lower()
            if low in self.linker.vocab or low in common_words() or any(
                    lk.start < m.end() and m.start() < lk.end for lk in links):
                return w
            hit = self._typo_cache.get(low)
            if hit is None:
                limit = 1 if len(low) < 8 else 2
                best = sorted((edit_distance(v, low, limit), v) for v in self._vocab_first.get(low[0], ())
                              if abs(len(v) - len(low)) <= limit)
                best = [b for b in best if b[0] <= limit]
                hit = best[0][1] if best and (len(best) == 1 or best[0][0] < best[1][0]) else ""
                if len(self._typo_cache) < 8192:
                    self._typo_cache[low] = hit
            return hit or w

        return re.sub(r"(?<![\w&'’-])[a-z]{5,}(?![\w&-])", fix, question)  # names aside

    def gloss(self, text: str) -> tuple[str, float]:
        """``text`` glossed into English (:mod:`.gloss`), and the share of its Chinese words
        whose gloss some article uses: how far the gloss can be trusted to rank."""
        hit = self._gloss_cache.get(text)
        if hit is None:
            words = gloss_words(text)
            known = [w in self.linker.text_norm or any(self._known(t) for t in tokens(" ".join(g)))
                     for w, g in words]
            hit = (gloss_text(text), sum(known) / len(known) if known else 1.0)
            if len(self._gloss_cache) < 4096:
                self._gloss_cache[text] = hit
        return hit

    def _english(self, text: str, links: list[Link]) -> str:
        """Chinese labels replaced by the entity's English label (MiniLM is English-only)."""
        out = text
        for lk in sorted(links, key=lambda x: -x.start):
            if CJK_RE.search(lk.surface) and self.labels.get(lk.iri, {}).get("en"):
                i = out.find(lk.surface)
                if i >= 0:
                    out = out[:i] + " " + self.labels[lk.iri]["en"][0] + " " + out[i + len(lk.surface):]
        return " ".join(out.split())

    def _subject_links(self, question: str, r: Route, links: list[Link]) -> list[Link]:
        """The links inside the route's subject. A place's adjective is the subject only
        when it is the whole subject ("the British"): "British officials" are not Britain."""
        if not r.subject:
            return []
        links = [lk for lk in links if lk.how != "demonym"
                 or normalize(lk.surface).strip() == normalize(r.subject).strip()
                 or re.search(r"(?<!\w)" + ROLE_NOUN + r"$", r.subject, re.I)]  # "the Burmese leader"
        a = question.replace("’", "'").find(r.subject)
        if a < 0:
            return [lk for lk in links if normalize(lk.surface) in normalize(r.subject)]
        b = a + len(r.subject)
        return [lk for lk in links if lk.start < b and a < lk.end]
