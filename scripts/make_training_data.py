"""Write training/events.jsonl and training/articles.jsonl: labelled texts for the learned event scorer
(docs/training-data.md).

Two sources, both written by the team: hand-written sentences (``training/hand/*.yaml``, each event
given as ``"TYPE/mode | trigger | source | target | qualifier"`` and found in the text by whole
words) and templates (``training/templates/events/*.yaml``) filled from actor phrases
(``actors.yaml``) and other slot lists (``fillers.yaml``). Offsets are computed while a sentence is
assembled, every template has its own seeded random stream, and the output is sorted the same way
each run, so the file is rewritten byte for byte. The counts are printed and written into the
datasheet (docs/training-data.md); ``--check`` prints them without writing anything.

The article-shaped data (``training/articles.jsonl``) are the texts the product reads: the in-repo gold
articles and probe snippets listed in ``training/articles.yaml``, each with its events as the gold gives
them (source and target codes, type, required, evidence), held out whole by article or snippet. Their
triggers are not marked: the trainer finds them among the rules' candidates by the events' codes.

    python scripts/make_training_data.py            # rewrite both files and the datasheet's counts
"""
from __future__ import annotations

import argparse
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from newsgraph.resources.lexicon import load_types

REPO = Path(__file__).resolve().parent.parent
TRAINING = REPO / "training"
OUTPUT = TRAINING / "events.jsonl"
ARTICLES_CONFIG = TRAINING / "articles.yaml"
ARTICLES_OUTPUT = TRAINING / "articles.jsonl"
FIXTURES = REPO / "tests" / "fixtures"
EVERY_TYPE = "all"  # a negative text with no event of any type
DATE_LINE = re.compile(r"date (\d{4}-\d{2}-\d{2})$")
DATASHEET = REPO / "docs" / "training-data.md"
COUNTS_START = "<!-- counts: written by scripts/make_training_data.py -->\n"
COUNTS_END = "<!-- end of counts -->"
SEED = "newsgraph-training-1"
FILLS_PER_TEMPLATE = 10
FILLS_PER_NONE_TEMPLATE = 16  # sentences without an event are a fifth of the data or more, from fewer templates
NEIGHBOUR_SHARE = 0.75  # how often a second actor comes from the first one's region
HELDOUT_EVERY = 5  # the 5th, 10th, ... template of a type, and hand group, is held out: ~20%
NO_VALUE = "-"
QUALIFIERS = ("negated", "hypothetical", "future", "conditional")
NONE_SECTION = "NONE"  # sentences without an event
SEVERAL_SECTION = "SEVERAL"  # sentences with several events, each listed under events:

# "{A}", "{A.pron}", "{A.gen}", "{A.be}", "{when}" slots and "[trigger|alternative]" triggers in a template
PIECE = re.compile(r"\{([A-Z])(?:\.(pron|poss|gen|be|is|has))?\}|\{([a-z_]+)\}|\[([^\]]+)\]")


class TemplateError(ValueError):
    """A template, actor list or hand sentence that cannot be used; the message names it."""


Span = tuple[int, int]


class _UniqueKeyLoader(yaml.SafeLoader):
    """Refuses a key given twice in one mapping: PyYAML would silently keep the last (and drop a section)."""


def _unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    keys = [loader.construct_object(key, deep=True) for key, _ in node.value]
    twice = sorted({str(k) for k in keys if keys.count(k) > 1})
    if twice:
        raise TemplateError(f"{node.start_mark}: key(s) {twice} given twice; merge them")
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _unique_mapping)


def read_yaml(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)  # a SafeLoader underneath


@dataclass
class Actors:
    """Actor phrases by kind, with the pronoun a sentence uses for each (``"it"``, ``"they"``, ``"he"``),
    the world regions of those that belong to one, and which phrases name one party (a state, its capital)."""

    phrases: dict[str, list[tuple[str, str]]]
    groups: dict[str, list[str]]
    regions: dict[str, frozenset[str]] = field(default_factory=dict)
    parties: dict[str, int] = field(default_factory=dict)  # phrase -> the party it names ("Nairobi", "Kenya")

    def kinds(self, spec: str) -> list[str]:
        out: list[str] = []
        for name in spec.split("|"):
            out.extend(self.groups.get(name, [name]))
        unknown = [k for k in out if k not in self.phrases]
        if unknown:
            raise TemplateError(f"unknown actor kind(s) {unknown}; define them in actors.yaml")
        return out


# the words that agree with an actor, by its pronoun: "{A.poss}", "{A.be}" (was), "{A.is}", "{A.has}"
AGREEING = {"poss": {"it": "its", "they": "their", "he": "his", "she": "her"},
            "be": {"it": "was", "they": "were", "he": "was", "she": "was"},
            "is": {"it": "is", "they": "are", "he": "is", "she": "is"},
            "has": {"it": "has", "they": "have", "he": "has", "she": "has"}}


def load_actors(path: Path) -> Actors:
    data = read_yaml(path)
    phrases: dict[str, list[tuple[str, str]]] = {}
    for kind, spec in data["kinds"].items():
        rows = [tuple(p.strip() for p in line.partition("|")[::2]) for line in spec["phrases"]]
        phrases[kind] = [(phrase, own or spec["pronoun"]) for phrase, own in rows]
    known = {phrase for rows in phrases.values() for phrase, _ in rows}
    regions: dict[str, set[str]] = {}
    for region, members in (data.get("regions") or {}).items():
        for phrase in _known(members, known, f"{path.name}: region {region!r}"):
            regions.setdefault(phrase, set()).add(region)
    parties = {phrase: number for number, names in enumerate(data.get("same_party") or [])
               for phrase in _known(names, known, f"{path.name}: same_party")}
    return Actors(phrases=phrases, groups=data.get("groups", {}),
                  regions={phrase: frozenset(r) for phrase, r in regions.items()}, parties=parties)


def _known(names: list[str], known: set[str], where: str) -> list[str]:
    unknown = [name for name in names if name not in known]
    if unknown:
        raise TemplateError(f"{where} lists {unknown}, which no kind has")
    return names


@dataclass
class Sentence:
    text: str
    events: list[dict[str, Any]]
    shape: str
    origin: str
    split: str
    group: str = field(default="")

    def record(self, number: int) -> dict[str, Any]:
        return {"id": f"s{number:06d}", "text": self.text, "events": self.events, "shape": self.shape,
                "origin": self.origin, "split": self.split}


def _type_mode(label: str) -> tuple[str, str | None]:
    etype, _, mode = label.partition("/")
    return etype, (mode or None) if mode != NO_VALUE else None


def _event(label: str, trigger: Span, source: Span | None, target: Span | None,
           qualifier: str | None) -> dict[str, Any]:
    etype, mode = _type_mode(label)
    if qualifier is not None and qualifier not in QUALIFIERS:
        raise TemplateError(f"{label}: unknown qualifier {qualifier!r}; use one of {QUALIFIERS}")
    return {"trigger": list(trigger), "type": etype, "mode": mode,
            "source": list(source) if source else None, "target": list(target) if target else None,
            "qualifier": qualifier}


# ---------------------------------------------------------------------------------------------- templates

@dataclass
class Template:
    name: str
    text: str
    label: str  # TYPE/mode of the single event, or NONE
    slots: dict[str, str]  # actor letter -> kinds spec
    events: list[dict[str, Any]]  # in trigger order: one from the label, unless the template lists them
    shape: str
    fills: int
    split: str


def _template_events(label: str, spec: dict[str, Any]) -> list[dict[str, Any]]:
    if "events" in spec:
        if "q" in spec:
            raise TemplateError(f"{spec['t']!r}: with events:, give each event its own q:")
        return list(spec["events"])
    if label in (NONE_SECTION, SEVERAL_SECTION):
        return []
    source = spec.get("source", "A")
    target = spec.get("target", "B")
    return [{"label": label, "source": source, "target": target, "q": spec.get("q")}]


def load_templates(folder: Path) -> list[Template]:
    """Every template, in file order; within each type (and NONE, SEVERAL) every 5th is held out."""
    out: list[Template] = []
    seen_per_type: Counter[str] = Counter()
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path) or {}
        for etype, modes in data.items():
            items = modes.items() if isinstance(modes, dict) else [(NO_VALUE, modes)]
            for mode, specs in items:
                for spec in specs:
                    seen_per_type[etype] += 1
                    out.append(_template(etype, mode, seen_per_type[etype], spec))
    return out


def _template(etype: str, mode: str, number: int, spec: dict[str, Any]) -> Template:
    label = etype if etype in (NONE_SECTION, SEVERAL_SECTION) else f"{etype}/{mode}"
    fills = FILLS_PER_NONE_TEMPLATE if label == NONE_SECTION else FILLS_PER_TEMPLATE
    return Template(
        name=f"{etype.lower()}-{'' if mode == NO_VALUE else mode + '-'}{number:03d}", text=spec["t"], label=label,
        slots={k: v for k, v in spec.items() if len(k) == 1 and k.isupper()},
        events=_template_events(label, spec), shape=spec.get("shape", "active"),
        fills=int(spec.get("n", fills)), split="heldout" if number % HELDOUT_EVERY == 0 else "train")


def _choose_actors(template: Template, actors: Actors, rng: random.Random) -> dict[str, tuple[str, str]]:
    """Actors of different parties for the slots; most of the time a later one is from the first one's
    region, so that borders, troops and sanctions mostly run between neighbours, as in the news."""
    chosen: dict[str, tuple[str, str]] = {}
    region: frozenset[str] = frozenset()
    for letter in sorted(template.slots):
        pool = [row for kind in actors.kinds(template.slots[letter]) for row in actors.phrases[kind]]
        taken = {phrase for phrase, _ in chosen.values()}
        taken_parties = {actors.parties[p] for p in taken if p in actors.parties}
        candidates = [row for row in pool if row[0] not in taken and not _overlaps(row[0], taken)
                      and actors.parties.get(row[0], -1) not in taken_parties]
        if not candidates:
            raise TemplateError(f"{template.name}: no distinct actor left for {{{letter}}}")
        if region and rng.random() < NEIGHBOUR_SHARE:
            near = [row for row in candidates if actors.regions.get(row[0], region) & region]
            candidates = near or candidates
        chosen[letter] = rng.choice(candidates)
        region = region or actors.regions.get(chosen[letter][0], frozenset())
    return chosen


def _overlaps(phrase: str, taken: set[str]) -> bool:
    """'Kenya' and "Kenya's army" in one sentence would make the same words two actors."""
    words = set(re.findall(r"\w+", phrase.lower())) - {"the", "of", "s", "and"}
    return any(words & (set(re.findall(r"\w+", t.lower())) - {"the", "of", "s", "and"}) for t in taken)


def _genitive(phrase: str) -> str:
    return phrase + ("'" if phrase.endswith("s") else "'s")


def fill(template: Template, actors: Actors, fillers: dict[str, list[str]], rng: random.Random) -> Sentence:
    """One sentence from a template: slots filled, trigger alternatives chosen, spans recorded."""
    chosen = _choose_actors(template, actors, rng)
    text = ""
    spans: dict[str, list[Span]] = {}
    triggers: list[Span] = []
    position = 0
    for match in PIECE.finditer(template.text):
        text += template.text[position:match.start()]
        position = match.end()
        letter, form, slot, trigger = match.groups()
        if letter:
            if letter not in chosen:
                raise TemplateError(f"{template.name}: actor slot {{{letter}}} has no kinds")
            phrase, pronoun = chosen[letter]
            if form == "pron":
                text += pronoun
                continue
            if form in AGREEING:
                text += AGREEING[form][pronoun]
                continue
            spans.setdefault(letter, []).append((len(text), len(text) + len(phrase)))
            text += _genitive(phrase) if form == "gen" else phrase
        elif slot:
            if slot not in fillers:
                raise TemplateError(f"{template.name}: no filler list {slot!r} in fillers.yaml")
            value = str(rng.choice(fillers[slot]))
            if not value and text.endswith(" "):
                text = text[:-1]
            text += value
        else:
            word = rng.choice(trigger.split("|"))
            triggers.append((len(text), len(text) + len(word)))
            text += word
    text += template.text[position:]
    text = text[:1].upper() + text[1:]
    return Sentence(text=text, events=_template_spans(template, spans, triggers), shape=template.shape,
                    origin=f"template:{template.name}", split=template.split, group=template.name)


def _template_spans(template: Template, spans: dict[str, list[Span]],
                    triggers: list[Span]) -> list[dict[str, Any]]:
    if len(triggers) != len(template.events):
        raise TemplateError(f"{template.name}: {len(triggers)} trigger(s) for {len(template.events)} event(s)")
    out = []
    for trigger, spec in zip(triggers, template.events, strict=True):
        source, target = spec.get("source", "A"), spec.get("target", "B")
        out.append(_event(spec["label"], trigger, _nearest(spans.get(source), trigger),
                          _nearest(spans.get(target), trigger), spec.get("q")))
    return out


def _nearest(mentions: list[Span] | None, trigger: Span) -> Span | None:
    """Of an actor named twice ("A recalled its envoy after B expelled ..."), the mention nearest the trigger."""
    if not mentions:
        return None
    return min(mentions, key=lambda span: min(abs(span[0] - trigger[1]), abs(trigger[0] - span[1])))


def generate(template: Template, actors: Actors, fillers: dict[str, list[str]]) -> Iterator[Sentence]:
    """Up to `fills` different sentences from one template, from its own seeded stream."""
    rng = random.Random(f"{SEED}:{template.name}")
    texts: set[str] = set()
    for _ in range(template.fills * 6):
        sentence = fill(template, actors, fillers, rng)
        if sentence.text not in texts:
            texts.add(sentence.text)
            yield sentence
        if len(texts) == template.fills:
            return


# ---------------------------------------------------------------------------------------------- hand-written

def find_words(text: str, words: str, where: str) -> Span:
    """The span of `words` in `text` as whole words; ``"said#2"`` is the second occurrence."""
    phrase, _, nth = words.partition("#")
    hits = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]
    index = int(nth or 1) - 1
    if index >= len(hits):
        raise TemplateError(f"{where}: {words!r} is not in {text!r}")
    return hits[index]


def hand_event(text: str, line: str, where: str) -> dict[str, Any]:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) not in (4, 5):
        raise TemplateError(f"{where}: write 'TYPE/mode | trigger | source | target [| qualifier]', not {line!r}")
    label, trigger, source, target = parts[:4]
    qualifier = parts[4] if len(parts) == 5 and parts[4] != NO_VALUE else None
    return _event(label, find_words(text, trigger, where),
                  None if source == NO_VALUE else find_words(text, source, where),
                  None if target == NO_VALUE else find_words(text, target, where), qualifier)


def load_hand(folder: Path) -> list[Sentence]:
    """Hand-written sentences in story groups; every 5th group is held out."""
    out: list[Sentence] = []
    number = 0
    for path in sorted(folder.glob("*.yaml")):
        for group in read_yaml(path) or []:
            number += 1
            split = "heldout" if number % HELDOUT_EVERY == 0 else "train"
            for i, item in enumerate(group["sentences"], 1):
                where = f"{path.name}:{group['group']}:{i}"
                events = [hand_event(item["s"], line, where) for line in item.get("e") or []]
                out.append(Sentence(text=item["s"], events=events, shape=item.get("shape", "active"),
                                    origin="hand", split=split, group=group["group"]))
    return out


# ---------------------------------------------------------------------------------------------- output

def build(training: Path = TRAINING) -> list[dict[str, Any]]:
    """Every record, hand-written first, a text kept once (its first occurrence)."""
    templates = training / "templates"
    actors = load_actors(templates / "actors.yaml")
    fillers = read_yaml(templates / "fillers.yaml")
    sentences = load_hand(training / "hand")
    for template in load_templates(templates / "events"):
        sentences.extend(generate(template, actors, fillers))
    seen: set[str] = set()
    records = []
    for sentence in sentences:
        if sentence.text in seen:
            continue
        seen.add(sentence.text)
        records.append(sentence.record(len(records) + 1))
    return records


# ---------------------------------------------------------------------------------------------- article-shaped

@dataclass
class ArticleText:
    """A gold article or probe snippet: its text, date and events by code; `complete_for`: the types for which
    its events are all there are (a rule's event of such a type that matches none of them is no event)."""

    text: str
    published: str
    events: list[dict[str, Any]]
    complete_for: list[str]
    origin: str
    split: str

    def record(self, number: int) -> dict[str, Any]:
        return {"id": f"a{number:05d}", "text": self.text, "published": self.published, "events": self.events,
                "complete_for": self.complete_for, "origin": self.origin, "split": self.split}


def _held_out(position: int) -> str:
    return "heldout" if position % HELDOUT_EVERY == HELDOUT_EVERY - 1 else "train"


def gold_article(folder: Path, name: str, split: str, types: list[str]) -> ArticleText:
    """One gold article: its body without the date line and the lines its gold calls scraped noise."""
    lines = (folder / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    date = DATE_LINE.match(lines[0].strip()) if lines else None
    if date is None:
        raise TemplateError(f"{name}.txt: the first line is not 'date YYYY-MM-DD'")
    gold = json.loads((folder / f"{name}.gold.json").read_text(encoding="utf-8"))
    noise = {line.strip() for line in gold.get("boilerplate") or []}
    text = "\n".join(line for line in lines[1:] if line.strip() not in noise).strip()
    events = [{"type": e["type"], "source": list(e["source"]), "target": list(e["target"]),
               "required": bool(e.get("required", True)), "evidence": e.get("evidence")} for e in gold["events"]]
    return ArticleText(text, date.group(1), events, types, f"gold:{name}", split)


def _probe_event(dyad: list[str | None], required: bool) -> dict[str, Any]:
    source, etype, target = dyad
    return {"type": etype, "source": [source], "target": [target] if target else [], "required": required,
            "evidence": None}


def probe_texts(path: Path, negatives: dict[str, Any] | None, types: list[str]) -> list[ArticleText]:
    """A probe file's snippets, in file order: its probes with their dyads (one with a qualifier, and the further
    dyads a probe states, not required) and its negatives with no event of the types they exclude."""
    data = read_yaml(path)
    published = str(data["published"])
    texts: list[tuple[str, list[dict[str, Any]], list[str]]] = []
    grouped = data["probes"]  # by type, or one list
    for probe in [p for group in grouped.values() for p in group] if isinstance(grouped, dict) else grouped:
        events = [_probe_event(probe["dyad"], "q" not in probe)]
        events += [_probe_event(also, False) for also in probe.get("also") or []]
        texts.append((probe["text"], events, types))
    if negatives:
        excluded = types if negatives["types"] == EVERY_TYPE else list(negatives["types"])
        unknown = sorted(set(excluded) - set(types))
        if unknown:
            raise TemplateError(f"{path.name}: negatives exclude unknown types {unknown}")
        texts += [(text, [], excluded) for text in data[negatives["key"]]]
    return [ArticleText(text, published, events, complete, f"probe:{path.name}", _held_out(i))
            for i, (text, events, complete) in enumerate(texts)]


def build_articles(config: Path = ARTICLES_CONFIG, fixtures: Path = FIXTURES) -> list[dict[str, Any]]:
    """Every article-shaped record: the listed gold articles, then the probe files' snippets, in the config's
    order; a text kept once."""
    types = list(load_types())
    spec = read_yaml(config)
    texts = [gold_article(fixtures / "gold", name, _held_out(i), types) for i, name in enumerate(spec["gold"])]
    for probe_file in spec["probes"]:
        texts += probe_texts(fixtures / probe_file["file"], probe_file.get("negatives"), types)
    seen: set[str] = set()
    records = []
    for text in texts:
        if text.text not in seen:
            seen.add(text.text)
            records.append(text.record(len(records) + 1))
    return records


def write(records: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def read(path: Path = OUTPUT) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def counts_table(records: list[dict[str, Any]]) -> str:
    """The datasheet's counts (markdown): sentences per type, events per type and mode, shapes, splits."""
    per_type: Counter[str] = Counter()
    per_mode: Counter[str] = Counter()
    for r in records:
        for etype in {e["type"] for e in r["events"]} or {"(no event)"}:
            per_type[etype, r["split"]] += 1
        for e in r["events"]:
            per_mode[f"{e['type']}/{e['mode'] or '-'}"] += 1
    lines = ["Sentences per event type (a sentence with two types counts under both):", "",
             _row(["type", "train", "heldout", "total"]), _row(["---"] * 4)]
    for etype in sorted({t for t, _ in per_type}):
        train, held = per_type[etype, "train"], per_type[etype, "heldout"]
        lines.append(_row([etype, str(train), str(held), str(train + held)]))
    splits = Counter(r["split"] for r in records)
    origins = Counter("hand" if r["origin"] == "hand" else "template" for r in records)
    lines += ["", f"Sentences: {len(records)} (train {splits['train']}, heldout {splits['heldout']}; "
                  f"hand-written {origins['hand']}, templated {origins['template']}); "
                  f"events: {sum(len(r['events']) for r in records)}.", "",
              "Events per type/mode:", "", _row(["type/mode", "events"]), _row(["---"] * 2)]
    lines += [_row([k, str(v)]) for k, v in sorted(per_mode.items())]
    shapes = Counter(r["shape"] for r in records)
    qualifiers = Counter(e["qualifier"] or "(none)" for r in records for e in r["events"])
    lines += ["", "Sentences per shape:", "", _row(["shape", "sentences"]), _row(["---"] * 2)]
    lines += [_row([k, str(v)]) for k, v in sorted(shapes.items())]
    lines += ["", "Events per qualifier:", "", _row(["qualifier", "events"]), _row(["---"] * 2)]
    lines += [_row([k, str(v)]) for k, v in sorted(qualifiers.items())]
    return "\n".join(lines) + "\n"


def articles_table(records: list[dict[str, Any]]) -> str:
    """The datasheet's counts of the article-shaped data (markdown): texts and events per origin and split."""
    rows: Counter[tuple[str, str, str]] = Counter()
    for r in records:
        kind = "gold article" if r["origin"].startswith("gold:") else \
            "probe" if r["events"] else "negative probe"
        rows[kind, r["split"], "texts"] += 1
        rows[kind, r["split"], "required"] += sum(e["required"] for e in r["events"])
        rows[kind, r["split"], "optional"] += sum(not e["required"] for e in r["events"])
    lines = ["Article-shaped texts (training/articles.jsonl) and their events:", "",
             _row(["kind", "split", "texts", "required events", "optional events"]), _row(["---"] * 5)]
    for kind in ("gold article", "probe", "negative probe"):
        for split in ("train", "heldout"):
            lines.append(_row([kind, split, *(str(rows[kind, split, n]) for n in ("texts", "required", "optional"))]))
    return "\n".join(lines) + "\n"


def update_datasheet(records: list[dict[str, Any]], articles: list[dict[str, Any]], path: Path = DATASHEET) -> None:
    """Replace the counts between the datasheet's two markers, so the tables always match the files."""
    text = path.read_text(encoding="utf-8")
    start, end = text.index(COUNTS_START) + len(COUNTS_START), text.index(COUNTS_END)
    tables = counts_table(records) + "\n" + articles_table(articles)
    path.write_text(text[:start] + "\n" + tables + "\n" + text[end:], encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write (default: %(default)s)")
    parser.add_argument("--articles", type=Path, default=ARTICLES_OUTPUT,
                        help="where to write the article-shaped data (default: %(default)s)")
    parser.add_argument("--check", action="store_true", help="print the counts only, write nothing")
    args = parser.parse_args()
    records, articles = build(), build_articles()
    if not args.check:
        write(records, args.output)
        write(articles, args.articles)
        if args.output == OUTPUT:
            update_datasheet(records, articles)
    print(counts_table(records) + "\n" + articles_table(articles), end="")


if __name__ == "__main__":
    main()
