"""Pass 5: states — names, demonyms and capitals, after people so a person's title keeps its state."""
from __future__ import annotations

from functools import partial

from ...records import Mention
from ...resources.kb import fold, pick
from ..lookups import token_texts
from .descriptions import stance_word
from .registry import Registry, entry_actor
from .spans import KBSpan, Spans, shape_ok


def add_states(spans: Spans, registry: Registry) -> None:
    for kb_span in spans.kb_spans:
        if kb_span.entry.kind != "state" or any(registry.is_spent(i) for i in range(kb_span.start, kb_span.end)):
            continue
        if _modifies_group(spans, registry, kb_span) or stance_word(spans.doc, kb_span.start):
            continue
        entry = kb_span.entry
        registry.attach(("kb", entry.code), partial(entry_actor, entry, spans.date), kb_span.start, kb_span.end,
                        kb_span.hit.via)
    _add_joined_states(spans, registry)


def _add_joined_states(spans: Spans, registry: Registry) -> None:
    """ "U.S.-China talks", "U.S.-Turkish ties": the tokenizer keeps these whole; each part is a state."""
    kb = spans.kb
    for i, text in enumerate(token_texts(spans.doc)):
        parts = text.split("-")
        if len(parts) < 2 or not text[:1].isupper() or i in spans.kb_at or i in registry.token_actor:
            continue  # "pro-Russian" speaks of Russia, it is not Russia
        tok = spans.doc[i]
        offset = 0
        for part in parts:
            hits = [h for h in kb.lookup(part) if h.entry.kind == "state"
                    and any(shape_ok(form, part) for form in kb.forms.get(fold(part), ()))]
            hit = pick(hits, spans.date)
            if hit is not None:
                actor_id = registry.ensure(("kb", hit.entry.code), partial(entry_actor, hit.entry, spans.date))
                start = tok.idx + offset
                registry.add_mention(actor_id, Mention(start, start + len(part), part, via=hit.via))
            offset += len(part) + 1


def _modifies_group(spans: Spans, registry: Registry, kb_span: KBSpan) -> bool:
    """A demonym in "Iraqi officials" (or "U.S. and Iraqi officials") belongs to the unnamed group, not to
    the state."""
    tok = spans.doc[kb_span.end - 1]
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    head = tok.head
    return head.i >= kb_span.end and head.i in spans.role_at and head.i not in registry.token_actor
