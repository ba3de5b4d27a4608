"""Derive newsgraph verb patterns from the PETRARCH2 CAMEO verb dictionary.

Reads ``CAMEO.2.0.txt`` (verb synonym sets and patterns with CAMEO codes) and
``CAMEO2PLOVER-2021.txt`` (CAMEO code to PLOVER type and mode) where they lie in the shared
reference folder, and writes ``newsgraph/data/plover/patterns-cameo.yaml`` in the notation of
``newsgraph/data/plover/README.md``. The output depends only on the inputs: run it again after
either file changes and commit the result.

    python scripts/derive_cameo_lexicon.py [--reference DIR] [--out FILE]

A CAMEO pattern is kept only where it translates cleanly; the rest are counted by reason and
the counts printed on stderr.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO.parent / "shared" / "reference"
DEFAULT_OUT = REPO / "newsgraph" / "data" / "plover" / "patterns-cameo.yaml"
TYPES_FILE = REPO / "newsgraph" / "data" / "plover" / "types.yaml"

# Where a CAMEO pattern names no target, PETRARCH takes it from the verb's object or one of its
# phrases; these are the prepositions that introduce the other side of an interaction.
TARGET_PREPS = "against|at|into|on|to|toward|towards|with"
# Verbs too common to be an event on their own: a bare-verb default on them codes every "said",
# "made" or "took". They still fire with the object words of their patterns.
COMMON_VERBS = frozenset({
    "be", "become", "bring", "call", "come", "do", "get", "give", "go", "have", "hold", "keep", "leave",
    "let", "look", "make", "meet", "move", "put", "run", "say", "see", "set", "show", "take", "tell", "turn",
})
# Verbs CAMEO files under a sense news rarely means: "respect" is esteem (051) there, but outlets write it for
# abiding by something ("respects Ukraine's sovereignty", "respect the ceasefire"), which praises nobody.
MISFILED_VERBS = frozenset({"respect"})
# Offices a verb of seizing (CAMEO 171: "take over", "usurp") takes in news without seizing anything from anyone:
# "took over the rotating presidency of the EU", "took over the chairmanship". Forbidden on those bare verbs.
SEIZE_CODE = "171"
OFFICE_NOUNS = frozenset({"presidency", "chairmanship", "chair", "helm", "leadership", "post", "office", "role",
                          "job", "duties", "portfolio", "ministry"})
ARTICLES = frozenset({"a", "an", "the"})
WORD = re.compile(r"^[a-z][a-z'-]*$")
TOKEN = re.compile(r"[(){}]|[^\s(){}]+")
CODE = re.compile(r"\[([^\]]*)\]")


class Untranslatable(Exception):
    """A CAMEO pattern with no clean equivalent in our notation; the message is the reason counted."""


@dataclass(frozen=True)
class Verb:
    lemma: str
    particles: tuple[str, ...] = ()  # "+KICK_OUT": the words after the verb
    code: str | None = None  # the verb's own code, else the block's


@dataclass
class VerbBlock:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)  # (line number, pattern line)


@dataclass(frozen=True)
class Derived:
    type: str
    mode: str | None
    text: str
    code: str


# -- reading the CAMEO dictionary ----------------------------------------------------------------

def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].strip()


def parse_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+MEMBER`` lines; members are lower-cased single words (a class
    matches one token's lemma, so multi-word members are left out)."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = _strip_comment(raw)
        if line.startswith("&"):
            current = sets.setdefault(_set_name(line), [])
        elif line.startswith("+") and current is not None:
            member = line[1:].strip().rstrip("_").lower()
            if WORD.match(member) and member not in current:
                current.append(member)
        elif line:
            current = None
    return {name: sorted(members) for name, members in sets.items() if members}


def _set_name(token: str) -> str:
    return token.lstrip("&").rstrip("_").lower()


def _code_of(text: str) -> str | None:
    found = CODE.search(text)
    return found.group(1).strip() if found else None


def parse_verb(line: str) -> Verb | None:
    """``EXPEL {EXPELS ...} [174]`` or ``+KICK_OUT``; None for a verb after its other words (``WIRE_+TAP``)."""
    code = _code_of(line)
    word = CODE.sub("", re.sub(r"\{[^}]*\}", "", _strip_comment(line))).split()[0]
    parts = word.lower().split("_")
    head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0 if len(parts) == 1 else None)
    if head != 0:
        return None
    return Verb(lemma=parts[0].lstrip("+"), particles=tuple(parts[1:]), code=code)


def parse_verb_blocks(lines: list[str], first_line: int = 1) -> list[VerbBlock]:
    """``--- NAME [CODE] ---`` opens a block; then its verbs, then ``- pattern [code]`` lines."""
    blocks: list[VerbBlock] = []
    for n, raw in enumerate(lines, start=first_line):
        line = raw.strip()
        if line.startswith("---"):
            name = line.strip("- ").split("[")[0].strip()
            blocks.append(VerbBlock(name=name, code=_code_of(line)))
        elif not blocks or not _strip_comment(line) or line.startswith("~"):
            continue
        elif line.startswith("-"):
            blocks[-1].patterns.append((n, line))
        elif (verb := parse_verb(line)) is not None:
            blocks[-1].verbs.append(verb)
    return blocks


def split_sections(text: str) -> tuple[list[str], list[str], int]:
    """The synonym-set lines, the verb-pattern lines and the line number where the latter start."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("####### VERB PATTERNS"))
    end = next((i for i, line in enumerate(lines) if line.startswith("######## TRANSFORMATIONS")), len(lines))
    return lines[:start], lines[start + 1:end], start + 2


# -- CAMEO codes to PLOVER -------------------------------------------------------------------------

def parse_cameo2plover(text: str, types: dict[str, dict]) -> dict[str, tuple[str, str | None]]:
    """``0862: RETREAT, access, diplomatic # ...`` to {code: (type, mode)}; a mode our types.yaml
    does not list for the type is left open (the coder may still read one from the sentence)."""
    out: dict[str, tuple[str, str | None]] = {}
    for line in text.splitlines():
        found = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,([^,#]*)", line)
        if not found or found.group(2) not in types:
            continue
        etype, mode = found.group(2), found.group(3).strip() or None
        out.setdefault(found.group(1), (etype, mode if mode in (types[etype].get("modes") or {}) else None))
    return out


def is_catch_all(code: str) -> bool:
    """040, 110, 190 ...: the cue category itself, where CAMEO puts what fits none of its subcodes."""
    return len(code) == 3 and code.endswith("0")


def primary_code(code: str | None) -> str:
    """``[042:043]`` codes the subject's act as 042; ``[:173]`` codes only a passive reading."""
    head = (code or "").split(":")[0].strip()
    if not head or head == "---":
        raise Untranslatable("no event code (--- or passive only)")
    return head


# -- translating a pattern -------------------------------------------------------------------------

def _word(token: str, sets: dict[str, list[str]]) -> list[str]:
    if token.startswith("&"):
        if _set_name(token) not in sets:
            raise Untranslatable("synonym set with no single-word members")
        return ["@" + _set_name(token)]
    words = [w for w in token.lower().rstrip("_").split("_") if w not in ARTICLES]
    if not all(WORD.match(w) for w in words):
        raise Untranslatable("actor marker or symbol ($ % ^ or digits) in the object")
    return words


def translate_object(post: str, sets: dict[str, list[str]]) -> list[str]:
    """The part after ``*``: object words stay required words, ``(PREP)`` or ``(PREP +)`` is the
    target's preposition, ``(PREP NOUN)`` two required words, ``+`` the direct-object target
    (written first: our notation reads a word right before "T" as its preposition)."""
    out: list[str] = []
    direct_target = False
    tokens = TOKEN.findall(post)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "(":
            close = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
            group = [t for t in tokens[i + 1:close] if t not in "{}"]
            if not group:
                raise Untranslatable("empty phrase")
            if group[1:] in ([], ["+"]):
                out += [*_word(group[0], sets), "T"]
            else:
                out += [w for t in group for w in _word(t, sets)]
            i = close + 1
            continue
        if tok == "+":
            direct_target = True
        elif tok not in "{}":
            out += _word(tok, sets)
        i += 1
    return ["T", *out] if direct_target else out


def translate_pattern(line: str, sets: dict[str, list[str]]) -> tuple[str, list[str]]:
    """``- * &EVIDENCE [064]`` to (code, object words); raises :class:`Untranslatable`."""
    code = primary_code(_code_of(line))
    body = CODE.sub("", _strip_comment(line.lstrip("-")))
    if body.count("*") != 1:
        raise Untranslatable("no single verb position (*)")
    pre, post = body.split("*")
    if pre.strip():
        raise Untranslatable("words before the verb (subject constraints)")
    return code, translate_object(post, sets)


def with_target(words: list[str]) -> list[str]:
    """A pattern that says nowhere where its target is takes it from the object or a phrase with
    one of TARGET_PREPS, as PETRARCH does; "T" goes before the object words (our notation reads
    a word right before "T" as its preposition). The first slot is written "T!": a derived
    pattern is coded only between two actors, since its words were chosen for another parser."""
    words = words if "T" in words else ["T", *words, TARGET_PREPS, "T"]
    first = words.index("T")
    return [*words[:first], "T!", *words[first + 1:]]


def _verb_groups(verbs: list[Verb]) -> dict[tuple[str, ...], list[str]]:
    groups: dict[tuple[str, ...], list[str]] = {}
    for verb in verbs:
        groups.setdefault(verb.particles, [])
        if verb.lemma not in groups[verb.particles]:
            groups[verb.particles].append(verb.lemma)
    return groups


def derive_block(block: VerbBlock, sets: dict[str, list[str]], table: dict[str, tuple[str, str | None]],
                 dropped: Counter[str]) -> list[Derived]:
    """Every clean pattern of a block, for each of its verbs, plus bare-verb patterns for its defaults."""
    out: list[Derived] = []
    unevented: set[str] = set()  # one-word objects the block codes as no event: "oust ruler"
    for _, line in block.patterns:
        try:
            code, words = translate_pattern(line, sets)
        except Untranslatable as why:
            dropped[str(why)] += 1
            _note_unevented(line, unevented)
            continue
        if code not in table:
            dropped["code maps to no PLOVER event type"] += 1
            _note_unevented(line, unevented)
            continue
        if is_catch_all(code):
            dropped["a whole cue category (x0): the dictionary's catch-all, too broad"] += 1
            continue
        etype, mode = table[code]
        verbs = _kept_verbs(pattern_verbs(line, block), dropped)
        for particles, lemmas in _verb_groups(verbs).items():
            text = " ".join(["|".join(lemmas), *particles, *with_target(words)])
            out.append(Derived(etype, mode, text, code))
    out += _bare_verbs(block, table, unevented, dropped)
    return out


def pattern_verbs(line: str, block: VerbBlock) -> list[Verb]:
    """The verbs the comment says the pattern was found with ("# RUSH"), else the whole block: a
    block gathers loose synonyms, and an object that fits one of them may not fit the others."""
    named = set(re.findall(r"[a-z_+]+", line.split("#", 1)[1].lower())) if "#" in line else set()
    found = [v for v in block.verbs if v.lemma in named or "_".join((v.lemma, *v.particles)) in named]
    return found or block.verbs


def _kept_verbs(verbs: list[Verb], dropped: Counter[str]) -> list[Verb]:
    """The verbs without those of MISFILED_VERBS, each one left out counted."""
    kept = [v for v in verbs if v.lemma not in MISFILED_VERBS]
    if len(kept) < len(verbs):
        dropped["verb filed under a sense news rarely means (respect: abide by)"] += len(verbs) - len(kept)
    return kept


def _note_unevented(line: str, unevented: set[str]) -> None:
    words = TOKEN.findall(CODE.sub("", _strip_comment(line.lstrip("-"))).split("*", 1)[-1])
    if len(words) == 1 and WORD.match(words[0].lower()):
        unevented.add(words[0].lower())


def _bare_verbs(block: VerbBlock, table: dict[str, tuple[str, str | None]], unevented: set[str],
                dropped: Counter[str]) -> list[Derived]:
    """A verb alone is an event only if its default code maps to a PLOVER type and the verb is not
    a common one; the block's no-event objects are forbidden so "ousted the ruler" stays out."""
    by_code: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for verb in _kept_verbs(block.verbs, dropped):
        code = verb.code or block.code
        if not code or code.split(":")[0] in ("", "---"):
            continue
        code = code.split(":")[0]
        if code not in table:
            dropped["bare verb: code maps to no PLOVER event type"] += 1
        elif is_catch_all(code):
            dropped["bare verb: a whole cue category (x0), too broad for a verb alone"] += 1
        elif verb.lemma in COMMON_VERBS and not verb.particles:
            dropped["bare verb: too common to be an event alone"] += 1
        else:
            by_code.setdefault((code, verb.particles), []).append(verb.lemma)
    def forbidden(code: str) -> list[str]:
        words = unevented | (OFFICE_NOUNS if code == SEIZE_CODE else set())
        return ["!" + "|".join(sorted(words))] if words else []

    return [Derived(*table[code], " ".join(["|".join(lemmas), *particles, *with_target(forbidden(code))]), code)
            for (code, particles), lemmas in by_code.items()]


# -- writing ---------------------------------------------------------------------------------------

def _class_refs(patterns: list[Derived]) -> set[str]:
    return {w[1:] for p in patterns for w in p.text.split() if w.startswith("@")}


def lexicon_data(patterns: list[Derived], sets: dict[str, list[str]], type_order: list[str],
                 dropped: Counter[str]) -> dict:
    """The YAML body: the classes used, then verbs by type and mode, one pattern text once."""
    seen: set[str] = set()
    verbs: dict[str, dict[str, list[str]]] = {t: {} for t in type_order}
    for p in sorted(patterns, key=lambda p: (p.code, p.text)):
        if p.text in seen:
            dropped["same text as another pattern (the lowest code kept)"] += 1
            continue
        seen.add(p.text)
        verbs[p.type].setdefault(p.mode or "-", []).append(f"{p.text}  [cameo:{p.code}]")
    body = {t: {m: sorted(v[m]) for m in sorted(v, key=lambda m: (m != "-", m))} for t, v in verbs.items() if v}
    return {"classes": {name: sets[name] for name in sorted(_class_refs(patterns))}, "verbs": body}


def header(cameo_text: str, readme: str) -> str:
    """The MIT notice of the source file and the commit it was taken from, as YAML comments."""
    lines = cameo_text.splitlines()
    start = next(i for i, line in enumerate(lines) if "The MIT License" in line)
    end = next(i for i in range(start, len(lines)) if "SOFTWARE." in lines[i] and "DEALINGS" in lines[i])
    commit = re.search(r"commit ([0-9a-f]{7,40})", readme)
    notice = [re.sub(r"^#\s?", "", line).rstrip() for line in lines[start:end + 1]]
    intro = [
        "Generated by scripts/derive_cameo_lexicon.py: do not edit; run the script again instead.",
        "Derived from the CAMEO verb dictionary CAMEO.2.0.txt of openeventdata/petrarch2",
        f"(commit {commit.group(1) if commit else 'unknown'}), mapped to PLOVER types and modes through",
        "CAMEO2PLOVER-2021.txt. Each pattern ends with its origin, [cameo:CODE]. The dictionary",
        "is used under its licence:",
        "",
    ]
    return "".join(f"# {line}".rstrip() + "\n" for line in intro + notice)


def derive(reference: Path) -> tuple[str, Counter[str], int]:
    """The output file's text, the dropped-pattern counts and the number of patterns written."""
    cameo_text = (reference / "petrarch2" / "CAMEO.2.0.txt").read_text(encoding="utf-8", errors="replace")
    readme = (reference / "petrarch2" / "README.md").read_text(encoding="utf-8")
    types = yaml.safe_load(TYPES_FILE.read_text(encoding="utf-8"))
    table = parse_cameo2plover((reference / "plover" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8"), types)
    set_lines, verb_lines, first = split_sections(cameo_text)
    sets = parse_synsets(set_lines)
    dropped: Counter[str] = Counter()
    patterns = [p for block in parse_verb_blocks(verb_lines, first) for p in derive_block(block, sets, table, dropped)]
    data = lexicon_data(patterns, sets, list(types), dropped)
    written = sum(len(v) for by_mode in data["verbs"].values() for v in by_mode.values())
    body = yaml.safe_dump(data, sort_keys=False, width=120, allow_unicode=True)
    return header(cameo_text, readme) + body, dropped, written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE,
                        help="folder holding petrarch2/ and plover/ (default: ../shared/reference)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="file to write")
    args = parser.parse_args(argv)
    text, dropped, written = derive(args.reference)
    args.out.write_text(text, encoding="utf-8")
    print(f"{written} patterns written to {args.out}", file=sys.stderr)
    for reason, n in dropped.most_common():
        print(f"  dropped {n:5d}: {reason}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
