"""Cleaning: take scraped noise out of an article's plain text, line by line.

Pages copied as text carry teaser lists, section labels, a repeated headline, promos for
another piece, share bars, photo credits, bylines and timestamps. The cleaner only ever drops
WHOLE lines and never edits a kept one, so every body sentence survives verbatim. Each line is
judged by general signals, in this order:

1. the line alone: the phrase list and patterns of ``data/boilerplate.yaml`` (labels, share
   bars, credits, bylines, timestamps, promos), the article's own headline, a comma list of
   title-case items, a title-case headline, a short label;
2. its context: a line that occurs twice (later copies of a sentence, every copy of anything
   else), a standfirst that the next paragraph repeats and continues, headline-shaped lines after
   a section label (teasers), headline-shaped lines after the last body sentence (tail noise).

Shape rules (2 and the title-case and label rules of 1) never fire on a text that has no
sentence at all, so a bare headline or a summary without a full stop is left alone.

Decisions documented here: the reader's date line is metadata, reported in ``removed`` with
reason "date line" (never in the text); a closing credit sentence ("X contributed to this report.")
is the outlet's own last paragraph, not page chrome, and stays, while label-shaped bylines ("By X",
"By X | date", "Reporting by X; editing by Y") go; subheads glued into a paragraph stay with it.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ..records import RawArticle, Removed
from ..resources.boilerplate import CleanRules, flatten_quotes, normalise

SENTENCE_END = re.compile(r"""[.!?…:;]["'”’»)\]]*$""")
BULLETS = ("-", "•", "*", "–", "—", "·")
QUOTE_START = ("\"", "'", "“", "‘", "«", "„")
WORD = re.compile(r"[\w'’.&-]+")
MONTH_OR_DAY = re.compile(
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)"
    r"[a-z]*\.?,?", re.IGNORECASE)
DATE_OR_TIME = re.compile(r"(\d{1,4}([-/.:]\d{1,4}){0,3}(st|nd|rd|th|z|h)?|\d{1,2}(am|pm)"
                          r"|(gmt|utc)?[+-]\d{1,2}(:?\d{2})?),?", re.IGNORECASE)
ISO_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}t[\d:.]+(z|[+-]\d{2}:?\d{2})?")
NUMBER = re.compile(r"[\d,.]+")
DIGIT = re.compile(r"\d")
SEPARATORS = re.compile(r"[|/,·•\-–—]+")
MENU_SEPARATORS = re.compile(r"\s*[|·•›»>]\s*")


@dataclass
class CleanText:
    """The cleaned article: body text, the lines taken out (with why), and the title."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None


# ---------------------------------------------------------------------------------------------
# The cleaner


def clean_article(raw: RawArticle, *, rules: CleanRules) -> CleanText:
    """Drop the noise lines of ``raw.text``; keep every other line verbatim (stripped of outer spaces)."""
    lines = [line.strip() for line in raw.text.splitlines()]
    removed = [Removed(text, "date line") for text in raw.preamble]
    title = raw.title
    title_reason = line_noise(title, rules) if title else None
    if title and title_reason:
        removed.append(Removed(title, title_reason))
        title = take_leading_headline(lines, rules)
    verdicts = judge_lines(lines, title=title, rules=rules)
    removed += [Removed(lines[i], reason) for i, reason in sorted(verdicts.items())]
    kept = [line for i, line in enumerate(lines) if i not in verdicts]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return CleanText(text=text, removed=removed, title=title)


def take_leading_headline(lines: list[str], rules: CleanRules) -> str | None:
    """When the reader's title was noise (a section name, a byline): the first headline-shaped line
    before the body, past other noise, is the title; it is blanked out of ``lines``."""
    for i, line in enumerate(lines):
        if not line or line_noise(line, rules):
            continue
        if is_headline_shaped(line, rules):
            lines[i] = ""
            return line
        return None
    return None


def judge_lines(lines: list[str], *, title: str | None, rules: CleanRules) -> dict[int, str]:
    """Index → reason for every noise line (blank lines are never judged)."""
    has_sentence = any(is_sentence_like(line, rules) for line in lines if line)
    title_norm = normalise(title or "")
    norms = [normalise(line) for line in lines]
    verdicts: dict[int, str] = {}
    for i, line in enumerate(lines):
        if not line:
            continue
        reason = "repeated headline" if title_norm and norms[i] == title_norm else line_noise(line, rules, norms[i])
        if reason is None and has_sentence:
            reason = shape_noise(line, rules)
        if reason:
            verdicts[i] = reason
    mark_repeated_lines(lines, norms, verdicts, rules)
    mark_repeated_standfirst(lines, norms, verdicts, rules)
    if has_sentence:
        mark_teaser_blocks(lines, verdicts, rules)
        mark_teaser_neighbours(lines, verdicts, rules)
        mark_tail_noise(lines, verdicts, rules)
    return verdicts


def line_noise(line: str, rules: CleanRules, norm: str | None = None) -> str | None:
    """Why this line is noise on its own evidence (phrase list, patterns, share bar, timestamp, promo)."""
    norm = normalise(line) if norm is None else norm
    words = norm.count(" ") + 1
    if words > rules.threshold("noise_max_words"):
        return None
    if norm.rstrip(":").strip() in rules.labels:
        return "section label"
    flat = flatten_quotes(" ".join(line.split()))
    for pattern in rules.patterns:
        if (pattern.max_words is None or words <= pattern.max_words) and pattern.regex.fullmatch(flat):
            return pattern.reason
    if is_share_bar(norm, rules):
        return "share/subscribe"
    if is_site_menu(line, rules):
        return "site menu"
    if is_timestamp(norm, rules):
        return "timestamp"
    if rules.promo_verbs.search(flat) and any(p.search(flat) for p in rules.promo):
        return "promo"
    return None


def shape_noise(line: str, rules: CleanRules) -> str | None:
    """Why a headline-shaped line is noise by its shape: a teaser list, a title-case headline, a label."""
    if is_sentence_like(line, rules) or line[0].islower():
        return None
    if is_teaser_list(line, rules):
        return "teaser list"
    if is_title_case(line, rules):
        return "headline-like line"
    if len(line.split()) <= rules.threshold("label_max_words") and not line.startswith(QUOTE_START):
        return "label or subhead"
    return None


def mark_repeated_lines(lines: list[str], norms: list[str], verdicts: dict[int, str], rules: CleanRules) -> None:
    """A line that occurs twice is noise: every copy of a non-sentence, the later copies of a sentence."""
    seen: dict[str, int] = {}
    counts = Counter(norm for norm in norms if norm)
    for i, (line, norm) in enumerate(zip(lines, norms, strict=True)):
        if not line or counts[norm] < 2 or i in verdicts:
            continue
        if not is_sentence_like(line, rules) or norm in seen:
            verdicts[i] = "repeated line"
        seen.setdefault(norm, i)


def mark_repeated_standfirst(lines: list[str], norms: list[str], verdicts: dict[int, str], rules: CleanRules) -> None:
    """A standfirst that the next paragraph repeats and goes on from: the shorter copy is noise, the
    paragraph (which holds all of it) stays."""
    filled = [i for i, line in enumerate(lines) if line and i not in verdicts]
    for i, j in pairwise(filled):
        head = norms[i].rstrip(".…:;")
        if (len(head.split()) >= rules.threshold("standfirst_min_words") and len(norms[j]) > len(head)
                and norms[j].startswith(head) and not norms[j][len(head)].isalnum()):
            verdicts[i] = "repeated standfirst"


def mark_teaser_blocks(lines: list[str], verdicts: dict[int, str], rules: CleanRules) -> None:
    """Headline-shaped lines after a section label are teasers, up to the next kept body sentence."""
    in_block = False
    for i, line in enumerate(lines):
        if not line:
            continue
        if verdicts.get(i) in ("section label", "teaser link"):
            in_block = True
        elif i in verdicts:
            continue
        elif in_block and is_headline_shaped(line, rules):
            verdicts[i] = "teaser"
        elif in_block and is_teaser_blurb(line, rules):
            verdicts[i] = "promo"
        else:
            in_block = False


# Reasons that mark a line as part of a block of links to other stories.
TEASER_REASONS = frozenset({"section label", "teaser", "teaser list", "teaser link", "headline-like line",
                            "repeated line", "promo"})


def mark_teaser_neighbours(lines: list[str], verdicts: dict[int, str], rules: CleanRules) -> None:
    """A headline-shaped line next to a teaser-block line (blank lines between ignored) belongs to the block.

    Bulleted lines ("- ...", "• ...") do not spread it: a bulleted list is more often body than links.
    """
    filled = [i for i, line in enumerate(lines) if line]
    changed = True
    while changed:
        changed = False
        # -1, no line, before the first and after the last; the first list is one longer than the others
        for before, index, after in zip([-1, *filled], filled, [*filled[1:], -1], strict=False):
            if index in verdicts or lines[index].startswith(BULLETS) or not is_headline_shaped(lines[index], rules):
                continue
            if verdicts.get(before, "") in TEASER_REASONS or verdicts.get(after, "") in TEASER_REASONS:
                verdicts[index] = "teaser"
                changed = True


def mark_tail_noise(lines: list[str], verdicts: dict[int, str], rules: CleanRules) -> None:
    """Headline-shaped lines after the last kept body sentence are tail noise."""
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i]
        if not line or i in verdicts:
            continue
        if not is_headline_shaped(line, rules):
            return
        verdicts[i] = "tail noise"


# ---------------------------------------------------------------------------------------------
# Line shapes


def is_sentence_like(line: str, rules: CleanRules) -> bool:
    """Ends like a sentence, or is too long to be a headline or label."""
    return bool(SENTENCE_END.search(line[-8:])) or len(line.split()) > rules.threshold("headline_max_words")


def is_headline_shaped(line: str, rules: CleanRules) -> bool:
    """Shaped like a headline: no sentence end (or a short question), not a quote, not a continuation."""
    if line[0].islower() or line.startswith(QUOTE_START):
        return False
    short_question = line.endswith("?") and len(line.split()) <= rules.threshold("question_max_words")
    return short_question or not is_sentence_like(line, rules)


def is_teaser_blurb(line: str, rules: CleanRules) -> bool:
    """A short present-tense blurb under a teaser ("Our correspondent explains the latest ..."):
    a promo verb among its first words."""
    words = line.split()
    if len(words) > rules.threshold("blurb_max_words"):
        return False
    head = " ".join(words[: int(rules.threshold("blurb_verb_within"))])
    return bool(rules.promo_verbs.search(flatten_quotes(head)))


def is_title_case(line: str, rules: CleanRules) -> bool:
    """Most content words capitalised, as in a headline or a list of headlines."""
    content = [w for w in WORD.findall(line) if w.lower() not in rules.minor_words and any(c.isalpha() for c in w)]
    if len(content) < rules.threshold("title_case_min_words"):
        return False
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    return capitalised / len(content) >= rules.threshold("title_case_share")


def is_teaser_list(line: str, rules: CleanRules) -> bool:
    """Comma-separated short title-case items ("Wisdom in the Noise, Der Germans, Sky Shield")."""
    items = [item.strip() for item in line.split(",")]
    if len(items) < rules.threshold("list_min_items") or not all(items):
        return False
    if any(len(item.split()) > rules.threshold("list_item_max_words") for item in items):
        return False
    return is_title_case(line, rules)


def is_site_menu(line: str, rules: CleanRules) -> bool:
    """A navigation bar or breadcrumb: short capitalised items between menu separators, three or more
    of them, or two when the first is a section label."""
    items = [item.strip() for item in MENU_SEPARATORS.split(line)]
    if len(items) < 2 or not all(items) or SENTENCE_END.search(line):
        return False
    if any(len(item.split()) > rules.threshold("menu_item_max_words") or not item[0].isupper() for item in items):
        return False
    return len(items) >= rules.threshold("menu_min_items") or normalise(items[0]) in rules.labels


def is_share_bar(norm: str, rules: CleanRules) -> bool:
    """Only the names of share buttons and networks."""
    words = SEPARATORS.sub(" ", norm).split()
    return bool(words) and all(w in rules.share_words for w in words)


def is_timestamp(norm: str, rules: CleanRules) -> bool:
    """Only dates, times and words like "published", "updated", "GMT", "ago" (a bare number is no timestamp)."""
    if len(norm) > 120 or not DIGIT.search(norm) or NUMBER.fullmatch(norm):
        return False
    tokens = SEPARATORS.sub(lambda m: f" {m.group(0)} ", ISO_STAMP.sub("0", norm)).split()
    return len(tokens) <= 16 and all(is_time_word(t, rules) or is_time_word(t.strip(":,."), rules) for t in tokens)


def is_time_word(token: str, rules: CleanRules) -> bool:
    return token in rules.timestamp_words or bool(MONTH_OR_DAY.fullmatch(token) or DATE_OR_TIME.fullmatch(token))
