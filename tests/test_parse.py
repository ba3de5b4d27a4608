"""The shared spaCy pipeline: paragraph breaks are sentence boundaries (newsgraph/stages/parse.py)."""
from __future__ import annotations


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in nlp(text).sents]


def test_a_live_blog_entry_is_not_run_into_the_one_before(nlp):
    text = '"There is no military solution," he told a news conference.\n\n09:40 — Modi chairs a security meeting.'
    assert sentences(nlp, text) == ['"There is no military solution," he told a news conference.',
                                    "09:40 — Modi chairs a security meeting."]


def test_a_closing_quotation_mark_stays_with_its_paragraph(nlp):
    text = ('The envoy said the talks would resume "as soon as the guns fall silent."\n\n'
            "Kenya's foreign ministry declined to comment.")
    assert sentences(nlp, text) == [
        'The envoy said the talks would resume "as soon as the guns fall silent."',
        "Kenya's foreign ministry declined to comment."]


def test_a_single_newline_is_no_boundary(nlp):
    # a hard-wrapped line of plain text: one sentence
    text = "The Chadian army said on Sunday it had repelled\nan attack on a base near Lake Chad."
    assert len(sentences(nlp, text)) == 1
