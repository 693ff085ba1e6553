"""Cue lexicons for attribution: the words that introduce who-said-what.

PolNeAR annotates speech (say, tell), reports (according to, show), and
beliefs and intentions (think, fear, plan to). The lexicons here are the
hand-written core; the learned scorer in :mod:`claimgraph.extract.attribution`
weighs any verb, so a cue missing here can still be found.
"""

from __future__ import annotations

#: Verbs of saying and writing (reported and direct speech).
SPEECH_VERBS = frozenset(
    """
    say tell add note warn argue claim report state write tweet explain
    announce declare insist stress emphasize emphasise suggest comment remark
    reply respond answer ask acknowledge admit concede confirm deny reveal
    disclose testify assert maintain contend point predict forecast estimate
    project caution complain recall recount describe call urge demand propose
    recommend promise pledge vow threaten boast brag joke quip lament mention
    observe conclude agree disagree allege accuse charge criticize criticise
    praise blame question dismiss reject counter retort concur analyze analyse
    highlight underscore indicate signal publish release cite quote post
    announce proclaim notify inform advise assure remind repeat reiterate
    continue acknowledge concede calculate find show estimate brand dub label
    shout yell scream chant exclaim whisper mutter holler muse gush
    """.split()
)

#: Verbs of believing, knowing, wanting and intending (PolNeAR "belief").
BELIEF_VERBS = frozenset(
    """
    believe think fear expect hope worry doubt suspect feel know consider
    view see regard assume reckon guess figure wonder want wish plan intend
    aim seek hope prefer plan anticipate suppose imagine understand learn
    realize realise recognize recognise accept trust conclude decide
    """.split()
)

#: Nouns that carry an attribution ("a statement from X", "X's warning").
NOUN_CUES = frozenset(
    """
    statement report view warning claim belief comment remark remarks
    analysis argument assessment forecast prediction estimate projection
    announcement message note letter memo testimony interview speech
    opinion suggestion proposal promise pledge vow threat criticism
    allegation accusation assertion insistence conclusion finding findings
    survey poll study research data fear fears hope concern concerns
    expectation expectations plan plans belief view position stance argument
    critique attack attacks swipe swipes shot shots praise words question
    questions doubt doubts complaint complaints demand demands call calls
    opposition support skepticism frustration anger outrage worry worries
    """.split()
)

#: More nouns of stance and speech, proposed as cues when
#: :data:`claimgraph.extract.attribution.NOUN_MORE` is on ("a fierce supporter of X",
#: "in favor of X", "his opposition to X", "a response to X").
NOUN_CUES_MORE = frozenset(
    """
    supporter supporters favor response reaction reply defense defence endorsement
    endorsements embrace rejection denunciation condemnation mention reference references
    enthusiasm anxiety dislike ambivalence skepticism disdain contempt admiration
    critic critics opponent opponents advocate advocates proponent proponents backer
    backers backing backlash commitment disagreement objection objections dismissal
    insult insults jab jabs dig digs broadside rebuke tirade outreach appeal plea
    denial denials request requests recommendation endorser
    """.split()
)

#: Adjectives of attitude whose preposition opens the content ("critical of X").
ATTITUDE_ADJS = frozenset(
    """
    critical supportive skeptical sceptical wary worried concerned confident
    optimistic pessimistic hopeful fearful angry furious upset unhappy happy
    pleased satisfied dissatisfied frustrated disappointed horrified outraged
    skeptical doubtful certain sure convinced aware proud ashamed afraid
    opposed enthusiastic excited nervous anxious bullish bearish cautious assured
    """.split()
)

#: Phrases that name the text itself, never a source ("according to the article").
SELF_REFERENCES = frozenset(
    x.strip()
    for x in """
    the article | this article | the text | this text | the story | this story
    | the piece | this piece | the summary | this summary | the digest
    """.split("|")
)

PERSON_PRONOUNS = frozenset("he she him her his hers i me my we us our".split())
ORG_PRONOUNS = frozenset("it its they them their".split())
PRONOUNS = PERSON_PRONOUNS | ORG_PRONOUNS | frozenset(
    "who which that you your this these those".split()
)

#: Common nouns that refer back to an organization ("the bank said").
ORG_NOUNS = frozenset(
    """
    bank company firm agency institution institute fund group brokerage
    government ministry department administration house committee council
    organization organisation regulator lender insurer manager report
    research researchers analysts team campaign party paper newspaper
    """.split()
)

#: Nouns naming a person by role ("the California congressman said"): a
#: definite one refers back to a person named earlier, not to the place or
#: party that modifies it.
PERSON_ROLE_NOUNS = frozenset(
    """
    congressman congresswoman senator lawmaker governor mayor official
    spokesman spokeswoman spokesperson representative democrat republican
    lawyer attorney economist analyst strategist minister legislator judge
    sheriff delegate president chairman chairwoman chair candidate nominee
    executive director founder secretary ambassador commissioner prosecutor
    """.split()
)

#: Verbs of denial and rejection: their object is the content ("X denies any
#: sell-off"; PolNeAR: "denial counts as a statement").
DENIAL_VERBS = frozenset("deny reject dismiss denounce refute rebut dispute disavow".split())

#: Quote-mark pairs (open, close) recognised around direct quotes.
QUOTE_PAIRS = (("\u201c", "\u201d"), ('"', '"'), ("''", "''"), ("``", "''"))


def cue_family(lemma: str) -> str | None:
    """Which lexicon a lemma belongs to: ``speech``, ``belief`` or None.

    >>> cue_family("say"), cue_family("fear"), cue_family("eat")
    ('speech', 'belief', None)
    """
    if lemma in SPEECH_VERBS:
        return "speech"
    if lemma in BELIEF_VERBS:
        return "belief"
    return None
