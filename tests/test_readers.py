"""Readers: every format on our own fixture files, the date-line variants, bad inputs, path walking, stdin."""
from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from newsgraph.records import RawArticle, ReadFailure
from newsgraph.sources import readers
from newsgraph.sources.readers import READERS, normalise_date, read_bytes, read_inputs, register_reader

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers"


def read_all(*paths: str | Path, **kw) -> list[RawArticle | ReadFailure]:
    return list(read_inputs([str(p) for p in paths], **kw))


def articles(items) -> list[RawArticle]:
    return [x for x in items if isinstance(x, RawArticle)]


def failures(items) -> list[ReadFailure]:
    return [x for x in items if isinstance(x, ReadFailure)]


# --- text -----------------------------------------------------------------------------------

def test_text_date_line_then_title():
    (art,) = read_all(FIXTURES / "dated-title.txt")
    assert art.published == "2023-09-09"
    assert art.title == "G20 admits African Union as permanent member"
    assert art.text.startswith("The Group of 20 major economies")
    assert art.preamble == ["date 2023-09-09"]
    assert art.warnings == []


def test_text_date_line_carries_first_paragraph():
    (art,) = read_all(FIXTURES / "inline-date.txt")
    assert art.published == "2023-11-22"
    assert art.title is None
    assert art.text.startswith("Israel and Hamas agreed on Wednesday")
    assert "The truce is to allow" in art.text


def test_text_without_date_warns_and_takes_title_from_first_line():
    (art,) = read_all(FIXTURES / "no-date.txt")
    assert art.published is None
    assert art.title == "Blinken meets Xi in Beijing"
    assert any("--published" in w for w in art.warnings)


def test_published_option_fills_missing_date_only():
    (undated,) = read_all(FIXTURES / "no-date.txt", published="2023-06-19")
    (dated,) = read_all(FIXTURES / "dated-title.txt", published="2000-01-01")
    assert undated.published == "2023-06-19" and undated.warnings == []
    assert dated.published == "2023-09-09"


@pytest.mark.parametrize("first_line", ["date 2025-13-45", "date: tomorrow", "date 2025/03/08", "Date: 08-03-2025"])
def test_malformed_date_line_fails_on_line_one(first_line):
    (failure,) = list(read_bytes(f"{first_line}\nTitle\n\nBody text.\n".encode(), origin="x.txt"))
    assert isinstance(failure, ReadFailure)
    assert failure.line == 1 and "date" in failure.reason and "x.txt:1" in failure.message()


@pytest.mark.parametrize("text", ["Date palms grow along the Euphrates.\nMore.\n", "Dates of the talks were set.\n"])
def test_word_date_at_start_is_body_not_a_date_line(text):
    (art,) = list(read_bytes(text.encode(), origin="x.txt"))
    assert isinstance(art, RawArticle) and art.published is None
    assert art.text.startswith("Dat")


def test_date_line_with_time_and_colon():
    (art,) = list(read_bytes(b"Date: 2024-01-12 06:30 UTC\nStrikes hit Yemen\n\nBody.\n", origin="x.txt"))
    assert art.published == "2024-01-12" and art.title == "Strikes hit Yemen" and art.text == "Body."


def test_sentence_first_line_is_not_a_title():
    (art,) = list(read_bytes(b"date 2024-01-12\nThe strikes began at night.\n\nMore.\n", origin="x.txt"))
    assert art.title is None and art.text.startswith("The strikes began")


# --- html -----------------------------------------------------------------------------------

def test_html_main_text_title_and_date():
    (art,) = read_all(FIXTURES / "article.html")
    assert art.reader == "html"
    assert art.published == "2023-04-04"
    assert art.title == "Finland becomes NATO's 31st member"
    assert "Finland formally joined NATO on Tuesday" in art.text
    assert "The Kremlin said it would take counter-measures" in art.text
    for noise in ("should never appear", "Business", "Copyright 2023", "Sweden still waits"):
        assert noise not in art.text


def test_html_paragraphs_kept_when_extraction_runs_lines_together():
    page = (b"<html><head><title>Aid reaches Gaza</title></head><body><article><h1>Aid reaches Gaza</h1>"
            b"<p>Posted <time datetime='2023-10-21T08:00:00Z'>21 October 2023</time></p>"
            b"<p>The first twenty trucks of aid crossed from Egypt into Gaza on Saturday morning.</p>"
            b"<p>The United Nations said far more was needed.</p></article></body></html>")
    (art,) = list(read_bytes(page, origin="page.html"))
    assert art.published == "2023-10-21"
    assert art.text.splitlines()[-1] == "The United Nations said far more was needed."


def test_html_date_guessed_from_text_with_warning_but_bare_year_ignored():
    page = (b"<html><head><title>T</title></head><body><article><p>Published 21 October 2023</p>"
            b"<p>The trucks crossed from Egypt into Gaza on Saturday morning.</p></article></body></html>")
    (art,) = list(read_bytes(page, origin="page.html"))
    assert art.published == "2023-10-21" and any("guessed" in w for w in art.warnings)
    yearly = (b"<html><head><title>T</title></head><body><article><p>The trucks crossed on Saturday.</p>"
              b"<p>Officials said more would follow.</p></article><footer>Copyright 2023</footer></body></html>")
    (art,) = list(read_bytes(yearly, origin="page.html"))
    assert art.published is None


def test_html_fetched_page_keeps_its_url():
    page = (b"<html><body><article><p>The talks ended on Friday.</p><p>Both sides will meet again.</p>"
            b"</article></body></html>")
    (art,) = list(read_bytes(page, origin="https://news.example/2023/06/19/talks.html"))
    assert art.url == "https://news.example/2023/06/19/talks.html"


@pytest.mark.parametrize("page", [b"<html><head><title>Only a head</title></head></html>",
                                  b"<html><body>  <script>var x = 1;</script>  </body></html>"])
def test_html_without_body_text_fails(page):
    (failure,) = list(read_bytes(page, origin="empty.html"))
    assert isinstance(failure, ReadFailure) and "no body text" in failure.reason


def test_html_declared_charset_is_honoured():
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Le café a fermé lundi.</p></body></html>'
    (art,) = list(read_bytes(page.encode("latin-1"), origin="fr.html"))
    assert art.text == "Le café a fermé lundi."


# --- records: jsonl, json, csv ---------------------------------------------------------------

def test_jsonl_records_bad_line_fails_alone():
    items = read_all(FIXTURES / "corpus.jsonl")
    good, bad = articles(items), failures(items)
    assert [a.source_id for a in good] == ["a1", "a2", "a4"]
    assert good[0].published == "2023-12-18"  # "2023-12-18 16:05:11Z"
    assert good[1].published == "2023-10-21"  # local date as written, no time-zone shift
    assert good[0].url == "https://news.example/a1" and good[0].title == "EU adopts sanctions on Russian diamonds"
    assert good[0].origin.endswith("corpus.jsonl:1")
    assert good[2].published is None and good[2].warnings
    (failure,) = bad
    assert failure.line == 3 and "not JSON" in failure.reason and "corpus.jsonl:3" in failure.message()


def test_jsonl_invalid_utf8_line_fails_alone():
    data = b'{"text": "One."}\n{"text": "caf\xe9"}\n{"text": "Three."}\n'
    items = list(read_bytes(data, origin="c.jsonl"))
    assert [a.text for a in articles(items)] == ["One.", "Three."]
    (failure,) = failures(items)
    assert failure.line == 2 and "UTF-8" in failure.reason


def test_byte_order_mark_and_windows_line_ends():
    items = list(read_bytes(b'\xef\xbb\xbf{"text": "One."}\r\n{"text": "Two."}\r\n', origin="c.jsonl"))
    assert [a.text for a in items] == ["One.", "Two."]
    (art,) = list(read_bytes(b"\xef\xbb\xbfdate 2024-01-12\r\nStrikes hit Yemen\r\n\r\nBody.\r\n", origin="w.txt"))
    assert (art.published, art.title, art.text) == ("2024-01-12", "Strikes hit Yemen", "Body.")
    (utf16,) = list(read_bytes("date 2024-01-12\nTitle here\n\nBody.\n".encode("utf-16"), origin="u.txt"))
    assert utf16.text == "Body."


def test_jsonl_record_without_text_fails():
    (failure,) = list(read_bytes(b'{"title": "no body"}\n', origin="c.jsonl"))
    assert isinstance(failure, ReadFailure) and "'text'" in failure.reason and failure.line == 1


def test_json_array_and_single_object():
    items = list(read_bytes(b'[{"text": "One.", "date": "2024-03-07"}, {"body": "Two."}]', origin="a.json"))
    assert [a.text for a in items] == ["One.", "Two."] and items[0].published == "2024-03-07"
    (single,) = list(read_bytes(b'{"text": "Alone.", "title": "T"}', origin="b.json"))
    assert single.title == "T"


def test_voa_corpus_layout_is_read(tmp_path):
    voa = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "voa" / "voa_stories.jsonl"
    if not voa.exists():
        pytest.skip("shared VOA corpus absent")
    items = read_all(voa)
    assert items and not failures(items)
    assert all(a.published and len(a.published) == 10 and a.text for a in items)


def test_csv_rows():
    items = read_all(FIXTURES / "corpus.csv")
    first, second = articles(items)
    assert first.published == "2024-01-12" and first.source_id == "c1" and first.url == "https://news.example/c1"
    assert "Red Sea shipping" in first.text
    assert second.published is None and any("30/07/2023" in w for w in second.warnings)
    assert first.origin.endswith("corpus.csv:2")


def test_csv_without_text_column_fails():
    (failure,) = list(read_bytes(b"id,title\n1,x\n", origin="c.csv"))
    assert isinstance(failure, ReadFailure) and "'text' column" in failure.reason


# --- feeds ----------------------------------------------------------------------------------

def test_rss_entries_and_entry_without_text():
    items = read_all(FIXTURES / "feed.rss")
    first, second = articles(items)
    assert first.title == "Sweden joins NATO" and first.published == "2024-03-07"
    assert first.url == "https://news.example/sweden-nato"
    assert first.text.splitlines() == [
        ("Sweden formally became the 32nd member of NATO on Thursday, when its prime minister handed the accession "
        "papers to the U.S. State Department in Washington."),
        "The step ended two centuries of Swedish non-alignment.",
    ]
    assert second.published == "2024-01-23" and "<p>" not in second.text
    (failure,) = failures(items)
    assert failure.origin.endswith("feed.rss#3")


def test_feed_date_is_the_day_as_written_not_shifted_to_utc():
    feed = (b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>T</title>"
            b"<pubDate>Tue, 23 Jan 2024 23:30:00 -0500</pubDate><description>Late news.</description></item>"
            b"<item><title>U</title><pubDate>23 January 2024</pubDate><description>Odd date.</description></item>"
            b"</channel></rss>")
    first, second = list(read_bytes(feed, origin="f.rss"))
    assert first.published == "2024-01-23"
    assert second.published == "2024-01-23"


def test_atom_entry():
    (art,) = read_all(FIXTURES / "feed.atom")
    assert art.title == "Blinken meets Xi in Beijing" and art.published == "2023-06-19"
    assert art.source_id == "urn:example:blinken-xi"


def test_xml_that_is_not_a_feed_fails():
    (failure,) = list(read_bytes(b"<?xml version='1.0'?><config><a>1</a></config>", origin="c.xml"))
    assert isinstance(failure, ReadFailure) and "feed" in failure.reason


# --- bad inputs: one clear failure each, the rest still read ---------------------------------

BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n \t\n", "empty"),
    "binary.txt": (b"\x00\x01\x02\x03binary\x00data" * 20, "binary"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    "latin1.txt": (b"date 2024-01-01\nTitle\n\nLe caf\xe9 est ferm\xe9.\n", "UTF-8"),
    "baddate.txt": (b"date 2025-13-45\nTitle\n\nBody.\n", "date"),
    "nobody.html": (b"<html><head><title>x</title></head></html>", "no body"),
}


def test_each_bad_input_gives_one_clear_failure_and_others_are_read(tmp_path):
    for name, (data, _) in BAD_INPUTS.items():
        (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("date 2024-03-07\nSweden joins NATO\n\nSweden became NATO's 32nd member.\n", encoding="utf-8")
    items = read_all(*sorted(tmp_path.iterdir()))
    assert [a.origin for a in articles(items)] == [str(good)]
    by_file = {Path(f.origin).name: f for f in failures(items)}
    assert sorted(by_file) == sorted(BAD_INPUTS)
    for name, (_, words) in BAD_INPUTS.items():
        assert words in by_file[name].reason, by_file[name]
    assert by_file["latin1.txt"].line == 4


def test_missing_path_and_empty_glob_fail(tmp_path):
    items = read_all(tmp_path / "nope.txt", tmp_path / "*.none")
    assert [f.reason for f in failures(items)] == ["no such file or directory", "no file matches this pattern"]


# --- walking paths, stdin, registry ----------------------------------------------------------

def test_directory_walk_is_recursive_and_skips_non_articles(tmp_path):
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "a.txt").write_text("First article text.\n", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>Second article.</p></body></html>", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.jsonl").write_text('{"text": "Third."}\n', encoding="utf-8")
    for junk in ("a.gold.json", "README.md", "ORIGINAL-README.TXT", ".hidden.txt", "notes.docx", "LICENSE"):
        (tmp_path / junk).write_text("not an article", encoding="utf-8")
    items = read_all(tmp_path)
    assert not failures(items)
    assert [Path(a.origin.split(":")[0]).name for a in items] == ["a.txt", "b.html", "c.jsonl"]


def test_glob_and_empty_directory(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(f"Article {name}.\n", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = read_all(tmp_path / "x*.txt", tmp_path / "empty")
    assert [Path(a.origin).name for a in articles(items)] == ["x1.txt", "x2.txt"]
    assert "no article files" in failures(items)[0].reason


def test_stdin_is_one_article(monkeypatch):
    data = b"date 2023-10-21\nAid enters Gaza\n\nTwenty trucks crossed at Rafah.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    (art,) = read_all("-")
    assert art.origin == "<stdin>" and art.published == "2023-10-21" and art.title == "Aid enters Gaza"


@pytest.mark.parametrize("data, reader", [
    (b"<!doctype html><html><body><p>Posted page text.</p></body></html>", "html"),
    ((b"<?xml version='1.0'?><rss version='2.0'><channel><item><title>T</title>"
     b"<description>Entry text.</description></item></channel></rss>"), "feed"),
    (b'{"text": "Posted record."}', "json"),
    (b"date 2024-01-01\nPlain text body.", "text"),
])
def test_read_bytes_sniffs_content_without_extension(data, reader):
    (art,) = list(read_bytes(data, origin="api:post"))
    assert isinstance(art, RawArticle) and art.reader == reader


def test_third_party_reader_registers_like_builtins(monkeypatch, tmp_path):
    monkeypatch.setattr(readers, "READERS", dict(READERS))

    @register_reader("upper", extensions=(".up",))
    def read_upper(data: bytes, origin: str, published: str | None):
        yield RawArticle(origin=origin, text=data.decode().upper(), published=published, reader="upper")

    path = tmp_path / "a.up"
    path.write_bytes(b"shouting text.")
    (art,) = read_all(path, published="2024-01-01")
    assert art.text == "SHOUTING TEXT." and art.reader == "upper"
    assert {"text", "html", "jsonl", "json", "csv", "feed"} <= set(readers.READERS)
    with pytest.raises(ValueError, match="unknown reader"):
        read_all(path, format_in="nope")


@pytest.mark.parametrize("value, day", [
    ("2025-03-14 20:30:26Z", "2025-03-14"), ("2025-03-14", "2025-03-14"), ("2023-10-21T23:40:00-05:00", "2023-10-21"),
    ("Thu, 07 Mar 2024 17:10:00 GMT", "2024-03-07"), ("30/07/2023", None), ("", None), (None, None),
])
def test_normalise_date(value, day):
    assert normalise_date(value) == day
