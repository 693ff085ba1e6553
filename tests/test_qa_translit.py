"""Western names transliterated into Chinese (qa/translit.py) and their linking.

``POSITIVES`` are standard Chinese forms (Xinhua / mainland press) of real names;
``NEGATIVES`` pair a Chinese name with a *different* person of a similar name. The
matcher's thresholds are calibrated on them (bench/translit.py prints precision and
recall); the tests below check the fixture as a whole and some single cases.
"""

from __future__ import annotations

import pytest
from claimgraph.qa.linking import Linker
from claimgraph.qa.translit import Transliterator, chinese_units, english_units, similarity

# (Chinese, English label, type)
POSITIVES: list[tuple[str, str, str]] = [
    ("迈克尔·麦克福尔", "Michael McFaul", "Person"),
    ("拉里·金", "Larry King", "Person"),
    ("玛格丽塔·西蒙尼扬", "Margarita Simonyan", "Person"),
    ("斯蒂芬·罗奇", "Stephen Roach", "Person"),
    ("唐纳德·特朗普", "Donald Trump", "Person"),
    ("希拉里·克林顿", "Hillary Clinton", "Person"),
    ("巴拉克·奥巴马", "Barack Obama", "Person"),
    ("乔治·布什", "George Bush", "Person"),
    ("约翰·克里", "John Kerry", "Person"),
    ("安格拉·默克尔", "Angela Merkel", "Person"),
    ("弗拉基米尔·普京", "Vladimir Putin", "Person"),
    ("谢尔盖·拉夫罗夫", "Sergey Lavrov", "Person"),
    ("德米特里·佩斯科夫", "Dmitry Peskov", "Person"),
    ("亚当·希夫", "Adam Schiff", "Person"),
    ("比尔·德布拉西奥", "Bill de Blasio", "Person"),
    ("詹姆斯·奥尼尔", "James O'Neill", "Person"),
    ("米奇·麦康奈尔", "Mitch McConnell", "Person"),
    ("伯尼·桑德斯", "Bernie Sanders", "Person"),
    ("伊丽莎白·沃伦", "Elizabeth Warren", "Person"),
    ("南希·佩洛西", "Nancy Pelosi", "Person"),
    ("保罗·瑞安", "Paul Ryan", "Person"),
    ("约翰·麦凯恩", "John McCain", "Person"),
    ("克里斯·克里斯蒂", "Chris Christie", "Person"),
    ("迈克·彭斯", "Mike Pence", "Person"),
    ("蒂姆·凯恩", "Tim Kaine", "Person"),
    ("珍妮特·耶伦", "Janet Yellen", "Person"),
    ("本·伯南克", "Ben Bernanke", "Person"),
    ("艾伦·格林斯潘", "Alan Greenspan", "Person"),
    ("克里斯蒂娜·拉加德", "Christine Lagarde", "Person"),
    ("马里奥·德拉吉", "Mario Draghi", "Person"),
    ("莫里斯·奥布斯特费尔德", "Maurice Obstfeld", "Person"),
    ("沃伦·巴菲特", "Warren Buffett", "Person"),
    ("比尔·盖茨", "Bill Gates", "Person"),
    ("史蒂夫·乔布斯", "Steve Jobs", "Person"),
    ("杰米·戴蒙", "Jamie Dimon", "Person"),
    ("劳埃德·布兰克费恩", "Lloyd Blankfein", "Person"),
    ("埃德·舒尔茨", "Ed Schultz", "Person"),
    ("拉里·萨默斯", "Larry Summers", "Person"),
    ("保罗·克鲁格曼", "Paul Krugman", "Person"),
    ("约瑟夫·斯蒂格利茨", "Joseph Stiglitz", "Person"),
    ("努里尔·鲁比尼", "Nouriel Roubini", "Person"),
    ("鲍里斯·约翰逊", "Boris Johnson", "Person"),
    ("特雷莎·梅", "Theresa May", "Person"),
    ("戴维·卡梅伦", "David Cameron", "Person"),
    ("托尼·布莱尔", "Tony Blair", "Person"),
    ("埃马纽埃尔·马克龙", "Emmanuel Macron", "Person"),
    ("弗朗索瓦·奥朗德", "Francois Hollande", "Person"),
    ("尼古拉·萨科齐", "Nicolas Sarkozy", "Person"),
    ("约翰·博尔顿", "John Bolton", "Person"),
    ("迈克·蓬佩奥", "Mike Pompeo", "Person"),
    ("雷克斯·蒂勒森", "Rex Tillerson", "Person"),
    ("史蒂文·姆努钦", "Steven Mnuchin", "Person"),
    ("杰罗姆·鲍威尔", "Jerome Powell", "Person"),
    ("罗伯特·穆勒", "Robert Mueller", "Person"),
    ("詹姆斯·科米", "James Comey", "Person"),
    ("马可·卢比奥", "Marco Rubio", "Person"),
    ("特德·克鲁兹", "Ted Cruz", "Person"),
    ("朱利安·阿桑奇", "Julian Assange", "Person"),
    ("爱德华·斯诺登", "Edward Snowden", "Person"),
    ("埃隆·马斯克", "Elon Musk", "Person"),
    ("马克·扎克伯格", "Mark Zuckerberg", "Person"),
    ("杰夫·贝索斯", "Jeff Bezos", "Person"),
    ("蒂姆·库克", "Tim Cook", "Person"),
    ("拉里·佩奇", "Larry Page", "Person"),
    ("谢尔盖·布林", "Sergey Brin", "Person"),
    ("乔·拜登", "Joe Biden", "Person"),
    ("卡玛拉·哈里斯", "Kamala Harris", "Person"),
    ("亨利·基辛格", "Henry Kissinger", "Person"),
    ("科菲·安南", "Kofi Annan", "Person"),
    ("安东尼奥·古特雷斯", "Antonio Guterres", "Person"),
    ("唐纳德·图斯克", "Donald Tusk", "Person"),
    ("马克·吕特", "Mark Rutte", "Person"),
    ("玛格丽特·撒切尔", "Margaret Thatcher", "Person"),
    ("戈登·布朗", "Gordon Brown", "Person"),
    ("杰里米·科尔宾", "Jeremy Corbyn", "Person"),
    ("尼古拉·斯特金", "Nicola Sturgeon", "Person"),
    ("本杰明·内塔尼亚胡", "Benjamin Netanyahu", "Person"),
    ("泰勒·斯威夫特", "Taylor Swift", "Person"),
    ("汤姆·汉克斯", "Tom Hanks", "Person"),
    ("阿尔·戈尔", "Al Gore", "Person"),
    ("迪克·切尼", "Dick Cheney", "Person"),
    ("科林·鲍威尔", "Colin Powell", "Person"),
    ("康多莉扎·赖斯", "Condoleezza Rice", "Person"),
    ("罗纳德·里根", "Ronald Reagan", "Person"),
    ("理查德·尼克松", "Richard Nixon", "Person"),
    ("吉米·卡特", "Jimmy Carter", "Person"),
    ("托尼·帕斯夸里耶洛", "Tony Pasquariello", "Person"),
    # a surname alone, as a question may write it
    ("麦克福尔", "Michael McFaul", "Person"),
    ("罗奇", "Stephen Roach", "Person"),
    ("西蒙尼扬", "Margarita Simonyan", "Person"),
    ("舒尔茨", "Ed Schultz", "Person"),
    ("佩斯科夫", "Dmitry Peskov", "Person"),
    ("奥布斯特费尔德", "Maurice Obstfeld", "Person"),
    ("布兰克费恩", "Lloyd Blankfein", "Person"),
    ("蒂勒森", "Rex Tillerson", "Person"),
    # organizations written by sound
    ("巴克莱", "Barclays", "Organization"),
    ("诺基亚", "Nokia", "Organization"),
    ("沃尔玛", "Walmart", "Organization"),
    ("雪佛龙", "Chevron", "Organization"),
    ("埃克森", "Exxon", "Organization"),
    ("纳斯达克", "Nasdaq", "Organization"),
    ("穆迪", "Moody's", "Organization"),
    ("英特尔", "Intel", "Organization"),
    ("摩托罗拉", "Motorola", "Organization"),
    ("阿迪达斯", "Adidas", "Organization"),
]

# (Chinese, a different English label that sounds alike): must not link
NEGATIVES: list[tuple[str, str, str]] = [
    ("迈克尔·麦克福尔", "Michael McCaul", "Person"),
    ("拉里·金", "Larry Page", "Person"),
    ("斯蒂芬·罗奇", "Stephen Miller", "Person"),
    ("斯蒂芬·罗奇", "Steve Rattner", "Person"),
    ("杰布·布什", "George Bush", "Person"),
    ("詹姆斯·科米", "James Comer", "Person"),
    ("保罗·瑞安", "Paul Rand", "Person"),
    ("拉里·萨默斯", "Larry Sanders", "Person"),
    ("亚当·希夫", "Adam Smith", "Person"),
    ("迈克·彭斯", "Mike Pompeo", "Person"),
    ("约翰·博尔顿", "John Boehner", "Person"),
    ("特德·克鲁兹", "Tom Cruise", "Person"),
    ("克里斯·克里斯蒂", "Chris Collins", "Person"),
    ("本·伯南克", "Ben Carson", "Person"),
    ("蒂姆·库克", "Tim Kaine", "Person"),
    ("玛格丽塔·西蒙尼扬", "Margaret Simons", "Person"),
    ("约翰·克里", "John Kelly", "Person"),
    ("乔治·布什", "George Soros", "Person"),
    ("唐纳德·特朗普", "Donald Tusk", "Person"),
    ("马克·吕特", "Mark Warner", "Person"),
    ("比尔·盖茨", "Bill Gross", "Person"),
    ("罗伯特·穆勒", "Robert Rubin", "Person"),
    ("埃德·舒尔茨", "Ed Markey", "Person"),
    ("麦克福尔", "Michael McCaul", "Person"),
    ("迈克尔·麦考尔", "Michael McFaul", "Person"),  # McCaul, the other way round
    ("麦考尔", "Michael McFaul", "Person"),
    ("罗奇", "Stephen Miller", "Person"),
    ("西蒙尼扬", "Paul Simon", "Person"),
    ("舒尔茨", "Charles Schumer", "Person"),
    ("佩斯科夫", "Peter Pesko", "Person"),
    ("罗斯", "Wilbur Ross", "Person"),  # 罗斯 alone is a Ross, but see the next
    ("俄罗斯", "Wilbur Ross", "Person"),  # Russia, a word
    ("美国", "Mei Guo", "Person"),
    ("普通", "Vladimir Putin", "Person"),
    ("巴克莱", "Barrick", "Organization"),
    ("诺基亚", "Novartis", "Organization"),
    ("沃尔玛", "Warburg", "Organization"),
    ("穆迪", "Mondelez", "Organization"),
    ("英特尔", "Interfax", "Organization"),
]
# 罗斯 alone *is* how the press writes Wilbur Ross: it is a negative only in the sense
# that a bare two-character undotted span that a dictionary word contains must not
# link; alone it may. Keep it out of the negatives the bench scores.
NEGATIVES = [n for n in NEGATIVES if n[0] != "罗斯"]


# Written after the thresholds were set and scored once (bench/translit.py --heldout):
# how the matcher does on names it was not tuned on.
HELDOUT_POSITIVES: list[tuple[str, str, str]] = [
    ("安东尼·布林肯", "Antony Blinken", "Person"), ("劳埃德·奥斯汀", "Lloyd Austin", "Person"),
    ("约翰·凯利", "John Kelly", "Person"), ("迈克尔·弗林", "Michael Flynn", "Person"),
    ("史蒂夫·班农", "Steve Bannon", "Person"), ("凯莉安妮·康韦", "Kellyanne Conway", "Person"),
    ("肖恩·斯派塞", "Sean Spicer", "Person"), ("贾雷德·库什纳", "Jared Kushner", "Person"),
    ("伊万卡·特朗普", "Ivanka Trump", "Person"), ("梅拉尼娅·特朗普", "Melania Trump", "Person"),
    ("米歇尔·奥巴马", "Michelle Obama", "Person"), ("查克·舒默", "Chuck Schumer", "Person"),
    ("马克·卡尼", "Mark Carney", "Person"), ("乔治·索罗斯", "George Soros", "Person"),
    ("雷·达利奥", "Ray Dalio", "Person"), ("拉里·芬克", "Larry Fink", "Person"),
    ("杰克·多尔西", "Jack Dorsey", "Person"), ("比尔·克林顿", "Bill Clinton", "Person"),
    ("林赛·格雷厄姆", "Lindsey Graham", "Person"), ("兰德·保罗", "Rand Paul", "Person"),
    ("马丁·路德·金", "Martin Luther King", "Person"), ("奥普拉·温弗瑞", "Oprah Winfrey", "Person"),
    ("阿诺德·施瓦辛格", "Arnold Schwarzenegger", "Person"),
    ("塞缪尔·亨廷顿", "Samuel Huntington", "Person"), ("诺姆·乔姆斯基", "Noam Chomsky", "Person"),
    ("谢尔盖·绍伊古", "Sergei Shoigu", "Person"), ("玛丽亚·扎哈罗娃", "Maria Zakharova", "Person"),
    ("阿列克谢·纳瓦尔尼", "Alexei Navalny", "Person"), ("罗伯特·鲁宾", "Robert Rubin", "Person"),
    ("蒂莫西·盖特纳", "Timothy Geithner", "Person"), ("汉克·保尔森", "Hank Paulson", "Person"),
    ("里克·佩里", "Rick Perry", "Person"), ("威尔伯·罗斯", "Wilbur Ross", "Person"),
    ("鲁宾", "Robert Rubin", "Person"), ("盖特纳", "Timothy Geithner", "Person"),
    ("保尔森", "Hank Paulson", "Person"), ("扎哈罗娃", "Maria Zakharova", "Person"),
    ("纳瓦尔尼", "Alexei Navalny", "Person"),
    ("耐克", "Nike", "Organization"), ("戴尔", "Dell", "Organization"),
    ("麦肯锡", "McKinsey", "Organization"), ("雷诺", "Renault", "Organization"),
    ("沃达丰", "Vodafone", "Organization"), ("卡夫", "Kraft", "Organization"),
    ("贝莱德", "BlackRock", "Organization"),
]
HELDOUT_NEGATIVES: list[tuple[str, str, str]] = [
    ("迈克尔·弗林", "Michael Fallon", "Person"), ("史蒂夫·班农", "Steve Bullock", "Person"),
    ("查克·舒默", "Chuck Grassley", "Person"), ("拉里·芬克", "Larry Kudlow", "Person"),
    ("里克·佩里", "Rick Scott", "Person"), ("鲁宾", "Marco Rubio", "Person"),
    ("盖特纳", "Cory Gardner", "Person"), ("保尔森", "Mike Pearson", "Person"),
    ("纳瓦尔尼", "Peter Navarro", "Person"), ("扎哈罗娃", "Ivan Zakharov", "Person"),
    ("威尔伯·罗斯", "Wilbur Smith", "Person"), ("耐克", "Nikkei", "Organization"),
    ("雷诺", "Reynolds American", "Organization"), ("贝莱德", "Blackstone", "Organization"),
]

def _matcher(labels: list[tuple[str, str]]) -> tuple[Transliterator, dict[str, str]]:
    iris = {lab: f"e:{i}" for i, (lab, _) in enumerate(labels)}
    return (Transliterator({iris[lab]: [lab] for lab, _ in labels},
                           {iris[lab] for lab, t in labels if t == "Person"}), iris)


def _all_labels() -> list[tuple[str, str]]:
    return list(dict.fromkeys((en, t) for _, en, t in POSITIVES))


def test_sounds():
    assert similarity(chinese_units("麦克福尔"), english_units("McFaul")) > 0.85
    assert similarity(chinese_units("罗奇"), english_units("Roach")) > \
        similarity(chinese_units("罗奇"), english_units("Rich"))
    assert chinese_units("电视台") is None  # not transliteration characters


def test_positives_link_among_all_labels():
    m, iris = _matcher(_all_labels())
    wrong, missed = [], []
    for zh, en, _ in POSITIVES:
        found = m.find(zh)
        if not found:
            missed.append(zh)
        elif found[0].iri != iris[en] or found[0].surface != zh:
            wrong.append((zh, found[0].label))
    assert not wrong
    assert len(missed) <= len(POSITIVES) // 10, missed


def test_negatives_do_not_link():
    labels = _all_labels()
    bad = []
    for zh, en, t in NEGATIVES:
        right = {e for z, e, _ in POSITIVES if z == zh}
        m, iris = _matcher([x for x in labels if x[0] not in right] + [(en, t)])
        found = m.find(zh)
        if found and found[0].iri == iris[en]:
            bad.append((zh, en))
    assert len(bad) <= 2, bad


def test_names_inside_sentences():
    m, iris = _matcher(_all_labels())
    for q, en, surface in [("迈克尔·麦克福尔对今日俄罗斯电视台怎么看?", "Michael McFaul", "迈克尔·麦克福尔"),
                           ("What did 罗奇 say about the dollar?", "Stephen Roach", "罗奇"),
                           ("美国前驻俄大使迈克尔·麦克福尔说了什么", "Michael McFaul", "迈克尔·麦克福尔"),
                           ("拉里·金对美元怎么看", "Larry King", "拉里·金"),
                           ("麦克福尔认为俄罗斯怎样?", "Michael McFaul", "麦克福尔")]:
        found = m.find(q)
        assert [(x.iri, x.surface) for x in found] == [(iris[en], surface)], q


@pytest.mark.parametrize("q", ["标准普尔对美国主权信用评级怎么看?", "谁认为美元被高估了?",
                               "俄罗斯对美国大选有何看法?", "普通投资者怎么看利率?",
                               "中金公司的首席经济学家是谁?", "英国脱欧会怎样影响欧洲?",
                               "特别提款权是什么?", "美联储会加息吗?"])
def test_ordinary_chinese_words_do_not_link(q):
    m, _ = _matcher(_all_labels() + [("Wilbur Ross", "Person"), ("Mei Guo", "Person"),
                                     ("Tom Roche", "Person"), ("Barrick", "Organization")])
    assert m.find(q) == []


def test_a_surname_held_as_its_own_entity_is_the_same_person():
    m, iris = _matcher([("Stephen Roach", "Person"), ("Roach", "Person"), ("Stephen Miran", "Person")])
    assert [(x.iri, x.surface) for x in m.find("What did 罗奇 say about the dollar?")] == \
        [(iris["Stephen Roach"], "罗奇")]


def test_a_label_may_shorten_the_given_name():
    m, iris = _matcher([("Maury Obstfeld", "Person"), ("Tony Pasquariello", "Person")])
    assert [x.iri for x in m.find("莫里斯·奥布斯特费尔德说了什么?")] == [iris["Maury Obstfeld"]]
    m, iris = _matcher([("Jeb Bush", "Person")])
    assert m.find("乔治·布什说了什么?") == []  # not a shortening: another person


def test_traditional_characters_and_initials():
    m, iris = _matcher([("Michael McFaul", "Person"), ("George W. Bush", "Person"),
                        ("Laura Bush", "Person"), ("Donald J. Trump", "Person")])
    assert [x.surface for x in m.find("邁克爾·麥克福爾對今日俄羅斯怎麼看?")] == ["邁克爾·麥克福爾"]
    assert [x.iri for x in m.find("乔治·W·布什说了什么?")] == [iris["George W. Bush"]]
    assert [x.iri for x in m.find("唐纳德·J.·特朗普说了什么")] == [iris["Donald J. Trump"]]
    assert m.find("布什说了什么") == []  # George W. or Laura: no link


# news questions in Chinese, many with place names written by sound (斯里兰卡, 阿根廷):
# only the three persons they name link
_NEWS_QUESTIONS = """美联储主席对通胀前景有何看法? 谁说美国经济将在明年放缓? 欧洲央行会继续降息吗?
高盛认为油价会上涨吗? 特朗普政府的关税政策对中国出口有什么影响? 英国首相对脱欧协议怎么说?
日本央行的负利率政策效果如何? 谁预测黄金价格将突破两千美元? 德国总理默克尔对难民问题的立场是什么?
俄罗斯外长拉夫罗夫说了什么? 克里姆林宫发言人对制裁有何回应? 华尔街分析师怎么看科技股?
纽约市长对警察改革说了什么? 国际货币基金组织下调了全球增长预期吗? 缅甸的民主转型进展如何?
富国银行的首席执行官为什么辞职? 参议员们对银行丑闻有何评论? 今日俄罗斯电视台的资金来自哪里?
美国之音是谁资助的? 希拉里的邮件事件有什么新进展? 普通投资者应该买债券吗? 加息会怎样影响房地产市场?
马上就要公布的就业数据会好吗? 利率上升对美元汇率的影响是什么? 斯里兰卡的债务危机严重吗?
澳大利亚的矿业公司怎么看铁矿石价格? 墨西哥比索为什么贬值? 阿根廷的通货膨胀率是多少?
巴西总统对亚马逊雨林保护说了什么? 加拿大和美国的贸易谈判结果如何? 意大利的银行业危机会蔓延吗?
法国总统马克龙对欧盟改革有何建议? 沙特阿拉伯会增加石油产量吗? 伊朗核协议的前景如何? 土耳其里拉为什么暴跌?
""".split()


def test_news_questions_link_only_the_persons_they_name():
    m, _ = _matcher(_all_labels() + [(en, t) for _, en, t in HELDOUT_POSITIVES]
                    + [("Wilbur Ross", "Person"), ("Ross", "Person"), ("Mei Guo", "Person"),
                       ("Jia Kang", "Person"), ("Ma Kai", "Person"), ("Barrick", "Organization")])
    found = {x.surface: x.label for q in _NEWS_QUESTIONS for x in m.find(q)}
    # 希拉里 alone is Hillary (a given name no other person has; the dictionary's full
    # name for it is Hillary Rodham Clinton, not Bill); 特朗普 alone is Donald Trump (the
    # dictionary's full name for it), not Ivanka or Melania
    assert found == {"默克尔": "Angela Merkel", "拉夫罗夫": "Sergey Lavrov", "马克龙": "Emmanuel Macron",
                     "希拉里": "Hillary Clinton", "特朗普": "Donald Trump"}


def test_ambiguous_surname_abstains():
    m, _ = _matcher([("Stephen Roach", "Person"), ("John Roach", "Person")])
    assert m.find("罗奇对美元怎么看") == []
    assert [x.label for x in m.find("斯蒂芬·罗奇对美元怎么看")] == ["Stephen Roach"]


def test_linker_links_transliterations():
    labels = {"p:1": {"en": ["Michael McFaul"]}, "p:2": {"en": ["Margarita Simonyan"]},
              "o:1": {"en": ["RT"], "zh": ["今日俄罗斯"]}, "o:2": {"en": ["Standard & Poor's"], "zh": ["标准普尔"]}}
    types = {"p:1": "Person", "p:2": "Person", "o:1": "Organization", "o:2": "Organization"}
    lk = Linker(labels, types, ["Michael McFaul said RT is propaganda."])
    got = [(x.iri, x.surface, x.how) for x in lk.link("迈克尔·麦克福尔对今日俄罗斯电视台怎么看?")]
    assert got == [("p:1", "迈克尔·麦克福尔", "translit"), ("o:1", "今日俄罗斯", "label")]
    assert [x.iri for x in lk.link("What did 西蒙尼扬 say about 标准普尔?")] == ["p:2", "o:2"]
    assert lk.link("谁认为美元被高估了?") == []
    assert [x.how for x in lk.link("What did Michael McFaul say?")] == ["label"]


# -- the engine: a Chinese question about a transliterated name routes as usual -----------

_PARAS = ["Rates Rise.",
          "Michael McFaul, a former ambassador, said the network was a propaganda arm.",
          "George Bush said the dollar would stay strong for years.",
          "The George W. Bush Presidential Center held a forum."]
_TEXT = "\n".join(_PARAS)


@pytest.fixture(scope="module")
def engine():
    from functools import partial

    from qa_handbuilt import claim, evidence, handbuilt_engine

    labels = {"ex:mcfaul": {"en": ["Michael McFaul", "McFaul"], "zh": []},
              "ex:bush": {"en": ["George Bush", "Bush"], "zh": []},
              "ex:net": {"en": ["Acme Network"], "zh": []},
              "ex:center": {"en": ["George W. Bush Presidential Center"], "zh": []}}
    types = {"ex:mcfaul": "Person", "ex:bush": "Person", "ex:net": "Organization",
             "ex:center": "Organization"}
    mk = partial(claim, labels, lambda p: evidence(_TEXT, "ex:art", p))
    stmts = [mk("ex:mcfaul", "said", "the network was a propaganda arm", _PARAS[1]),
             mk("ex:bush", "said", "the dollar would stay strong for years", _PARAS[2])]
    return handbuilt_engine(stmts, labels, types, _PARAS, "ex:art")


@pytest.mark.slow
def test_engine_answers_a_transliterated_speaker(engine):
    for q in ("迈克尔·麦克福尔说了什么?", "What did 麦克福尔 say?"):
        res = engine.ask(q)
        assert not res["abstained"], (q, res.get("reason"))
        assert res["answers"][0]["speaker"]["label"] == "Michael McFaul"


@pytest.mark.slow
def test_engine_refuses_a_similar_name_it_does_not_hold(engine):
    # McCaul is not McFaul; Soros is not Bush, though both are Georges (乔治 -> "George")
    for q in ("迈克尔·麦考尔说了什么?", "乔治·索罗斯说了什么?"):
        res = engine.ask(q)
        assert res["abstained"] and "not in the graph" in res["reason"], (q, res)
