"""`newsgraph explain`: show why a sentence yields the events it does."""
from __future__ import annotations

import click
from spacy.tokens import Doc

from ..records import Actor, ActorTable, Event
from ..resources import Resources
from ..stages.actors import resolve_actors
from ..stages.dates import resolve_dates
from ..stages.events.coder import Candidate, Trace, code_events
from ..stages.parse import get_nlp
from . import main
from .options import model_option, published_option


@main.command("explain")
@click.argument("sentence")
@published_option
@click.option("--patterns", "pattern_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra pattern file(s) (same YAML shape as data/plover/patterns-*.yaml); repeatable.")
@model_option
def explain_command(sentence: str, published: str | None, pattern_files: tuple[str, ...]) -> None:
    """Show the parse, the actors, the event patterns tried and the events coded for SENTENCE.

    Near misses are patterns whose trigger word was found but which lacked one word or
    argument; dropped matches say why (no source actor, no target actor, merged).

    Example:

        newsgraph explain "Erdogan threw his support behind Zelensky on Friday." --published 2025-03-08
    """
    click.echo(format_explanation(*traced(sentence, Resources.load(patterns=pattern_files), published)))


def traced(text: str, resources: Resources, published: str | None) -> tuple[Doc, ActorTable, Trace, list[Event]]:
    """The parse, actors, trace and events of `text`, by the stages the pipeline runs, with every match kept."""
    doc = get_nlp()(text)
    actors = resolve_actors(doc, kb=resources.kb, published=published, speech_verbs=resources.speech_verbs,
                            gendered_titles=resources.gendered_titles, lexicon=resources.lexicon,
                            grammar=resources.grammar)
    dates = resolve_dates(doc, published=published, lexicon=resources.dates, grammar=resources.grammar,
                          speech_verbs=resources.speech_verbs)
    trace = Trace()
    events = code_events(doc, actors=actors, dates=dates, published=published,
                         lexicon=resources.lexicon, grammar=resources.grammar,
                         speech_verbs=resources.speech_verbs, trace=trace, scorer=resources.scorer,
                         completer=resources.completer)
    return doc, actors, trace, events


def format_explanation(doc: Doc, actors: ActorTable, trace: Trace, events: list[Event]) -> str:
    """The explanation as plain text, one section per stage."""
    lines = ["parse:", f"  {'#':>3} {'token':16} {'lemma':14} {'pos':6} {'dep':10} head"]
    for t in doc:
        lines.append(f"  {t.i:>3} {t.text:16} {t.lemma_:14} {t.pos_:6} {t.dep_:10} {t.head.i} {t.head.text}")
    lines.append("actors:")
    for a in actors.actors:
        spans = ", ".join(f"{m.text!r}({m.via})" for m in a.mentions)
        lines.append(f"  {a.id:5} {a.code or '-':8} {a.kind:12} {a.name}  <- {spans}")
        lines += _actor_reasons(a)
    lines.append("patterns matched:")
    lines += [_format_candidate(c, actors) for c in trace.candidates] or ["  (none)"]
    lines.append("near misses:")
    lines += [f"  {m.trigger.text!r} ~ {m.pattern.id}  [{m.pattern.text}]  missing: {', '.join(m.missing)}"
              for m in trace.near_misses] or ["  (none)"]
    lines.append("events:")
    lines += [_format_event(e, actors) for e in events] or ["  (none)"]
    return "\n".join(lines)


def _actor_reasons(actor: Actor) -> list[str]:
    """Why the actor has its code, and which pass linked each description, pronoun or second name to it."""
    ev = actor.evidence
    code = f"        code from {ev.get('source', '?')}: {ev.get('rule') or ev.get('entry') or ''}"
    code += f" ({ev['pass']} pass)" if ev.get("pass") else ""
    return [code] + [f"        {link['text']!r} linked by the {link['pass']} pass: {link['rule']}"
                     for link in ev.get("linked", [])]


def _names(ids: list[str], actors: ActorTable) -> str:
    out = []
    for i in ids:
        a = actors.get(i)
        out.append(f"{a.name}[{a.code or '-'}]" if a else i)
    return ", ".join(out) or "-"


def _format_candidate(c: Candidate, actors: ActorTable) -> str:
    m = c.match
    src = _names([a.id for a in c.sources], actors)
    tgt = _names([a.id for a in c.targets], actors)
    quals = f" ({', '.join(c.qualifiers)})" if c.qualifiers else ""
    quals += f" read as {c.etype}/{c.mode}" if c.etype != m.pattern.type else ""
    quals += f" by {c.rule}" if c.rule else ""
    quals += f"; model: {c.verdict.note} (p={c.verdict.probability})" if c.verdict is not None else ""
    return (f"  {m.trigger.text!r} = {m.pattern.id}  [{m.pattern.text}]  source: {src} via {c.source_how}; "
            f"target: {tgt} via {c.target_how}{quals} -> {c.status}{' ' + c.event.id if c.event else ''}")


def _format_event(e: Event, actors: ActorTable) -> str:
    quals = f"  qualifiers: {', '.join(e.qualifiers)}" if e.qualifiers else ""
    return (f"  {e.id} {e.type}{'/' + e.mode if e.mode else ''} ({e.quad_class}, {e.intensity:+g}) "
            f"{_names(e.source, actors)} -> {_names(e.target, actors)}  date: {e.date or '?'} "
            f"({e.date_text or '-'})  trigger: {e.trigger!r}  confidence: {e.confidence}{quals}"
            + (f"  model: {e.model_probability}" if e.model_probability is not None else ""))
