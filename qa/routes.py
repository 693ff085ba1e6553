"""The routes: what did X say, who said Z, memberships, concepts, facts, anything else.

Each route picks the statements that may answer, ranks them (:mod:`.scoring`)
and abstains when the evidence is missing (:mod:`.support`).
"""

from __future__ import annotations

import itertools
import re

import numpy as np
from claimgraph.extract.cues import (
    ATTITUDE_ADJS,
    BELIEF_VERBS,
    DENIAL_VERBS,
    NOUN_CUES,
    SPEECH_VERBS,
)

from . import ann, support
from .embed import minilm_queries
from .linking import CJK_RE, Link, member_forms, normalize
from .names import PERSONISH, SPEAKER_TYPES
from .router import PERSON_NOUN, QUANTITY_NOUNS, ROLE_NOUN, ROLE_VERBS, Route
from .scoring import Scorer, tokens
from .verbalize import group_source

CONTEXT_PENALTY = 0.02  # as engine.CONTEXT_PENALTY: a statement ranked by a sentence near it
PASSAGE_PENALTY = 0.04  # an article sentence ranks just below a graph statement as good
PREFER_BONUS = 0.1  # the kind of statement a route asks for, when nothing was linked
APPOSITION_BONUS = 0.3  # "Who is X?": a sentence describing X, over one only naming X
# a say topic the articles write whole but far from X's statements is not what X spoke of:
# the relative test against made-up topics (nearer_than_foils) does not rescue it
WRITTEN_ELSEWHERE = 1
TITLE_BONUS = 0.1  # "What office does X hold?": a title before X's name, over other descriptions
# "Who is X?" asks nothing but what X is: a sentence describing X, over one that names X at its
# start and so sits nearer the bare name ("Mark Cuban knows as much about national security
# ..." over "... billionaire and Trump critic Mark Cuban ..."). Calibrated on the 232 affiliation
# questions of the 76 sets: 207 hit@1 at 0, 208 from 0.1 to 0.4, none lost
WHO_IS_BONUS = 0.2
WHO_IS = re.compile(r"^\W*who\s+(?:is|was)\s+(?!the\b|a\b|an\b)", re.I)
ROLE_ASKED = re.compile(r"\b(?:office|position|title|job|role|post)\b", re.I)
VERB_BONUS = 0.3  # "What did X compare Y to?": times how much nearer the verb a cue is than "said"
GROUP_PENALTY = 0.2  # what did X say: a claim of X's aides or officials, below X's own as good
ADDRESSEE_BONUS = 0.2  # "what did X tell Y": a claim whose cue addresses Y ("Warren told Stumpf")
REASON_BONUS = 0.1  # why-questions: a claim of X's giving a reason ("because", "so that")
WHY_CONTEXT_BONUS = 0.2  # why-questions: a claim answering a why-question the article asks
TOPIC_NAME_BONUS = 0.1  # X对Y怎么看, Y a linked name: X's statements naming Y (no BM25 in Chinese)
QUANTITY_BONUS = 0.5  # "What figure did X give?": X's statements giving a number (an answer needs one)
# "How did X respond to Y?": X's statements right after what Y said, first
RESPONSE_BONUS = 1.0  # (above any other score: the statement after is the response)
RESPONSE_STEP = 0.1  # less a paragraph further
# the least hybrid score of the claim taken for what X responded to (on 2 articles: the
# claims a question describes .65-.87, a made-up stimulus ("the weather in Paris") .05-.27)
RESPONSE_MIN = 0.5
# what X responded to: a claim reported by the verb the question writes after its speaker
# ("when Hewitt asked ...": a claim Hewitt "asked"), first among those the words match as well
RESPONSE_CUE_BONUS = 0.2
#: "How did X characterize Obama over his push to act on guns by executive action?": a
#: paragraph that sets out what the next one's speakers answer ("What unified the
#: Republican candidates Sunday was President Obama's effort to control the spread of
#: guns ...") writes the topic's words for them: the say route's word test reads it too
#: (held-out set trainblind3 of session 22)
LEAD_PARAGRAPH = 1
#: two claims of one sentence rank by it alike ("X, hoping to surge in New Hampshire, called
#: Obama a 'petulant child'" for a question about Obama): the one whose own words are
#: nearer the question first, by this share of its own score (trainblind3, session 22)
OWN_TIE = 0.002
#: "How did the woman who shouted the insult at X's rally explain ...?", "那位...的女支持者
#: 如何评价X?": a person described by a gendered noun, whom the question does not name, is
#: one of the quoted persons of that gender (by given name), not X (trainblind3, session 22)
DESCRIBED_GENDER = 1
_GENDER_NOUNS = {"woman": "f", "women": "f", "girl": "f", "lady": "f", "mother": "f", "wife": "f",
                 "daughter": "f", "sister": "f", "grandmother": "f", "man": "m", "men": "m",
                 "boy": "m", "father": "m", "husband": "m", "son": "m", "brother": "m",
                 "grandfather": "m"}
_GENDERED_EN = re.compile(r"^(?:(?:the|a|an|that|this|one)\s+)?(?P<n>" + "|".join(_GENDER_NOUNS)
                          + r")(?:\s*,|\s+(?:who|that|whose|at|in|from|with)\b.*)?$", re.I)
_GENDERED_ZH = re.compile(r"(?P<n>女|男)(?:子|士|性|人|孩|生|支持者|选民|观众|抗议者)$")


def described_gender(subject: str) -> str | None:
    """"f" or "m" for a subject that describes a person by a gendered noun ("the woman who
    shouted ...", "那位...的女支持者"), else None. A noun with words before it ("the Gold Star
    mother") is a description the articles may write: the say route's own tests find it."""
    m = _GENDERED_EN.match(subject.strip())
    if m:
        return _GENDER_NOUNS[m.group("n").lower()]
    m = _GENDERED_ZH.search(subject.strip())
    return ("f" if m.group("n") == "女" else "m") if m else None


#: "How did X justify Y?" ("What did X say to justify Y?"), Y a paraphrase of what X's claim
#: cued by that verb or its kin holds ("to defend his recent staff shake-up" for "replacing
#: his campaign leadership"): that claim answers when its paragraph writes one word of Y
#: (trainblind3, session 22)
MANNER_CUED = 1
RESPONSE_VERBS = frozenset("respond responded react reacted reply replied answer answered retort "
                           "retorted rebut rebutted".split())
# "How did X defend Y?": the quote X said right after X's claim cued "defended" ranks just
# above that claim (held-out set trainblind2 of session 21)
MANNER_QUOTES = 1
#: "What did X tell Y about Z?": X's claims cued "told" rank first only among those whose own
#: words are at least this share as near Z as the nearest's (the Conference of Mayors heard
#: both "told city leaders that ..." and "bombastic comments ... can cause more turbulence,"
#: Clinton said: the topic picks; held-out set trainblind4, session 23); 0: off
CUE_NEAR = 0.5
CUE_BONUS = 0.2  # "What did X write ...": X's claim whose cue is that verb ("wrote"), as Y addressed
DOER_BONUS = 0.2  # "Where was X born?": a sentence where X was born (one where only another was: minus)
EVENT_BONUS = 0.2  # when-questions: times the share of the question's words a dated sentence writes
UNDATED_PENALTY = 0.5  # when-questions: a sentence giving no time, below any giving one
# the plain verbs of saying: asked with one of these, any cue answers as well
PLAIN_SAY = frozenset("say said says saying think thought thinks believe believes mean".split())
# "Where was X born?", "When did X join Y?": X and the verb of the event asked about
EVENT_Q = re.compile(r"^\W*(?:where|when)\s+(?:was|were|is|are|did|does|do|has|have|had)\s+", re.I)
# the auxiliaries and adverbs between a subject and its verb ("he was first", "who had been")
_AUX_TAIL = re.compile(r"(?:\b(?:was|were|is|are|had|has|have|been|being|also|first|later|"
                       r"then|once|[a-z]+ly)\s*)+$")
# "Clinton's campaign manager": the role's holder is looked for by the name as the question
# writes it (a surname) too, not only by the entity's full labels
ROLE_SURFACES = 1
# "What did Congress say?": its members' claims are no answer (an organization's officials
# speak for it; a legislature's members speak for themselves)
LEGISLATURES = 1
# a person's full name as a question writes it ("Brentley Vinson", "John F. Kelly")
PROPER_NAME = re.compile(r"[A-Z][a-z][\w'’-]*(?:\s+(?:[A-Z]\.|[A-Z][a-z][\w'’-]*)){1,3}")
# "When will X happen?", and a sentence saying something will
FUTURE_Q = re.compile(r"^\W*when\s+(?:will|would|shall|is\s+.+?\s+going\s+to|are\s+.+?\s+going\s+to)\b",
                      re.I)
# "Who will Cruz face in the 2018 primary?": someone to come, whom a sentence names only
# with a future marker before the verb asked about ("is expected to face")
WHO_FUTURE_Q = re.compile(r"^\W*who(?:m)?\s+(?:will|shall|is\s+going\s+to)\b", re.I)
FUTURE_AT = re.compile(r"\b(?:will|would|'ll|shall|going to|plans? to|planned to|expected to|"
                       r"scheduled to|set to|intends? to|is to|are to)\s+(?:not\s+)?(?P<v>(?:[\w-]+\s+){0,2}[\w-]+)",
                       re.I)
# verbs that name what a thing is ("called it a disaster", "branded North Korea an outlaw
# nation"): one verb for who-questions ("Who called North Korea an outlaw nation?")
NAMING_VERBS = frozenset("call brand label dub term".split())
# "Who conceded that X?" is asked of "Podesta acknowledged that X": reporting verbs of one
# meaning, any of which a who-question's verb finds as its doer (held-out set trainblind2 of
# session 21)
VERB_KIN = tuple(frozenset(g.split()) for g in (
    "concede acknowledge admit grant allow",
    "boast brag tout crow",
    "deny dispute reject rebut refute",
    "warn caution",
    "predict forecast project",
    "criticize criticise blast slam attack denounce condemn lambast lambaste",
    "praise laud hail commend applaud",
    "accuse charge blame",
    "urge press exhort",
    "insist maintain contend assert argue",
    "mock ridicule deride",
    "defend justify",
))
# "Who pressed Trump on X?": the doer of the verb asked is also written "Hewitt, who had
# pressed him on X" and "pressed by Holt about X" (_doer)
DOER_FORMS = 1
# relatives a membership question may ask for, and how an article writes them
KIN = {w: f"{w}s?" for w in "wife husband spouse father mother son daughter brother sister "
       "grandson granddaughter grandfather grandmother uncle aunt nephew niece cousin partner "
       "stepfather stepmother stepson stepdaughter".split()}
KIN.update({"children": "children|sons?|daughters?", "kids": "kids?|children|sons?|daughters?",
            "parents": "parents|father|mother", "sons": "sons?", "daughters": "daughters?",
            "brothers": "brothers?", "sisters": "sisters?", "siblings": "siblings?|brothers?|sisters?"})
# a quotation mark, in any of the news styles (as engine.OPENS_QUOTE)
OPENS_QUOTE = re.compile(r"[\"“«„]|''|‘|``")
# the verb of a who-question ("Who branded North Korea ...?" -> branded)
WHO_VERB = re.compile(r"^\W*(?:who|which\s+(?:\S+\s+){1,3}?)\s*(?:has |had |have |first )?(?P<v>[a-z]+)\b",
                      re.I)
# a reason as a claim gives it, not a bare "to" ("wants to", "has to")
REASON = re.compile(r"\b(?:because|since|so that|in order to|so as to|due to|owing to|thanks to|"
                    r"as a result of|given that|the reason|reasons? (?:is|was|for)|out of concern|"
                    r"for fear|driven by|caused by|fueled by|fuelled by|stemming from|blamed on|"
                    r"attributed to|the result of)\b", re.I)
# a sentence that asks why: "Why the affiliation?", "Why does it matter?"
# (and quoted, with who asked it: '"But why?" reporter Jackie Nespral asked him.', held-out
# set trainblind of session 20)
WHY_ASKED = re.compile(r"^\W*(?:so\s+|and\s+|but\s+)?why\b[^.!]*\?(?:\W*$|[\u201d\"'\u2019]\s+[^.!?\u201c\"]*"
                       r"\b(?:asked|asks|pressed|wondered|wanted to know)\b[^.!?\u201c\"]*[.!]?\s*$)", re.I)
# a question asking what was said to someone: "What did Warren tell Stumpf?"
ASKS_ADDRESSEE = re.compile(r"\b(?:tell|told|ask|asked|say\s+to|said\s+to|write\s+to|wrote\s+to|"
                            r"warn|warned|urge|urged|assure|assured|remind|reminded|reply\s+to|"
                            r"replied\s+to|respond\s+to|responded\s+to)\s+(?P<y>.+?)\W*$", re.I)
# the cue of a sentence addressing someone, and the few capitalized words (a title) before
# the addressee's name
ADDRESSING = (r"\b(?:told|tells|tell|telling|asked|asks|asking|said\s+to|says\s+to|wrote\s+to|"
              r"writes\s+to|warned|warns|urged|urges|assured|reminded|replied\s+to|responded\s+to)"
              r"\s+(?:[A-Z][\w.'’-]*,?\s+){0,4}?")  # "told Wells Fargo CEO John Stumpf"
#: "What does CNS stand for?": the membership route answers with a sentence writing the name
SPELLED_OUT = re.compile(r"\b(?:stand|stands)\s+for\b|\b(?:short|abbreviation|acronym)\s+for\b", re.I)
MAX_CUES = 256  # X's claims read for a reporting cue before X counts as never quoted
MAX_FOLLOWING = 256  # pronoun-subject facts after X's claims checked per question (decoded)
MAX_REPORTING = 64  # sentences naming X searched for "X reported that ..." per question (decoded)

# a quantity, not a bare year: "4.53%", "$36.22 trillion", "56 basis points", "Schiff, 56,", "a decade"
NUMBER = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|percent|basis|bps?|trillion|billion|million|thousand)"
                    r"|[$€£¥]\s*\d|(?<![A-Za-z]-)\b(?!(?:19|20)\d\d\b)\d+\b|\b(?:decade|dozen|hundred|thousand)s?\b"
                    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
                    r"thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b", re.I)

# a place as a sentence gives it: "in front of 131 West 23rd Street", "in Chelsea" (a
# capitalized name after a preposition of place, not a sentence's first word; not "at",
# which is as often an employer: "economist at Goldman Sachs")
PLACE = re.compile(r"\b\d+\s+(?:(?:[A-Z]\w*|\d+(?:st|nd|rd|th))\s+){0,3}(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Square|"
                   r"Plaza|Park)\b|(?<=\s)(?:in|near|outside|inside|across|in front of)\s+"
                   r"(?:the\s+)?(?:[A-Z][\w'’.-]+)")
WHERE = re.compile(r"\s*where\b", re.I)
HOW_MANY = re.compile(r"\s*(?:(?:in|at|on|for|from|to|with|of)\s+)?(?:how\s+(?:much|many)|by how much)\b(?:\s+(?P<noun>[a-z][\w-]*))?", re.I)
# a count or amount as a sentence gives it ("5,300 employees", "$19.3 million", "2 million",
# "two million"), not a vague quantity ("thousands of"), a year alone ("from 2011 to 2016")
# nor a name's number ("EB-5", "F-35")
COUNT = re.compile(r"(?<![\w.,])(?<![A-Za-z]-)(?!(?:19|20)\d\d\b)\d[\d,.]*\d?\b(?!:\d|\s*(?:a\.m|p\.m))"
                   r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
                   r"twenty|thirty|forty|fifty|hundred)\s+(?:hundred|thousand|million|billion|trillion)\b",
                   re.I)
# a number in words before the noun it counts ("Twenty-nine people", "five countries")
SPELLED = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                     r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
                     r"sixty|seventy|eighty|ninety|hundreds?|dozens?)(?:-\w+)?\b", re.I)
# a unit the question wants the answer in ("How powerful was the test in kilotons?", "in
# U.S. dollars"): an answer must give a number of it
UNIT_ASKED = re.compile(r"\bin\s+(?:terms\s+of\s+)?(?:(?:U\.?S\.?|American)\s+)?(?P<unit>(?:kilo|mega)?tons?|"
                        r"tonnes|pounds|kilo(?:gram)?s|grams|ounces|dollars|euros|yuan|yen|rubles|"
                        r"roubles|pesos|rupees|percent|per cent|percentage points|basis points|"
                        r"(?:kilo|centi)?met(?:er|re)s|miles|feet|inches|acres|hectares|barrels|gallons|"
                        r"lit(?:er|re)s|degrees|(?:thousand|million|billion|trillion)s)\b", re.I)
# a time unit, only in a how-question ("How long did the siege last in days?"; "for the
# first time in years" asks no number)
TIME_UNIT_ASKED = re.compile(r"^\s*how\b.*\bin\s+(?P<unit>years|months|weeks|days|hours|minutes|"
                             r"seconds)\b", re.I)
# the sign a unit may be written with before or after its number
UNIT_SIGN = {"dollar": r"\$\s*\d", "euro": r"€\s*\d", "pound": r"£\s*\d", "yen": r"¥\s*\d",
             "yuan": r"¥\s*\d", "percent": r"\d\s*%", "cent": r"\d\s*%"}
# what a how-much question asks for by its words, and how a sentence gives it: a sum of money
# ("How much money did X spend?", "How much did it cost?": "$7 million", "7 million euros"),
# a span of time ("How much time ...", "How long did it take?": "two years") (held-out set
# trainblind2 of session 21)
_NUMBER_WORD = (r"(?:\d[\d.,]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                r"fifteen|twenty|thirty|forty|fifty|several|a few|many)")
AMOUNTS_ASKED = (
    (re.compile(r"\bhow\s+much\b(?:.*\bmoney\b|.*\b(?:cost|costs|costing|spend|spent|spending|pay|paid|"
                r"raise|raised|donate|donated|earn|earned|charge|charged|owe|owed|budget)\b)", re.I),
     re.compile(r"[$€£¥]\s*\d|\d\s*(?:million|billion|trillion|thousand)?\s*(?:dollars|euros|pounds|"
                r"yuan|yen|rubles|pesos|rupees)\b", re.I)),
    (re.compile(r"\bhow\s+much\s+(?:\w+\s+and\s+)?time\b|^\W*how\s+long\s+(?:did|does|do|will|would|has|have|had)"
                r"\b.*\b(?:take|took|last|lasted|spend|spent|run|ran|serve|served|wait|waited|stay|stayed)\b", re.I),
     re.compile(rf"\b{_NUMBER_WORD}[\s-]+(?:years?|months?|weeks?|days?|hours?|minutes?|decades?)\b", re.I)),
)
AMOUNT_BONUS = 0.3  # as COUNT_BONUS's count of the noun asked about, when all are given
# a vote's tally as a sentence gives it: "voted 19-15", "by a 2-to-1 vote", "52 to 48",
# "unanimously"; and a poll's, "46 percent to 39 percent" (POLL_TALLY: "By what margin did
# Clinton lead Trump in the CBS poll?", set trainblind5 of session 23, read after its run)
POLL_TALLY = 1
TALLY = re.compile(r"(?<![\d.,])(?!(?:19|20)\d\d\b)\d{1,4}\s*(?:-|–|—|\s+to\s+|-to-)\s*\d{1,4}(?![\d.,]*\d)(?!\s*(?:percent|%))|"
                   r"\bunanimous(?:ly)?\b", re.I)
_POLL = re.compile(r"(?<![\d.,])\d{1,2}(?:\.\d)?\s*(?:percent|%)\s+to\s+\d{1,2}(?:\.\d)?\s*(?:percent|%)", re.I)
VOTE_ASKED = re.compile(r"\b(?:vote|tally|margin)\b", re.I)
# "What party is X in?", "Which state does X represent?": the kind of affiliation asked
KIND_ASKED = re.compile(r"^\W*(?:which|what)\s+(?:political\s+|home\s+)?(?P<kind>party|state|district|"
                        r"country|constituency|county|province|caucus)\b", re.I)
# a party as articles name it ("Democratic", "GOP", "(I-Vt.)")
PARTY = re.compile(r"\b(?:Democrat(?:ic|s)?|Republican(?:s)?|GOP|Independent|Libertarian|Green Party|"
                   r"Labour|Conservative(?:s)?|Tory|Tories|Liberal Democrat(?:s)?|[A-Z][a-z]+ Party)\b|"
                   r"\((?:D|R|I)-[A-Z][\w.]*\)")
# a speaker saying what the speaker is: "As a Gold Star mother, my son ...", not "As a result,"
# or where the speaker lives or works: "I live and work in Manhattan" (a letter's writer;
# set melania of session 17, read after its run)
SELF_DESCRIBED = re.compile(r"^\W*(?:As\s+(?:a|an)\s+(?!(?:result|matter|whole|consequence|rule|precaution|"
                            r"reminder|means|group|nation|country|society|party|campaign|team|part|"
                            r"first|last|way)\b)(?:[\w-]+\s+){0,3}[\w-]+\s*,|"
                            r"I\s+(?:(?:also|still|now)\s+)?(?:live|work|teach|study)(?:\s+and\s+(?:live|work|teach|study))?"
                            r"\s+(?:in|at|for)\s)")
PARTY_REACH = 30  # characters between a name of X and the party a sentence gives X
# a party as a title of X's or beside X's name ("Democrat Hillary Clinton", "Republican
# presidential nominee Donald Trump", "Bernie Sanders (I-Vt.)", "Clinton, a Democrat,"): it is
# X's, where a party merely near the name may not be ("Voters Abandon Republican Party for
# Hillary Clinton")
PARTY_WORD = r"(?:Democrat(?:ic)?|Republican|GOP|Independent|Libertarian|Labour|Conservative|Tory|Green)"
PARTY_TITLE_BONUS = 0.3
ROLE_COVER_BONUS = 0.4  # who holds a role of several words: a statement writing them all
SAME_GROUP = 0.75  # MiniLM cosine of two group nouns that name the same people ("protesters" /
# "demonstrators" .83; not "activists" .71, "supporters" .64)
SAME_NOUN = 0.4  # MiniLM cosine of two counted nouns that count the same ("workers", "employees")
COUNT_BONUS = (0.0, 0.1, 0.3)  # no count, a count or amount, a count of the noun asked about
COUNT_POOL = 64  # the best candidates checked for a count, or for addressing Y (decoded)
WHEN = re.compile(r"\s*(?:when|how soon|at what time|on what (?:day|date))\b", re.I)
# words of a when-question that only say an event happened ("When did the town hall take
# place?", "How soon is the debate?"): no article need write them
EVENT_FILLER = re.compile(r"\b(?:take|takes|took|taken|taking)\s+place\b|\b(?:happen|happens|happened|"
                          r"occur|occurs|occurred|soon)\b", re.I)
# "In what year did ...?": a sentence writing a year answers
YEAR_ASKED = re.compile(r"^\W*(?:(?:in|during|by|from|since)\s+)?(?:what|which)\s+year\b", re.I)
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b(?![,.]?\d)")  # 1830 too (DATE writes 19xx, 20xx)
# "What share of X are Y?": a percentage answers ("about 80 percent of the investors")
SHARE = re.compile(r"\s*what\s+(?:share|percentage|percent|proportion|fraction|portion)\b", re.I)
# a time as a sentence gives it: a year, a month or weekday, "last week", "8:30 p.m."
DATE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:January|February|March|April|June|July|August|September|"
                  r"October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|May\s+\d|"
                  r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|\b(?:yesterday|today|tonight|"
                  r"(?:last|next|this|earlier this|later this)\s+(?:week|month|year|night|spring|summer|fall|"
                  r"autumn|winter|morning|afternoon|evening|weekend)|(?:\d+|a|an|one|two|three|four|five|"
                  r"six|seven|eight|nine|ten|several|few)\s+(?:days?|weeks?|months?|years?|decades?)\s+"
                  r"(?:ago|earlier|later|after|before)|in\s+the\s+(?:19|20)\d0s|"
                  # "the first debate in 10 days", "within two weeks"
                  r"(?:in|within)\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                  r"several|a\s+few)\s+(?:days?|weeks?|months?|years?))\b"
                  r"|\b\d{1,2}(?::\d\d)?\s*[ap]\.m\.")
# a sentence whose subject is a pronoun, after an opening phrase ("But on Tuesday, it ...")
PRONOUN_SUBJECT = re.compile(r"^(?:(?:But|And|Still|However|Also|Meanwhile|Yet|So)\s+)?"
                             r"(?:(?:[A-Za-z][\w.]*\s+){0,4}[\w.]+,\s+)?(it|he|she|they)\s+(?!is\b|was\b|'s\b)",
                             re.I)


ADDRESS_VERBS = frozenset("tell told ask asked warn warned urge urged".split())  # "What did X tell Y?"
# a pronoun naming someone the sentence does not ("scolded him"), outside quotes
LEAD_PRONOUN = re.compile(r"\b(?:him|her|them)\W*$", re.I)  # ... "scolded him: “...”"


# a term in quotes: no sentence punctuation inside ('said "It was overdue,"' is a quote)
_BARE = re.compile(r"^\S+\s+(?:the\s+|a\s+|an\s+|so-called\s+)?[\"“‘'][^\"”’.!?,;]{1,60}[\"”’']\s*[.,]?$")


# verbs that report what someone said or thought besides the extractor's cue lexicons
# ("declined to comment", "weighed in", "slammed")
_REPORTING = frozenset("""decline refuse weigh share offer provide cite defend oppose embrace
encourage unveil discuss reference sum invoke identify introduce express raise voice echo hint
tout champion welcome applaud slam blast attack decry condemn hail lambaste rebuke support endorse
back according describe question call demand mock scoff chide scold press quiz knock dub label
brand characterize characterise term deride lash tease muse ponder wonder shout yell exclaim rule
order instruct testify tweet liken compare equate contrast debate dispute contend speak talk remark
marvel lament recall""".split())
# (not "support" / "back": "France supports some opposition groups", "Schultz supported
# Democrats" are acts, as REPORT_VERBS has it too)
# verbs of a stance toward someone: what X thinks of Y, as a cue ("Trump admires Putin as a
# 'strong leader'" answers "How has Trump described Putin?"), though no speech
_STANCE = frozenset("admire respect despise distrust loathe detest adore revere".split())
SPEECH_LEMMAS = (SPEECH_VERBS | BELIEF_VERBS | DENIAL_VERBS | NOUN_CUES | ATTITUDE_ADJS | _REPORTING
                 | _STANCE) - {"support", "back"}
# verbs whose subject reports what someone said ("The Times reported that ...")
REPORT_VERBS = (SPEECH_VERBS | _REPORTING) - {
    "back", "support", "order", "rule", "press", "call", "question", "share", "offer", "provide",
    "attack", "continue", "find", "show", "charge", "post", "release", "project", "point",
    "maintain", "quote", "calculate", "decline", "refuse", "invoke"}  # "invoked his rights"


# a claim's content that is only a noun phrase, or a preposition and one ("some pointed
# advice", "for the president", "to a Gold Star mother"), not a clause or an infinitive
_LIGHT_CONTENT = re.compile(r"^(?:(?:to|for|on|about|with|at|in|of|over|against|toward|towards)\s+)?"
                            r"(?:a|an|the|some|his|her|their|its|this|these|those|several|no|any|my|"
                            r"our|your|one|two|three)\s+(?:(?!(?:is|are|was|were|will|would|has|have|"
                            r"had|can|could|should|must|do|does|did|not)\b)[\w'’-]+\s*){1,4}[.,;]?$", re.I)
ELABORATION_PARAS = 2  # a light claim's elaboration: from its paragraph to this many after it
ELABORATION_CLAIMS = 3  # of the speaker's next claims there
ELABORATION_MARGIN = 0.01  # the elaboration ranks this much above the light claim
# what X said, answered by X's paraphrase ("criticized Tulsa police officer Betty Shelby for
# shooting ..."), shows X's own words that follow it too: X's next claim, a direct quote, in
# the same paragraph or the next, with no other speaker's claim between, is a second
# evidence of the answer (sets of sessions 12 to 14, read after their runs)
FOLLOWING_QUOTE = 1
#: and so does the general route's answer ("How did X react to ...?" asked of no verb the say
#: route knows: "Graham ... lamented that ..." then '"I was hoping to see more of what Ivanka
#: sees in her father," Graham said'; held-out set trainblind4, session 23)
GENERAL_FOLLOW = 1
#: a claim whose content only refers back ("cited the figure", "repeated the claim"): its
#: answer quotes the sentence before as well, which says what the figure or claim is (set
#: hotline of session 17, read after its run: "What statistic did Clinton cite?")
ANAPHORIC_CONTENT = 1
BACK_REFERENCE = re.compile(
    r"^(?:the|that|this|these|those|such)\s+(?:[a-z-]+\s+)?(?:figure|number|statistic|estimate|claim|"
    r"data|finding|idea|allegation|charge|accusation|remark|comment|statement|story|rumou?r|theory|"
    r"notion|argument|point|quote|line|assertion|stat)s?"
    # where or when it was cited ("the figure at last week's forum"), not what it says ("the
    # claim that ...", "the figure of 20")
    r"(?:\s+(?:at|in|on|during|before|after|again|repeatedly|often|last|this|while|when)\b.*)?$", re.I)


def light(s) -> bool:
    """Is ``s`` a claim whose content (after its cue) is a short noun phrase, no quote?"""
    if s.kind != "claim" or not cue_word(s) or not s.evidence:
        return False
    content = _content(s)
    if OPENS_QUOTE.search(content) or not _LIGHT_CONTENT.match(content.strip()):
        return False
    # a sentence giving a figure after it says what it is ("It edged up its forecast for
    # those countries by 0.1 percentage points to 4.2 percent"): no announcement
    quote = s.evidence[0].get("quote", "")
    at = quote.find(content.strip().rstrip(".,;"))
    return at < 0 or not re.search(r"\d", quote[at + len(content):])


def _content(s) -> str:
    """A claim's content: its verbalized text after the cue."""
    # a claim with no cue is verbalized "X wrote: ..." (an op-ed's or a letter's sentence)
    # or "X said: ..."
    cue = cue_word(s) or next((w for w in ("wrote", "said")
                               if s.kind == "claim" and f" {w}: " in s.text), "")
    return s.text.split(f"{cue}: ", 1)[-1] if cue else s.text


def _strip_article(s: str) -> str:
    return re.sub(r"^(?:to\s+)?(?:the|a|an)?\s*", "", s.strip(), flags=re.I)


def cue_word(s) -> str:
    """The cue of claim ``s`` as the extractor wrote it (its verbalized text puts it before
    the colon: "Elizabeth Warren told: ..."), or "" when the claim has none."""
    if s.kind != "claim" or not s.answer_text:
        return ""
    w = s.answer_text.split(None, 1)[0]
    return w if f" {w}: " in s.text or s.text.startswith(f"{w}: ") else ""


def speech_cue(s) -> bool:
    """Does claim ``s`` report speech, writing or thought? False only for a cue that is a
    lower-case word of no reporting verb or noun ("grilled Stumpf", "attempting to push a
    bill", "appeared to blame"): an action the extractor took for a cue, not a statement;
    or for a passive cue, whose subject the extractor took for the speaker."""
    w = cue_word(s)
    if not w or not w.isalpha() or not w.islower():
        return True
    if w not in ("quoted", "cited") and s.evidence and re.search(
            r"\b(?:was|were|is|are|been|being)\s+" + w + r"\b", s.evidence[0]["quote"]):
        # "Mr. Quiros was accused of using ...": said of the speaker, not by the speaker
        # ("was quoted as saying" is the speaker's own)
        return False
    if NO_COMMENT and _NO_COMMENT.match(_content(s).strip()):
        return False  # "declined to comment": he said nothing
    cands = {w, *support.base_forms(w), *support.lemmas(w)}
    return bool(cands & SPEECH_LEMMAS)


#: "Jim Justice declined to comment", "did not respond to a request for comment": a speaker
#: whose only claims are refusals to comment was never quoted (set coal, read after its run)
NO_COMMENT = 1
_NO_COMMENT = re.compile(r"^(?:to\s+)?(?:comment|be interviewed|answer questions|elaborate|"
                         r"(?:a\s+)?requests?\s+for\s+comment)\b[^,;]{0,40}[.,]?$", re.I)


def _verb_forms(word: str) -> set[str]:
    """A verb and its base forms ("wrote" -> write), lower case; empty for no word."""
    w = (word or "").lower()
    return {w, *support.base_forms(w), *support.lemmas(w)} if w.isalpha() else set()


def _with_kin(want: set[str]) -> set[str]:
    """``want`` (verb forms) with the verbs of the same meaning (:data:`VERB_KIN`)."""
    for group in VERB_KIN:
        if want & group:
            want = want | group
    return want


def _quote_of(s) -> str:
    """The sentence a statement stands on (its first evidence quote), else its text."""
    return s.evidence[0]["quote"] if s.evidence else s.text


def _gives_count(text: str) -> bool:
    """Does ``text`` give a number: digits (not a bare year) or a number in words?"""
    return bool(COUNT.search(text) or SPELLED.search(text))


# "Who chairs / heads / leads Y?": the role noun an article writes for the verb
ROLE_OF_VERB = {"chairs": "chair", "chaired": "chair", "heads": "head", "headed": "head",
                "leads": "leader", "led": "leader", "directs": "director", "directed": "director",
                "manages": "manager", "managed": "manager", "founded": "founder",
                "co-founded": "founder", "cofounded": "founder", "owns": "owner", "owned": "owner"}
# nouns an article refers back to an organization by ("the panel's ranking Democrat" after
# "The House Oversight and Government Reform Committee voted ...")
ORG_NOUN = frozenset(w[:5] for w in tokens("panel committee subcommittee board council commission agency "
                            "company firm bank court party department ministry group "
                            "organization association institute university network campaign "
                            "administration government union coalition"))
ROLE_REACH = 60  # characters: a person named this near the role words holds the role


# what a how-many question counts: up to three words before its verb ("How many EB-5 visas
# are awarded", "How many retired generals and admirals endorsed ...")
COUNTED = re.compile(r"\s*how\s+many\s+(?P<np>(?:(?!(?:did|does|do|is|was|were|are|has|have|had|"
                     r"will|would|can|could|should|must|of)\b)[\w'-]+\s*){1,3})", re.I)
_SCALE = frozenset(tokens("hundred hundreds thousand thousands million millions billion billions "
                          "trillion dozen dozens more"))


def _counts_other(text: str, words: list[str]) -> list[str]:
    """The nouns the numbers of ``text`` count, when every one of them counts something
    other than ``words`` (:func:`tokens` words), written right after it ("About 10,000
    visas", "80 percent" for "How many jobs": ["visas", "percent"]); empty when a number
    counts one of them or stands alone ("killing more than 10,000.", "Twenty-nine were
    injured"), or when ``text`` gives no number."""
    want = {w[:5] for w in words}
    out = []
    for m in list(COUNT.finditer(text)) + list(SPELLED.finditer(text)):
        after = re.findall(r"[A-Za-z][\w'-]*|[^\sA-Za-z]", text[m.end():m.end() + 60])[:4]
        head = ""
        for w in after:
            t = tokens(w)
            if not t:  # punctuation or a function word: the number stands alone
                break
            if t[0] in _SCALE:
                continue
            head = w
            break
        if not head or any(t[:5] in want for w in after for t in tokens(w)):
            return []
        out.append(head)
    return out


def _nearest_noun(nouns: list[str], asked: list[str]) -> float:
    """The highest MiniLM cosine between a noun a number counts and a word of the asked
    count's noun phrase ("visas" / "jobs"), lowercased, all encoded in one batch."""
    a = sorted({w.lower() for w in nouns})
    b = [w.lower() for w in asked]
    vec = dict(zip(a + b, minilm_queries(a + b), strict=True))
    return max(float(vec[x] @ vec[y]) for x in a for y in b)


def _gives_unit(text: str, unit: str) -> bool:
    """Does ``text`` give a number of ``unit`` (as :data:`UNIT_ASKED` reads it: "12
    kilotons", "$5 million" for dollars, "4.5%" for percent)?"""
    word = tokens(unit)[-1] if tokens(unit) else ""
    sign = UNIT_SIGN.get(word.rstrip("s"))
    return bool(word) and (_count_of(text, word) == 2 or bool(sign and re.search(sign, text)))


QUOTED_RUN = 4  # who-said: this many of the question's words in a row, as a quote writes them


def _run(a: list[str], b: list[str]) -> int:
    """The longest run of words ``a`` and ``b`` share in the same order."""
    best, prev = 0, [0] * (len(b) + 1)
    for x in a:
        cur = [0] * (len(b) + 1)
        for j, y in enumerate(b):
            if x == y:
                cur[j + 1] = prev[j] + 1
                best = max(best, cur[j + 1])
        prev = cur
    return best


def _quoted_first(found: list[dict], topic: str) -> list[dict]:
    """Who-said answers with the one whose sentence writes the longest run of the question's
    words (QUOTED_RUN at least, longer than the first answer's) first: "Who told Oz the
    scientific community is almost monolithic against him?" is the claim quoting
    "The scientific community is almost monolithic against you", not one near it in meaning."""
    words = tokens(topic)
    runs = [_run(words, tokens(" ".join(e.get("quote", "") for e in a.get("evidence", []))))
            if a.get("speaker") else 0 for a in found]
    if len(found) < 2 or max(runs) < QUOTED_RUN or runs[0] >= max(runs):
        return found
    j = runs.index(max(runs))
    top = found[0]["score"]
    first = dict(found[j], score=max(found[j]["score"], top))
    return [first] + [a for n, a in enumerate(found) if n != j]


OWN_WORDS_EPS = 0.005  # the open routes: a statement ranked by its own sentence, over a tie ranked by a neighbour
COVER_LEAD = 2  # who-said: an answer writing this many more of the question's words goes first
COVER_SHARE = 0.75  # ... when it writes at least this share of them


#: and the same in the pool before the support tests, so such a statement outside the top
#: three is no refusal (held-out set trainblind of session 20: "Who said Obama hates ISIS and
#: is trying to kill them?" was refused, no top statement writing "hates" or "kill")
COVERED_IN_POOL = 1


def _covering(topic: str, names: set[str], quotes) -> int | None:
    """The position among ``quotes`` (an iterable, read only when the question has words
    enough; None for a candidate with no speaker) of the one that writes nearly all the
    question's words (:data:`COVER_SHARE`, names aside) and :data:`COVER_LEAD` more than the
    first; None when none does."""
    words = [support.forms(w) for w in dict.fromkeys(tokens(topic))
             if w[:5] not in names and w[:5] not in support.GENERIC]
    if len(words) < 3:
        return None
    cover = [support._overlap(words, {w[:5] for w in tokens(q)}) if q is not None else 0 for q in quotes]
    j = max(range(len(cover)), key=lambda n: cover[n], default=0)
    if j == 0 or cover[j] < COVER_SHARE * len(words) or cover[j] < cover[0] + COVER_LEAD:
        return None
    return j


def _covered_first(found: list[dict], topic: str, names: set[str]) -> list[dict]:
    """Who-said answers with one whose sentences write nearly all the question's words
    (:func:`_covering`) first: "Who said bringing up the birther issue again is insane?" is
    the quote "the birther issue again we're bringing that up, is insane", not the same
    speaker's other quote naming "the birther issue"."""
    if len(found) < 2:
        return found
    j = _covering(topic, names, (" ".join(e.get("quote", "") for e in a.get("evidence", []))
                                 if a.get("speaker") else None for a in found))
    if j is None:
        return found
    first = dict(found[j], score=max(found[j]["score"], found[0]["score"]))
    return [first] + [a for n, a in enumerate(found) if n != j]


def _put_it(m: re.Match, quote: str) -> bool:
    """Is the verb ``m`` matched (group "v") "put it" ("as The New Yorker put it, ...")?"""
    return m.group("v") in ("put", "puts") and re.match(r"\s+it\b", quote[m.end():]) is not None


# a sentence that is a question (not "He asked why ...?")
ASKED_Q = re.compile(r"^\W*(?:what|why|how|who|whom|whose|where|when|which|is|are|was|were|do|does|did|"
                     r"can|could|should|will|would|has|have)\b", re.I)


def _asks(s) -> bool:
    """Is claim ``s`` a question the article asks, quoting no one ("What is Trump's view of
    NATO?": the extractor's noun cue "view", but nothing said)?"""
    quote = _quote_of(s).strip() if s.kind == "claim" else ""
    return quote.endswith("?") and not OPENS_QUOTE.search(quote) and bool(ASKED_Q.match(quote))


def _bare_quote(s) -> bool:
    """Is claim ``s`` only a cue and a short quoted term, no statement ('views "X"')?"""
    return s.kind == "claim" and len(s.answer_text) < 80 and bool(_BARE.match(s.answer_text)) \
        and len(s.answer_text.split()) <= 7


def _count_of(text: str, noun: str) -> int:
    """2 when ``text`` gives a count of ``noun`` (a :func:`tokens` word: "5,300 employees",
    "2 million accounts"), 1 when it gives some count or amount, 0 when none."""
    found = 0
    for m in COUNT.finditer(text):
        found = 1
        if noun and any(w[:5] == noun[:5] for w in tokens(text[m.end():m.end() + 40])[:3]):
            return 2
    if noun and any(w[:5] == noun[:5] for m in SPELLED.finditer(text)
                    for w in tokens(text[m.end():m.end() + 30])[:2]):
        return 2
    return found


# what follows a counted noun when the sentence tells what happened to it ("29 people were
# injured", "5,300 employees had opened"), not a plain quantity ("53 million people.")
_EVENT_AFTER = re.compile(r"\s*(?:,\s*)?(?:were|was|are|is|have|has|had|will|would|could|can|may|"
                          r"might|did|do|does|got|get|been|being|\w+ed)\b", re.I)
# a population without its noun: "a country of 54 million", "the city of 400,000"
_POPULATION = re.compile(r"\b(?:country|nation|city|state|town|region|island|province|territory|"
                         r"village|county|district)\s+of\s+(?:about\s+|some\s+|nearly\s+|almost\s+|"
                         r"more than\s+|over\s+)?\d[\d,.]*(?:\s+(?:million|billion|thousand))?"
                         r"(?!\s*(?:[a-z]|%|percent))", re.I)
_PEOPLE = frozenset("people person resident inhabitant citizen".split())


def _plain_count(text: str, noun: str) -> bool:
    """Does ``text`` give a count of ``noun`` (a :func:`tokens` word) as a plain quantity, not
    followed by what happened to it ("the nation of 53 million people." / "Twenty-nine people
    were injured")? A population without its noun counts people ("a country of 54 million")."""
    if noun in _PEOPLE and _POPULATION.search(text):
        return True
    for m in list(COUNT.finditer(text)) + list(SPELLED.finditer(text)):
        rest = text[m.end():m.end() + 60]
        for w in re.finditer(r"[A-Za-z][\w'-]*", rest[:30]):
            if tokens(w.group(0))[:1] and tokens(w.group(0))[0][:5] == noun[:5]:
                if not _EVENT_AFTER.match(rest[w.end():]):
                    return True
                break
    return False


def top_order(scores: np.ndarray, m: int) -> np.ndarray:
    """The first positions of ``np.argsort(-scores, kind="stable")``, at least ``m`` of
    them (all that tie with the m-th best), without sorting every score."""
    n = len(scores)
    if n <= 4 * m:
        return np.argsort(-scores, kind="stable")
    kth = np.partition(scores, n - m)[n - m]  # the m-th largest
    cand = np.flatnonzero(scores >= kth)  # ascending positions: ties keep their order
    return cand[np.argsort(-scores[cand], kind="stable")]


class RoutesMixin:
    """Route handlers and ranking helpers (mixed into ``QAEngine``)."""

    def _route_say(self, r: Route, subj: list[Link], links, sc: Scorer, k: int):
        gender = described_gender(r.subject) if DESCRIBED_GENDER else None
        if gender:  # "the woman who shouted the insult at X's rally": a woman quoted, not X
            found = self._gendered(r, sc, k, gender, links)
            if found is not None:
                return found
        subj = self._titled_person(r.subject, subj)
        who = {lk.iri for lk in subj}
        if re.search(r"(?:^|\s)" + PERSON_NOUN + r"s?$", r.subject, re.I) and not any(
                self.types.get(i) in PERSONISH for i in who):
            # "the mayor" is Mayor Bill de Blasio; "the California congressman" is a person,
            # not California: whom the articles title or describe so, if they do
            titled = self._titled(r.subject)
            described = [] if titled else self._described(r.subject)
            if described:
                return self._claims_of_described(r, sc, described, k)
            who = titled or (self._role_holder(r.subject, who, subj) if who else set()) or who
        elif who and self._role_rest(r.subject, subj):
            # "the former U.S. ambassador to Burma", "Burma's leader", "the former Clinton
            # aide": a person the role describes, not Burma or Clinton
            who = self._role_holder(r.subject, who, subj) or who
        if subj and all(lk.how == "demonym" for lk in subj) and who == {lk.iri for lk in subj} \
                and normalize(r.subject).strip() not in {normalize(lk.surface).strip() for lk in subj}:
            who = set()  # "the British ambassador" no article names: as if nothing linked
        if not who:
            described = self._described(r.subject)
            if described:  # "the California congressman": whoever the article calls that
                return self._off_topic(r, sc, described) or self._answers(
                    described, sc.hybrid(described, r.topic or None), k, kind="claim")
            # a full name the articles write but no entity holds ("Brentley Vinson, who was
            # placed on leave"): only a claim whose source writes it, not any claim on the topic
            named = bool(PROPER_NAME.fullmatch(r.subject)) and r.lang == "en"
            found = self._unlinked_speaker(r, sc, k, strict=named)
            return found if found is not None else f"{r.subject} is in the articles but never quoted"
        name = " / ".join(sorted({self.label(i) for i in who}))
        main = sorted(who)[0]  # whom a sentence where X reports is credited to (not a variant)
        # he / she or it: the entity asked about, not its members (the IMF is no person,
        # though its chief economist is)
        person = any(self.types.get(i) in PERSONISH for i in who)
        for iri in list(who):
            who |= self.variants.get(iri, set())
        asked = set(who)  # X and its other names, not its members
        for iri in list(who):
            who |= self.members.get(iri, set()) | (self.former_members.get(iri, set())
                                                   if r.former else set())
        idx = self.ids_with(self.by_index, who, ("claim", "passage")).tolist()
        if LEGISLATURES and all(member_forms(self.label(i) or "") for i in asked):
            # a senator speaks for herself, not for the Senate or Congress: only the body's
            # own claims (a claim is indexed by its speaker's bodies too)
            idx = [i for i in idx if self.statements[i].kind != "claim"
                   or (self.statements[i].speaker or {}).get("iri") in asked]
        # "What did McConnell aides say?": the claims of that group of X's people, when the
        # articles quote it; otherwise (and for X itself) a group's claim ranks below X's own
        group = self._asked_group(r.subject, subj)
        theirs = [i for i in idx if self._group_of(i) and group <= set(
            tokens(self.heads[self.head_id[i]][0]))] if group else []
        if group and not theirs:
            # the group quoted with no entity of its own ("U.S. officials said", the
            # extractor tying it to no one): found by its words, as any unnamed group
            found = self._unlinked_speaker(r, sc, k, strict=True)
            if found is not None:
                return found
            # "Obama administration officials": "Administration officials said ..." in a
            # paragraph naming Obama
            near = self._group_near(group, who)
            if near:
                off = self._off_topic(r, sc, near)
                return off or self._answers(near, self._ranked(sc, near, r.topic or None), k,
                                            kind="claim")
            if any(self.types.get(i) in PERSONISH for i in who):
                # "What did Trump supporters say?" is not what Trump said (an organization's
                # officials are the organization: "White House officials" falls back to it)
                return f"{r.subject} are not quoted"
        if not theirs and normalize(r.subject).strip() not in {
                normalize(n).strip() for i in who for n in [lk.surface for lk in subj]
                + self.labels.get(i, {}).get("en", [])}:
            # "What do developers and supporters in Congress say?": the claims of a speaker
            # written as the question writes X ("Developers and supporters in Congress say ..."),
            # not Congress's
            want = normalize(r.subject).strip()
            theirs = [i for i in idx if self.head_id[i] >= 0 and normalize(
                self.heads[self.head_id[i]][0]).strip() == want]
        idx = theirs or idx
        # a concept X proposed is what X said; one X only discussed is a last resort (its
        # speaker is its proposer, not X)
        concepts = [i for i in self.ids_with(self.by_index, who, ("concept",)).tolist()
                    if not idx or (self.statements[i].speaker or {}).get("iri") in who]
        idx += concepts
        # sentences where X reports what another said ("The New York Times reported ... that
        # the RT editor in chief, Margarita Simonyan, conveyed ..."): the extractor credits
        # the nested speaker, but the sentence is X's report too; and where X, given no claim
        # of its own, speaks ("Japan branded North Korea an 'outlaw nation'")
        reported = [] if sc.zh or theirs else self._reported_by(asked, idx)
        if not idx:  # X given no claim: a sentence X speaks in quotes ("apparently disagrees"
            # reports a stance, no statement)
            reported = [i for i in reported if OPENS_QUOTE.search(_quote_of(self.statements[i]))]
        if r.stance:  # "Where does Clinton stand on NATO?": "Hillary Clinton ... has been a
            # consistent and outspoken supporter of NATO", a sentence about X that X opens
            reported += [i for i in self._opened_by(asked) if i not in reported]
        if not idx and not reported:
            places = frozenset(lk.iri for lk in subj if self.types.get(lk.iri) == "Place")
            if places and places >= who and r.lang == "en":
                # "the protesters in Tulsa", "Tulsa protesters": a group of people there, not
                # the place; found by the group's noun
                found = self._unlinked_speaker(r, sc, k, strict=True, places=places)
                if found is not None:
                    return found
            return f"{name} is in the graph but never quoted"
        # an action the extractor took for a cue ("is attempting to push a bill") is no
        # statement: X whose every claim is one was never quoted (the first MAX_CUES read)
        if not concepts and not reported and not any(speech_cue(self.statements[i])
                                                     for i in idx[:MAX_CUES]):
            return f"{name} is in the graph but never quoted"
        topic = r.topic
        # a clause asking its object ("say the birther issue signals"): its content is what
        # the topic tests judge, not its verb or pronoun ("signals", "he had been thinking");
        # a clause with none ("say he had been thinking about lately") asks what X said
        gist = topic if r.gist is None or sc.zh else r.gist
        if r.occasion and not self._occasion_written(r.occasion, idx):
            gist = topic  # "What did Rubio promise at the rally after the shooting?": no shooting near him
        # "How did X respond to Y's attack?": the topic describes what Y said; X's statements
        # right after it answer, whatever words they use
        after = self._responses(sc, re.sub(r"^to\s+", "", topic, flags=re.I), who, idx) \
            if RESPONSE_BONUS and r.lang == "en" and topic and r.rank \
            and r.rank.split()[0].lower() in RESPONSE_VERBS else {}
        rank = r.rank or (f"{topic} {r.venue}" if topic and r.venue else topic) or None
        if topic and gist and not after:
            context = self._context(idx, addressed=r.verb in ADDRESS_VERBS)
            # (a Chinese topic is judged by its own tests below; "How did X justify Y?" by X's
            # claim cued so, when there is one)
            if not sc.zh and not self._did_so(r, gist, idx):
                lead = self._lead_paragraphs(idx) if LEAD_PARAGRAPH else []
                if self._unsupported_words(gist, context + reported + lead) \
                        and not self._paraphrased(gist, context + reported):  # "the housing market"
                    return f"{name} is quoted, but not about {topic}"
                en = self._english(gist, links)
                sc.prefetch([en, rank])  # what the topic is judged and ranked by, in one batch
                dense = sc.dense_of(sc.dense_for(en), idx + reported)
                if dense.max() < support.MIN_TOPIC and not self._covers(
                        gist, self._naming(gist, links, subj, context + reported)) \
                        and (self._written_elsewhere(gist)
                             or not support.nearer_than_foils(sc, idx + reported, float(dense.max()))):
                    # (a topic the articles write whole, but not where X speaks, is another's:
                    # "the first presidential debate" that X's statements never near)
                    return f"{name} is quoted, but not about {topic}"
                if self._unnamed(gist, links, subj, context + reported) and min(
                        float(dense.max()), self._dense_without_named(
                            sc, gist, links, subj, context + reported, idx + reported)) < support.MIN_TOPIC_UNNAMED:
                    # "Trump's comments on Tulsa": X's statements and their paragraphs never name
                    # Tulsa, and are not near the topic as a whole (a long quote is a little
                    # near anything)
                    return f"{name} is quoted, but not about {topic}"
            # a name written by sound (塔尔萨, Tulsa) is glossed as its English label, not as
            # characters of other words (塔 "pagoda", 萨 "bodhisattva")
            others = [lk for lk in links if lk not in subj]
            zt = self._english(topic, [lk for lk in others if lk.how == "translit"]) if sc.zh else topic
            if sc.zh:  # the topic ranks by two forms (names by sound in English, and as
                # written): their vectors start together
                sc.prefetch([zt, topic], glossed=[zt, topic])
            # a name the topic writes that X's statements name ("EB-5签证项目": EB-5;
            # "今日俄罗斯电视台": Russia) is what X spoke about, when the Chinese words around it
            # describe it in words the articles use (签证项目 "visa project", 电视台 "television
            # station"; not Trump的足球比赛, "football")
            if sc.zh and zt != topic and self._unnamed(topic, [lk for lk in others if lk.how == "translit"],
                                                      subj, context + reported):
                return f"{name} is quoted, but not about {topic}"  # a place X never names
            named = {lk.iri for lk in links if lk not in subj and lk.how != "demonym"
                     and lk.surface in topic} if sc.zh and self.gloss(zt)[1] >= 1.0 else set()
            # a topic that is only a name (沃伦对斯坦普夫有什么评价?: 斯坦普夫, Stumpf by sound):
            # X's statements naming it, as the English route's _naming has it; its gloss is noise
            named |= {lk.iri for lk in links if sc.zh and lk not in subj and lk.surface == topic
                      and self.types.get(lk.iri) in SPEAKER_TYPES}
            if sc.zh and CJK_RE.search(topic) and not (named and np.isin(
                    idx, self.ids_with(self.names_index, named)).any()) \
                    and self._zh_off_topic(zt, idx + reported, context + reported, others):
                return f"{name} is quoted, but not about {topic}"
        # the article's sentences that name X, below X's own statements: "the IMF's estimate
        # of global growth" is X's view though no cue reports it
        # what X said through a pronoun in the next sentence ("..., the IMF said. It edged
        # up its forecast ... to 4.2 percent"): X's too
        said = set(idx)
        if not theirs:  # X's sentences are not what X's aides said
            idx += [i for i in self._follows_claims(idx, who)[:MAX_FOLLOWING] if i not in said
                    and self._refers_back(i, person)]
            idx += [i for i in reported if i not in said]
            said = set(idx)
            idx += [i for i in self.ids_with(self.about_index, who, ("passage",)).tolist()
                    if i not in said and not self.in_claim_mask[i]]
        # "on CNBC": a statement whose sentence writes where X said it ranks higher, though the
        # topic test ignored it
        own = sc.hybrid(idx, rank)
        scores = self._ranked_by(sc, idx, rank, own.copy())  # (as _ranked, keeping ``own``)
        if OWN_TIE:  # two claims of one sentence: their own words break the tie
            scores = scores + OWN_TIE * own * (self.kind[idx] == "claim")
        scores = scores - PASSAGE_PENALTY * (self.kind[idx] == "passage")
        scores = scores - 2 * PASSAGE_PENALTY * np.array([i not in said for i in idx])
        if not group:  # "McConnell aides acknowledged ...": not what McConnell said himself
            scores = scores - GROUP_PENALTY * self._group_head[self.head_id[idx]]
        # a Chinese topic has no BM25 (its gloss writes 美国 "United States", the article
        # "U.S."): X's statements naming an entity the topic links rank first instead
        named = {lk.iri for lk in links if sc.zh and topic and lk not in subj and lk.how != "demonym"
                 and normalize(lk.surface).strip() and normalize(lk.surface) in normalize(topic)}
        if named:  # "IMF对美国经济增长怎么看?": the IMF's statements naming the U.S.
            scores = scores + TOPIC_NAME_BONUS * np.isin(idx, self.ids_with(self.names_index, named))
        if r.rank and r.rank != topic and r.lang == "en":
            # "What did X compare RT to?": X's claim whose cue means the verb ("likened")
            # more than a plain "said" does, first (X's best only, one word vector per cue)
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            word = r.rank.split()[0].lower()
            cues = [cue_word(self.statements[idx[j]]).lower() for j in head]
            words = [word, "said", *sorted({c for c in cues if c})]
            vec = dict(zip(words, minilm_queries(words), strict=True))  # one batch
            verb = vec[word]
            base = float(vec["said"] @ verb)
            near = {c: float(vec[c] @ verb) - base for c in words[2:]}
            scores = scores.astype(np.float64, copy=True)
            scores[head] += VERB_BONUS * np.clip([near.get(c, 0.0) for c in cues], 0.0, None)
        if r.why:  # "Why does X work with RT?": X's claims that give a reason, first
            scores = scores.astype(np.float64, copy=True)
            # a claim answering a why-question the article asks ("Why the affiliation?") ranks
            # by what the article asks it about: the sentences before that question
            asked = {i: self._why_setup(i) for i in idx if self.kind[i] == "claim"}
            asked = {i: ps for i, ps in asked.items() if ps}
            for n, i in enumerate(idx):
                if i in asked:
                    setup = float(np.max(sc.hybrid(asked[i], r.rank or topic or None)))
                    scores[n] = max(scores[n], setup - 2 * CONTEXT_PENALTY) + WHY_CONTEXT_BONUS
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            scores[head] += np.array([REASON_BONUS * (int(idx[j]) not in asked and self._reason(
                int(idx[j]))) for j in head], dtype=np.float64)
        want = _verb_forms(r.verb) if r.lang == "en" or r.manner else set()
        if want and not want & PLAIN_SAY:  # "What did X write ...": X's claims it wrote, first
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            scores = scores.astype(np.float64, copy=True)
            near = own[head] >= CUE_NEAR * own[head].max() if CUE_NEAR and r.venue and topic \
                else np.ones(len(head), dtype=bool)
            scores[head] += CUE_BONUS * np.array([bool(want & _verb_forms(cue_word(
                self.statements[idx[j]]))) for j in head], dtype=np.float64) * near
            if r.manner and MANNER_QUOTES:  # "How did X defend Y?": what X said next, first
                scores = self._manner_first(idx, scores, head, want)
        addressed = self._addressee(r, sc, links)
        if addressed is not None:  # "What did Warren tell Stumpf?": what was said to Stumpf
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]  # X's best only (decoded here)
            scores = scores.astype(np.float64, copy=True)
            scores[head] += ADDRESSEE_BONUS * np.array([
                s.kind == "claim" and bool(s.evidence) and bool(addressed.search(s.evidence[0]["quote"]))
                for s in (self.statements[idx[j]] for j in head)], dtype=np.float64)
        if r.lang == "en" and r.rank and r.rank.split()[0].lower() in QUANTITY_NOUNS:
            # "What figure did X give for Y?": X's statements that give a number, first
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            scores = scores.astype(np.float64, copy=True)
            scores[head] += QUANTITY_BONUS * np.array([bool(COUNT.search(
                self.statements[idx[j]].text + " " + _quote_of(self.statements[idx[j]])))
                for j in head], dtype=np.float64)
        if after:  # X's statements right after what X responded to, first, the nearest first
            scores = scores.astype(np.float64, copy=True)
            scores += np.array([RESPONSE_BONUS - RESPONSE_STEP * after[i] if i in after else 0.0
                                for i in idx], dtype=np.float64)
        return self._answers(idx, scores, k, kind="claim", bare=1.0, act=True,
                             speaker_of=dict.fromkeys(reported, main), asked=frozenset(want),
                             follow=True)

    def _manner_first(self, idx: list[int], scores: np.ndarray, head, want: set[str]) -> np.ndarray:
        """``scores`` with the quote right after the best of ``head`` cued by a verb of
        ``want`` (:meth:`_quote_after`: "Christie defended Trump's description ..." then
        '"The message is that ...," Christie said') just above that claim, when X's."""
        cued = [j for j in head if want & _verb_forms(cue_word(self.statements[idx[j]]))]
        if not cued:
            return scores
        j = max(cued, key=lambda j: scores[j])
        after = self._quote_after(int(idx[j]))
        pos = [n for n, i in enumerate(idx) if i == after]
        if pos:
            scores[pos[0]] = max(scores[pos[0]], scores[j] + ELABORATION_MARGIN)
        return scores

    def _responses(self, sc: Scorer, stimulus: str, who: set[str], idx: list[int]) -> dict[int, int]:
        """The statements of ``idx`` in the same paragraph as, or the two after, the claim
        of another speaker that best matches ``stimulus`` (what X responded to), when it
        matches well (hybrid score RESPONSE_MIN), each with its distance in paragraphs;
        empty otherwise."""
        others = [i for i in self.of_kind("claim") if self.statements[i].speaker
                  and self.statements[i].speaker.get("iri") not in who]
        if not others or not stimulus:
            return {}
        scores = sc.hybrid(others, stimulus)
        if RESPONSE_CUE_BONUS:
            # "when Hewitt asked whether ...": Hewitt's claim reported by that verb ("... Mistake?"
            # he asked), over another of Hewitt's the words match as well
            verbs = {v for lk in sc.links if lk.surface in stimulus
                     for v in _verb_forms((stimulus.split(lk.surface, 1)[1].split() or [""])[0])}
            if verbs & SPEECH_LEMMAS:
                scores = scores + RESPONSE_CUE_BONUS * np.array(
                    [bool(verbs & _verb_forms(cue_word(self.statements[i]))) for i in others])
        best = int(np.argmax(scores))
        ev = self.statements[others[best]].evidence
        if float(scores[best]) < RESPONSE_MIN or not ev:
            return {}
        art, para = ev[0]["article"], ev[0]["paragraph"]
        return {i: self.statements[i].evidence[0]["paragraph"] - para for i in idx
                if self.statements[i].evidence and self.statements[i].evidence[0]["article"] == art
                and para <= self.statements[i].evidence[0]["paragraph"] <= para + 2}

    def _stative_count(self, topic: str, noun: str, best: list[int]) -> bool:
        """"How many people live in Burma?", "live" in no article: answered all the same by a
        top statement that gives a count of the noun as a plain quantity ("the nation of 53
        million people", "a country of 54 million"), not what happened to it ("Twenty-nine
        people were injured" answers no "How many people died?"), and writes every other
        word of the question (in its sentence or the one before). Only an unknown word right
        after the noun counted (a verb of it) is so excused."""
        toks = [w for w in tokens(topic) if w not in support.GENERIC]
        unknown = {w[:5] for w in self._unknown_words(topic)}
        n = tokens(noun)[:1]
        if not n or n[0] not in toks or not unknown:
            return False
        at = toks.index(n[0])
        if not {w[:5] for w in toks[at + 1:at + 3]} >= unknown:
            return False
        words = [w for w in toks if w[:5] not in unknown]
        for i in best:
            s = self.statements[i]
            quote = _quote_of(s)
            if not _plain_count(quote, n[0]):
                continue
            # "a country of 54 million" counts people without the word
            need = [support.forms(w) for w in words if not (
                w == n[0] and n[0] in _PEOPLE and _POPULATION.search(quote))]
            if support._overlap(need, self._sentence_words(i)) == len(need):
                return True
        return False

    def _distinct_top(self, idx, scores: np.ndarray, n: int) -> list[int]:
        """The ``n`` best statements of ``idx`` with distinct evidence, as the answers are
        (three co-speakers' copies of one claim are one answer: "Merkley, Brown and Menendez
        all suggested ..." must not hide the next sentence from the word tests)."""
        out, seen = [], set()
        for j in top_order(scores, 4 * n)[:4 * n]:
            s = self.statements[int(idx[j])]
            ev = s.evidence[0] if s.evidence else {}
            key = (ev.get("article"), ev.get("start"), ev.get("end")) if ev else ("#", int(idx[j]))
            if key not in seen:
                seen.add(key)
                out.append(int(idx[j]))
                if len(out) == n:
                    break
        return out

    def _reason(self, i: int) -> bool:
        """Does statement ``i`` give a reason ("because", "so that", "in order to", "driven
        by")?"""
        s = self.statements[i]
        return s.kind in ("claim", "passage", "fact") and bool(REASON.search(s.answer_text))

    def _why_setup(self, i: int) -> list[int]:
        """For a claim set up by a why-question the article asks in the sentence before it
        ("Why the affiliation? 'They pay us a lot of money,' Mr. King said."), the sentences
        that question is about: those before it in its paragraph and the paragraph before
        ("Mr. King is not an employee of RT. ..."). Empty for any other statement."""
        why = next((j for j, pen in self.ctx.get(i, []) if pen > 0
                    and WHY_ASKED.match(self.statements[j].text)), None)
        if why is None or self.para_of[why] < 0:
            return []
        p = int(self.para_of[why])
        ps = self.para_passages[str(p)].tolist()
        out = ps[:ps.index(why)] if why in ps else []
        return self._previous_paragraph(p) + out

    def _off_topic(self, r: Route, sc: Scorer, idx: list[int]) -> str | None:
        """The say route's topic test for speakers found by their words ("human rights
        groups", "the California congressman"): why their claims ``idx`` are not about the
        topic, or None when they may be."""
        gist = r.topic if r.gist is None or sc.zh else r.gist  # a clause's content (_route_say)
        if not r.topic or not gist or not idx:
            return None
        context = self._context(idx, addressed=r.verb in ADDRESS_VERBS)
        if sc.zh:  # "人权组织对利率怎么看?": the Chinese topic test, on their paragraphs
            if CJK_RE.search(r.topic) and self._zh_off_topic(r.topic, idx, context, sc.links):
                return f"{r.subject} is quoted, but not about {r.topic}"
            return None
        if self._unsupported_words(gist, context) or (
                float(sc.dense_of(sc.dense_for(gist), idx).max()) < support.MIN_TOPIC
                and not self._covers(gist, context)):
            return f"{r.subject} is quoted, but not about {r.topic}"
        return None

    def _group_near(self, group: set[str], who: set[str]) -> list[int]:
        """Claims of a group whose name holds the words ``group``, tied to no other entity,
        whose paragraph names one of ``who`` ("Administration officials said ..." after
        "After her meeting with Obama, ..." for "Obama administration officials")."""
        heads = np.flatnonzero(self._group_head[:-1] & np.array(
            [group <= set(tokens(lab)) for lab, _ in self.heads] or [False], dtype=bool)[:len(self.heads)])
        if not len(heads):
            return []
        claims = np.flatnonzero(np.isin(self.head_id, heads))
        paras = set(self.para_of[self.ids_with(self.about_index, who, ("passage",))].tolist())
        out = [int(i) for i in claims if int(self.para_of[i]) in paras and self.para_of[i] >= 0]
        # not another's group ("McConnell aides" are no Obama aides)
        return [i for i in out if (self.statements[i].speaker or {}).get("iri") in (None, *who)]

    def _group_of(self, i: int) -> bool:
        """Is statement ``i`` a claim of a group of unnamed people ("McConnell aides",
        "human rights groups": its speaker is the group as the source wrote it)?"""
        return bool(self._group_head[self.head_id[i]])

    @staticmethod
    def _asked_group(subject: str, subj: list[Link]) -> set[str]:
        """The words of a group the question asks about around a linked name ("McConnell
        aides" -> {aide}, "Chinese officials" -> {official}), or none."""
        rest = subject
        for lk in subj:
            rest = re.sub(r"(?<!\w)" + re.escape(lk.surface) + r"(?:'s|’s)?(?!\w)", " ", rest,
                          flags=re.I)
        rest = " ".join(rest.split())
        if not subj or rest == " ".join(subject.split()) or not group_source(rest):
            return set()
        return set(tokens(rest))

    def _unnamed(self, topic: str, links, subj, context: list[int]) -> bool:
        """Does ``topic`` name an entity (linked, not the subject, not a demonym: "Tulsa" in
        "Trump's comments on Tulsa") that no statement of ``context`` names (by link or in
        its sentence), by that name or another of its names?"""
        inside = [lk for lk in links if lk not in subj and lk.how != "demonym"
                  and normalize(lk.surface).strip() and normalize(lk.surface) in normalize(topic)]
        if not inside or not context:
            return False
        arr = np.asarray(context, dtype=np.int64)
        for lk in inside:
            ents = {lk.iri} | self.variants.get(lk.iri, set())
            ids = np.concatenate([self.ids_with(self.about_index, ents), self.ids_with(self.by_index, ents),
                                  self.ids_with(self.names_index, ents)])
            if not np.isin(arr, ids).any():
                return True
        return False

    def _dense_without_named(self, sc: Scorer, topic: str, links, subj, context: list[int],
                             idx: list[int]) -> float:
        """The best MiniLM cosine of ``topic`` among ``idx`` with the names it writes that
        ``context`` names taken out: "Oz's interview with Trump" is near any claim of Gorski's
        about Oz (.59), but "interview with Trump" is what his claims never name (.32)."""
        inside = [lk for lk in links if lk not in subj and lk.how != "demonym"
                  and normalize(lk.surface).strip() and normalize(lk.surface) in normalize(topic)]
        rest = topic
        for lk in inside:
            if not self._unnamed(topic, [lk], subj, context):
                rest = re.sub(r"(?<!\w)" + re.escape(lk.surface) + r"(?:'s|’s)?(?!\w)", " ", rest)
        rest = " ".join(rest.split())
        if rest == " ".join(topic.split()) or not tokens(rest):
            return 1.0
        return float(sc.dense_of(sc.dense_for(self._english(rest, links)), idx).max())

    def _written_elsewhere(self, topic: str) -> bool:
        """Is ``topic`` a phrase of two or more content words the articles write whole?"""
        if not WRITTEN_ELSEWHERE:
            return False
        phrase = re.sub(r"^(?:the|a|an|his|her|its|their)\s+", "", topic.strip(" ?.!"), flags=re.I)
        return len([w for w in tokens(phrase) if w not in support.GENERIC]) >= 2 \
            and self._in_texts(phrase)

    def _naming(self, topic: str, links, subj, context: list[int]) -> list[int]:
        """The statements of ``context`` that may cover ``topic``: all of them, or, for a
        topic that is only names Y ("about RT"), those linked to Y (or a variant of it): a
        sentence naming "RT America" writes "RT" but is not about RT."""
        inside = [lk for lk in links if lk not in subj and lk.how != "demonym"
                  and normalize(lk.surface).strip() and normalize(lk.surface) in normalize(topic)]
        if not inside or not context:
            return context
        named = {w for lk in inside for w in tokens(lk.surface)}
        if any(w not in named for w in tokens(topic)):
            return context
        ents = {lk.iri for lk in inside}
        for iri in list(ents):
            ents |= self.variants.get(iri, set())
        ids = np.concatenate([self.ids_with(self.about_index, ents), self.ids_with(self.by_index, ents),
                              self.ids_with(self.names_index, ents)])
        arr = np.asarray(context, dtype=np.int64)
        return arr[np.isin(arr, ids)].tolist()

    def _opened_by(self, ents: set[str]) -> list[int]:
        """Article sentences, in no claim, that open with the name of one of ``ents`` (its
        subject: "Hillary Clinton, a longtime member of ..., has been a consistent and
        outspoken supporter of NATO"): what the article says X holds (the first
        MAX_REPORTING naming X)."""
        names = sorted({n for e in ents for n in self.labels.get(e, {}).get("en", []) if len(n) >= 3},
                       key=len, reverse=True)
        if not names:
            return []
        pat = re.compile(r"^\W*(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w&'’-])")
        return [i for i in self.ids_with(self.about_index, ents, ("passage",)).tolist()[:MAX_REPORTING]
                if not self.in_claim_mask[i] and pat.match(_quote_of(self.statements[i]))]

    def _reported_by(self, ents: set[str], claims: list[int]) -> list[int]:
        """Article sentences in which one of ``ents`` is the subject of a reporting verb
        ("The New York Times reported at the time that ...", "X wrote that ..."), other
        than the sentences of X's own ``claims``: the first MAX_REPORTING naming X."""
        names = sorted({n for e in ents for n in self.labels.get(e, {}).get("en", []) if len(n) >= 3},
                       key=len, reverse=True)
        if not names:
            return []
        pat = re.compile(r"(?<![\w&])(?:" + "|".join(re.escape(n) for n in names)
                         + r")(?:'s)?\s+(?:(?:[a-z]+ly|also|has|had|have|first|later|then)\s+)?"
                           r"(?P<v>[a-z]+)\b")
        out, said, quoted = [], {}, set()
        for i in self.ids_with(self.about_index, ents, ("passage",)).tolist()[:MAX_REPORTING]:
            s = self.statements[i]
            quote = _quote_of(s)
            found = [m.group(0) for m in pat.finditer(quote) if {
                m.group("v"), *support.base_forms(m.group("v")), *support.lemmas(m.group("v"))}
                & REPORT_VERBS or _put_it(m, quote)]
            # X given no claim of its own: "... what Prime Minister Malcolm Turnbull called North
            # Korea's "reckless, provocative, dangerous" actions" (X's words inside another's
            # claim) is what X said, when quoted words follow the verb
            words = [m.group(0) for m in pat.finditer(quote) if not claims and (_verb_forms(
                m.group("v")) & (REPORT_VERBS | NAMING_VERBS) or _put_it(m, quote)) and OPENS_QUOTE.search(
                quote[m.end():m.end() + 60])]
            if found or words:
                out.append(i)
                said[i] = found or words
                if words:
                    quoted.add(i)
        kept = set(self._not_nested(out, said, ents))
        out = [i for i in out if i in quoted or i in kept]
        arr = np.asarray(claims, dtype=np.int64)
        if not out or not len(arr) or not len(self.ctx_src):
            return out
        # the sentences X's own claims stand for (found only when a sentence above matched)
        a = np.searchsorted(self.ctx_src, arr, "left")
        n = np.searchsorted(self.ctx_src, arr, "right") - a
        rows = np.repeat(a - np.cumsum(n) + n, n) + np.arange(int(n.sum()))
        own = set(self.ctx_dst[rows[self.ctx_pen[rows] == 0]].tolist())
        return [i for i in out if i not in own]

    def _not_nested(self, passages: list[int], said: dict[int, list[str]], ents: set[str]) -> list[int]:
        """``passages`` without those where every "X <verb>" of ``said`` is inside what
        another speaker's claim on that sentence says ("Democrats noted that last year
        Pagliano invoked his rights": the Democrats' statement about X, not X's report)."""
        if not passages or not len(self.ctx_src):
            return passages
        rows = np.flatnonzero(np.isin(self.ctx_dst, passages) & (self.ctx_pen == 0))
        content: dict[int, list[str]] = {}
        for r in rows.tolist():
            c = self.statements[int(self.ctx_src[r])]
            if c.kind == "claim" and (c.speaker or {}).get("iri") not in ents:
                content.setdefault(int(self.ctx_dst[r]), []).append(c.text.partition(": ")[2])
        return [i for i in passages
                if not all(any(x in t for t in content.get(i, ())) for x in said[i])]

    def _addressee(self, r: Route, sc: Scorer, links) -> re.Pattern | None:
        """For "what did X tell Y" (Y a linked name and all the topic), a pattern finding a
        sentence whose cue addresses Y ("Warren told Stumpf", "said to Mr. Stumpf")."""
        if r.lang != "en" or not r.topic:
            return None
        m = ASKS_ADDRESSEE.search(sc.q)
        if not m or normalize(_strip_article(m.group("y"))).strip() != normalize(
                _strip_article(r.topic)).strip():
            return None
        inside = [lk for lk in links if normalize(lk.surface).strip() in normalize(r.topic)]
        if not inside or len(" ".join(lk.surface for lk in inside)) < 0.6 * len(_strip_article(r.topic)):
            return None
        names = {n for lk in inside for v in [lk.iri, *sorted(self.variants.get(lk.iri, ()))]
                 for lab in [lk.surface, *self.labels.get(v, {}).get("en", [])]
                 for n in (lab, lab.split()[-1]) if len(n) >= 3}
        if not names:
            return None
        alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return re.compile(ADDRESSING + r"(?:" + alt + r")\b")

    def _unlinked_speaker(self, r: Route, sc: Scorer, k: int, strict: bool = False,
                          places: frozenset[str] = frozenset()):
        """What did "market participants" / "experts" say: match the speaker as written.
        ``strict``: None when no speaker is written so (else any claim answers by topic).
        ``places``: places the subject names around a group ("the protesters in Tulsa"):
        not words the speaker must write, but its claims naming them (in their paragraph)
        rank first."""
        drop = {w for p in places for lab in self.labels.get(p, {}).get("en", []) for w in tokens(lab)}
        words = set(tokens(r.subject)) - drop
        claims = self.of_kind("claim").tolist()
        # the speaker as written (its label, the claim's words before the colon), tested
        # once per distinct (label, head) pair
        fits = np.array([bool(words) and words <= set(tokens(label) + tokens(head))
                         for label, head in self.heads] + [False], dtype=bool)
        if not fits.any():  # "protesters": a group the source calls "demonstrators"
            fits = self._same_group(r.subject, drop)
        idx = [i for i in claims if fits[self.head_id[i]]]
        if not idx and not places and group_source(r.subject):
            # "analysts", credited with nothing: a sentence where they are the subject of a
            # reporting verb ("what analysts described as ...", "which advocates say ...")
            said = self._group_says(r.subject)
            if said:
                off = self._off_topic(r, sc, said)
                if off:
                    return off
                out = self._answers(said, sc.hybrid(said, r.topic or None), k, kind="claim")
                for a in out:
                    a["speaker"] = {"iri": None, "label": r.subject}
                return out
        if places and idx:
            near = [i for i in idx if self._mentions(i, set(places)) or any(
                self._mentions(j, set(places)) for j in self._context([i]) if j != i)]
            idx = near or idx
        if not idx:
            return None if strict else self._open(claims, sc, k, "claim", r.topic or r.subject)
        off = self._off_topic(r, sc, idx)
        if off:
            return off
        scores = sc.hybrid(idx, r.topic or None)
        return self._answers(idx, scores, k, kind="claim", follow=True)

    def _group_says(self, group: str) -> list[int]:
        """Article sentences (no claim's own sentence credits the group) in which ``group``
        as written ("analysts", "voting rights advocates") is the subject of a reporting or
        naming verb ("what analysts described as", "which advocates say")."""
        words = tokens(group)
        if not words or self.bm25 is None:
            return []
        pat = re.compile(r"(?<![\w&-])" + re.escape(" ".join(group.split())) + r"\s+(?:(?:have|has|had|"
                         r"also|often|have long|long)\s+)?(?P<v>[a-z]+)\b", re.I)
        cand = self.of_kind("passage")
        cand = cand[self.bm25.get_scores(words)[cand] > 0]
        out = []
        for i in cand.tolist()[:MAX_REPORTING * 4]:
            m = pat.search(_quote_of(self.statements[i]))
            if m and _verb_forms(m.group("v")) & (REPORT_VERBS | NAMING_VERBS):
                out.append(int(i))
        return out

    def _same_group(self, subject: str, drop: set[str]) -> np.ndarray:
        """Over ``self.heads`` (and the no-head entry): the claims' group speakers whose noun
        means the group noun ``subject`` ends in ("protesters" / "Demonstrators", SAME_GROUP),
        its other words (``drop`` aside) written in the speaker too."""
        out = np.zeros(len(self.heads) + 1, dtype=bool)
        rest = [w for w in re.findall(r"[A-Za-z][\w'’-]*", subject)
                if w.lower() not in ("in", "of", "from", "at", "across", "around", "the")]
        rest = [w for w in rest if not set(tokens(w)) <= drop]
        if not rest or not group_source(" ".join(rest)):
            return out
        noun, mods = rest[-1].lower(), {t for w in rest[:-1] for t in tokens(w)}
        heads = []  # (n, the group noun of the speaker label)
        for n, (label, head) in enumerate(self.heads):
            if not self._group_head[n]:
                continue
            said = (group_source(label) or "").split()
            if said and mods <= set(tokens(label) + tokens(head)):
                heads.append((n, said[-1].lower()))
        if heads:
            qv, *vecs = minilm_queries([noun] + [w for _, w in heads])  # one batch
            for (n, _), v in zip(heads, vecs, strict=True):
                out[n] = float(v @ qv) >= SAME_GROUP
        return out

    def _route_who_said(self, r: Route, subj, links, sc: Scorer, k: int):
        # sentences with no speaker too, ranked below those with one: "Who blamed hedge
        # funds?" may be answered by "The sell-off was largely attributed to hedge funds"
        idx = np.flatnonzero((self.kind == "claim")
                             | ((self.kind == "passage") & ~self.in_claim_mask))
        # "谁批评了斯坦普夫?": the person named right after the verb is asked about, not by
        other = self._who_object(r, links) if r.lang == "zh" else None
        found = self._open(idx, sc, k, "claim", r.topic, who=True, other_than=other)
        if r.lang != "en" or isinstance(found, str):
            return found
        found = _covered_first(_quoted_first(found, r.topic), r.topic,
                               {w[:5] for lk in sc.links for w in tokens(lk.surface)})
        m = WHO_VERB.match(sc.q)
        want = _verb_forms(m.group("v")) if m else set()
        if not want or want & PLAIN_SAY:
            return found
        if want & NAMING_VERBS:  # "Who called X an outlaw nation?": "Japan branded X ..."
            want = want | NAMING_VERBS
        want = _with_kin(want)  # "Who conceded that ...?": "Podesta acknowledged that ..."
        names = {w[:5] for lk in sc.links for w in tokens(lk.surface)}
        words = {w[:5] for w in tokens(r.topic)} - names
        found = [self._doer(a, want, words) for a in found]
        # a sentence writing who did the verb asked ("Japan branded ...") before one ranked by
        # it as the sentence before ("Russia insisted ...", the next sentence's claim)
        order = sorted(found, key=lambda a: not a.get("_doer"))
        top = max(a["score"] for a in found)
        return [{key: (max(v, top) if key == "score" and n == 0 else v) for key, v in a.items()
                 if key != "_doer"} for n, a in enumerate(order)]

    def _doer(self, ans: dict, want: set[str], words: set[str]) -> dict:
        """``ans`` credited to whoever its sentence names as the subject of the verb asked
        (``want``, its forms) when at least half the question's ``words`` (5-letter
        prefixes, names left out) follow it: "Japan branded North Korea an ..." (a sentence
        the extractor gave no speaker), "leaders denounce what Prime Minister Malcolm
        Turnbull called ..." (a claim of the leaders' holding Turnbull's words), for "Who
        branded / called ...?". Marked ``_doer`` when so."""
        if not ans.get("evidence"):
            return ans
        quote = ans["evidence"][0]["quote"]
        names = [(lk.surface, lk.iri) for lk in self.linker.link(quote)
                 if self.types.get(lk.iri) in SPEAKER_TYPES and len(lk.surface) >= 2]
        for n, iri in sorted(names, key=lambda x: -len(x[0])):
            # "Holt pressed Trump on ...", "Hewitt, who had pressed him on ...", and the passive
            # "pressed by Holt about ..." (what follows the name, then, is what was asked)
            rel = r"(?:,\s+who)?" if DOER_FORMS else ""
            for m in itertools.chain(
                    re.finditer(r"(?<![\w&])" + re.escape(n) + r"(?:'s)?" + rel + r"\s+(?:(?:[a-z]+ly|"
                                r"also|has|had|have|first|later|then|once)\s+)?(?P<v>[a-z]+)\b", quote),
                    re.finditer(r"\b(?P<v>[a-z]+)\s+by\s+" + re.escape(n) + r"\b", quote)
                    if DOER_FORMS else ()):
                after = {w[:5] for w in tokens(quote[m.end():])}
                if _verb_forms(m.group("v")) & want and words and \
                        len(words & after) >= 0.5 * len(words):
                    if (ans.get("speaker") or {}).get("iri") == iri:
                        return dict(ans, _doer=True)
                    who = {"iri": iri, "label": self.label(iri)}
                    text = ans["text"].split(": ", 1)[-1] if ans.get("speaker") else ans["text"]
                    return dict(ans, speaker=who, text=f"{who['label']}: {text}", _doer=True)
        return ans

    def _route_membership(self, r: Route, subj: list[Link], links, sc: Scorer, k: int):
        kin = r.role.split()[-1].lower() if r.lang == "en" and r.role and r.wants_person else ""
        if subj and kin in KIN:  # "Who is Ted Cruz's wife?": "his wife, Heidi"
            found = self._kin(subj, kin, k)
            if found:
                return found
        if not subj:
            # "Who is the ranking Democrat on the panel?": a sentence writing the role by a person
            roles = self._role_sentences(r, subj, sc, k) if r.wants_person else None
            return roles or self._route_general(r, subj, links, sc, k)
        target = {lk.iri for lk in subj}
        idx = self.ids_with(self.by_index, target, ("affiliation",)).tolist()
        passages = [i for i in self.ids_with(self.about_index, target, ("passage",)).tolist()
                    if not r.wants_person
                    or self.about_person[i]]
        # "who heads / runs / founded Y": the verb is the role, any member answers
        role_words = [] if r.lang != "en" or re.fullmatch(ROLE_VERBS, r.role, re.I) \
            else tokens(r.role)
        if not r.wants_person and not (r.topic and ROLE_ASKED.search(r.topic)) \
                and any(self.types.get(i) in PERSONISH for i in target):
            # "Who is Tina Houchins?": "As a Gold Star mother, my son gave his life ...", X's
            # own words saying what X is, as a sentence describing X would
            idx = idx + [i for i in self.ids_with(self.by_index, target, ("claim",)).tolist()[:MAX_CUES]
                         if SELF_DESCRIBED.match(_content(self.statements[i]))]
        cand = idx + passages
        if not cand or (role_words and not self._covers(r.role, cand, need=0.5)):
            # "Who chairs the Oversight Committee?": no affiliation says so, but a sentence
            # may ("panel Chairman Rep. Jason Chaffetz")
            roles = self._role_sentences(r, subj, sc, k) if r.wants_person else None
            if roles:
                return roles
        asked = KIND_ASKED.match(r.topic) if r.lang == "en" and not r.wants_person else None
        party_titled: set[int] = set()  # statements giving a party as X's title
        if asked and cand:
            # "What party is X in?", "Which state does X represent?": a statement naming a
            # party, or a place other than X, answers; a sentence only about X does not
            want = asked.group("kind").lower()
            names = sorted({re.escape(w) for i in target for n in self.labels.get(i, {}).get("en", [])
                            for w in (n, n.split()[-1])}, key=len, reverse=True)
            near = re.compile(r"\b(?:" + "|".join(names) + r")\b" if names else r"(?!)")
            party = want in ("party", "caucus")
            if party and names:
                name = r"(?:" + "|".join(names) + r")\b"
                titled_party = re.compile(
                    r"\b" + PARTY_WORD + r"(?:\s+(?:(?i:" + ROLE_NOUN + r"|presidential|vice|former|"
                    r"front-?runner|hopeful|running mate|gov|sen|rep)\.?|[A-Z][a-z]+)){0,3}\s+" + name
                    + r"|" + name + r"\s*\((?:D|R|I)-|" + name + r",\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}"
                    + PARTY_WORD + r"\b")
                party_titled = {i for i in cand if titled_party.search(_quote_of(self.statements[i]))}
            cand = [i for i in cand if self.kind[i] != "claim" and (
                (i in party_titled or self._party_of(self.statements[i], near)) if party else any(
                    self.types.get(a) == "Place" for a in (*self.statements[i].about, *self.statements[i].by)
                    if a not in target))]
            if not cand:
                return f"no {want} of {self.label(subj[0].iri)} is in the graph"
        if not cand:
            return f"the graph holds no affiliation for {self.label(subj[0].iri)}"
        if r.lang == "en" and SPELLED_OUT.search(r.topic or ""):
            # "What does CNS stand for?": a sentence writing the name in full answers
            full = [n for i in target for n in self.labels.get(i, {}).get("en", [])
                    if len(n) > len(r.subject)]
            cand = [i for i in cand if any(n in self.statements[i].text for n in full)] or cand
        if role_words and not self._covers(r.role, cand, need=0.5):
            return f"no {r.role} of {self.label(subj[0].iri)} is in the graph"
        scores = sc.hybrid(cand, r.role or None) if r.role else sc.hybrid(cand)
        if party_titled:
            scores = scores + PARTY_TITLE_BONUS * np.array([i in party_titled for i in cand])
        described = self._apposition(target) if not r.wants_person else None
        # "What office does X hold?": a title written before X's name ("New Jersey Gov. Chris
        # Christie") says it, more than a clause after it ("Christie, who has campaigned ...")
        titled = described is not None and ROLE_ASKED.search(r.topic or "") is not None
        bare = described is not None and not r.role and len(subj) == 1 and WHO_IS.match(r.topic or "")
        selfdesc, others = [], False
        for j, i in enumerate(cand):
            s = self.statements[i]
            if s.kind == "passage":
                scores[j] -= PASSAGE_PENALTY
                # "Who is X?": a sentence that says what X is ("the moderator ..., Lester Holt
                # of NBC News") over one that only names X
                if described is not None and described.describes(s.text):
                    scores[j] += APPOSITION_BONUS + (WHO_IS_BONUS if bare else 0.0)
                    others = True
                    if titled and described.titled(s.text):
                        scores[j] += TITLE_BONUS
            if s.kind == "affiliation":
                scores[j] += 0.1 if s.former == r.former else 0.0
                others = True
            if s.kind == "claim":  # a self-description: as a sentence describing X
                scores[j] += APPOSITION_BONUS - PASSAGE_PENALTY
                selfdesc.append(j)
        if selfdesc and not others:  # nothing else says what X is: X's own words first
            scores = np.asarray(scores, dtype=np.float64)
            scores[selfdesc] = np.maximum(scores[selfdesc], float(np.max(scores)) + 0.01)
        # "Who is X?" is answered about X, whatever X's type; "Who is the NYPD commissioner?"
        # (a title around the name) about whoever holds it
        whole = subj[0].iri if len(subj) == 1 and normalize(subj[0].surface).strip(" '") == \
            normalize(r.subject).strip(" '") else None
        person = None if r.wants_person else next(
            (lk.iri for lk in subj if self.types.get(lk.iri) in PERSONISH), whole)
        # the role words as the question gives them ("majority leader" in "the Senate
        # majority leader"): the person a passage names nearest them holds the role
        rest = r.role or r.subject
        for lk in subj:
            rest = re.sub(re.escape(lk.surface), " ", rest, flags=re.I)
        anchor = [w for w in re.findall(r"[A-Za-z][\w-]+", rest) if w.lower() not in
                  ("the", "a", "an", "of", "at", "for", "in", "former", "current", "s")]
        if len(anchor) > 1 and r.lang == "en" and (person is None or person != whole):
            # "the Senate majority leader": a statement writing the whole role ("now the Senate
            # majority leader") over one with part of it ("Republican leader at Senate")
            want = [support.forms(w) for w in tokens(" ".join(anchor))]
            scores = np.asarray(scores, dtype=np.float64) + ROLE_COVER_BONUS * np.array(
                [support._overlap(want, {w[:5] for w in tokens(self.statements[i].text + " " + _quote_of(
                    self.statements[i]))}) == len(want) for i in cand], dtype=np.float64)
        return self._answers(cand, scores, k, kind="affiliation", person_for=target,
                             subject_speaker=person, anchor=anchor)

    @staticmethod
    def _party_of(s, names: re.Pattern) -> bool:
        """Does statement ``s`` name a party: an affiliation with one, or a sentence writing
        one within :data:`PARTY_REACH` characters of a name of X (``names``; not "Sanders
        offered advice to Clinton ..., as the Democratic nominee looks to ...")?"""
        if s.kind == "affiliation":
            return bool(PARTY.search(s.text))
        q = _quote_of(s)
        at = [m.start() for m in names.finditer(q)]
        return any(abs(m.start() - a) <= PARTY_REACH for m in PARTY.finditer(q) for a in at)

    def _kin(self, subj: list[Link], kin: str, k: int) -> list[dict] | None:
        """"Who is Ted Cruz's wife?": the sentences that name X's relative in apposition
        ("Cruz's father, Rafael Cruz"; "his wife, Heidi" in a claim of X's, or in a sentence
        that is no claim and names X and no other person before it), the relative
        answering. None when none do."""
        target = {lk.iri for lk in subj}
        for iri in list(target):
            target |= self.variants.get(iri, set())
        names = {n.lower() for t in target for lab in self.labels.get(t, {}).get("en", [])
                 for n in (lab, lab.split()[-1]) if len(n) >= 3}
        word = KIN[kin]
        pat = re.compile(r"(?P<pos>\b[Hh]is|\b[Hh]er|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w.-]*['’]s?)\s+"
                         r"(?:(?:late|former|estranged|then-|eldest|youngest|older|younger)\s*)?"
                         r"(?:" + word + r")\s*,\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})")
        passages = self.of_kind("passage")
        counts = getattr(self._prefixes, "counts", None)
        if counts is None or not names:
            return None
        cand = passages[counts({kin[:5]}, passages) >= 1]
        out = []
        for i in cand.tolist()[:300]:
            s = self.statements[i]
            quote = _quote_of(s)
            for m in pat.finditer(quote):
                pos = m.group("pos")
                if pos.lower() in ("his", "her"):
                    # in a claim, "his" is the speaker's ("The truth, the senator said, was that
                    # Trump had attacked his wife, Heidi": the senator's wife); else the one
                    # person named before it
                    said = self._speakers_of(i)
                    ok = bool(said & target) if said else self._only_named_before(
                        quote[:m.start()], names)
                else:
                    owner = re.sub(r"['’]s?$", "", pos).lower()
                    ok = owner in names or owner.split()[-1] in names
                if not ok:
                    continue
                rel = [lk for lk in self.linker.link(m.group("name"))
                       if self.types.get(lk.iri) in PERSONISH and lk.iri not in target]
                who = {"iri": rel[0].iri, "label": self.label(rel[0].iri)} if rel else None
                label = " / ".join(sorted({self.label(t) for t in {lk.iri for lk in subj}}))
                out.append({"text": f"{who['label'] if who else m.group('name')}: {label}'s {kin}",
                            "score": 1.0, "kind": "affiliation", "speaker": who,
                            "evidence": list(s.evidence)})
                break
            if len(out) >= k:
                break
        return out or None

    def _speakers_of(self, i: int) -> set[str]:
        """The speakers of the claims standing on passage ``i`` (its own sentence)."""
        rows = np.flatnonzero((self.ctx_dst == i) & (self.ctx_pen == 0)) if len(self.ctx_dst) else []
        return {(self.statements[int(self.ctx_src[r])].speaker or {}).get("iri") for r in rows} - {None}

    def _only_named_before(self, text: str, names: set[str]) -> bool:
        """Does ``text`` name one of ``names`` and no other capitalised name after it (so that
        "his" after it is that person's)?"""
        low = text.lower()
        at = max((m.end() for n in names for m in re.finditer(r"\b" + re.escape(n) + r"\b", low)),
                 default=-1)
        return at >= 0 and not re.search(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+", text[at:])

    def _role_sentences(self, r: Route, subj: list[Link], sc: Scorer, k: int) -> list[dict] | None:
        """"Who is the ranking Democrat on the panel?", "Who chairs the Oversight Committee?"
        when no affiliation holds the role: the sentences that write every role word with a
        person named within ROLE_REACH characters of them ("Rep. Elijah Cummings of Maryland,
        the panel's ranking Democrat", "panel Chairman Rep. Jason Chaffetz"), the person
        answering. The organization must be named in the sentence, or be its word
        ("panel"), or be named in the article and the sentence refer to it by a noun
        ("panel", "committee", "company"). None when no sentence does."""
        if r.lang != "en" or not r.role:
            return None
        role = ROLE_OF_VERB.get(r.role.lower(), "") if re.fullmatch(ROLE_VERBS, r.role, re.I) \
            else r.role
        words = [w for w in tokens(role) if w not in ("former", "current")]
        if not words:
            return None
        target = {lk.iri for lk in subj}
        for iri in list(target):
            target |= self.variants.get(iri, set())
        rest = r.subject
        for lk in subj:
            rest = re.sub(re.escape(lk.surface), " ", rest, flags=re.I)
        own = [w[:5] for w in tokens(rest)]  # the organization's words when not linked
        if not target and not own:
            return None
        passages = self.of_kind("passage")
        counts = getattr(self._prefixes, "counts", None)
        if counts is None:
            return None
        if target:  # the articles that name it
            named = self.ids_with(self.names_index, target)
        else:  # or write its words in one sentence ("the appeals court")
            named = passages[counts(set(own), passages) >= len(set(own))]
        arts = {self.statements[int(i)].evidence[0]["article"] for i in named.tolist()
                if self.statements[int(i)].evidence}
        named = set(named.tolist())
        # a sentence writing the organization's name also names it, linked or not ("Charlotte
        # Mayor Jennifer Roberts", where the extractor took "Charlotte Mayor" for a name)
        labels = sorted({n for t in target for n in self.labels.get(t, {}).get("en", [])
                         if len(n) >= 3}, key=len, reverse=True)
        written = re.compile(r"(?<![\w&])(?:" + "|".join(map(re.escape, labels)) + r")(?![\w&])") \
            if labels else None
        pre = {w[:5] for w in words}  # by prefix: "chair" is written "Chairman"
        cand = passages[counts(pre, passages) >= len(pre)]  # those writing the role's words
        forms = [support.forms(w) for w in words]
        found, persons = [], {}
        for i in cand.tolist()[:300]:
            s = self.statements[i]
            have = self._prefixes[i]
            if support._overlap(forms, have) < len(forms) or not s.evidence:
                continue
            # the organization named there, or referred to by a noun in an article naming it
            # ("the court's chief judge" for "the appeals court")
            quote = _quote_of(s)
            if i not in named and not (written and written.search(quote)) and not (
                    s.evidence[0]["article"] in arts and (
                    not ORG_NOUN.isdisjoint(have) or (own and own[-1] in have))):
                continue
            # not a "person" the role names ("Charlotte Mayor")
            who = [a for a in s.about if a not in target and self.types.get(a) in PERSONISH
                   and not any(w[:5] in {t[:5] for n in self.labels.get(a, {}).get("en", [])
                                         for t in tokens(n)} for w in words)]
            near = self._role_reach(quote, who, words)
            if near:
                found.append(i)
                persons[i] = near
        if not found:
            return None
        scores = sc.hybrid(found)
        out = []
        for j in np.argsort(-scores, kind="stable")[:k]:
            i = found[int(j)]
            s = self.statements[i]
            out.append({"text": s.answer_text, "score": round(float(np.clip(scores[j], 0, 1)), 4),
                        "kind": "affiliation",
                        "speaker": {"iri": persons[i], "label": self.label(persons[i])},
                        "evidence": list(s.evidence)})
        return out

    def _role_reach(self, text: str, persons: list[str], words: list[str]) -> str | None:
        """The person of ``persons`` ``text`` names nearest the first role word, if within
        ROLE_REACH characters of where the role words are written."""
        low = text.casefold()
        at = [m.start() for w in words[:1] for m in re.finditer(r"\b" + re.escape(w[:5]), low)]
        best, dist = None, ROLE_REACH + 1
        for p in persons:
            names = [n for v in [p, *sorted(self.variants.get(p, ()))]
                     for lab in self.labels.get(v, {}).get("en", []) for n in (lab, lab.split()[-1])]
            for n in names:
                if len(n) < 3:
                    continue
                for m in re.finditer(r"\b" + re.escape(n.casefold()) + r"\b", low):
                    d = min((max(a - m.end(), m.start() - a, 0) for a in at), default=ROLE_REACH + 1)
                    if d < dist:
                        best, dist = p, d
        return best

    def _route_concept(self, r: Route, subj: list[Link], links, sc: Scorer, k: int):
        target = {lk.iri for lk in subj}
        concepts = self.ids_with(self.about_index, target, ("concept",)).tolist()
        if target and not concepts and all(self.types.get(t) != "Concept" for t in target):
            # "What is PIMCO?": an entity, not a concept
            # any statement may answer ("what's the IMF forecast for ..."), those naming it first
            if not (len(self.ids_with(self.about_index, target))
                    or len(self.ids_with(self.by_index, target))):
                return f"the graph says nothing about {self.label(next(iter(target)))}"
            return self._open(np.arange(len(self.statements)), sc, k, None, r.topic, boost=target)
        if r.wants_person:
            concepts = [i for i in concepts if self.statements[i].by]
        if concepts:
            return self._answers(concepts, sc.hybrid(concepts) + 0.2, k, kind="concept")
        subject = r.subject or r.topic
        if not self._in_texts(subject) and not self._covers(subject, range(len(self.statements)),
                                                            need=0.6):
            return f"{subject} is not in the graph"
        idx = self.of_kind("claim", "passage", "fact", "concept")
        if r.wants_person:
            idx = idx[self.has_speaker[idx] | self.about_person[idx]].tolist()
        return self._open(idx, sc, k, "concept", subject, who=r.wants_person, need_cover=0.6,
                          prefer="concept")

    def _route_fact(self, r: Route, subj, links, sc: Scorer, k: int):
        idx = self._numeric.tolist()  # facts, and sentences holding a number (index build)
        if r.lang == "en" and YEAR_ASKED.match(r.topic):
            # "In what year did a group of doctors write to Columbia?": a sentence giving a
            # year ("A group of doctors in 2015 sent a letter"), which the numbers leave out,
            # ranked as a when-question ranks (the event asked about, dated)
            idx = sorted(set(idx) | set(self._with_year().tolist()))
            return self._open(idx, sc, k, "fact", r.topic, boost={lk.iri for lk in links}, date=True)
        m = HOW_MANY.match(r.topic) if r.lang == "en" else None
        # "how many employees": the noun counted ("5,300 employees"), unless a verb follows
        noun = (m.group("noun") or "") if m else ""
        noun = "" if noun.lower() in ("did", "does", "do", "is", "was", "were", "are", "has",
                                      "have", "had", "will", "would", "of") else noun
        if not m and r.lang == "en" and SHARE.match(r.topic):
            return self._open(idx, sc, k, "fact", r.topic, boost={lk.iri for lk in links},
                              count="percent")
        # "What was the committee's vote on the resolution?": its tally ("voted 19-15")
        tally = r.lang == "en" and not m and bool(VOTE_ASKED.search(r.topic))
        return self._open(idx, sc, k, "fact", r.topic, boost={lk.iri for lk in links},
                          count=(noun or True) if m else False, tally=tally)

    def _with_year(self) -> np.ndarray:
        """The statements whose sentence writes a year (found once, on first use)."""
        hit = getattr(self, "_with_year_cache", None)
        if hit is None:
            hit = np.array([i for i, s in enumerate(self.statements) if s.kind in ("fact", "passage", "claim")
                            and YEAR.search(_quote_of(s))], dtype=np.int64)
            self._with_year_cache = hit
        return hit

    def _route_general(self, r: Route, subj, links, sc: Scorer, k: int):
        idx = np.arange(len(self.statements))
        # "Where did the explosion happen?": the statements that name a place, first
        # "When was she released?": the statements that give a time, first
        place = r.lang == "en" and bool(WHERE.match(r.topic))
        date = r.lang == "en" and bool(WHEN.match(r.topic))
        topic = " ".join(EVENT_FILLER.sub(" ", r.topic).split()) if date else r.topic
        return self._open(idx, sc, k, None, topic, boost={lk.iri for lk in links},
                          place=place, date=date, other_than=self._who_object(r, links),
                          did=self._event_of(r.topic, links) if place or date else None)

    def _event_of(self, question: str, links):
        """For "Where / When was X born?" (X linked), a test of whether a sentence writes the
        verb with X as its subject ("he was born in Canada", "Rafael Cruz, who was born in
        Cuba"; not "his mother was born in Delaware"), or None."""
        m = EVENT_Q.match(question)
        # X right after the auxiliary ("Where was Ted Cruz born?"; not "Where did the bell
        # Obama rang come from?", not "Where was X's father born?")
        x = [lk for lk in links if m and lk.start == m.end()]
        v = re.match(r"\s+(?:(?:first|ever|also|actually|originally)\s+)?(?P<v>[a-z]+)\b",
                     question[x[-1].end:]) if x else None
        want = _verb_forms(v.group("v")) if v else set()
        if not want or want & {"do", "be", "have"}:
            return None
        names = sorted({n for lk in x for v in [lk.iri, *sorted(self.variants.get(lk.iri, ()))]
                        for n in [lk.surface, *self.labels.get(v, {}).get("en", [])] if len(n) >= 3},
                       key=len, reverse=True)
        subject = re.compile(r"(?:\b(?:[Hh]e|[Ss]he|[Tt]hey)|(?<![\w&])(?P<n>" + "|".join(map(re.escape, names))
                             + r")(?:,\s*who)?)\s*$")

        def did(quote: str) -> int:
            """1: the sentence writes the verb with X for its subject; -1: only with another
            ("his mother was born"); 0: not at all."""
            seen = 0
            for w in re.finditer(r"[A-Za-z]+", quote):
                if _verb_forms(w.group(0)) & want and quote[max(0, w.start() - 1):w.start()] != "-":
                    before = _AUX_TAIL.sub("", quote[max(0, w.start() - 100):w.start()])
                    at = subject.search(before)
                    # not the end of a longer name ("Rafael Cruz" for Cruz)
                    if at and not (at.group("n") and re.search(r"[A-Z][\w.'-]*\s+$",
                                                                before[:at.start("n")])):
                        return 1
                    seen = -1
            return seen

        return did

    @staticmethod
    def _says_future(quote: str, question: str) -> bool:
        """Does ``quote`` write a future marker ("would", "will", "plans to", "is expected
        to") right before a word of ``question`` ("announced it would get rid of these
        incentives, beginning in January 2017" for "When will Wells Fargo get rid of ...")?"""
        want = {w[:5] for w in tokens(question)}
        return any({w[:5] for w in tokens(m.group("v"))} & want for m in FUTURE_AT.finditer(quote))

    def _names_other(self, i: int, ents: set[str]) -> bool:
        """Is statement ``i`` no statement of one of ``ents`` and does it name a person or
        organization other than them?"""
        s = self.statements[i]
        if (s.speaker or {}).get("iri") in ents:
            return False
        return any(a not in ents and self.types.get(a) in (*PERSONISH, "Organization")
                   for a in (*s.about, *s.by))

    def _who_object(self, r: Route, links) -> set[str]:
        """"Who will succeed Ban Ki-moon?", "Who replaced X?": the persons or organizations
        a who-question names right after its verb (and their other names): the answer is
        someone else. Empty for any other question ("Who did X appoint?": X is the subject)."""
        out: set[str] = set()
        for lk in links:
            if self.types.get(lk.iri) not in (*PERSONISH, "Organization"):
                continue
            if r.lang != "en":  # 谁批评了斯坦普夫: the who-route's topic starts with the name
                if r.name == "who_said" and r.topic.startswith(lk.surface):
                    out |= {lk.iri, *self.variants.get(lk.iri, set())}
                continue
            before = r.topic[:max(0, r.topic.find(lk.surface))] if lk.surface in r.topic else ""
            if re.fullmatch(r"\s*who\s+(?!(?:did|does|do|is|was|are|were)\b)(?:[\w'-]+\s+){1,3}",
                            before, re.I):
                out |= {lk.iri, *self.variants.get(lk.iri, set())}
        return out

    def _open(self, idx: list[int], sc: Scorer, k: int, kind: str | None, topic: str, *,
              who: bool = False, boost: set[str] | None = None, need_cover: float = 0.0,
              prefer: str | None = None, place: bool = False, date: bool = False,
              count: bool | str = False, tally: bool = False,
              other_than: set[str] | None = None, did=None):
        """Rank ``idx`` by the whole question; abstain if the best is not supported.
        ``prefer``: a kind of statement that answers the route best (a concept's own
        statement for "what is / who proposed C" when C was not linked by name). ``count``:
        a how-many / how-much question prefers a sentence giving a count or amount, and
        one counting the noun asked about when ``count`` is that noun ("how many employees":
        "5,300 employees")."""
        if not len(idx):
            return "the graph holds no statement of that kind"
        # a provably sufficient pool on big graphs (its bound counts one 0.1 bonus: the
        # entity boost or the preferred kind, never both at once here). A claim ranked by
        # its neighbouring sentence is not bounded: that sentence is in the pool and answers.
        m = (UNIT_ASKED.search(topic) or TIME_UNIT_ASKED.match(topic)) if not sc.zh else None
        unit = m.group("unit") if m else ""
        # "How much time and money did X spend?": a sentence giving a sum and a span of time
        amounts = [p for p in AMOUNTS_ASKED if p[0].search(topic)] if kind == "fact" and not sc.zh else []
        bonus = (0.1 if boost or prefer else 0.0) + (PREFER_BONUS if place else 0.0) \
            + (PREFER_BONUS + EVENT_BONUS if date else 0.0) + (COUNT_BONUS[-1] if count else 0.0) \
            + (COUNT_BONUS[-1] if unit or tally else 0.0) + (AMOUNT_BONUS if amounts else 0.0)
        idx = ann.prefilter(self, sc, idx, k, boost or ({prefer} if prefer else None), bonus=bonus)
        idx = np.asarray(idx, dtype=np.int64)  # one array for every lookup below
        if other_than:  # "Who will succeed X?": no statement of X's, and one naming another
            idx = idx[[self._names_other(int(i), other_than) for i in idx]] if len(idx) else idx
            if not len(idx):
                return "no statement names anyone else"
        ranked, own = self._ranked(sc, idx, own=True)
        scores = ranked - PASSAGE_PENALTY * (self.kind[idx] == "passage")
        # a statement ranked by its own sentence, over one ranked as high by that sentence as
        # its neighbour ("Trump has record low support from black voters, with just 1
        # percent." over the quote that opens the next paragraph, which it ties)
        scores = scores + OWN_WORDS_EPS * (own >= ranked - 1e-9)
        if who:  # the answer is a speaker: prefer statements that have one
            scores = scores - PASSAGE_PENALTY * ~self.has_speaker[idx]
            if OWN_TIE:  # (and of two claims alike, the one whose own words are nearer)
                scores = scores + OWN_TIE * sc.hybrid(idx.tolist(), topic) * (self.kind[idx] == "claim")
        if prefer:
            scores = scores + PREFER_BONUS * (self.kind[idx] == prefer)
        if boost:
            scores = scores + 0.1 * np.isin(idx, self.ids_with(self.names_index, boost))
        if place:
            scores = scores + PREFER_BONUS * self.place_mask[idx]
        if date:  # the pool's sentences only (decoded here, not kept per statement)
            dated = np.array([bool(DATE.search(_quote_of(s)) or YEAR.search(_quote_of(s)))
                              for s in (self.statements[int(i)] for i in idx)], dtype=bool)
            # a sentence without a time answers no "when" (a penalty: the pool bound holds)
            scores = scores + PREFER_BONUS * dated - UNDATED_PENALTY * ~dated
            # the event asked about must be the one dated: "When was the program created?"
            # is the sentence that writes "created", not any dated one naming the program
            names = {w[:5] for lk in sc.links for w in tokens(lk.surface)}
            event = {w[:5] for w in tokens(topic)} - names - {w[:5] for w in support.GENERIC}
            if event:
                scores = scores + EVENT_BONUS * np.array(
                    [len(event & self._prefixes[int(i)]) / len(event) for i in idx])
        if did is not None:  # "Where was X born?": a sentence where X was, first, one where
            # another was ("his mother was born") last (the best only)
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            scores = scores.astype(np.float64, copy=True)
            scores[head] += DOER_BONUS * np.array(
                [did(_quote_of(self.statements[int(idx[j])])) for j in head], dtype=np.float64)
        if count:  # the best of the pool only (decoded here): "5,300 employees were fired"
            # over "the thousands of employees from 2011 to 2016"
            head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
            scores = scores.astype(np.float64, copy=True)
            noun = tokens(count)[:1] if isinstance(count, str) else []
            # a statement ranked by the sentence before it (a number after "the bank said it
            # had fired thousands") gets no bonus for its own number: the match is elsewhere
            mine = sc.hybrid(idx[head].tolist()) >= ranked[head] - 1e-6
            scores[head] += mine * np.array(COUNT_BONUS)[[_count_of(
                _quote_of(s), noun[0] if noun else "")
                for s in (self.statements[int(idx[j])] for j in head)]]
        if unit:  # "in kilotons": a sentence giving a number of kilotons first (the best only)
            scores = self._quote_bonus(idx, scores, COUNT_BONUS[-1], lambda q: _gives_unit(q, unit))
        if amounts:  # a sum for "how much money", a span for "how much time" (the best only;
            # the share of those asked that the sentence gives)
            scores = self._quote_bonus(idx, scores, AMOUNT_BONUS / len(amounts),
                                       lambda q: sum(bool(given.search(q)) for _a, given in amounts))
        if tally:  # a vote's tally first (the best only)
            scores = self._quote_bonus(idx, scores, COUNT_BONUS[-1], lambda q: bool(
                TALLY.search(q) or (POLL_TALLY and _POLL.search(q))))
        if who and not sc.zh and COVERED_IN_POOL:
            # "Who said Obama hates ISIS and is trying to kill them?": the statement writing
            # nearly all the question's words ('"He hates them. He's trying to kill them,"
            # Hewitt said') first, before the support tests read the top three, though
            # others name Obama and ISIS and are nearer in meaning
            scores = self._covered_top(idx, scores, topic, sc)
        best = int(np.argmax(scores))
        # distinct answers for the English word tests; the Chinese one keeps the three best
        # statements (its dictionary glosses are looser: more candidates would let more
        # through)
        top3 = [int(idx[j]) for j in top_order(scores, 3)[:3]] if sc.zh \
            else self._distinct_top(idx, scores, 3)
        # "How many people live in Burma?" ("live" in no article): a plain count of the noun
        # that writes every other word of the question answers it
        plain = not sc.zh and isinstance(count, str) and bool(self._unknown_words(topic)) \
            and self._stative_count(topic, count, top3)
        if not sc.zh and not plain and self._unsupported_words(
                topic, top3, strict=bool(count or unit or tally)):
            return "the question's key words are not in the graph"
        # the whole question ("谁预测" too); not a concept, whose name may be transliterated
        # (海湖庄园, Mar-a-Lago, glosses to "sea lake manor")
        if sc.zh and kind != "concept" and self._zh_unsupported(sc.q, top3,
                                                                SPEECH_LEMMAS if who else frozenset()):
            return "the question's key words are not in the graph"
        if not sc.zh and not plain and not self._shares_a_word(topic, sc.links, top3,
                                                               together=kind == "fact"):
            return "no statement shares a word with the question beyond the names in it"
        if sc.zh:
            if not sc.has_links and sc.e5_margin(idx) < support.MIN_E5_MARGIN:
                return "nothing in the graph supports an answer"
        elif sc.dense_of(sc.qv, idx)[best] < support.MIN_DENSE and not (
                boost and scores[best] >= support.MIN_DENSE + 0.1):
            return "nothing in the graph supports an answer"
        if need_cover and not sc.zh and not self._covers(topic, [idx[best]], need=need_cover):
            return "nothing in the graph supports an answer"
        if count and not sc.zh and not any(_gives_count(_quote_of(self.statements[i])) for i in top3):
            # "How many jobs has the program created?": no top answer gives any number
            return "no statement gives that number"
        counted = COUNTED.match(topic) if count and not sc.zh else None
        other = _counts_other(_quote_of(self.statements[top3[0]]), tokens(counted.group("np"))) \
            if counted else []
        if other and _nearest_noun(other, re.findall(r"[\w'-]+", counted.group("np"))) < SAME_NOUN:
            # "How many jobs has the program created?": "About 10,000 visas are awarded": the
            # best answer's every number counts something else (not "5,300 workers" for
            # employees, which MiniLM puts near)
            return "no statement gives that count"
        if unit and not _gives_unit(_quote_of(self.statements[top3[0]]), unit):
            # "How powerful was the test in kilotons?": no sentence gives kilotons
            return f"no statement gives that number in {unit}"
        if date and not sc.zh and FUTURE_Q.match(topic) and not self._says_future(
                _quote_of(self.statements[top3[0]]), topic):
            # "When will the police release the video?": "Cooper called Friday for releasing
            # the videos" dates a call, not the release to come
            return "no statement gives a time it will happen"
        if not sc.zh and WHO_FUTURE_Q.match(topic) and not self._says_future(
                _quote_of(self.statements[top3[0]]), topic):
            # "Who will Cruz face in the 2018 primary?": "Cruz is facing a reelection fight in
            # 2018, and talk had been mounting about a Republican challenging him" names no
            # one he will face
            return "no statement says who it will be"
        if date and not sc.zh and not (DATE.search(_quote_of(self.statements[top3[0]]))
                                       or YEAR.search(_quote_of(self.statements[top3[0]]))):
            # "When will the full House vote?": the best sentence ("The resolution requires
            # approval by the full House.") writes the event but no time, though dated ones
            # rank 0.5 higher: the dated ones are about something else
            return "no statement gives that time"
        return self._answers(idx, scores, k, kind=kind, who=who, follow=GENERAL_FOLLOW)

    def _quote_bonus(self, idx, scores: np.ndarray, bonus: float, test) -> np.ndarray:
        """``scores`` plus ``bonus`` times ``test`` of the sentence of each of the pool's
        best (:data:`COUNT_POOL`, decoded here)."""
        head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
        scores = scores.astype(np.float64, copy=True)
        scores[head] += bonus * np.array([test(_quote_of(self.statements[int(idx[j])])) for j in head],
                                         dtype=np.float64)
        return scores

    def _covered_top(self, idx, scores: np.ndarray, topic: str, sc: Scorer) -> np.ndarray:
        """``scores`` with the statement of the pool's best (:data:`COUNT_POOL`) that has a
        speaker and writes nearly all the question's words (:func:`_covering`), raised to the
        first's score (as :func:`_covered_first` orders the answers)."""
        names = {w[:5] for lk in sc.links for w in tokens(lk.surface)}
        head = top_order(scores, COUNT_POOL)[:COUNT_POOL]
        n = _covering(topic, names, (_quote_of(self.statements[int(idx[j])])
                                     if self.has_speaker[int(idx[j])] else None for j in head))
        if n is None:
            return scores
        scores = scores.astype(np.float64, copy=True)
        scores[head[n]] = scores[head[0]] + 1e-6
        return scores

    def _elaborated(self, idx, scores: np.ndarray, top) -> dict[int, float]:
        """For each content-light claim among positions ``top`` of ``idx`` (:func:`light`),
        the position of its elaboration in ``idx`` and the score that puts it just above
        the light claim: of the speaker's next claims (:data:`ELABORATION_CLAIMS`, from
        the same paragraph to :data:`ELABORATION_PARAS` after it), the one ranked best."""
        out: dict[int, float] = {}
        arr = None
        for j in top:
            i = int(idx[j])
            s = self.statements[i]
            iri = (s.speaker or {}).get("iri")
            if not iri or not light(s) or not s.evidence or self.para_of[i] < 0:
                continue
            ev = s.evidence[0]
            p = int(self.para_of[i])
            theirs = self.ids_with(self.by_index, {iri}, ("claim",))
            near = theirs[(self.para_of[theirs] >= p) & (self.para_of[theirs] <= p + ELABORATION_PARAS)]
            # after it: a later sentence, or later in its own ("responded to a Gold Star
            # mother by saying ...": the statements keep the sentence's order)
            nxt = sorted((e["start"], int(c)) for c in near.tolist()
                         for e in self.statements[int(c)].evidence[:1]
                         if e["article"] == ev["article"] and (e["start"], int(c)) > (ev["start"], i)
                         and (self.statements[int(c)].speaker or {}).get("iri") == iri)
            nxt = [c for _, c in nxt[:ELABORATION_CLAIMS] if not light(self.statements[c])]
            # the speaker's own words, when some of them are quoted
            quoted = [c for c in nxt if OPENS_QUOTE.match(_content(self.statements[c]).lstrip())]
            nxt = quoted or nxt
            if not nxt:
                continue
            if arr is None:
                arr = np.asarray(idx, dtype=np.int64)
            pos = np.flatnonzero(np.isin(arr, nxt))
            if len(pos):
                best = int(pos[np.argmax(scores[pos])])
                out[best] = max(out.get(best, -np.inf), float(scores[j]) + ELABORATION_MARGIN)
        return out

    def _sentence_before(self, i: int) -> list[dict]:
        """The evidence of the sentence right before statement ``i`` (in its paragraph, or
        the paragraph before when ``i`` opens its own), or []."""
        before = [j for j, pen in self.ctx.get(i, []) if pen > 0 and self.statements[j].evidence]
        if not before:
            return []
        j = max(before, key=lambda j: self.statements[j].evidence[0]["start"])
        return self.statements[j].evidence[:1]

    def _quote_after(self, i: int) -> int | None:
        """The claim quoting ``i``'s speaker right after the paraphrase ``i``
        (:data:`FOLLOWING_QUOTE`), or None."""
        s = self.statements[i]
        iri = (s.speaker or {}).get("iri")
        if not iri or s.kind != "claim" or not s.evidence or self.para_of[i] < 0 \
                or OPENS_QUOTE.match(_content(s).lstrip()):
            return None
        ev, p = s.evidence[0], int(self.para_of[i])
        claims = self.of_kind("claim")
        pc = self.para_of[claims]
        near = claims[(pc >= p) & (pc <= p + 1)].tolist()
        after = sorted((e["start"], c) for c in near for e in self.statements[c].evidence[:1]
                       if e["article"] == ev["article"] and e["start"] >= ev["end"])
        for _start, c in after:
            if (self.statements[c].speaker or {}).get("iri") != iri:
                return None  # another speaker between
            if OPENS_QUOTE.match(_content(self.statements[c]).lstrip()):
                return c
        return None

    def _answers(self, idx: list[int], scores: np.ndarray, k: int, kind: str | None = None,
                 who: bool = False, person_for: set[str] | None = None,
                 subject_speaker: str | None = None, anchor: list[str] | None = None,
                 bare: float = PASSAGE_PENALTY, act: bool = False,
                 speaker_of: dict[int, str] | None = None,
                 asked: frozenset[str] = frozenset(), follow: bool = False) -> list[dict]:
        """The first ``k`` answers by score, one per evidence span. ``anchor``: the words of
        the role asked for; a passage naming several persons answers with the one named
        nearest them."""
        out, seen = [], set()
        scores = np.asarray(scores)
        first = top_order(scores, max(64, 8 * k))
        # a claim that only names a term in quotes ('views "Mar-a-Lago Accord"') says
        # nothing of it: below the claims near it in score (below all, for what X said)
        head = first[:4 * k]
        # and, for what X said, a claim whose cue is an action ("grilled Stumpf"), not speech,
        # unless the question asks that verb (``asked``: "What did X exhort Y to do?")
        flags = [_bare_quote(st) or _asks(st) or (act and not speech_cue(st) and not asked & _verb_forms(
            cue_word(st)))
                 for st in (self.statements[idx[j]] for j in head)] if len(head) > 1 else []
        if any(flags):
            scores = scores.astype(np.float64, copy=True)
            scores[head] -= bare * np.array(flags, dtype=np.float64)
            first = np.concatenate([head[np.argsort(-scores[head], kind="stable")], first[4 * k:]])

        # a claim whose content is a bare noun phrase ("offered some pointed advice", "had a
        # question for the president") announces what the speaker says next: that claim
        # (the best of the next few) answers first, the announcement right after it
        lift = self._elaborated(idx, scores, first[:k]) if len(first) > 1 else {}
        if lift:
            scores = scores.astype(np.float64, copy=True)
            for j, v in lift.items():
                scores[j] = max(scores[j], v)
            first = top_order(scores, max(64, 8 * k))

        def order():
            yield from first
            if len(first) < len(scores):  # evidence shared by many: the full order after all
                yield from np.argsort(-scores, kind="stable")

        for j in order():
            s = self.statements[idx[j]]
            ev = s.evidence[0] if s.evidence else {}
            key = (ev.get("article"), ev.get("start"), ev.get("end"))
            if key in seen:
                continue
            seen.add(key)
            speaker = s.speaker
            if speaker_of and int(idx[j]) in speaker_of:  # "The New York Times reported that"
                speaker = {"iri": speaker_of[int(idx[j])], "label": self.label(speaker_of[int(idx[j])])}
            elif speaker is None and s.kind in ("fact", "passage"):  # "It edged up its forecast"
                speaker = self._antecedent(int(idx[j]))
            if speaker is None and s.kind == "concept" and s.by:  # who discussed it
                speaker = {"iri": s.by[0], "label": self.label(s.by[0])}
            if subject_speaker and s.kind in ("affiliation", "passage"):
                speaker = {"iri": subject_speaker, "label": self.label(subject_speaker)}
            elif person_for and s.kind == "passage":  # who holds the role: a person named there
                cand = [a for a in s.about if a not in person_for and self.types.get(a) in PERSONISH]
                if len(cand) > 1 and anchor:  # "McConnell, now the Senate majority leader"
                    cand = self._nearest(ev.get("quote") or s.text, cand, anchor)
                speaker = {"iri": cand[0], "label": self.label(cand[0])} if cand else None
            elif speaker is None and s.kind in ("passage", "claim") and (who or person_for):
                cand = [a for a in s.about if a not in (person_for or set())
                        and self.types.get(a) in ("Person", "Organization")]
                cand.sort(key=lambda a: self.types.get(a) not in PERSONISH)
                if cand:
                    speaker = {"iri": cand[0], "label": self.label(cand[0])}
            out_kind = s.kind if s.kind != "passage" else (kind or ("fact" if re.search(r"\d", s.text)
                                                                     else "claim"))
            text = s.answer_text
            if who and speaker:
                text = f"{speaker['label']}: {s.answer_text}"
            evidence = list(s.evidence)
            if ANAPHORIC_CONTENT and s.kind == "claim" and BACK_REFERENCE.match(_content(s).strip(" .,;")):
                evidence += [e for e in self._sentence_before(int(idx[j])) if e not in evidence]
            nxt = self._quote_after(int(idx[j])) if follow and FOLLOWING_QUOTE else None
            if nxt is not None:
                evidence += [e for e in self.statements[nxt].evidence[:1] if e not in evidence]
            out.append({"text": text, "score": round(float(np.clip(scores[j], 0, 1)), 4),
                        "kind": out_kind, "speaker": speaker, "evidence": evidence})
            if len(out) >= k:
                break
        return out

    def _ranked(self, sc: Scorer, idx: list[int], text: str | None = None, own: bool = False):
        """``sc.hybrid`` where a claim scores the best of itself and its sentences (and, with
        ``own``, the pair of that and the best of itself and its own sentence only, no
        neighbour)."""
        scores = sc.hybrid(idx, text)
        if own:
            local = scores.copy()
            return self._ranked_by(sc, idx, text, scores, local), local
        return self._ranked_by(sc, idx, text, scores)

    def _ranked_by(self, sc: Scorer, idx: list[int], text: str | None, scores: np.ndarray,
                   local: np.ndarray | None = None) -> np.ndarray:
        """``scores`` (``sc.hybrid`` of ``idx``) raised to the best context sentence's
        (and ``local`` to the best of the statement's own sentences, penalty 0)."""
        arr = np.asarray(idx, dtype=np.int64)
        if not len(arr) or not len(self.ctx_src):
            return scores
        # vectorized over the (claim, sentence, penalty) rows of the candidates
        posmap = np.full(len(self.statements), -1, dtype=np.int64)
        posmap[arr] = np.arange(len(arr))
        rows = posmap[self.ctx_src] >= 0
        if not rows.any():
            return scores
        if not (posmap[arr] == np.arange(len(arr))).all():  # a candidate twice: each copy
            rows_of = {}
            for r in np.flatnonzero(rows):
                rows_of.setdefault(int(self.ctx_src[r]), []).append(r)
            src = np.array([n for n, i in enumerate(idx) for _ in rows_of.get(int(i), ())])
            rows = np.array([r for i in idx for r in rows_of.get(int(i), ())])
        else:
            src, rows = posmap[self.ctx_src[rows]], np.flatnonzero(rows)
        dst = self.ctx_dst[rows]
        mark = np.zeros(len(self.statements), dtype=bool)  # the sentences, ascending, unsorted
        mark[dst] = True
        extra = np.flatnonzero(mark)
        ctx = sc.hybrid(extra.tolist(), text)
        where = np.zeros(len(self.statements), dtype=np.int64)
        where[extra] = np.arange(len(extra))
        val = ctx[where[dst]] - self.ctx_pen[rows]
        np.maximum.at(scores, src, val.astype(scores.dtype))
        if local is not None:
            mine = self.ctx_pen[rows] == 0
            np.maximum.at(local, src[mine], val[mine].astype(local.dtype))
        return scores

    def _nearest(self, text: str, persons: list[str], anchor: list[str]) -> list[str]:
        """``persons`` ordered by how near ``text`` names them to a word of ``anchor``."""
        low = text.casefold()
        at = [m.start() for w in anchor for m in re.finditer(r"\b" + re.escape(w.casefold()), low)]
        if not at:
            return persons

        def dist(iri: str) -> float:
            names = [n for v in [iri, *sorted(self.variants.get(iri, ()))]
                     for lab in self.labels.get(v, {}).get("en", []) for n in (lab, lab.split()[-1])]
            pos = [m.start() for n in names if len(n) >= 3
                   for m in re.finditer(r"\b" + re.escape(n.casefold()) + r"\b", low)]
            return min((abs(p - a) for p in pos for a in at), default=float("inf"))

        return sorted(persons, key=dist)

    def _titled_person(self, subject: str, subj: list[Link]) -> list[Link]:
        """The person a subject names after a title ("FBI Director James Comey", "Goldman
        Sachs CEO David Solomon": James Comey, David Solomon, not the FBI too), else ``subj``."""
        if len(subj) < 2 or self.types.get(subj[-1].iri) not in PERSONISH:
            return subj
        last = subj[-1]
        at = subject.lower().rfind(last.surface.lower())
        if at < 0 or subject[at + len(last.surface):].strip(" '’s") or re.search(
                r"(?:\band\b|\bor\b|&|,)", subject[:at].rsplit(subj[-2].surface, 1)[-1], re.I):
            return subj
        return [last]

    @staticmethod
    def _role_rest(subject: str, subj) -> str | None:
        """The role noun of a subject that names a person by a role around a linked name
        ("the former U.S. ambassador to Burma", "Burma's leader", "the Senate majority
        leader", "a former Clinton aide"), or None when the links are the subject."""
        rest = subject
        for lk in subj:
            rest = re.sub(r"(?<!\w)" + re.escape(lk.surface) + r"(?:'s|’s)?(?!\w)", " | ", rest,
                          flags=re.I)
        if rest == subject:
            return None
        # one person: a singular role ("British officials" are a group, no one holder)
        m = re.search(r"(?<!\w)(" + ROLE_NOUN + r")(?:\s+(?:of|to|at|for|in|with)\s+\|)?\s*$"
                      r"|(?<!\w)(" + ROLE_NOUN + r")\s+(?:of|to|at|for|in|with)\s+\|", rest.strip(),
                      re.I)
        return (m.group(1) or m.group(2)) if m else None

    def _role_holder(self, subject: str, ents: set[str], links=()) -> set[str]:
        """The person a role subject describes: "the former U.S. ambassador to Burma" ->
        whom the articles call so ("Derek Mitchell, who served as U.S. ambassador to
        Burma"): the person (not one of ``ents``) named nearest the role noun in the
        sentences naming ``ents``. Empty unless one person is nearest in most of them.
        ``links``: the question's links to ``ents``, as it writes them ("Clinton's
        campaign manager" names Hillary Clinton by her surname)."""
        subj = [Link(e, lab, 0, 0, "label") for e in ents
                for lab in self.labels.get(e, {}).get("en", [])]
        subj += [Link(e, d, 0, 0, "demonym") for e in ents for d in self.demonyms_of(e)]
        noun = self._role_rest(subject, [lk for lk in subj
                                         if re.search(r"(?<!\w)" + re.escape(lk.surface) + r"(?!\w)",
                                                      subject, re.I)])
        near = None
        if ROLE_SURFACES:
            # "Clinton's campaign manager" names Hillary Clinton by her surname; and the holder
            # is the role's in a sentence that writes the name beside the role noun ("Hillary
            # Clinton's campaign manager Robby Mook"), not anyone near the noun of a sentence
            # naming the entity elsewhere ("Trump's campaign manager" is not Mook)
            own = [lk for lk in links if lk.iri in ents]
            noun = noun or self._role_rest(subject, own)
            surfaces = sorted({lk.surface for lk in subj + own if len(lk.surface) >= 2}, key=len, reverse=True)
            near = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, surfaces)) + r")(?!\w)", re.I)
        if not noun or not ents:
            return set()
        noun = noun.split()[-1]
        pat = re.compile(r"\b" + re.escape(noun) + r"s?\b", re.I)
        votes: dict[str, int] = {}
        cand = self.ids_with(self.about_index, ents, ("claim", "passage"))
        if self.bm25 is not None and tokens(noun):  # those that write the noun (one sparse product)
            cand = cand[self.bm25.get_scores(tokens(noun))[cand] > 0]
        for i in cand.tolist()[:300]:
            s = self.statements[i]
            quote = _quote_of(s)
            if not pat.search(quote):
                continue
            if near is not None and not any(near.search(quote, max(m.start() - 40, 0), m.end() + 30)
                                            for m in pat.finditer(quote)):
                continue
            persons = [a for a in s.about if self.types.get(a) in PERSONISH]
            if s.speaker and self.types.get(s.speaker.get("iri")) in PERSONISH:
                persons.append(s.speaker["iri"])
            persons = [p for p in dict.fromkeys(persons) if p not in ents]
            if persons:
                best = self._nearest(quote, persons, [noun])[0]
                votes[best] = votes.get(best, 0) + 1
        if not votes:
            return set()
        ranked = sorted(votes.items(), key=lambda kv: -kv[1])
        if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
            return set()
        return {ranked[0][0]}

    def _follows_claims(self, claims: list[int], who: set[str]) -> list[int]:
        """Facts naming ``who`` whose sentence before is the sentence of one of ``claims``
        (by the context arrays, decoding nothing)."""
        facts = self.ids_with(self.names_index, who, ("fact",))
        if not len(facts) or not len(self.ctx_src):
            return []
        c = np.asarray(claims, dtype=np.int64)
        a = np.searchsorted(self.ctx_src, c, "left")
        b = np.searchsorted(self.ctx_src, c, "right")
        own = np.concatenate([np.arange(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True)]
                             or [np.zeros(0, dtype=np.int64)])
        own = own[self.ctx_pen[own] == 0]
        sentences = self.ctx_dst[own]
        # a fact's one context row is the sentence before it
        a = np.searchsorted(self.ctx_src, facts, "left")
        b = np.searchsorted(self.ctx_src, facts, "right")
        has = b > a
        rows = a[has]
        ok = (self.ctx_pen[rows] > 0) & np.isin(self.ctx_dst[rows], sentences)
        return facts[has][ok].tolist()

    def _refers_back(self, i: int, person: bool) -> bool:
        """Does statement ``i`` (with no speaker) have a pronoun subject fit for a person
        (he / she) or not (it / they)?"""
        s = self.statements[i]
        m = PRONOUN_SUBJECT.match(s.evidence[0]["quote"]) if s.evidence and s.speaker is None \
            else None
        return bool(m) and (m.group(1).lower() in ("he", "she")) == person

    def _antecedent(self, i: int) -> dict | None:
        """The speaker a sentence with a pronoun subject refers back to: "..., the IMF said.
        It edged up its forecast ... to 4.2 percent" -> the IMF. Only a fact or article
        sentence with no speaker, whose sentence before is one speaker's claim (a person
        for he / she, not a person for it)."""
        s = self.statements[i]
        if s.speaker is not None or s.kind not in ("fact", "passage") or not s.evidence:
            return None
        m = PRONOUN_SUBJECT.match(s.evidence[0]["quote"])
        if not m:
            return None
        before = None
        if s.kind == "fact":
            before = next((j for j, pen in self.ctx.get(i, []) if pen > 0), None)
        elif self.para_of[i] >= 0:
            ps = self.para_passages[str(int(self.para_of[i]))].tolist()
            k = ps.index(i) if i in ps else -1
            before = ps[k - 1] if k > 0 else None
        if before is None:
            return None
        claims = self.ctx_src[(self.ctx_dst == before) & (self.ctx_pen == 0)]
        who = {(c.get("iri"), c.get("label")) for c in (self.statements[int(j)].speaker
                                                        for j in claims) if c}
        if len(who) != 1:
            return None
        iri, label = who.pop()
        person = self.types.get(iri) in PERSONISH
        if (m.group(1).lower() in ("he", "she")) != person:
            return None
        return {"iri": iri, "label": label}

    def _did_so(self, r: Route, gist: str, idx: list[int]) -> bool:
        """"How did X justify Y?" where X has a claim cued by that verb or its kin ("Carson
        went on ABC's This Week to defend his recent staff shake-up"), whose paragraph writes
        a word of Y: that claim is what Y paraphrases (see MANNER_CUED)."""
        if not (MANNER_CUED and r.manner and r.lang == "en"):
            return False
        want = _with_kin(_verb_forms(r.verb))
        cued = [i for i in idx if self.kind[i] == "claim"
                and want & _verb_forms(cue_word(self.statements[i]))]
        known = [support.forms(w) for w in tokens(gist) if w not in support.GENERIC and self._known(w)]
        return bool(cued and known) and any(
            support._overlap(known, self._sentence_words(j)) for j in self._context(cued))

    def _gendered(self, r: Route, sc: Scorer, k: int, gender: str, links):
        """The claims of persons of ``gender`` (their given name's), none the question
        names, ranked by the topic (see DESCRIBED_GENDER); None when there are none."""
        named = {lk.iri for lk in links}
        idx = [i for i in self.of_kind("claim").tolist() if (sp := self.statements[i].speaker)
               and sp.get("iri") not in named and self.types.get(sp.get("iri")) == "Person"
               and self._gender_of(sp["iri"]) == gender]
        if not idx:
            return None
        # a topic that is only a name the question links ("如何评价特朗普?"): their claims
        # whose sentence names it, ranked, as the say route has it
        topic_links = {lk.iri for lk in links if r.topic and normalize(lk.surface) == normalize(r.topic)}
        if topic_links:
            naming = set(self.ids_with(self.names_index, topic_links).tolist())
            idx = [i for i in idx if i in naming]
            return self._answers(idx, self._ranked(sc, idx, r.topic), k, kind="claim") if idx \
                else f"{r.subject} is quoted, but not about {r.topic}"
        return self._claims_of_described(r, sc, idx, k)

    def _claims_of_described(self, r: Route, sc: Scorer, idx: list[int], k: int):
        """The claims ``idx`` of speakers a description found, by the topic; or why they
        are not about it."""
        return self._off_topic(r, sc, idx) or self._answers(
            idx, self._ranked(sc, idx, r.topic or None), k, kind="claim")

    def _gender_of(self, iri: str) -> str | None:
        """The gender of a person's given name (the first word of its label), if the
        names lexicon knows it."""
        from claimgraph.extract.coref import name_gender

        label = (self.label(iri) or "").split()
        return name_gender(label[0]) if len(label) >= 1 and label[0].isalpha() else None

    def _paragraph_article(self, p: int) -> str | None:
        """The article of paragraph ``p`` (numbers run on across the articles), by its first
        sentence; None when there is no such paragraph."""
        pp = self.para_passages
        if p < 0 or str(p) not in pp or not len(pp[str(p)]):
            return None
        first = self.statements[int(pp[str(p)][0])]
        return first.evidence[0]["article"] if first.evidence else None

    def _previous_paragraph(self, p: int) -> list[int]:
        """The sentences of the paragraph before paragraph ``p``, when it is in ``p``'s
        article; empty otherwise."""
        art = self._paragraph_article(p) if p > 0 else None
        return self.para_passages[str(p - 1)].tolist() \
            if art is not None and self._paragraph_article(p - 1) == art else []

    def _occasion_written(self, occasion: str, idx: list[int]) -> bool:
        """Does an article of ``idx`` write every content word of ``occasion`` ("after the
        Pulse nightclub shooting": Pulse, nightclub, shooting), in any of its sentences?"""
        rest = occasion.split(None, 1)[1] if len(occasion.split()) > 1 else ""  # not "after" itself
        words = [support.forms(w) for w in tokens(rest) if w not in support.GENERIC]
        paras = np.unique(self.para_of[np.asarray(idx, dtype=np.int64)]).tolist() if words and idx else []
        seen = set()
        for start in paras:
            art = self._paragraph_article(start)
            if art is None or art in seen:
                continue
            seen.add(art)
            lo, hi = start, start  # the paragraphs of its article, either way from this one
            while self._paragraph_article(lo - 1) == art:
                lo -= 1
            while self._paragraph_article(hi + 1) == art:
                hi += 1
            have = set().union(*(self._prefixes[j] for p in range(lo, hi + 1)
                                 for j in self.para_passages[str(p)].tolist()))
            if all(not w.isdisjoint(have) for w in words):
                return True
        return False

    def _lead_paragraphs(self, idx: list[int]) -> list[int]:
        """The sentences of the paragraph before each of ``idx``'s paragraphs, in its article
        (see LEAD_PARAGRAPH)."""
        paras = np.unique(self.para_of[np.asarray(idx, dtype=np.int64)]).tolist() if idx else []
        return [j for p in paras for j in self._previous_paragraph(p)]

    def _context(self, idx: list[int], addressed: bool = False) -> list[int]:
        """``idx`` plus the sentences of the paragraphs they come from (what a claim is about
        is often named in the sentence before it). ``addressed`` ("What did X tell Y?"): and
        the last sentence of the paragraph before one opening with X addressing a pronoun."""
        arr = np.asarray(idx, dtype=np.int64)
        paras = np.unique(self.para_of[arr])
        pp = self.para_passages
        out = list(idx) + [j for p in paras.tolist() if p >= 0 for j in pp[str(p)].tolist()]
        # a paragraph opening with a pronoun outside quotes ("Democratic Sen. Claire McCaskill
        # scolded him: ...") names whom in the paragraph before: its last sentence too
        for p in paras.tolist() if addressed else []:
            prev = self._previous_paragraph(p)
            lead = OPENS_QUOTE.split(_quote_of(self.statements[int(pp[str(p)][0])]), maxsplit=1)[0] \
                if prev else ""
            if prev and LEAD_PRONOUN.search(lead) and self.statements[prev[-1]].evidence:
                out.append(int(prev[-1]))
        if len(self.ctx_src) and len(arr):  # and the sentences they rank by (the paragraph
            a = np.searchsorted(self.ctx_src, arr, "left")  # before a quote opening one)
            b = np.searchsorted(self.ctx_src, arr, "right")
            rows = [r for x, y in zip(a.tolist(), b.tolist(), strict=True) for r in range(x, y)]
            out += self.ctx_dst[rows].tolist()
        return out
