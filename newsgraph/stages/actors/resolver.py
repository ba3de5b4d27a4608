"""Actor resolution: who an article names, what they are called, and which code each one carries.

One entry point, :func:`resolve_actors`, reads a parsed ``Doc`` and returns an :class:`ActorTable`
that events and quotes share. The spans are found once (:mod:`.spans`); then passes in this order
read them and write actors only through the :class:`~.registry.Registry`:

1. organisations (:mod:`.organisations`): KB organisations, national bodies and groups, and unknown
   ORG entities (coded by the short name the article gives them: "the FNPL", "... Front (SUF)");
2. people (:mod:`.people`): the KB tenure valid on the article's date, or the code and role the text
   gives (:mod:`.descriptions`: "Turkish President ...", "..., a former senior State Department
   official"); analysts and fellows of private bodies keep code null;
3. conjunct titles: "EU chiefs Antonio Costa and Ursula von der Leyen" share the title;
4. later short mentions ("Costa", "Sudani") join the full name's actor;
5. states (:mod:`.states`): names, demonyms, capitals, and "U.S.-China" parts;
6. unnamed groups (:mod:`.groups`): "Iraqi officials", "an American destroyer", "officials in Kyiv", unless a definite
   description ("the Israeli leader", "the officials") refers back to an actor already named;
   coordinated modifiers or objects make one actor each ("U.S. and Iraqi officials", "the ministers of France
   and Germany"); officials a visitor meets are the hosts' when one state is visited; an unnamed speaker
   ("a senior official said", "an Egyptian analyst said") is an actor even without a code;
7. descriptions (:mod:`.nominals`): "the bloc", "the kingdom", "the junta", "the militants" join the one
   compatible actor named earlier; of several states, the one the sentence before is about (:mod:`.salience`);
8. pronouns (:mod:`.pronouns`);
9. affiliations (:mod:`.affiliations`): a person with a public office but no code takes the code of whom
   the title names ("its spokeswoman"), of the place the sentence opens with, of the one state the subjects of
   the sentences just before act for, or of the article's home state; an unnamed official speaker
   ("a police officer in Lamu said") the middle two only, then, if the title names a state's body ("a ministry
   official"), the dateline's state.

Every actor's ``evidence`` says which source decided its code: ``kb``, ``text`` or ``unresolved``;
``linked`` lists the descriptions a pass joined to it (text, pass, rule), ``as_written`` the name the
article used when the KB's canonical one differs ("Defense Department" for the Pentagon).
Taliban: the KB codes them as Afghanistan's government (AFG, GOV) while they govern it and as the
group TALIBAN otherwise, by date, like any other tenure.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from functools import partial

from spacy.tokens import Doc

from ...records import Actor, ActorTable, Mention
from ...resources.grammar import Grammar, load_grammar
from ...resources.kb import KnowledgeBase
from ...resources.lexicon import Lexicon, load_lexicon
from ...resources.speech_verbs import SpeechLexicon, load_speech_lexicon
from ..parse import get_nlp
from .affiliations import add_affiliations
from .descriptions import read_window, text_evidence
from .groups import add_unnamed_groups
from .nominals import add_nominals
from .organisations import add_organisations
from .people import add_conjunct_titles, add_people, add_short_mentions
from .pronouns import add_pronouns
from .registry import Registry
from .spans import Spans, find_spans
from .states import add_states


def today() -> str:
    return dt.date.today().isoformat()


def resolve_actors(doc: Doc, *, kb: KnowledgeBase, published: str | None,
                   speech_verbs: SpeechLexicon | None = None,
                   gendered_titles: Mapping[str, str] | None = None, lexicon: Lexicon | None = None,
                   grammar: Grammar | None = None) -> ActorTable:
    """Every actor the article names or refers to, with one id per actor ("a1", "a2", ... by first mention).
    `speech_verbs`, `gendered_titles`, `lexicon`, `grammar` (which say what pronouns stand for an act): the
    pipeline's own; a caller without them gets the shipped and configured files."""
    date = (published or today())[:10]
    spans = find_spans(doc, kb, date, speech_verbs or load_speech_lexicon(), gendered_titles)
    return _run_passes(spans, Registry(doc), pronouns=partial(add_pronouns, lexicon=lexicon or load_lexicon(),
                                                              grammar=grammar or load_grammar()))


def resolve_phrase(text: str, *, kb: KnowledgeBase, date: str | None = None) -> Actor | None:
    """The actor a short phrase names ("four Saudi men" → SAU), for `newsgraph actor`."""
    doc = get_nlp()(text)
    spans = find_spans(doc, kb, (date or today())[:10], load_speech_lexicon())
    registry = Registry(doc)
    table = _run_passes(spans, registry, keep_uncoded=True)
    covering = [a for a in table.actors if any(m.start <= _root_char(doc) < m.end for m in a.mentions)]
    if covering:
        return covering[0]
    if table.actors:
        return max(table.actors, key=lambda a: max(m.end - m.start for m in a.mentions))
    desc = read_window(spans, registry, list(range(len(doc))))
    if not (desc.role or desc.code or desc.sector):
        return None
    return Actor(id="a1", name=text.strip(), kind="person" if desc.role_kind == "person" else "organisation",
                 code=desc.code, sector=desc.sector, role=desc.role, country=desc.country,
                 mentions=[Mention(0, len(doc.text), doc.text, via="title")],
                 evidence=text_evidence(desc))


def _run_passes(spans: Spans, registry: Registry, *, keep_uncoded: bool = False,
                pronouns: Callable[[Spans, Registry], None] = add_pronouns) -> ActorTable:
    """The passes in order: each sees what the earlier ones wrote."""
    passes: list[tuple[str, Callable[[Spans, Registry], None]]] = [
        ("organisations", add_organisations), ("people", add_people), ("conjunct titles", add_conjunct_titles),
        ("short mentions", add_short_mentions), ("states", add_states),
        ("unnamed groups", partial(add_unnamed_groups, keep_uncoded=keep_uncoded)), ("descriptions", add_nominals),
        ("pronouns", pronouns), ("affiliations", add_affiliations)]
    for name, run in passes:
        registry.pass_name = name
        run(spans, registry)
    return registry.table(spans.locations)


def _root_char(doc: Doc) -> int:
    roots = [s.root for s in doc.sents]
    return roots[0].idx if roots else 0
