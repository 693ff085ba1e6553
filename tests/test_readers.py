"""Readers: paragraphs, offsets, the Caixin digest's parts, formats and bad input."""

from __future__ import annotations

import pytest
from claimgraph.extract.readers import (
    decode,
    detect_format,
    read_article,
    read_file,
    read_html,
)

from claimgraph.errors import InputError


@pytest.fixture(scope="module")
def caixin(example_path):
    return read_file(example_path)


def test_caixin_is_detected(caixin):
    assert caixin.format == "caixin"
    assert caixin.title.startswith("Sell-Off in Treasuries Threatens U.S. as Safe Haven")


def test_paragraph_offsets_cut_back_to_their_text(caixin):
    for p in caixin.paragraphs:
        assert caixin.text[p.start:p.end] == p.text
        assert p.text == p.text.strip()
    assert [p.index for p in caixin.paragraphs] == list(range(1, len(caixin.paragraphs) + 1))


def test_caixin_paragraph_structure(caixin):
    kinds = [p.kind for p in caixin.paragraphs]
    assert kinds.count("title") == 1
    assert kinds.count("digest") == 3
    assert kinds.count("summary") == 8
    assert kinds.count("directory") == 17
    assert len(caixin.paragraphs) == 34


def test_bilingual_pairs_are_one_paragraph(caixin):
    body = [p for p in caixin.paragraphs if p.kind == "body"]
    assert len(body) == 3
    for p in body:
        assert p.lang == "zh-en"
        zh, en = p.text.split("\n")
        assert any("\u4e00" <= c <= "\u9fff" for c in zh)
        assert en[0].isascii()


def test_summary_para_markers_are_anchors(caixin):
    summary = [p for p in caixin.paragraphs if p.kind == "summary"]
    assert summary[0].anchors == (1, 2, 3)
    # ranges expand: [para. 48-50] -> 48, 49, 50
    assert {48, 49, 50} <= set(summary[3].anchors)
    assert set(range(137, 145)) <= set(summary[-1].anchors)


def test_directory_has_seventeen_entries(caixin):
    d = caixin.directory
    assert len(d) == 17
    names = [e.name for e in d]
    assert names[0] == "Standard Chartered Bank"
    assert "Western Securities" in names
    sc = d[0]
    assert sc.name_zh == "渣打银行"
    assert sc.description.startswith("According to the article, Eric Robertsen")
    assert caixin.text[sc.description_span.start:sc.description_span.end] == sc.description
    assert caixin.text[sc.name_span.start:sc.name_span.end] == "Standard Chartered Bank"
    # an entry whose Chinese line repeats the English name has no Chinese name
    pimco = next(e for e in d if e.name == "PIMCO")
    assert pimco.name_zh is None
    assert next(e for e in d if e.name.startswith("China International")).name_zh == "中金公司"


def test_plain_text_paragraphs_and_title():
    text = "A Headline Here\n\nFirst paragraph, said Ann.\n\n\nSecond one.\n"
    art = read_article(text, "x.txt")
    assert art.format == "text"
    assert art.title == "A Headline Here"
    assert [p.text for p in art.paragraphs] == ["A Headline Here", "First paragraph, said Ann.",
                                                "Second one."]
    assert art.paragraph_at(text.index("Second")).index == 3


def test_text_without_blank_lines_splits_on_lines():
    art = read_article("One line.\nTwo line.\n", "x.txt")
    assert [p.text for p in art.paragraphs] == ["One line.", "Two line."]


def test_markdown_headings():
    text = "# The Title\n\nSome text, he said.\n\n## A section\n\nMore."
    art = read_article(text, "a.md")
    assert art.format == "markdown"
    assert art.title == "The Title"
    assert [p.kind for p in art.paragraphs] == ["title", "body", "heading", "body"]


def test_html_drops_scripts_and_keeps_text():
    html = ("<html><head><title>T &amp; U</title><script>alert('x')</script></head><body>"
            "<p>Ann said <b>hello</b>.</p><style>p{}</style><p>Second &lt;para&gt;</p></body></html>")
    art = read_html(html, "a.html")
    assert art.title == "T & U"
    assert "alert" not in art.text
    assert [p.text for p in art.paragraphs] == ["Ann said hello.", "Second <para>"]
    assert detect_format(html, "a.txt") == "html"


def test_same_text_same_id():
    assert read_article("Hello there.").id == read_article("Hello there.").id
    assert read_article("Hello there.").id != read_article("Hello there!").id


@pytest.mark.parametrize("text", ["", "   \n\t\n  "])
def test_empty_article_is_an_error(text):
    with pytest.raises(InputError, match="empty"):
        read_article(text, "e.txt")


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_file(tmp_path / "nope.txt")


def test_folder_is_not_a_file(tmp_path):
    with pytest.raises(InputError, match="folder"):
        read_file(tmp_path)


def test_latin1_is_refused_with_a_clear_message(tmp_path):
    p = tmp_path / "l1.txt"
    p.write_bytes("Caf\xe9 owner said it was fine.".encode("latin-1"))
    with pytest.raises(InputError, match="not UTF-8"):
        read_file(p)


def test_binary_is_refused(tmp_path):
    p = tmp_path / "b.txt"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(InputError, match="binary"):
        read_file(p)


def test_utf16_with_bom_is_read():
    text = decode("Ann said hi.".encode("utf-16"), "u.txt")
    assert text == "Ann said hi."


def test_utf8_bom_is_dropped():
    assert decode(b"\xef\xbb\xbfAnn said hi.") == "Ann said hi."


def test_unknown_format():
    with pytest.raises(InputError, match="unknown format"):
        read_article("text", "x", "pdf")
