"""The actors of one article and the indexes that find them — and the one path that writes them.

Passes read ``actors`` and ``token_actor`` as read-only views; they add an actor, add a mention or
change an actor's code only through :class:`Registry`'s methods, so the indexes cannot drift apart.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from spacy.tokens import Doc, Span

from ...records import Actor, ActorTable, Location, Mention
from ...resources.kb import KBEntry, fold
from .descriptions import Description, text_evidence
from .spans import name_tokens, name_tokens_text

# How a mention of each kind joins an actor already named, when its pass gives no rule of its own.
LINK_RULES = {"alias": "another name of the person named before", "pronoun": "the fitting subject or latest "
              "mention before it", "nominal": "a description of an actor already named"}


class Registry:
    """Actors keyed for merging ("t1", "t2", ... until :meth:`table` numbers them by first mention)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._actors: dict[str, Actor] = {}
        self._keys: dict[tuple, str] = {}
        self._token_actor: dict[int, str] = {}  # token index → actor id, for every named or nominal mention
        self._used: set[int] = set()  # tokens spent as a title or apposition of a named person
        self.actors: Mapping[str, Actor] = MappingProxyType(self._actors)
        self.token_actor: Mapping[int, str] = MappingProxyType(self._token_actor)
        self.pass_name = ""  # the pass now running, named in the evidence of every link it makes

    def actor_for(self, key: tuple) -> str | None:
        return self._keys.get(key)

    def is_spent(self, i: int) -> bool:
        """Whether token i was read as a named person's title (and so names no actor of its own)."""
        return i in self._used

    def spend(self, tokens: Iterable[int]) -> None:
        self._used.update(tokens)

    def mention(self, start: int, end: int, via: str) -> Mention:
        """The mention of tokens [start, end) — built, not added."""
        span = self._doc[start:end]
        return Mention(span.start_char, span.end_char, span.text, via=via)

    def ensure(self, key: tuple, make: Callable[[], Actor]) -> str:
        """The actor under `key`, made by `make()` if there is none yet."""
        if key not in self._keys:
            actor = make()
            actor.id = self._keys[key] = f"t{len(self._actors) + 1}"
            self._actors[actor.id] = actor
        return self._keys[key]

    def add_mention(self, actor_id: str, mention: Mention, *, tokens: Iterable[int] = (),
                    rule: str | None = None) -> None:
        """Add a mention; `tokens` then point at this actor (pronouns claim none: they are no antecedents
        for the passes before them). A pronoun, a description or a second name joining an actor already
        named is a link: the pass and `rule` go into ``evidence["linked"]`` so `newsgraph explain` can say why."""
        actor = self._actors[actor_id]
        joins = actor.mentions and mention.via in LINK_RULES and (mention.via != "alias" or actor.kind == "person")
        if rule or joins:
            linked = actor.evidence.setdefault("linked", [])
            linked.append({"text": mention.text, "pass": self.pass_name, "rule": rule or LINK_RULES[mention.via]})
        actor.mentions.append(mention)
        for i in tokens:
            self._token_actor[i] = actor_id

    def attach(self, key: tuple, make: Callable[[], Actor | None], start: int, end: int, via: str,
               *, nested: bool = False) -> str:
        """Add a mention to the actor under `key`, creating the actor with `make()` if new.
        A `nested` mention may hold other mentions ("an EU official" holds "EU")."""
        if not nested and any(i in self._token_actor for i in range(start, end)):
            return self._token_actor.get(start) or self._token_actor[next(i for i in range(start, end)
                                                                           if i in self._token_actor)]
        # an ("id", actor_id) key names an actor that exists: its `make` returns None and is never called
        actor_id = key[1] if key[0] == "id" else self.ensure(key, make)  # type: ignore[arg-type]
        self.add_mention(actor_id, self.mention(start, end, via), tokens=range(start, end))
        return actor_id

    def link(self, actor_id: str, start: int, end: int, *, rule: str) -> None:
        """A description joined to an actor by a coreference pass: a ``nominal`` mention, and the pass
        and rule in the actor's ``evidence["linked"]`` so `newsgraph explain` can say why."""
        self.add_mention(actor_id, self.mention(start, end, "nominal"), tokens=range(start, end), rule=rule)

    def recode(self, actor_id: str, *, code: str | None, country: str | None, sector: str | None,
               role: str | None, evidence: dict) -> None:
        """Give an actor the code a later description found; its mentions and name stay."""
        actor = self._actors[actor_id]
        linked = actor.evidence.get("linked")
        actor.code, actor.country, actor.sector, actor.role, actor.evidence = code, country, sector, role, evidence
        if linked:
            actor.evidence["linked"] = linked

    def upgrade(self, actor_id: str, span: Span, describe: Callable[[], Description]) -> None:
        """A later fuller mention may say what an earlier one did not (code, longer name); `describe`
        reads it only when the actor still lacks a code."""
        actor = self._actors[actor_id]
        if len(name_tokens(span)) > len(name_tokens_text(actor.name)):
            actor.name = span.text
        if actor.code is None and actor.evidence.get("source") == "unresolved" and not actor.evidence.get("private"):
            desc = describe()
            if desc.code:
                self.recode(actor_id, code=desc.code, country=desc.country, sector=desc.sector or actor.sector,
                            role=desc.role or actor.role, evidence=text_evidence(desc))
                self.spend(desc.tokens)

    def table(self, locations: Iterable[Location]) -> ActorTable:
        """Actors with a mention, numbered "a1", "a2", ... by first mention."""
        actors = [a for a in self._actors.values() if a.mentions]
        actors.sort(key=lambda a: min(m.start for m in a.mentions))
        for n, actor in enumerate(actors, 1):
            actor.id = f"a{n}"
            actor.mentions.sort(key=lambda m: m.start)
            _keep_written_name(actor)
        return ActorTable(actors=actors, locations=list(locations))


def _keep_written_name(actor: Actor) -> None:
    """The KB's canonical name ("Pentagon") is the actor's name; the name as the article first wrote it
    ("Defense Department") is kept beside it, in the evidence."""
    if actor.evidence.get("source") != "kb":
        return
    written = next((m.text for m in actor.mentions if m.via in ("name", "alias", "metonym")), None)
    if written and fold(written) != fold(actor.name):
        actor.evidence["as_written"] = written


def entry_actor(entry: KBEntry, date: str) -> Actor:
    """The actor a KB entry makes; its evidence names the entry and whether it held on the date."""
    return Actor(id="", name=entry.name, kind=entry.kind, code=entry.code, sector=entry.sector,
                 role=entry.role, country=entry.country,
                 evidence={"source": "kb", "entry": entry.source, "kb_name": entry.name,
                           "valid": entry.valid_on(date)})
