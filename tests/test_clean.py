"""Cleaning: each noise kind goes, every body line stays verbatim; gold floors on our fixtures and the devset."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import DEVSET, load_script

from newsgraph.records import RawArticle
from newsgraph.resources import ResourceError
from newsgraph.resources.boilerplate import load_rules
from newsgraph.sources.readers import read_inputs
from newsgraph.stages.clean import CleanText, clean_article, normalise

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "clean"

BODY = [
    "Russia launched a wave of drones at Kyiv overnight, Ukrainian officials said on Tuesday.",
    "The air force said most of the drones were shot down over the capital region.",
    "\"The attack was aimed at our energy system,\" Energy Minister Herman Halushchenko said.",
]


def clean_with_shipped_rules(raw: RawArticle) -> CleanText:
    return clean_article(raw, rules=load_rules())


def clean_lines(noise: str, *, where: str = "middle", title: str | None = None) -> CleanText:
    """Clean a small article with `noise` placed in the middle of the body or at its end."""
    lines = [BODY[0], noise, BODY[1], BODY[2]] if where == "middle" else [*BODY, noise]
    return clean_with_shipped_rules(RawArticle(origin="t.txt", text="\n\n".join(lines), title=title))


def assert_body_kept(clean: CleanText, body=BODY) -> None:
    kept = clean.text.splitlines()
    for line in body:
        assert line in kept


@pytest.mark.parametrize("noise, reason", [
    ("Other Topics of Interest", "section label"),
    ("Related stories:", "section label"),
    ("MOST READ", "section label"),
    ("TOP VIDEOS", "label or subhead"),
    ("Read more: Kremlin says talks with Washington could resume", "teaser link"),
    ("READ MORE » EU agrees new sanctions", "teaser link"),
    ("Share this article", "share/subscribe"),
    ("Facebook · Twitter · WhatsApp · Email", "share/subscribe"),
    ("Subscribe to our newsletter for the latest updates from Ukraine", "share/subscribe"),
    ("Sign up for our daily briefing", "share/subscribe"),
    ("Photo: Smoke rises over Kyiv after the attack. (AP Photo/Efrem Lukatsky)", "photo credit"),
    ("Firefighters work at the site of a drone strike in Kyiv. REUTERS/Gleb Garanich", "photo credit"),
    ("Image source, Getty Images", "photo credit"),
    ("By Olga Petrenko and Mark Hansen, Associated Press", "byline"),
    ("Reporting by Anna Kovacs; Editing by Tom Hale", "byline"),
    ("Published 12 March 2025, 09:41 GMT", "timestamp"),
    ("Updated: Mar. 12, 2025 10:05 a.m. ET", "timestamp"),
    ("2 hours ago", "timestamp"),
    ("July 11, 2023 6:42 PM GMT+3", "timestamp"),
    ("Published 2025-03-08T10:00:00+03:00", "timestamp"),
    ("4 min read", "reading time"),
    ("Advertisement", "advertisement"),
    ("© 2025 Example Media. All rights reserved.", "copyright notice"),
    ("Lena Park, the Seoul Ledger's diplomatic correspondent, offers her analysis of the summit.", "promo"),
    ("Defence correspondent Jonas Berg explains what the latest strikes mean.", "promo"),
    ("The Lagos Courier's Ade Bello gives his take on the budget fight in parliament.", "promo"),
    ("Tom Reyes, economics correspondent for the Manila Post, breaks down the week in markets.", "promo"),
    ("In this episode, our reporters look at life near the front line.", "promo"),
    ("Join our Telegram channel for the latest news from Ukraine.", "share/subscribe"),
    ("Follow the Kyiv Herald on X", "share/subscribe"),
    ("(Photo by Oleh Ivanenko / AFP)", "photo credit"),
    ("This article has been updated with a statement from the Kremlin.", "editorial note"),
    ("by Marta Lis | Mar 8, 2025, 10:15 am", "byline"),
    ("Source: Al Jazeera and news agencies", "credit line"),
    ("Follow our coverage of the election in Chile.", "promo"),
    ("More details at https://example.org/live", "link"),
    ("Kherson Floods, Grain Corridor Talks, Sky Shield & Fighter Pilots, Drone Season", "teaser list"),
])
def test_each_noise_kind_is_removed_and_body_kept(noise, reason):
    for where in ("middle", "end"):
        clean = clean_lines(noise, where=where)
        assert noise not in clean.text.splitlines()
        assert [(r.text, r.reason) for r in clean.removed] == [(noise, reason)]
        assert_body_kept(clean)


def test_repeated_headline_removed_title_kept():
    title = "Russia strikes Kyiv energy grid"
    clean = clean_lines(title, title=title)
    assert clean.title == title
    assert [(r.text, r.reason) for r in clean.removed] == [(title, "repeated headline")]


def test_noise_taken_for_the_title_is_replaced_by_the_headline():
    text = "\n".join(["By Olga Petrenko", "Russia strikes Kyiv energy grid", "", *BODY])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=text, title="World News"))
    assert clean.title == "Russia strikes Kyiv energy grid"
    assert [(r.text, r.reason) for r in clean.removed] == [("World News", "section label"),
                                                           ("By Olga Petrenko", "byline")]
    assert clean.text.splitlines() == BODY


def test_line_occurring_twice_is_noise():
    teaser = "Russia and Ukraine swap prisoners in latest exchange"
    text = "\n\n".join([BODY[0], teaser, BODY[1], teaser, BODY[2]])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=text))
    assert teaser not in clean.text and [r.reason for r in clean.removed] == ["repeated line"] * 2
    repeated_sentence = "\n\n".join([BODY[0], BODY[1], BODY[0], BODY[2]])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=repeated_sentence))
    assert clean.text.count(BODY[0]) == 1 and [r.reason for r in clean.removed] == ["repeated line"]


def test_teasers_after_label_until_next_sentence():
    teasers = ["Zelensky meets Erdogan in Ankara", "What is behind the drone war?", "Kyiv Struggles To Keep Lights On"]
    text = "\n".join([BODY[0], BODY[1], "Related", *teasers, BODY[2]])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=text))
    assert [r.text for r in clean.removed] == ["Related", *teasers]
    assert_body_kept(clean)


def test_teaser_blurb_after_label_is_promo_but_body_sentence_ends_block():
    blurb = "Our Moscow correspondent explains what the new sanctions mean for the Kremlin."
    text = "\n".join([BODY[0], "Other Topics of Interest", "Sanctions bite as Russian economy slows", blurb,
                      BODY[1], BODY[2]])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=text))
    assert [(r.text, r.reason) for r in clean.removed] == [
        ("Other Topics of Interest", "section label"), ("Sanctions bite as Russian economy slows", "teaser"),
        (blurb, "promo")]
    assert_body_kept(clean)


def test_headline_lines_next_to_a_teaser_block_join_it():
    before = "EU chiefs brief partners on defence plans"
    text = "\n\n".join([BODY[0], before, "Related", BODY[1], "What the strikes mean for shipping", BODY[2]])
    clean = clean_with_shipped_rules(RawArticle(origin="t", text=text))
    assert [(r.text, r.reason) for r in clean.removed] == [(before, "teaser"), ("Related", "section label")]
    assert "What the strikes mean for shipping" in clean.text
    bullets = ["- Russia launched 120 drones overnight", "- Ukraine Says Most Were Downed"]
    clean = clean_with_shipped_rules(RawArticle(origin="t", text="\n".join([BODY[0], *bullets, BODY[1], BODY[2]])))
    assert [r.text for r in clean.removed] == [bullets[1]]


def test_tail_headlines_after_last_sentence():
    tail = ["Ukraine to get more air defence systems", "What comes next?"]
    clean = clean_with_shipped_rules(RawArticle(origin="t", text="\n".join([*BODY, *tail])))
    assert [(r.text, r.reason) for r in clean.removed] == [(tail[0], "tail noise"), (tail[1], "tail noise")]


def test_date_line_is_reported_removed_not_in_text():
    raw = RawArticle(origin="t", text="\n".join(BODY), preamble=["date 2025-03-12"], published="2025-03-12")
    clean = clean_with_shipped_rules(raw)
    assert clean.removed[0].text == "date 2025-03-12" and clean.removed[0].reason == "date line"
    assert "2025-03-12" not in clean.text


@pytest.mark.parametrize("line", [
    "By Friday afternoon, the Houthis had vowed to retaliate.",
    "Share prices of shipping firms rose in early trading.",
    "Images released by the ministry showed jets taking off from Cyprus.",
    "Follow-up strikes could not be ruled out, officials said.",
    "More than 60 targets were hit, according to U.S. officials.",
    "Home Secretary James Cleverly said the action was proportionate.",
    "The BBC's Moscow correspondent, Anna Smith, says the Kremlin is worried.",
    "John Roe, the BBC's Moscow correspondent, says the Kremlin is worried.",
    "Jane Smith, a senior fellow at the Atlantic Council, said the talks would fail.",
    "For more than a decade, the two sides have disputed the border.",
    "Updated casualty figures released on Monday showed 12 people had died.",
    "Photographs of the damaged building were shared by the mayor.",
    "Nadia Perez reported from Quito. Other journalists contributed to this report.",
    "Several European countries contributed troops to the mission in 2003.",
    "Japan, South Korea and Australia also contributed.",
    "Listen, 5 minutes is all it takes to read the new rules, the minister said.",
    "Ilona Marsh and Piotr Nowak contributed to this report.",
    "Associated Press writers Jan Olsen in Copenhagen and Lorne Cook in Brussels contributed.",
    "The Lagos Courier's Hausa service contributed reporting.",
    "The source of the leak was not identified, Reuters reported.",
    "What the strikes mean for Red Sea shipping",
    "Port deal? The president has voiced interest in leasing the northern harbour.",
    "Britain, France and Germany issued a joint statement on Friday.",
    "\"We will respond.\"",
    "and that the group would keep targeting ships.",
])
def test_body_lines_that_look_like_noise_are_kept(line):
    clean = clean_lines(line)
    assert clean.removed == [] and line in clean.text.splitlines()


def test_text_without_any_sentence_is_left_alone():
    raw = RawArticle(origin="feed#1", text="Sweden Joins NATO As 32nd Member\nKremlin Vows Response")
    assert clean_with_shipped_rules(raw).text == raw.text


def test_kept_lines_are_never_edited():
    text = (FIXTURES / "grain-deal-scraped.txt").read_text(encoding="utf-8")
    (raw,) = read_inputs([str(FIXTURES / "grain-deal-scraped.txt")])
    source_lines = {line.strip() for line in text.splitlines()}
    assert all(line in source_lines for line in clean_with_shipped_rules(raw).text.splitlines())


def test_user_rules_file_extends_the_phrase_list(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("labels: [From Our Partners]\nthresholds: {label_max_words: 0}\n", encoding="utf-8")
    rules = load_rules([extra])
    raw = RawArticle(origin="t", text="\n".join([BODY[0], "Kyiv", BODY[1], "From our partners", BODY[2]]))
    clean = clean_article(raw, rules=rules)
    assert [(r.text, r.reason) for r in clean.removed] == [("From our partners", "section label")]


@pytest.mark.parametrize("content, message", [
    ("patterns:\n  - reason: x\n    regex: '(unclosed'\n", "bad regex"),
    ("patterns:\n  - regex: 'a'\n", "needs both"),
    ("- just a list\n", "expected a mapping"),
])
def test_bad_user_rules_file_names_file_and_entry(tmp_path, content, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(ResourceError, match=message) as err:
        load_rules([bad])
    assert "bad.yaml" in str(err.value)


# --- gold floors -----------------------------------------------------------------------------

def fixture_rates() -> tuple[float, float, list[str]]:
    gold = json.loads((FIXTURES / "cleaning.gold.json").read_text(encoding="utf-8"))["pages"]
    removed = kept = n_remove = n_keep = 0
    misses = []
    for name, page in gold.items():
        (raw,) = read_inputs([str(FIXTURES / name)])
        text_lines = {normalise(line) for line in clean_with_shipped_rules(raw).text.splitlines()}
        for line in page["must_remove"]:
            n_remove += 1
            removed += normalise(line) not in text_lines
            misses += [f"{name}: kept noise {line!r}"] * (normalise(line) in text_lines)
        for line in page["must_keep"]:
            n_keep += 1
            kept += normalise(line) in text_lines
            misses += [f"{name}: lost body {line!r}"] * (normalise(line) not in text_lines)
    return removed / n_remove, kept / n_keep, misses


def test_fixture_gold_floors():
    removal, keep, misses = fixture_rates()
    assert removal == 1.0 and keep == 1.0, misses


def load_devset_scorer():
    return load_script(DEVSET / "score.py")


@pytest.mark.skipif(not (DEVSET / "score.py").exists(), reason="shared devset absent")
def test_devset_boilerplate_and_body_figures():
    """The scorer's own boilerplate/body computation, on reader + cleaner output only (no spaCy)."""
    score = load_devset_scorer()
    totals = {"bp_removed": 0, "bp_n": 0, "body_kept": 0, "body_n": 0}
    misses = []
    for path in sorted(DEVSET.glob("*.txt")):
        gold_path = path.with_name(path.stem + ".gold.json")
        if not gold_path.exists():
            continue
        (raw,) = read_inputs([str(path)])
        clean = clean_with_shipped_rules(raw)
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        result = score.score_article({"boilerplate": gold.get("boilerplate")},
                                     {"title": clean.title, "text": clean.text},
                                     path.read_text(encoding="utf-8", errors="replace"))
        misses += result["misses"]
        for key in totals:
            totals[key] += result[key]
    assert totals["bp_n"] and totals["body_n"]
    assert totals["bp_removed"] / totals["bp_n"] == 1.0, misses
    assert totals["body_kept"] / totals["body_n"] == 1.0, misses


# --- page chrome: the headline is the title; chrome, disclaimers and repeated standfirsts go --------

def chrome_pages() -> list[tuple[str, str]]:
    gold = json.loads((FIXTURES / "cleaning.gold.json").read_text(encoding="utf-8"))["pages"]
    return [(name, page["title"]) for name, page in gold.items() if "title" in page]


@pytest.mark.parametrize("name, headline", chrome_pages())
def test_site_chrome_first_line_is_removed_and_the_headline_is_the_title(name, headline):
    (raw,) = read_inputs([str(FIXTURES / name)])
    clean = clean_with_shipped_rules(raw)
    assert clean.title == headline
    assert normalise(headline) not in {normalise(r.text) for r in clean.removed}
    assert raw.title in {r.text for r in clean.removed}  # the chrome the reader took for the title


@pytest.mark.parametrize("line, reason", [
    ("Home | World | Politics | Business | Sport", "site menu"), ("Europe · Ukraine war", "site menu"),
    ("Listen to this article · 4 min", "audio player"), ("Listen 05:12", "audio player"),
    ("Listen to the story, 6 min", "audio player"),
    ("(This story has not been edited by our staff and is auto-generated from a syndicated feed.)",
     "syndication notice"),
])
def test_chrome_lines_are_removed_with_their_reason(line, reason):
    clean = clean_lines(line)
    assert any(r.text == line and r.reason == reason for r in clean.removed)
