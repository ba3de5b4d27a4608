"""The knowledge base: states, organisations, groups, people and role words, loaded from data files.

The built-in tables live in ``newsgraph/data/kb/``; users add their own CSV files with
``load_kb(extra=[...])`` or ``$NEWSGRAPH_KB``: their rows are appended, a role word replaces the
one of the same phrase. A file's
kind is told by its header, so a user file needs no naming convention:

- ``code,name,aliases,demonyms,capitals``: states (ISO 3166-1 alpha-3 codes);
- ``name,aliases,code,country,sector,role,start,end,kind``: people, organisations, national
  bodies and armed or political groups, one row per office tenure or coding period;
- ``phrase,sector,kind,private``: role words (titles, collective nouns, body types, modifiers);
- ``name,aliases,code,kind``: places (cities, provinces, sites), each in the state whose code it
  carries. A place is a location, never an actor: it says where an event happened.

List fields are ``|``-separated. Dates are ``YYYY-MM-DD``; an empty start or end is open.
An alias written ``class:WORD`` is no name: it says a definite description may stand for the entry
("the kingdom" for Saudi Arabia, "the alliance" for NATO), see :mod:`newsgraph.stages.actors.nominals`.
"""
from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .files import DATA_DIR, DataFile, ResourceError, collector_paused

KB_DIR = DATA_DIR / "kb"

STATE_HEADER = ("code", "name", "aliases", "demonyms", "capitals")
ENTRY_HEADER = ("name", "aliases", "code", "country", "sector", "role", "start", "end", "kind")
ROLE_HEADER = ("phrase", "sector", "kind", "private")
PLACE_HEADER = ("name", "aliases", "code", "kind")

# "other" names no actor: it only keeps a longer name ("Indian Ocean") from matching as a shorter one.
ENTRY_KINDS = ("person", "state", "organisation", "group", "other")
# Places name where something happens; their code is the state they lie in.
PLACE_KINDS = ("city", "region", "place")
# diplomat: a person role whose state outranks the international body in the same title
# ("Iran's U.N. ambassador" is Iran's); it is read as a person role otherwise.
# minister: a person role whose "for" names its portfolio ("the minister for Europe", "minister for EU relations"), not
# whom it serves; it is read as a person role otherwise.
# state: a word that, with "the", stands for the state last named ("the country").
# bloc: a word that, with "the", stands for an international organisation named earlier ("the alliance").
ROLE_KINDS = ("person", "diplomat", "executive", "minister", "group", "thing", "body", "modifier", "state", "bloc")
# PLOVER's sector codes, plus IGO/NGO for staff of international and non-governmental organisations.
SECTORS = frozenset({
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM", "CVL",
    "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "IGO", "NGO",
})
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[A-Z][A-Z0-9 -]*[A-Z0-9]$")
STATE_CODE_RE = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class KBEntry:
    """One named thing the resolver can recognise; people have one entry per office tenure."""

    name: str
    code: str | None
    kind: str
    sector: str | None = None
    role: str | None = None
    country: str | None = None
    start: str | None = None
    end: str | None = None
    aliases: tuple[str, ...] = ()
    source: str = ""

    @property
    def classes(self) -> frozenset[str]:
        """The description heads that may stand for this entry ("kingdom", "island nation", "alliance"), at any date."""
        return frozenset(word for word, _, _ in self._dated_classes())

    def classes_on(self, date: str) -> frozenset[str]:
        """The description heads valid on `date`: "the junta" stands for Niger only after its 2023 coup."""
        return frozenset(word for word, start, end in self._dated_classes()
                         if (not start or start <= date) and (not end or date <= end))

    def _dated_classes(self) -> Iterable[tuple[str, str | None, str | None]]:
        """``class:WORD`` or ``class:WORD@START/END`` (ISO dates, END may be empty): the word and its dates."""
        for alias in self.aliases:
            if alias.startswith("class:"):
                word, _, dates = alias[len("class:"):].partition("@")
                start, _, end = dates.partition("/")
                yield word, start or None, end or None

    def valid_on(self, date: str) -> bool:
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


@dataclass(frozen=True)
class RoleWord:
    """A title or role noun ("prime minister", "police", "ministry") and the sector it implies."""

    phrase: str
    sector: str | None
    kind: str  # person | group | thing | body | modifier | state
    private: bool = False  # a non-state role: never take a state's code from a demonym
    diplomat: bool = False  # represents a state, also at an international body
    executive: bool = False  # a title every kind of body uses (director, secretary-general): no state assumed
    portfolio: bool = False  # "minister for Europe": "for" names the portfolio, not whom the holder serves

    @property
    def for_is_no_employer(self) -> bool:
        """ "the minister for EU relations", "the special envoy for Syria": what follows "for" is the portfolio or
        the host, not the body the holder serves ("a spokesman for the EU")."""
        return self.portfolio or self.diplomat


@dataclass(frozen=True)
class PhraseHit:
    """What a KB phrase names, and how (name, alias, demonym or metonym)."""

    entry: KBEntry
    via: str


def fold(text: str) -> str:
    """The comparison form of a name: no accents, plain apostrophes and hyphens, lower case."""
    if text.isascii():  # most names: nothing to strip (and the KB folds ~40,000 of them at load)
        return " ".join(text.split()).casefold()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    return " ".join(text.split()).casefold()


def ascii_variant(text: str) -> str:
    """`text` without diacritics, case kept (so "Erdoğan" also matches "Erdogan")."""
    if text.isascii():
        return text
    norm = unicodedata.normalize("NFKD", text)
    return "".join(c for c in norm if not unicodedata.combining(c)).replace("\u0131", "i")


@dataclass
class KnowledgeBase:
    """Every entry and role word, indexed by folded phrase; matchers are built once per vocab."""

    entries: list[KBEntry] = field(default_factory=list)
    roles: dict[str, RoleWord] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.phrases: dict[str, list[PhraseHit]] = {}
        self.forms: dict[str, set[str]] = {}
        self._matcher: PhraseIndex | None = None
        self._role_matcher: PhraseIndex | None = None
        self.state_names: dict[str, str] = {}
        classes: set[str] = set()
        for entry in self.entries:
            self._index(entry)
            if entry.kind == "state":
                classes |= entry.classes
                if entry.code:
                    self.state_names.setdefault(entry.code, entry.name)
        # the words that may stand for a state ("kingdom", "island nation"), asked for every description
        self.state_classes = frozenset(classes)

    def _index(self, entry: KBEntry) -> None:
        for phrase, via in _phrases_of(entry):
            key = fold(phrase)
            hits = self.phrases.setdefault(key, [])
            if not any(h.entry is entry for h in hits):
                hits.append(PhraseHit(entry, via))
            self.forms.setdefault(key, set()).update({phrase, ascii_variant(phrase)})

    def __getstate__(self) -> dict:
        """Phrase indexes are rebuilt where the KB is unpickled (Spark executors, worker processes)."""
        return {**self.__dict__, "_matcher": None, "_role_matcher": None}

    def lookup(self, phrase: str) -> list[PhraseHit]:
        """Every entry a phrase may name (all tenures of a person; pick by date with `pick`)."""
        return self.phrases.get(fold(phrase), [])

    def states(self) -> list[KBEntry]:
        return [e for e in self.entries if e.kind == "state"]

    def places(self) -> list[KBEntry]:
        return [e for e in self.entries if e.kind in PLACE_KINDS]

    def matcher(self, vocab: Vocab) -> PhraseIndex:
        """Every KB phrase, matched on lower-case tokens (case is checked after matching)."""
        if self._matcher is None:
            with collector_paused():
                self._matcher = PhraseIndex({key: sorted(forms) for key, forms in self.forms.items()})
        return self._matcher

    def role_matcher(self, vocab: Vocab) -> PhraseIndex:
        """The role words ("prime minister", "police", "foreign ministry") and their plurals."""
        if self._role_matcher is None:
            # "Gen.", "Rear Adm.": the tokenizer keeps a capitalised abbreviation whole, a lower-case one not
            with collector_paused():
                self._role_matcher = PhraseIndex({"ROLE:" + p: sorted({p, plural(p), p.title()}) for p in self.roles})
        return self._role_matcher


class PhraseIndex:
    """Phrases looked up by their lower-case token sequence, as spaCy's PhraseMatcher(attr="LOWER") would
    match them, without a Doc and a lexeme per pattern word: with the Phoenix layer (~28,000 phrases) the
    PhraseMatcher took seconds to build in every worker; this takes a fraction of one.

    Called on a doc, it gives ``(match_id, start, end)`` triples, ``match_id`` being the key's hash in the
    doc's string store, like a matcher's."""

    def __init__(self, forms: dict[str, list[str]]) -> None:
        # Words are held as the string ids spaCy gives a token's LOWER, so a doc is matched on its id array
        # without a string per token.
        self._keys: dict[tuple[int, ...], list[str]] = {}
        self._prefixes: set[tuple[int, ...]] = set()
        for key, texts in forms.items():
            for words in {_lower_tokens(text) for text in texts}:
                if not words:
                    continue
                ids = tuple(get_string_id(word) for word in words)
                keys = self._keys.setdefault(ids, [])
                if key not in keys:
                    keys.append(key)
                self._prefixes.update(ids[:n] for n in range(1, len(ids)))
        self._longest = max((len(w) for w in self._keys), default=0)
        self._first_words = {words[0] for words in self._keys}  # most tokens begin no phrase: one look-up each

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        strings = doc.vocab.strings
        lower = doc.to_array("LOWER").tolist()  # without a Token object per word
        found = []
        for start in range(len(lower)):
            if lower[start] not in self._first_words:
                continue
            for end in range(start + 1, min(start + self._longest, len(lower)) + 1):
                words = tuple(lower[start:end])
                found += [(strings.add(key), start, end) for key in self._keys.get(words, ())]
                if words not in self._prefixes:
                    break
        return found


def pick(hits: Iterable[PhraseHit], date: str) -> PhraseHit | None:
    """The hit valid on `date` (the latest to begin); else the latest to end before it; else the earliest."""
    hits = list(hits)
    if not hits:
        return None
    valid = [h for h in hits if h.entry.valid_on(date)]
    if valid:
        return max(valid, key=lambda h: (h.entry.start or ""))
    past = [h for h in hits if h.entry.end and h.entry.end < date]
    if past:
        return max(past, key=lambda h: h.entry.end or "")
    return min(hits, key=lambda h: h.entry.start or "")


def plural(phrase: str) -> str:
    """The plural of a role phrase's last word ("official" → "officials", "man" → "men")."""
    head, _, last = phrase.rpartition(" ")
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last if last.endswith("s") else last + "es"
    else:
        last += "s"
    return f"{head} {last}".strip()


def _with_plurals(demonyms: list[str]) -> list[str]:
    """ "Iraqi" → also "Iraqis", "Ukrainian" → also "Ukrainians"; "Chinese" stays as it is."""
    out = list(demonyms)
    out += [d + "s" for d in demonyms if d.endswith(("an", "i")) and " " not in d and d + "s" not in out]
    return out


def _lower_tokens(text: str) -> tuple[str, ...]:
    """A phrase's tokens as newsgraph's model splits them, lower-cased. Words of letters only are tokens as
    they stand; only the rest ("al-Sudani", "U.S.", "Côte d'Ivoire") go through the tokenizer."""
    words = text.split()
    if all(w.isascii() and w.isalpha() for w in words):
        return tuple(w.lower() for w in words)
    from ..stages.parse import get_nlp

    return tuple(t.lower_ for t in get_nlp().make_doc(text) if not t.is_space)


def _phrases_of(entry: KBEntry) -> Iterable[tuple[str, str]]:
    yield entry.name, "name"
    for alias in entry.aliases:
        if alias.startswith("class:"):
            continue
        via = "alias"
        if alias.startswith("demonym:"):
            alias, via = alias[len("demonym:"):], "demonym"
        elif alias.startswith("metonym:"):
            alias, via = alias[len("metonym:"):], "metonym"
        yield alias, via


# ---------------------------------------------------------------- reading files


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _check_date(value: str, path: Path, line: int) -> str | None:
    value = value.strip()
    if value and not DATE_RE.match(value):
        raise ResourceError(f"{path}:{line}: date {value!r} must be written YYYY-MM-DD (or left empty)")
    return value or None


def _state_entries(rows: Iterable[tuple[int, dict[str, str]]], path: Path) -> Iterator[KBEntry]:
    for line, row in rows:
        code = row["code"].strip()
        if not STATE_CODE_RE.match(code):
            raise ResourceError(f"{path}:{line}: state code {code!r} must be three upper-case letters (ISO 3166-1)")
        aliases = _split(row["aliases"])
        aliases += ["demonym:" + d for d in _with_plurals(_split(row["demonyms"]))]
        aliases += ["metonym:" + c for c in _split(row["capitals"])]
        yield KBEntry(name=row["name"].strip(), code=code, kind="state", country=code,
                      aliases=tuple(aliases), source=f"{path.name}:{line}")


def _entry_rows(rows: Iterable[tuple[int, dict[str, str]]], path: Path) -> Iterator[KBEntry]:
    for line, row in rows:
        kind = row["kind"].strip() or "person"
        if kind not in ENTRY_KINDS:
            raise ResourceError(f"{path}:{line}: kind {kind!r} must be one of {', '.join(ENTRY_KINDS)}")
        sector = row["sector"].strip() or None
        if sector and sector not in SECTORS:
            raise ResourceError(f"{path}:{line}: sector {sector!r} is not a PLOVER sector code")
        code = row["code"].strip() or None
        if code and not CODE_RE.match(code):
            raise ResourceError(f"{path}:{line}: code {code!r} must be upper-case letters, digits, '-' or spaces")
        yield KBEntry(
            name=row["name"].strip(), code=code, kind=kind, sector=sector,
            role=row["role"].strip() or None, country=row["country"].strip() or None,
            start=_check_date(row["start"], path, line), end=_check_date(row["end"], path, line),
            aliases=tuple(_split(row["aliases"])), source=f"{path.name}:{line}",
        )


def _place_rows(rows: Iterable[tuple[int, dict[str, str]]], path: Path) -> Iterator[KBEntry]:
    for line, row in rows:
        kind = row["kind"].strip()
        if kind not in PLACE_KINDS:
            raise ResourceError(f"{path}:{line}: place kind {kind!r} must be one of {', '.join(PLACE_KINDS)}")
        code = row["code"].strip()
        if not STATE_CODE_RE.match(code):
            raise ResourceError(f"{path}:{line}: a place's code {code!r} must be its state's ISO 3166-1 alpha-3 code")
        yield KBEntry(name=row["name"].strip(), code=code, kind=kind, country=code,
                      aliases=tuple(_split(row["aliases"])), source=f"{path.name}:{line}")


def _role_rows(rows: Iterable[tuple[int, dict[str, str]]], path: Path) -> Iterator[RoleWord]:
    for line, row in rows:
        kind = row["kind"].strip()
        if kind not in ROLE_KINDS:
            raise ResourceError(f"{path}:{line}: role kind {kind!r} must be one of {', '.join(ROLE_KINDS)}")
        sector = row["sector"].strip() or None
        if sector and sector not in SECTORS:
            raise ResourceError(f"{path}:{line}: sector {sector!r} is not a PLOVER sector code")
        yield RoleWord(phrase=fold(row["phrase"]), sector=sector,
                       kind="person" if kind in ("diplomat", "executive", "minister") else kind,
                       private=row["private"].strip().lower() in ("yes", "true", "1"), diplomat=kind == "diplomat",
                       executive=kind == "executive", portfolio=kind == "minister")


def read_kb_file(path: Path) -> tuple[list[KBEntry], list[RoleWord]]:
    """Read one KB CSV file; its header says what it holds."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(row for row in fh if not row.lstrip().startswith("#"))
            header = tuple(h.strip() for h in reader.fieldnames or ())
            rows = [(n + 2, {k.strip(): (v or "") for k, v in r.items() if k}) for n, r in enumerate(reader)]
    except (OSError, UnicodeDecodeError) as exc:
        raise ResourceError(f"{path}: cannot read knowledge-base file ({exc})") from exc
    if header == STATE_HEADER:
        return list(_state_entries(rows, path)), []
    if header == ENTRY_HEADER:
        return list(_entry_rows(rows, path)), []
    if header == ROLE_HEADER:
        return [], list(_role_rows(rows, path))
    if header == PLACE_HEADER:
        return list(_place_rows(rows, path)), []
    raise ResourceError(
        f"{path}: unknown header {','.join(header)!r}; use one of: {','.join(STATE_HEADER)} | "
        f"{','.join(ENTRY_HEADER)} | {','.join(ROLE_HEADER)} | {','.join(PLACE_HEADER)}"
    )


def build_kb(files: tuple[Path, ...]) -> KnowledgeBase:
    entries: list[KBEntry] = []
    roles: dict[str, RoleWord] = {}
    for path in files:
        new_entries, new_roles = read_kb_file(path)
        entries += new_entries
        roles.update({r.phrase: r for r in new_roles})
    return KnowledgeBase(entries=entries, roles=roles, sources=[str(p) for p in files])


KB = DataFile("knowledge-base", "NEWSGRAPH_KB", lambda: sorted(KB_DIR.glob("*.csv")), build_kb)
load_kb = KB.load
