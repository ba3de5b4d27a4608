"""Quotes and their speakers: who said what, verbatim or reported.

Quotation marks are paired once per document by :mod:`newsgraph.language.quotation`
(straight or curly, a quote reopened in the next paragraph continues: one quote per paragraph, one
speaker for all). A quote is *direct* when it
stands as a sentence or next to a speech tag (``"X," he said``), *partial* when a
reporting or verdict verb governs it mid-sentence (``called the claims "baseless"``);
scare quotes and titles are neither. *Indirect* speech is the complement clause of a
reporting verb. The speaker is the subject of the reporting verb (or an "according
to" phrase), looked up in the :class:`ActorTable`; a quote with no tag continues the
previous speaker. Every step is a bounded look around one quote, so the cost is
linear in the length of the article.

A quote has one speaker. When several speak together ("Britain and France said in a joint statement", "the
foreign ministers of Egypt and Jordan said") the speaker id is the first named, as PLOVER takes the first
source, and ``speaker_name`` is the phrase that joins them all ("Britain and France"), so none is lost to a
reader or to a search by name. An office or a message speaks for whoever it belongs to ("Netanyahu's office
said", "the statement said" after "the AU ... in a statement").
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial

from spacy.tokens import Doc, Span, Token

from ..language.quotation import DOUBLE_MARKS, QUOTE_MARKS, SENTENCE_END, SINGLE_MARKS, QuotedSpan, quotation
from ..records import QUOTE_KINDS, Actor, ActorTable, Quote
from ..resources.speech_verbs import SpeechLexicon
from .actors.groups import COORDINATED_RULE
from .actors.pronouns import PRONOUN_GENDER, known_by_possessive_pronoun
from .actors.salience import after_dateline
from .lookups import doc_text, lower_lemmas, lower_words, token_texts

# How far (in tokens) a speech tag may lie from its quote.
TAG_WINDOW = 30
# How many tokens (quoted ones included) a look for a tag may step over.
MAX_WINDOW_STEPS = 400
# How far back (in characters) a pronoun's antecedent is looked for.
MAX_SALIENCE_CHARS = 2000
# A speech tag between the two parts of one quote is shorter than this.
MAX_SPLIT_TAG_CHARS = 160
# How many words before a name may belong to its title ("foreign ministry spokesperson Abdul Qahar Balkhi").
TITLE_WINDOW = 4
# How close a reporting verb must be to a comma before a quote (`Smith said on Monday, "..."`).
INTRO_WINDOW = 6
# How many heads up from a quoted phrase its reporting verb may be.
MAX_GOVERNOR_HOPS = 6
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "we", "them", "us"})
BODY_KINDS = ("organisation", "state", "group")  # what "it said" can stand for
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
TITLE_FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "with", "at", "by"})
PAIR_WORDS = frozenset({"both", "two"})  # "both leaders", "the two ministers"
SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAME_VIAS = frozenset({"name", "alias"})  # mention kinds (records.Mention.via) that name an actor
WRITTEN_NAME_VIAS = NAME_VIAS | {"metonym"}  # mentions whose words a speaker is shown by ("the White House")
CORE_NP_DEPS = frozenset({"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "punct"})
OWNER_PREPS = frozenset({"from", "by", "of"})
DEMONSTRATIVES = frozenset({"that", "this", "those", "these", "such"})
DESCRIPTION_PREPS = frozenset({"of", "for"})  # kept in a speaker's description: "a spokesman for the ministry"
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
REPORTED_DEPS = frozenset({"ccomp", "xcomp", "dobj"})  # how what is reported hangs on its reporting verb
# What a speech tag set after what it reports holds besides its verb: `, she has said.`, `, Berg told reporters.`
TAG_DEPS = frozenset({"nsubj", "aux", "advmod", "npadvmod", "prep", "dobj", "dative"})
TAG_DEPS_BEFORE_VERB = frozenset({"nsubj", "aux", "advmod"})


# ---------------------------------------------------------------------------------------------
# Extraction


@dataclass
class _Speaker:
    actor: Actor | None
    name: str | None
    cue: str | None
    named: bool = False  # named by a proper noun or a pronoun, not by a description ("analysts")


@dataclass
class _Context:
    """What one article's extraction knows while it walks the quotes in order."""

    doc: Doc
    text: str  # doc.text, which spaCy rebuilds on every access
    actors: ActorTable
    lexicon: SpeechLexicon
    quote_of_token: tuple[int, ...]  # token index -> index of the quoted span it lies in, or -1
    spans: tuple[QuotedSpan, ...]
    paragraph_of_token: list[int]
    paragraph_starts: list[int]
    sentence_of_token: list[Span]  # spaCy's Token.sent scans the whole doc on every call
    last: tuple[_Speaker, int, int] | None = None  # previous quote's speaker, paragraph, end offset
    titles: dict[str, list[tuple[int, str]]] | None = None  # title word -> people it preceded (built on demand)
    said_by_pronoun: dict[int, Actor] = field(default_factory=dict)  # he/she of a tag -> the person it was given
    quotes: list[Quote] = field(default_factory=list)


def extract_quotes(
    doc: Doc, *, actors: ActorTable, lexicon: SpeechLexicon, kinds: Iterable[str] = QUOTE_KINDS
) -> list[Quote]:
    """Direct, partial and indirect quotes of one parsed article, with their speakers.

    Quotes are taken in text order so that a tag-less quote or a "he said" can lean on the
    speaker just before it; `kinds` chooses which kinds are returned.
    """
    text = doc_text(doc)
    quoted = quotation(doc)
    spans = quoted.spans
    paragraph_of_token, paragraph_starts = _paragraphs_of(doc)
    ctx = _Context(
        doc=doc,
        text=text,
        actors=actors,
        lexicon=lexicon,
        quote_of_token=quoted.quote_of_token,
        spans=spans,
        paragraph_of_token=paragraph_of_token,
        paragraph_starts=paragraph_starts,
        sentence_of_token=[sent for sent in doc.sents for _ in range(sent.start, sent.end)],
    )
    lemmas, lower, openers = lower_lemmas(doc), lower_words(doc), lexicon.source_phrase_openers
    cues = [doc[i] for i in range(len(doc)) if ctx.quote_of_token[i] == -1  # every word asked: no Token for most
            and (lemmas[i] in lexicon.indirect or (lower[i] in openers and lexicon.source_phrase_at(doc[i])))]
    steps = sorted([(s.start, n, None) for n, s in enumerate(spans)] + [(t.idx, -1, t) for t in cues],
                   key=lambda step: step[0])
    for _, index, cue in steps:
        if cue is None:
            _add_quoted(ctx, index, spans[index])
        else:
            _add_indirect(ctx, cue)
    wanted = set(kinds)
    quotes = sorted((q for q in ctx.quotes if q.kind in wanted), key=lambda q: (q.start, q.end))
    for n, quote in enumerate(quotes, 1):
        quote.id = f"q{n}"
    return quotes


def _paragraphs_of(doc: Doc) -> tuple[list[int], list[int]]:
    """The paragraph index of every token, and the character offset where each paragraph starts."""
    of_token, starts = [], [0]
    for i, text in enumerate(token_texts(doc)):  # a token's whitespace_ is one space at most: never a break
        of_token.append(len(starts) - 1)
        if "\n" in text:
            starts.append(doc[i].idx + len(doc[i].text_with_ws))
    return of_token, starts


def _add_quoted(ctx: _Context, index: int, span: QuotedSpan) -> None:
    """Decide what one quoted span is, find its speaker and record it."""
    tokens = ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
    if tokens is None or not len(tokens):
        return
    before = _window(ctx, tokens.start - 1, -1)
    after = _window(ctx, tokens.end, 1)
    tag = _tag_after(ctx, span, after) or _tag_before(ctx, before)
    if _continues_split_quote(ctx, index):
        kind, speaker = "direct", ctx.last[0] if ctx.last else None
    elif _opens_sentence(before) or _introduced(ctx, before):
        kind, speaker = "direct", _direct_speaker(ctx, span, tokens, before, after, tag)
    else:
        kind, speaker = "partial", _partial_speaker(ctx, tokens, after, tag)
    if speaker is not None:
        _record(ctx, span, tokens, kind, speaker, after if tag is not None and tag in after else [])


def _direct_speaker(
    ctx: _Context, span: QuotedSpan, tokens: Span, before: list[Token], after: list[Token], tag: Token | None
) -> _Speaker | None:
    """Who speaks a quote that stands as a sentence or beside its tag; None when it is not a quote."""
    if _looks_like_title(tokens, min_words=2, verbless=True):
        return None  # `the book, "Political Analysis," was banned`
    if tag is not None:  # a tag whose speaker cannot be told ("she said" with nobody before) still marks a quote
        return _speaker_of_cue(ctx, tag) or _Speaker(None, None, _cue_text(ctx, tag))
    speaker = _verbless_tag(ctx, span, before, after)
    if speaker is not None:
        return speaker
    if not _stands_as_sentence(ctx, span, tokens, after):
        return None  # a title or a name in quotes at the start of a sentence
    return _named_in_next_sentence(ctx, tokens) or _continued_speaker(ctx, tokens)


def _named_in_next_sentence(ctx: _Context, tokens: Span) -> _Speaker | None:
    """ '"A bad deal would only invite the next war." That was the warning from Estonia's foreign minister':
    the sentence after the quote, whose subject is a demonstrative, names its speaker as the owner of a word
    for what was said."""
    end = tokens.end
    while end < len(ctx.doc) and (ctx.quote_of_token[end] != -1 or ctx.doc[end].is_punct):
        end += 1
    if end >= len(ctx.doc) or ctx.doc[end].lower_ not in DEMONSTRATIVES or ctx.doc[end].dep_ not in SUBJECT_DEPS:
        return None
    sent = ctx.sentence_of_token[end]
    nouns = ctx.lexicon.nouns | ctx.lexicon.echo_nouns
    for noun in sent:
        if noun.pos_ == "NOUN" and noun.lower_ in nouns and noun.head.lemma_ == "be":
            owner = next((p for p in noun.children if p.dep_ == "prep" and p.lower_ in OWNER_PREPS), None)
            speaker = next((c for c in owner.children if c.dep_ == "pobj"), None) if owner is not None else None
            if speaker is not None:
                actor, name = _resolve(ctx, speaker)
                return _Speaker(actor, name, None, _is_proper_name(ctx, speaker, actor)) if actor else None
    return None


def _partial_speaker(ctx: _Context, tokens: Span, after: list[Token], tag: Token | None) -> _Speaker | None:
    """Who speaks a phrase quoted mid-sentence: the subject of the verb that governs it; None for scare quotes."""
    cues = _governing_cues(ctx, tokens)
    if not cues and tag is not None and tag in after:
        cues = [tag]
    if not cues or _is_scare_quote(ctx, tokens, cues):
        return None
    speaker = next((sp for sp in map(partial(_speaker_of_cue, ctx), _outermost_report_first(cues)) if sp is not None),
                   None)
    return speaker or _Speaker(None, None, _cue_text(ctx, cues[0]))


def _outermost_report_first(cues: list[Token]) -> list[Token]:
    """The cues (nearest first) reordered so that whoever reports the others speaks: "Scholz said leaders
    had expressed 'X'" is Scholz's; "Beijing confirmed it, with its spokesman saying 'X'" stays the spokesman's,
    since "saying" is not what Beijing confirmed."""
    chain = cues[:1]
    for outer in cues[1:]:
        if not _within_what_is_said(chain[-1], outer):
            break
        chain.append(outer)
    return chain[::-1] + cues[len(chain):]


def _continues_split_quote(ctx: _Context, index: int) -> bool:
    """`"X," said Thomson, chief executive of AOL, "Y."` — the second part of a quote split by its tag."""
    if index == 0 or ctx.last is None or ctx.last[2] != ctx.spans[index - 1].end:
        return False
    between = ctx.text[ctx.spans[index - 1].end:ctx.spans[index].start]
    between = between.strip().strip(DOUBLE_MARKS + SINGLE_MARKS).strip()
    if not between.endswith(",") or len(between) > MAX_SPLIT_TAG_CHARS or any(c in SENTENCE_END for c in between):
        return False
    tag = ctx.doc.char_span(ctx.spans[index - 1].end, ctx.spans[index].start, alignment_mode="contract")
    return tag is not None and any(_is_cue(ctx, t) for t in tag)


def _verbless_tag(ctx: _Context, span: QuotedSpan, before: list[Token], after: list[Token]) -> _Speaker | None:
    """A tag without a reporting verb: `Berg was blunt: "..."`, or `"...," Costa, who heads the council.`"""
    if before and before[-1].text == ":":
        subject = next((t for t in before if t.dep_ in SUBJECT_DEPS), None)
    elif ctx.text[span.start:span.end].rstrip().endswith(",") and after:
        first = next((t for t in after[:2] if not t.is_punct), None)
        subject = _np_head(first) if first is not None and first.pos_ == "PROPN" else None
    else:
        subject = None
    if subject is None:
        return None
    actor, name = _resolve(ctx, subject)
    return _Speaker(actor, name, None) if actor is not None or name else None


def _record(ctx: _Context, span: QuotedSpan, tokens: Span, kind: str, speaker: _Speaker,
            tag_window: list[Token]) -> None:
    """One quote per paragraph the quoted span runs over, each with the speaker of the whole.

    A quote reopened in the next paragraph is how news prints one speaker's paragraphs in turn;
    each paragraph is then a quotation of its own (as readers and gold files cite them).
    """
    tag_end = tag_window[-1].idx + len(tag_window[-1]) if tag_window else 0
    for start, end in span.parts:
        part = ctx.doc.char_span(start, end, alignment_mode="expand")
        text = ctx.text[start:end].strip()
        if part is None or not len(part) or not any(ch.isalnum() for ch in text):
            continue
        ctx.quotes.append(Quote(
            id="",
            text=text,
            kind=kind,
            start=start,
            end=end,
            sentence_start=ctx.sentence_of_token[part[0].i].start_char,
            sentence_end=max(ctx.sentence_of_token[part[-1].i].end_char, tag_end if end == span.end else 0),
            speaker=speaker.actor.id if speaker.actor else None,
            speaker_name=speaker.name,
            cue=speaker.cue,
        ))
    ctx.last = (speaker, ctx.paragraph_of_token[tokens[-1].i], span.end)


def _window(ctx: _Context, start: int, step: int) -> list[Token]:
    """Tokens outside quotes from `start` going one way, up to a sentence end or paragraph break.

    Other quotes in the way are stepped over, so `"A" and "B," said X` finds the tag for A.
    """
    doc, i = ctx.doc, start
    out: list[Token] = []
    paragraph = ctx.paragraph_of_token[start - step] if 0 <= start - step < len(doc) else None
    stop = start + step * MAX_WINDOW_STEPS
    while 0 <= i < len(doc) and len(out) < TAG_WINDOW and i != stop:
        tok = doc[i]
        if ctx.paragraph_of_token[i] != paragraph:
            break
        if ctx.quote_of_token[i] != -1 or tok.text in QUOTE_MARKS:
            if step < 0 and tok.text in QUOTE_MARKS and _ends_sentence_inside(ctx, i):
                break
            i += step
            continue
        if tok.text in SENTENCE_END or (tok.text == "." and tok.is_punct) or _stop_glued_before_quote(ctx, tok):
            if step > 0:
                out.append(tok)
            break
        if not tok.is_space:
            out.append(tok)
        i += step
    return out if step > 0 else out[::-1]


def _stop_glued_before_quote(ctx: _Context, tok: Token) -> bool:
    """`... she wrote on X. "Now we ..."`: a full stop the tokenizer glued to one letter, right before a quote."""
    following = ctx.doc[tok.i + 1] if tok.i + 1 < len(ctx.doc) else None
    return len(tok.text) == 2 and tok.text.endswith(".") and following is not None and following.text in QUOTE_MARKS


def _ends_sentence_inside(ctx: _Context, i: int) -> bool:
    """A closing mark right after sentence-final punctuation ends the sentence before it."""
    prev = ctx.doc[i - 1] if i > 0 else None
    return prev is not None and prev.text in SENTENCE_END


def _opens_sentence(before: list[Token]) -> bool:
    """Nothing but connectives between the quote and the start of its sentence."""
    return all(t.is_punct or t.lower_ in ("and", "but", "or") for t in before)


def _introduced(ctx: _Context, before: list[Token]) -> bool:
    """`X said: "..."` or `X said, "..."` — a tag right before the opening mark."""
    if not before or before[-1].text not in (":", ","):
        return False
    return before[-1].text == ":" or any(_is_cue(ctx, t) for t in before[-INTRO_WINDOW:])


def _is_cue(ctx: _Context, tok: Token) -> bool:
    return ctx.lexicon.is_reporting(tok) or ctx.lexicon.source_phrase_at(tok) is not None


def _tag_after(ctx: _Context, span: QuotedSpan, after: list[Token]) -> Token | None:
    """The reporting verb of a tag that follows the quote (`"...," she said`)."""
    if not after:
        return None
    inner = ctx.text[span.start:span.end].rstrip()
    ends_sentence = bool(inner) and inner[-1] in SENTENCE_END
    # `"X." Smith said ...` starts a new sentence unless the quote was a question or exclamation
    new_sentence = inner[-1:] == "." or not any(ctx.lexicon.is_reporting(t) for t in after[:4])
    if ends_sentence and after[0].is_title and not ctx.lexicon.is_reporting(after[0]) and new_sentence:
        return None
    return next((t for t in after if _is_cue(ctx, t)), None)


def _tag_before(ctx: _Context, before: list[Token]) -> Token | None:
    """The reporting verb of a tag that introduces the quote (`she said: "..."`)."""
    if not before or before[-1].text not in (":", ","):
        return None
    near = before if before[-1].text == ":" else before[-INTRO_WINDOW:]
    return next((t for t in reversed(near) if _is_cue(ctx, t)), None)


def _stands_as_sentence(ctx: _Context, span: QuotedSpan, tokens: Span, after: list[Token]) -> bool:
    """A whole sentence in quotes (not a title): ends with sentence punctuation and has a verb."""
    inner = ctx.text[span.start:span.end].rstrip()
    closes = bool(inner) and (inner[-1] in SENTENCE_END or not after or after[0].text in SENTENCE_END)
    return closes and any(t.pos_ in ("VERB", "AUX") for t in tokens)


def _governing_cues(ctx: _Context, tokens: Span) -> list[Token]:
    """Reporting or verdict verbs the quoted phrase depends on, nearest first, in its own sentence
    (the parser may run two together when one ends inside a quote: `... law." Algeria rejected`)."""
    cues: list[Token] = []
    node = tokens.root
    for _ in range(MAX_GOVERNOR_HOPS):
        head = node.head
        if head.i == node.i or _sentence_break_between(ctx, head.i + 1, tokens.start) \
                or _sentence_break_between(ctx, tokens.end, head.i):
            break
        if ctx.quote_of_token[head.i] == -1 and not _is_passive(head) and (
            ctx.lexicon.is_reporting(head) or ctx.lexicon.is_verdict(head) or _is_source_token(ctx, head)
        ):
            cues.append(head)
        node = head
    return cues


def _is_passive(verb: Token) -> bool:
    """`is called "X"` names a thing; nobody is quoted."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _is_source_token(ctx: _Context, tok: Token) -> bool:
    """`according` (of "according to") or the `to` after it."""
    if ctx.lexicon.source_phrase_at(tok):
        return True
    return tok.i > 0 and ctx.lexicon.source_phrase_at(ctx.doc[tok.i - 1]) is not None


def _is_scare_quote(ctx: _Context, tokens: Span, cues: list[Token]) -> bool:
    """Quotes around a name, a title or one word that is not itself what someone said."""
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if not words or _looks_like_title(tokens, min_words=1, verbless=False):
        return True
    if len(words) == 1:
        word = tokens.root
        verdict = any(ctx.lexicon.is_verdict(c) for c in cues)
        return not (verdict or word.dep_ in ("acomp", "attr", "oprd", "ccomp", "xcomp")
                    or any(_within_what_is_said(word, cue) for cue in cues))
    return False


def _within_what_is_said(word: Token, cue: Token) -> bool:
    """A word inside what a reporting verb reports: its complement clause or object ("said that officers
    acted against 'vandals'", "expressed 'dismay'") or the charge of an accusation ("accused X of a
    'betrayal'"); not its subject, nor a phrase of time or place around it."""
    node = word
    for _ in range(MAX_GOVERNOR_HOPS):
        if node.head.i == cue.i:
            return node.dep_ in REPORTED_DEPS or (node.dep_ == "prep" and node.lower_ == "of")
        node = node.head
    return False


def _looks_like_title(tokens: Span, *, min_words: int, verbless: bool) -> bool:
    """A name or title in quotes ("Iron Dome", "Meet the Press"): a few capitalised words.

    Inside a sentence a title may hold a verb; a sentence-initial one must not (`"Get Out Now!"`).
    """
    words = [t for t in tokens if t.is_alpha or t.like_num]
    if not min_words <= len(words) <= 6 or not (words[0].is_title or words[0].is_upper or words[0].like_num):
        return False
    capitalised = all(w.is_title or w.is_upper or not w.is_alpha or w.lower_ in TITLE_FUNCTION_WORDS for w in words)
    return capitalised and not (verbless and any(t.pos_ in ("VERB", "AUX") for t in tokens))


def _continued_speaker(ctx: _Context, tokens: Span) -> _Speaker:
    """A quote with no tag of its own: the person who became the subject since the previous quote
    (`Jones disagreed. "..."`), else the previous quote's speaker if it is close enough."""
    people = _people(ctx, _main_subjects_since(ctx, tokens[0]))
    if people:
        return _Speaker(*people[-1], None, True)
    previous = _recent_speaker(ctx, tokens[0])
    if previous is not None:
        return _Speaker(previous.actor, previous.name, None, previous.named)
    return _Speaker(None, None, None)


# ---------------------------------------------------------------------------------------------
# Speakers


def _cue_text(ctx: _Context, cue: Token) -> str:
    phrase = ctx.lexicon.source_phrase_at(cue)
    if phrase:
        return " ".join(phrase)
    particles = [c.text for c in cue.children if c.dep_ == "prt"]
    return " ".join([cue.text, *particles])


def _speaker_of_cue(ctx: _Context, cue: Token) -> _Speaker | None:
    """The speaker named by a reporting verb or source phrase."""
    source = _source_of_phrase(ctx, cue)
    subject = source if source is not None else _subject_of(ctx, cue)
    if subject is None:
        return None
    subject = _speaking_token(ctx, subject)
    actor, name = _resolve(ctx, subject)
    if actor is None and name is None:
        return None
    # "Russia's deputy foreign minister, Sergei Ryabkov, said ...": the title speaks by the name beside it
    named = _is_proper_name(ctx, subject, actor) or (actor is not None and _person_in_apposition(ctx, subject) is actor)
    return _Speaker(actor, name, _cue_text(ctx, cue), named=named)


def _source_of_phrase(ctx: _Context, cue: Token) -> Token | None:
    phrase = ctx.lexicon.source_phrase_at(cue)
    if not phrase:
        return None
    last = ctx.doc[cue.i + len(phrase) - 1]
    objects = [c for c in (*last.children, *cue.children) if c.dep_ == "pobj"]
    if objects:
        return objects[0]
    following = ctx.doc[last.i + 1: last.i + 6]
    return next((t for t in following if t.pos_ in ("PROPN", "NOUN")), None)


def _subject_of(ctx: _Context, verb: Token) -> Token | None:
    """The subject of a reporting verb, climbing `adding`/`and said`/relative clauses to find it.

    Words inside a quotation are never the subject of the tag around it.
    """
    v = verb
    for _ in range(4):
        subjects = [c for c in v.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # `"X gave up something real, the exercises," said a former negotiator`: the parser may
            # hang words of the quote on the tag as a second subject; the one outside the quote speaks
            return next((c for c in subjects if ctx.quote_of_token[c.i] == -1), None)
        if v.dep_ in ("relcl", "acl") and v.head.i != v.i:
            return v.head
        joined = _clause_joined(ctx, v)
        if joined is not None and ctx.quote_of_token[joined.i] == -1 and _same_paragraph(ctx, joined, verb):
            v = joined
            continue
        if v.dep_ in ("conj", "advcl", "xcomp", "pcomp") and v.head.i != v.i and ctx.quote_of_token[v.head.i] == -1 \
                and _same_paragraph(ctx, v.head, verb):  # the parser may run two paragraphs into one sentence
            v = v.head
            continue
        break
    if _follows_quote(ctx, verb):
        return _inverted_subject(ctx, verb)
    return _subject_after_quote(ctx, verb) or _nearest_subject_before(ctx, verb)


def _clause_joined(ctx: _Context, verb: Token) -> Token | None:
    """The clause a reporting verb joined by "and" really goes on: `X said the republic would cease to exist, and
    urged residents ...`, `It called the move an act that undermined ... and warned ...`. The parser joins it to the
    verb of the reported or relative clause before it, whose subject (the republic, "that") did not speak: it is the
    reporting verb that clause hangs on, or the verb whose object the relative clause describes."""
    if verb.dep_ != "conj" or not (ctx.lexicon.is_reporting(verb) or ctx.lexicon.is_verdict(verb)) \
            or any(c.dep_ in SUBJECT_DEPS for c in verb.children):  # "..., and the AU said": a speaker of its own
        return None
    joined = verb.head
    if joined.dep_ == "ccomp" and joined.head.i != joined.i and ctx.lexicon.is_reporting(joined.head):
        return joined.head
    if joined.dep_ == "relcl":
        node = joined.head
        for _ in range(MAX_GOVERNOR_HOPS):
            if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                break
            node = node.head
        return node if node.pos_ in ("VERB", "AUX") else None
    return None


def _follows_quote(ctx: _Context, verb: Token) -> bool:
    """`"...," said X`: the verb comes right after a closing mark (and maybe a comma)."""
    for tok in reversed(ctx.doc[max(0, verb.i - 3): verb.i]):
        if tok.text in QUOTE_MARKS:
            return True
        if not (tok.is_punct or tok.is_space):
            return False
    return False


def _subject_after_quote(ctx: _Context, verb: Token) -> Token | None:
    """`"...," the front's spokesman, Dominique Fochi, said` when the parser made the words between the closing
    mark and the verb an object inside the quote: they are the tag's subject when they form one noun phrase."""
    lo = verb.i
    while lo > 0 and verb.i - lo <= TAG_WINDOW and ctx.quote_of_token[lo - 1] == -1 \
            and ctx.doc[lo - 1].text not in QUOTE_MARKS and ctx.doc[lo - 1].text not in SENTENCE_END:
        lo -= 1
    if lo == 0 or lo == verb.i or ctx.doc[lo - 1].text not in QUOTE_MARKS \
            or not _same_paragraph(ctx, ctx.doc[lo], verb):
        return None
    words = [t for t in ctx.doc[lo:verb.i] if not t.is_punct]
    roots = [t for t in words if not lo <= t.head.i < verb.i]
    if len(roots) != 1 or roots[0].pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    return roots[0]


def _inverted_subject(ctx: _Context, verb: Token) -> Token | None:
    """`"...," said Cavusoglu` when the parser found no subject: the first noun after the verb."""
    for tok in ctx.doc[verb.i + 1: verb.i + 1 + 8]:
        if ctx.quote_of_token[tok.i] != -1 or tok.text in SENTENCE_END:
            return None
        if tok.pos_ in ("PROPN", "NOUN", "PRON"):
            return _np_head(tok)
    return None


def _nearest_subject_before(ctx: _Context, verb: Token) -> Token | None:
    """A participle tag with a misparsed head (`X did Y, announcing that ...`): the last subject before it in its
    paragraph; else the name just before it (`... on X.\n\nOrban said`, parsed as one sentence)."""
    before = [t for t in ctx.doc[ctx.sentence_of_token[verb.i].start: verb.i] if _same_paragraph(ctx, t, verb)]
    for tok in reversed(before):
        if tok.dep_ in SUBJECT_DEPS and ctx.quote_of_token[tok.i] == -1:
            return tok
    if before and before[-1].pos_ == "PROPN" and ctx.quote_of_token[before[-1].i] == -1:
        return before[-1]
    return None


def _same_paragraph(ctx: _Context, tok: Token, other: Token) -> bool:
    return ctx.paragraph_of_token[tok.i] == ctx.paragraph_of_token[other.i]


def _np_head(tok: Token) -> Token:
    """Climb compound/flat links to the head noun of a name."""
    while tok.dep_ in ("compound", "flat", "amod") and tok.head.i > tok.i:
        tok = tok.head
    return tok


def _is_proper_name(ctx: _Context, tok: Token, actor: Actor | None) -> bool:
    """Whether the speaker is named by a pronoun or a name, not by a description ("analysts")."""
    if tok.pos_ in ("PROPN", "PRON"):
        return True
    if actor is None:
        return False
    # "the prime minister" that the table linked to the person named before speaks by that name
    vias = NAME_VIAS | ({"title", "nominal"} if actor.kind == "person" and _has_name(actor) else set())
    return any(m.start <= tok.idx < m.end and m.via in vias for m in actor.mentions)


def _has_name(actor: Actor) -> bool:
    return any(m.via in NAME_VIAS for m in actor.mentions)


def _speaking_token(ctx: _Context, subject: Token) -> Token:
    """Who a subject stands for: the antecedent of `who`, the issuer of `a statement from X`."""
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        subject = subject.head.head
    if subject.lemma_.lower() in ctx.lexicon.nouns:
        owner = _owner_of(subject) or _issuer_named_before(ctx, subject)
        if owner is not None:
            subject = owner
    elif subject.lemma_.lower() in ctx.lexicon.offices:  # "Netanyahu's office": only a possessor speaks through it
        owner = next((c for c in subject.children if c.dep_ == "poss"), None)
        if owner is not None and owner.pos_ == "PROPN":
            subject = owner
    return subject


def _issuer_named_before(ctx: _Context, noun: Token) -> Token | None:
    """ "The AU condemned the coup in a statement. '...,' the statement said": the subject that issued the same
    kind of message in this sentence or the one before, when "the statement" has no owner of its own."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children):
        return None
    sentence = ctx.sentence_of_token[noun.i]
    lo = ctx.sentence_of_token[sentence.start - 1].start if sentence.start > 0 else sentence.start
    for earlier in reversed(ctx.doc[lo:noun.i]):
        if earlier.lemma_.lower() != noun.lemma_.lower() or ctx.quote_of_token[earlier.i] != -1:
            continue
        owner = _owner_of(earlier)
        if owner is not None:
            return owner
        verb = earlier
        for _ in range(MAX_GOVERNOR_HOPS):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
                break
            verb = verb.head
        return next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return None


def _resolve(ctx: _Context, subject: Token) -> tuple[Actor | None, str | None]:
    """The actor a subject refers to and the name to show for it; several coordinated speakers ("Britain and
    France said in a joint statement", "the foreign ministers of Egypt and Jordan said") are shown by the words
    that join them, the quote's one speaker id being the first of them (PLOVER's first-named source)."""
    actor, name = _resolve_one(ctx, subject)
    joint = _joint_speakers(ctx, subject, actor)
    if len(joint) < 2:
        return actor, name
    lo, hi = _core_np(subject)
    hi = max([hi] + [c.idx + len(c) for c in subject.conjuncts])
    return joint[0], _clean_name(re.sub(r"^(?i:the) ", "", ctx.text[lo:hi]))


def _joint_speakers(ctx: _Context, subject: Token, actor: Actor | None) -> list[Actor]:
    """The distinct coded actors a coordinated subject names, in the order the text names them."""
    if actor is None or actor.kind == "person":
        return []
    if actor.evidence.get("rule") == COORDINATED_RULE:
        spans = {(m.start, m.end) for m in actor.mentions}
        return [a for a in ctx.actors.actors if a.evidence.get("rule") == COORDINATED_RULE
                and any((m.start, m.end) in spans for m in a.mentions)]
    conjuncts = [c for c in subject.conjuncts if c.i > subject.i]
    if not conjuncts:
        return []
    joint = [actor]
    for tok in conjuncts:
        other = ctx.actors.actor_at(tok.idx, tok.idx + len(tok))
        if other is None or not other.code or other.kind == "person":
            return []  # "Britain and its allies": no list of speakers the table can name
        if other not in joint:
            joint.append(other)
    return joint


def _resolve_one(ctx: _Context, subject: Token) -> tuple[Actor | None, str | None]:
    """The actor a subject refers to and the name to show for it.

    A person named in apposition comes first ("the army's spokesman, Gen. X," → X); then the subject's
    own word when the table links it ("the minister" → her name);
    else a person named inside the subject phrase ("Erdogan's spokesman, Fahrettin Altun");
    else an unnamed speaker keeps its description and links to the body it belongs to
    ("an EU official" → EU). A body is shown by the name the text gives it ("the White House" for
    the United States, whose actor stays beside it).
    """
    subject = _speaking_token(ctx, subject)
    if subject.pos_ == "PRON":
        return _resolve_pronoun(ctx, subject)
    named = _person_in_apposition(ctx, subject)
    if named is not None:
        return named, named.name
    head_actor = ctx.actors.actor_at(subject.idx, subject.idx + len(subject))
    if head_actor is not None and known_by_possessive_pronoun(subject, head_actor, kinds=("person", "organisation")):
        head_actor = None  # "..., his spokesman said", "its ministry said": said for whom "his" or "its" stands for
    if head_actor is not None and head_actor.kind == "person":
        return head_actor, head_actor.name
    person = _person_in_phrase(ctx, subject) or _person_by_title(ctx, subject)
    if person is not None:
        return person, person.name
    if head_actor is not None:
        return head_actor, _written_name(ctx, subject, head_actor)
    pair = _pair_of_people(ctx, subject)
    if pair:
        return pair[0], " and ".join(p.name for p in pair)
    lo, hi = _core_np(subject)
    return ctx.actors.actor_at(lo, hi), _clean_name(ctx.text[lo:hi])


def _written_name(ctx: _Context, subject: Token, actor: Actor) -> str:
    """The words of the actor's name or metonym that the subject stands in ("White House" for the
    United States), without a leading "the"; else the actor's name."""
    for mention in actor.mentions:
        if mention.start <= subject.idx < mention.end and mention.via in WRITTEN_NAME_VIAS \
                and not _is_dateline(ctx, mention.start, mention.text):
            return _shown_name(mention.text) or actor.name
    return actor.name


def _is_dateline(ctx: _Context, start: int, text: str) -> bool:
    """`NAIROBI, Kenya (AP) —`: a place in capitals opening a paragraph is where the story was filed."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    after = ctx.text[start + len(text):].lstrip(" ")
    return text.isupper() and not ctx.text[line_start:start].strip() and after[:1] in (",", "(", "—", "-")


def _shown_name(written: str) -> str | None:
    """A name as written, without the article it was written with ("the White House" -> "White House")."""
    words = written.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return _clean_name(" ".join(words))


def _person_in_phrase(ctx: _Context, head: Token) -> Actor | None:
    """The first person named in the subject phrase who is not a possessor ("X's aide") nor named in a relative
    clause about it ("Hamas, whose leaders Erdogan has hosted, ...")."""
    doc = ctx.doc
    lo, hi = head.left_edge.i, head.right_edge.i + 1
    relatives = [(t.left_edge.i, t.right_edge.i) for t in doc[lo:hi] if t.dep_ == "relcl"]
    for start, end, actor_id in ctx.actors.mentions_in(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])):
        actor = ctx.actors.get(actor_id)
        span = doc.char_span(start, end, alignment_mode="expand")
        if actor is None or actor.kind != "person" or span is None:
            continue
        if (span.end < len(doc) and doc[span.end].tag_ == "POS") or any(a <= span.root.i <= b for a, b in relatives):
            continue
        return actor
    return None


def _pair_of_people(ctx: _Context, noun: Token) -> list[Actor]:
    """`both leaders` / `the two ministers`: the last two people named before, outside quotes."""
    if noun.tag_ != "NNS" or not any(c.lower_ in PAIR_WORDS for c in noun.children):
        return []
    found: list[Actor] = []
    mentions = list(ctx.actors.mentions_in(_salience_start(ctx, noun), noun.idx))
    for start, end, actor_id in reversed(mentions):
        actor = ctx.actors.get(actor_id)
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if actor is None or actor.kind != "person" or actor in found or span is None:
            continue
        if ctx.quote_of_token[span.root.i] == -1:
            found.insert(0, actor)
        if len(found) == 2:
            return found
    return []


def _person_by_title(ctx: _Context, noun: Token) -> Actor | None:
    """`the foreign ministry spokesperson said` after "spokesperson Abdul Qahar Balkhi": the last
    person named earlier with that title word right before their name."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if ctx.titles is None:
        ctx.titles = _person_titles(ctx)
    earlier = [actor_id for offset, actor_id in ctx.titles.get(noun.lemma_.lower(), []) if offset < noun.idx]
    return ctx.actors.get(earlier[-1]) if earlier else None


def _person_titles(ctx: _Context) -> dict[str, list[tuple[int, str]]]:
    """Title word -> (offset, person id) for every person mention preceded by a common-noun title."""
    titles: dict[str, list[tuple[int, str]]] = {}
    for actor in ctx.actors.actors:
        if actor.kind != "person":
            continue
        for mention in actor.mentions:
            span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            for tok in ctx.doc[max(0, span.start - TITLE_WINDOW): span.end]:
                if tok.pos_ == "NOUN" and tok.dep_ == "compound":
                    titles.setdefault(tok.lemma_.lower(), []).append((mention.start, actor.id))
    for entries in titles.values():
        entries.sort()
    return titles


def _owner_of(noun: Token) -> Token | None:
    """Who issued a statement/report: its possessor or the object of `from`/`by`/`of`."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in OWNER_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _core_np(tok: Token) -> tuple[int, int]:
    """Character span of a noun with its left modifiers and coordinated nouns, without trailing phrases."""
    lo = tok.idx
    for child in tok.lefts:
        if child.dep_ in CORE_NP_DEPS:
            lo = min(lo, child.left_edge.idx)
    hi = tok.idx + len(tok)
    for child in tok.rights:
        if child.dep_ == "conj" or (child.dep_ == "prep" and child.lower_ in DESCRIPTION_PREPS):
            hi = max(hi, child.right_edge.idx + len(child.right_edge) if child.dep_ == "prep"
                     else child.idx + len(child))
    return lo, hi


def _clean_name(text: str) -> str | None:
    name = " ".join(text.replace("\n", " ").split()).strip(" ,'\"’‘“”")
    return name or None


def _resolve_pronoun(ctx: _Context, pronoun: Token) -> tuple[Actor | None, str | None]:
    """A pronoun speaker, by quote salience first and the table's antecedent second.

    `"...," he said` names the person who was last the subject of a sentence (outside
    quotes) since the previous quote, or else continues the previous quote's speaker;
    `they said` names the last plural subject, `it said` the last organisation or state
    that was a subject. Someone only mentioned in passing, or
    inside the quote itself, is not the speaker.
    """
    if pronoun.i in ctx.said_by_pronoun:  # `He added it was "ready to help" and would be "unwise" to ...`: one tag
        said_by = ctx.said_by_pronoun[pronoun.i]
        return said_by, said_by.name
    table = ctx.actors.actor_at(pronoun.idx, pronoun.idx + len(pronoun))
    subjects = _main_subjects_since(ctx, pronoun)
    if pronoun.lower_ in PERSONAL_PRONOUNS:
        actor, name = _person_pronoun(ctx, pronoun, subjects, table)
        if actor is not None:
            ctx.said_by_pronoun[pronoun.i] = actor
        return actor, name
    if pronoun.lower_ in PLURAL_PRONOUNS:
        plural = [t for t in subjects if t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)]
        if plural:
            return _resolve(ctx, plural[-1])
    if pronoun.lower_ == "it":
        bodies = _actors_of(ctx, subjects, BODY_KINDS)
        if bodies:
            subject, body = bodies[-1]
            return body, _written_name(ctx, subject, body)
        # no body was a subject since: as for he and she, the previous quote's speaker goes on ("Its foreign
        # ministry said ... had 'X'. 'Y,' it said"), not a state its words named
        previous = _recent_speaker(ctx, pronoun)
        if previous is not None and previous.actor is not None and previous.actor.kind in BODY_KINDS:
            return previous.actor, previous.name
    if table is not None and _mentioned_outside_quotes(ctx, table, pronoun):
        return table, table.name
    return None, None


def _person_pronoun(ctx: _Context, pronoun: Token, subjects: list[Token],
                    table: Actor | None) -> tuple[Actor | None, str | None]:
    """He/she: the last person who was a subject since the previous quote, else the previous quote's
    speaker when that is a person (not the ministry quoted before), else the table's antecedent."""
    people = [(a, name) for a, name in _people(ctx, subjects) if not _called_otherwise(ctx, a, pronoun)]
    if people:
        return people[-1]
    previous = _recent_speaker(ctx, pronoun)
    if previous is not None and (previous.actor is not None or previous.name) and _may_be_a_person(previous) \
            and not _called_otherwise(ctx, previous.actor, pronoun):
        return previous.actor, previous.name
    if table is not None and table.kind == "person" and not _called_otherwise(ctx, table, pronoun):
        return table, table.name
    return None, None


def _called_otherwise(ctx: _Context, actor: Actor | None, pronoun: Token) -> bool:
    """An earlier tag gave this person the other pronoun: "she" is not whom "he said" named before."""
    gender = PRONOUN_GENDER[pronoun.lower_]
    if actor is None:
        return False
    if any(i < pronoun.i and said.id == actor.id and PRONOUN_GENDER[ctx.doc[i].lower_] != gender
           for i, said in ctx.said_by_pronoun.items()):
        return True
    # "Hasina ... her government ... she": only pronouns of the other gender, and more than one, joined her before
    # (one stray link of the actors stage is no evidence)
    before = [PRONOUN_GENDER.get(m.text.lower()) for m in actor.mentions if m.via == "pronoun" and m.end <= pronoun.idx]
    return gender not in before and sum(g is not None for g in before) > 1


def _may_be_a_person(speaker: _Speaker) -> bool:
    """A speaker "he" or "she" can stand for: a person, or someone the table has no actor for."""
    return speaker.actor is None or speaker.actor.kind == "person"


def _people(ctx: _Context, tokens: list[Token]) -> list[tuple[Actor | None, str]]:
    """The person each subject names, with the name to show, in order: a person in apposition to it
    ("Greenland's prime minister, Mute Egede,"), its own mention, for he/she whom an earlier tag or the
    table gave it; or a person's name the table has no actor for ("Cho said ...") as written."""
    found: list[tuple[Actor | None, str]] = []
    for tok in tokens:
        if tok.lower_ in PERSONAL_PRONOUNS:
            actor = ctx.said_by_pronoun.get(tok.i) or ctx.actors.actor_at(tok.idx, tok.idx + len(tok))
        else:
            actor = _person_in_apposition(ctx, tok) or ctx.actors.actor_at(tok.idx, tok.idx + len(tok))
        if actor is not None and actor.kind == "person":
            found.append((actor, actor.name))
        elif actor is None and tok.pos_ == "PROPN" and tok.ent_type_ == "PERSON":
            lo = min([tok.idx] + [c.idx for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"])
            found.append((None, ctx.text[lo:tok.idx + len(tok)]))
    return found


def _person_in_apposition(ctx: _Context, noun: Token) -> Actor | None:
    """The person named in apposition to a title: "the interior minister, Ihor Klymenko," -> Klymenko
    (not a description after a name: "Dmitry Medvedev, now deputy head of the council,")."""
    own = ctx.actors.actor_at(noun.idx, noun.idx + len(noun))
    if noun.pos_ == "PROPN" and own is not None and own.kind == "person":
        return None
    for child in noun.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            actor = ctx.actors.actor_at(child.idx, child.idx + len(child))
            if actor is not None and actor.kind == "person":
                return actor
    return None


def _actors_of(ctx: _Context, tokens: list[Token], kinds: tuple[str, ...]) -> list[tuple[Token, Actor]]:
    """The tokens the table links to an actor of these kinds, with that actor, in order."""
    found = ((t, ctx.actors.actor_at(t.idx, t.idx + len(t))) for t in tokens)
    return [(t, a) for t, a in found if a is not None and a.kind in kinds]


def _main_subjects_since(ctx: _Context, pronoun: Token) -> list[Token]:
    """Main-clause subjects outside quotes, in order, since the previous quote and at most from the
    start of the previous paragraph (pronouns left out but he and she)."""
    since = _salience_start(ctx, pronoun)
    if ctx.last is not None and since < ctx.last[2] <= pronoun.idx:
        since = ctx.last[2]
    window = ctx.doc.char_span(since, pronoun.idx, alignment_mode="expand")
    if window is None:
        return []
    return [t for t in window if (t.pos_ != "PRON" or t.lower_ in PERSONAL_PRONOUNS)
            and ctx.quote_of_token[t.i] == -1 and _is_main_subject(ctx, t)]


def _salience_start(ctx: _Context, tok: Token) -> int:
    """Where a pronoun's antecedent may start: the previous paragraph, and never too far back."""
    paragraph_start = ctx.paragraph_starts[max(0, ctx.paragraph_of_token[tok.i] - 1)]
    return max(paragraph_start, tok.idx - MAX_SALIENCE_CHARS)


def _mentioned_outside_quotes(ctx: _Context, actor: Actor, pronoun: Token) -> bool:
    """The table's antecedent is named before the pronoun somewhere that is not a quotation."""
    for start, end, actor_id in ctx.actors.mentions_in(_salience_start(ctx, pronoun), pronoun.idx):
        span = ctx.doc.char_span(start, end, alignment_mode="expand")
        if actor_id == actor.id and span is not None and ctx.quote_of_token[span.root.i] == -1:
            return True
    return False


def _is_main_subject(ctx: _Context, tok: Token) -> bool:
    """Subject of a main clause or of a reporting verb (not of a clause someone reported)."""
    if tok.dep_ not in SUBJECT_DEPS:
        return False
    verb = tok.head
    if ctx.lexicon.is_reporting(verb):
        return True
    for _ in range(MAX_GOVERNOR_HOPS):  # "said X had erected roadblocks, and that Ethiopia remained ...": a clause
        if verb.dep_ != "conj" or verb.head.i == verb.i:  # joined to a reported one is reported too
            break
        verb = verb.head
    return verb.dep_ == "ROOT"


def _recent_speaker(ctx: _Context, tok: Token) -> _Speaker | None:
    if ctx.last is None:
        return None
    speaker, paragraph, _ = ctx.last
    return speaker if ctx.paragraph_of_token[tok.i] - paragraph <= 1 else None


# ---------------------------------------------------------------------------------------------
# Indirect speech


def _add_indirect(ctx: _Context, verb: Token) -> None:
    """`X said (that) Y ...`, `Y ..., X said` or `according to X, Y ...`: the reported clause, when it is clearly
    one; a tag in the middle (`Y, he said, Z`) reports both sides of it."""
    clauses: list[Span]
    if ctx.lexicon.source_phrase_at(verb):
        clauses = [c for c in [_source_clause(ctx, verb)] if c is not None]
    else:
        reported = _reported_clause(ctx, verb)
        clauses = [reported] if reported is not None else _tagged_clauses(ctx, verb)
    if not clauses or _told_within_reported_clause(ctx, verb):
        return
    speaker = _speaker_of_cue(ctx, verb)
    if speaker is None or not _is_named(speaker):
        return
    sentence = ctx.sentence_of_token[verb.i]
    for clause in clauses:
        ctx.quotes.append(Quote(
            id="",
            text=clause.text,
            kind="indirect",
            start=clause.start_char,
            end=clause.end_char,
            sentence_start=sentence.start_char,
            sentence_end=sentence.end_char,
            speaker=speaker.actor.id if speaker.actor else None,
            speaker_name=speaker.name,
            cue=speaker.cue,
        ))
    ctx.last = (speaker, ctx.paragraph_of_token[verb.i], max(c.end_char for c in clauses))


def _told_within_reported_clause(ctx: _Context, verb: Token) -> bool:
    """ "said the strikes had killed civilians and warned that ...": what "warned" reports is already inside the
    clause "said" reports (when that clause is taken as indirect speech), not a second quote."""
    reporter = _clause_joined(ctx, verb)
    return reporter is not None and verb.head.dep_ == "ccomp" and _reported_clause(ctx, reporter) is not None


def _is_named(speaker: _Speaker) -> bool:
    """Reported speech is kept only from a speaker the table names (not "analysts", "a source")."""
    actor = speaker.actor
    if not speaker.named or actor is None or speaker.name is None:
        return False
    first = re.split(r",\s|\sand\s", speaker.name)[0]  # "Britain and France": the first of joint speakers
    return actor.name in (speaker.name, first) or any(
        _shown_name(m.text) in (speaker.name, first) for m in actor.mentions if m.via in WRITTEN_NAME_VIAS)


def _reported_clause(ctx: _Context, verb: Token) -> Span | None:
    """The finite complement clause of `verb`, with its own subject and no quotation inside."""
    if any(c.dep_ == "neg" for c in verb.children) or _is_passive(verb) or _gapped_relative(verb):
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.i > verb.i), None)
    if clause is None or not _is_finite_clause(clause):
        return None
    if _sentence_break_between(ctx, verb.i + 1, clause.left_edge.i):
        return None  # the parser ran two sentences together (`X said on X. The Taliban refer to ...`)
    marks = [c for c in clause.children if c.dep_ == "mark"]
    if any(m.lower_ in ("if", "whether") for m in marks):
        return None
    start = max([clause.left_edge.i] + [m.i + 1 for m in marks if m.i < clause.i])
    end = clause.right_edge.i + 1
    span = ctx.doc[start:end]
    if any(ctx.quote_of_token[t.i] != -1 or t.text in QUOTE_MARKS for t in span):
        return None
    while len(span) and (span[-1].is_punct or span[-1].is_space or span[-1].dep_ == "cc"):
        span = span[:-1]
    return span if len(span) >= 3 else None


def _tagged_clauses(ctx: _Context, verb: Token) -> list[Span]:
    """What a tag set after a comma reports: the clause that opens its sentence (`The talks failed, Berg said.`)
    and, when the tag stands in the middle (`The talks failed, she said, but ...`), what follows it."""
    if any(c.dep_ == "neg" for c in verb.children) or _is_passive(verb) or verb.dep_ not in ("ROOT", "parataxis"):
        return []
    sentence = ctx.sentence_of_token[verb.i]
    if verb.dep_ == "ROOT":
        reported = next((c for c in verb.children if c.dep_ == "ccomp" and c.right_edge.i < verb.i), None)
    else:
        reported = verb.head if verb.head.i != verb.i else None
    if reported is None or not _is_finite_clause(reported) or reported.left_edge.i != sentence.start:
        return []
    tag_lo, tag_hi = _tag_bounds(verb, reported)
    if tag_lo is None or tag_lo < 1 or ctx.doc[tag_lo - 1].text != ",":
        return []
    if any(t.pos_ == "NOUN" and t.lower_ in ctx.lexicon.echo_nouns for t in ctx.doc[tag_lo: verb.i]):
        return []  # "..., a charge Dushanbe denied": the sentence is what the charge says, not what is said
    start = next(t.i for t in sentence if _same_paragraph(ctx, t, verb))  # not a headline run into the lede
    parts = [ctx.doc[_after_dateline(ctx, start, tag_lo): tag_lo - 1]]
    if tag_hi < sentence.end and ctx.doc[tag_hi].text == ",":
        parts.append(ctx.doc[tag_hi + 1: reported.right_edge.i + 1])
    elif not (tag_hi >= sentence.end or ctx.doc[tag_hi].text in SENTENCE_END):
        return []  # the tag goes on ("Berg said, and might ..."): what follows is the tag's own
    clauses = []
    for part in parts:
        while len(part) and (part[0].is_punct or part[0].dep_ == "cc"):
            part = part[1:]
        while len(part) and (part[-1].is_punct or part[-1].is_space):
            part = part[:-1]
        heads = [reported, *(c for c in reported.conjuncts if _is_finite_clause(c))]
        if len(part) < 3 or not any(part.start <= h.i < part.end for h in heads):
            continue
        if any(ctx.quote_of_token[t.i] != -1 or t.text in QUOTE_MARKS for t in part):
            return []
        clauses.append(part)
    return clauses


def _after_dateline(ctx: _Context, start: int, end: int) -> int:
    """Where a paragraph's words begin after its dateline (`HELSINKI, Finland — `, `GENEVA, May 12 (Reuters) - `)."""
    first = ctx.doc[start]
    return after_dateline(ctx.doc[start:end]) if _is_dateline(ctx, first.idx, first.text) else start


def _tag_bounds(verb: Token, reported: Token) -> tuple[int | None, int]:
    """The first token of a speech tag and the token after it: the verb with its subject, auxiliaries and
    adjuncts (`he has said`, `Berg told reporters on Monday`); None when anything else belongs to it."""
    words = [verb]
    for child in verb.children:
        if child.i == reported.i or child.dep_ == "punct":
            continue
        if child.dep_ not in (TAG_DEPS if child.i > verb.i else TAG_DEPS_BEFORE_VERB):
            if child.i < verb.i:
                return None, verb.i + 1  # "..., a charge Dushanbe denied": an object before the verb is no tag
            continue  # "..., Berg said, adding ...": only the words up to the verb's own are the tag
        words.extend(child.subtree)
    return min(w.i for w in words), max(w.i for w in words if w.i >= verb.i) + 1


def _source_clause(ctx: _Context, cue: Token) -> Span | None:
    """The clause an `according to X` phrase opens or closes (not one it sits in the middle of)."""
    verb = cue.head
    if verb.i == cue.i or verb.pos_ not in ("VERB", "AUX") or not _is_finite_clause(verb):
        return None
    phrase_lo, phrase_hi = cue.left_edge.i, cue.right_edge.i + 1
    lo, hi = verb.left_edge.i, verb.right_edge.i + 1
    if phrase_lo == lo:
        lo = phrase_hi
    elif phrase_hi == hi or (phrase_hi == hi - 1 and ctx.doc[hi - 1].is_punct):
        hi = phrase_lo
    else:
        return None
    span = ctx.doc[lo:hi]
    while len(span) and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    if any(ctx.quote_of_token[t.i] != -1 or t.text in QUOTE_MARKS for t in span):
        return None
    return span if len(span) >= 3 else None


def _sentence_break_between(ctx: _Context, lo: int, hi: int) -> bool:
    """A full stop (alone, or glued to one letter as in "posted on X.") before a capitalised word."""
    for tok in ctx.doc[lo:hi]:
        ends = tok.text in SENTENCE_END or (len(tok.text) == 2 and tok.text.endswith("."))
        if ends and tok.i + 1 < len(ctx.doc) and not ctx.doc[tok.i + 1].is_lower:
            return True
    return False


def _gapped_relative(verb: Token) -> bool:
    """`the freedom which Bush tells us we have`: the relative pronoun belongs to the reported clause."""
    if verb.dep_ != "relcl":
        return False
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is None or subject.lower_ not in RELATIVE_PRONOUNS


def _is_finite_clause(verb: Token) -> bool:
    has_subject = any(c.dep_ in (*SUBJECT_DEPS, "expl") for c in verb.children)
    finite = verb.tag_ in FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_TAGS
                                             for c in verb.children)
    return has_subject and finite
