"""One test per hostile input: each ends as that input's failure (with a message saying what is wrong) or is
read correctly, in bounded time and memory; none raises."""
from __future__ import annotations

import io
import json
import os
import threading
import time
import tracemalloc
from itertools import islice
from pathlib import Path

import pytest

from newsgraph.records import RawArticle, ReadFailure
from newsgraph.sources import readers
from newsgraph.sources.paths import expand_path
from newsgraph.sources.readers import read_bytes, read_inputs, read_stream, register_reader

GOOD = b'{"text": "Kenya thanked Norway for its help on Tuesday."}\n'
PAGE = ("<html><head><title>T</title></head><body>{open}<p>Chile and Peru agreed on Monday to reopen the border."
        "</p><p>Talks resume in May, officials said.</p>{close}</body></html>")


def kinds(items: list[RawArticle | ReadFailure]) -> list[str]:
    return ["ok" if isinstance(item, RawArticle) else "fail" for item in items]


@pytest.mark.parametrize("data, origin", [
    (b"[" * 100_000 + b"]" * 100_000, "deep.json"),
    (b'{"text": "x", "more": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "deep-object.json"),
])
def test_deeply_nested_json_fails_alone(data, origin):
    (failure,) = read_bytes(data, origin=origin)
    assert isinstance(failure, ReadFailure) and "nested too deeply" in failure.reason


def test_deeply_nested_jsonl_line_fails_alone():
    items = list(read_bytes(b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n" + GOOD, origin="c.jsonl"))
    assert kinds(items) == ["fail", "ok"] and items[0].line == 1


def test_a_5000_digit_integer_fails_its_line_only():
    items = list(read_bytes(b'{"text": "One.", "id": ' + b"9" * 5000 + b"}\n" + GOOD, origin="c.jsonl"))
    assert kinds(items) == ["fail", "ok"] and "cannot be read" in items[0].reason


def test_a_truncated_jsonl_line_says_it_is_truncated():
    items = list(read_bytes(GOOD + b'{"text": "cut off in the mid\n' + GOOD, origin="c.jsonl"))
    assert kinds(items) == ["ok", "fail", "ok"]
    assert items[1].line == 2 and "truncated" in items[1].reason and "control character" not in items[1].reason


def test_csv_unterminated_quote_is_reported_at_its_row_and_later_rows_are_read():
    data = (b'text,title\n"Ghana and Togo signed a pact.",a\n"This quote never closes,b\n"Togo agreed.",c\n'
            b'"Ghana welcomed it.",d\n')
    items = list(read_bytes(data, origin="c.csv"))
    assert kinds(items) == ["ok", "fail", "ok"]
    assert items[1].line == 3 and "quote" in items[1].reason
    assert items[2].text == "Ghana welcomed it."


def test_csv_quote_open_to_the_end_of_the_file_is_reported():
    items = list(read_bytes(b'text\n"One row."\n"open to the end\nmore text\n', origin="c.csv"))
    assert kinds(items) == ["ok", "fail"] and items[1].line == 3


def test_html_nested_300_deep_keeps_its_text():
    (article,) = read_bytes(PAGE.format(open="<div>" * 300, close="</div>" * 300).encode(), origin="p.html")
    assert "Chile and Peru agreed" in article.text and not any("deeply" in w for w in article.warnings)


def test_html_nested_deeper_than_any_parser_is_read_flat_with_a_warning():
    (article,) = read_bytes(PAGE.format(open="<div>" * 5000, close="</div>" * 5000).encode(), origin="p.html")
    assert "Chile and Peru agreed" in article.text and any("too deeply" in w for w in article.warnings)


def test_html_tag_with_40000_attributes_is_read_quickly():
    attributes = " ".join(f'data-a{i}="x"' for i in range(40_000))
    page = PAGE.format(open=f"<div {attributes}>", close="</div>").encode()
    started = time.monotonic()
    (article,) = read_bytes(page, origin="p.html")
    elapsed = time.monotonic() - started
    assert "Chile and Peru agreed" in article.text
    assert elapsed < 5, f"{elapsed:.1f}s (was 14 s and more: libxml2's attribute check is quadratic)"


def test_a_crashing_reader_costs_its_input_only():
    @register_reader("boom", extensions=(".boom",))
    def explode(data: bytes, origin: str, published: str | None):
        raise KeyError("a bug")

    try:
        (failure,) = read_bytes(b"some text", origin="x.boom")
    finally:
        readers.READERS.pop("boom")
    assert isinstance(failure, ReadFailure) and "boom reader failed" in failure.reason and "KeyError" in failure.reason


def test_jsonl_is_read_a_line_at_a_time():
    class Counting(io.BytesIO):
        high = 0

        def read(self, size: int | None = -1) -> bytes:
            return self.counted(super().read(size))

        def read1(self, size: int = -1) -> bytes:
            return self.counted(super().read1(size))

        def counted(self, data: bytes) -> bytes:
            Counting.high = max(Counting.high, self.tell())
            return data

    stream = Counting(GOOD * 10_000)
    first = next(read_stream(stream, origin="c.jsonl"))
    assert isinstance(first, RawArticle)
    assert 0 < Counting.high <= readers.SNIFF_BYTES + readers.STREAM_BUFFER_BYTES  # not the rest of the 500 KB


def piped_stdin(monkeypatch, data: bytes, *, close: bool = True) -> threading.Thread:
    """Standard input as a pipe (unseekable, as a shell gives it), fed by a thread with `data`."""
    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(data)
            pipe.flush()
            if not close:
                time.sleep(30)  # the writer is still there: the reader must not wait for the end

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(os.fdopen(read_end, "rb")))
    return writer


def test_stdin_records_come_out_before_the_pipe_closes(monkeypatch):
    piped_stdin(monkeypatch, GOOD * 400, close=False)  # 23 KB sent, and the pipe left open
    found: list[RawArticle | ReadFailure] = []
    reader = threading.Thread(target=lambda: found.extend(islice(read_inputs(["-"]), 3)), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert kinds(found) == ["ok", "ok", "ok"] and found[2].origin == "<stdin>:3"
    assert found[0].reader == "jsonl"  # JSON Lines are told from one JSON document by their second line


def test_stdin_is_read_in_bounded_memory(monkeypatch):
    lines = 200_000  # 11 MB
    piped_stdin(monkeypatch, GOOD * lines)
    tracemalloc.start()
    count = sum(1 for item in read_inputs(["-"]) if isinstance(item, RawArticle))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == lines
    assert peak < 2_000_000, f"{peak} bytes held while streaming 11 MB from standard input"


def test_csv_from_stdin_is_read_with_its_byte_order_mark(monkeypatch):
    rows = "text,title\n" + "\"Kenya thanked Norway for its help on Tuesday.\",Aid\n" * 3
    piped_stdin(monkeypatch, rows.encode("utf-16"))
    items = list(read_inputs(["-"], format_in="csv"))
    assert kinds(items) == ["ok"] * 3 and items[2].title == "Aid" and items[2].origin == "<stdin>:4"


def test_csv_is_read_a_row_at_a_time(tmp_path):
    path = tmp_path / "big.csv"
    path.write_bytes(b"text\n" + b'"Kenya thanked Norway for its help on Tuesday."\n' * 20_000)
    items = read_inputs([str(path)])
    tracemalloc.start()
    for _ in range(1000):
        next(items)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    items.close()
    assert peak < path.stat().st_size / 4, f"{peak} bytes held while reading 1,000 of 20,000 rows"


def test_an_overlong_jsonl_line_fails_alone_without_being_held(monkeypatch):
    monkeypatch.setattr(readers, "MAX_RECORD_BYTES", 1000)
    long_line = b'{"text": "' + b"x" * 5000 + b'"}\n'
    items = list(read_bytes(GOOD + long_line + GOOD, origin="c.jsonl"))
    assert kinds(items) == ["ok", "fail", "ok"] and items[1].line == 2 and "over" in items[1].reason


def test_a_json_document_over_the_cap_fails_with_advice(monkeypatch):
    monkeypatch.setattr(readers, "MAX_DOCUMENT_BYTES", 1000)
    data = json.dumps([{"text": "A sentence here."}] * 100).encode()
    (failure,) = read_bytes(data, origin="big.json")
    assert isinstance(failure, ReadFailure) and "JSON Lines" in failure.reason


def test_a_glob_over_two_symlink_loops_ends_and_reads_each_file_once(tmp_path):
    sub = tmp_path / "corpus" / "sub"
    sub.mkdir(parents=True)
    (sub / "article.txt").write_text("Talks\n\nEnvoys met in Geneva on Tuesday.\n")
    (sub / "up").symlink_to("..")
    (sub / "self").symlink_to(".")
    started = time.monotonic()
    for argument in (f"{tmp_path}/corpus/**/*.txt", f"{tmp_path}/corpus/**", f"{tmp_path}/corpus",
                     f"{tmp_path}/corpus/*/*"):
        files = [path for path, failure in expand_path(argument, wanted=lambda name: True) if failure is None]
        assert [Path(f).name for f in files] == ["article.txt"], argument
    assert time.monotonic() - started < 5
    assert len(list(read_inputs([f"{tmp_path}/corpus/**/*.txt"]))) == 1
