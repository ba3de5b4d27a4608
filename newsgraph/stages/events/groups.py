"""Counted groups as event sides: "the two neighbours agreed", "urged both governments", "all three countries",
"the trio", "the two neighbours' ministers", and "they" or "their governments" for sides named together.

Articles name the sides once ("Kenya and Uganda have quarrelled for months ...") and then count them ("both
governments signed a memorandum"). PLOVER codes such an event once per side, so the group stands for the sides
it counts, found in the text before it: first a list in its sentence or the two before that names exactly that
many of them together, then the sides the article's lead named and it has named far more often than any other
(its protagonists: a side named in passing just before does not count), then all the coded sides named in its
sentence and the two before, when they are exactly that many. States stand
for "countries", people for "leaders" (or the states they lead, whose stronger readings come before the loosest
one of people), any coded side for "sides". Otherwise the group stands for nobody:
precision first. The coder tries the parties of the latest act told before these (events/coder.py).
When the sides named together before it are not the story's protagonists, the group may count either pair and
stands for nobody. A plural pronoun whose nearest plural before it in its sentence is a counted group ("spoke to
the foreign ministers of both countries, urging them") stands for that group's sides.

"Its ally", "its neighbour" (one side owned by another) stand for the one fitting side their sentence names before
them, else the one the subject of the sentence before names, else the story's other protagonist; never their
owner's side, and nobody when the owner is not coded or the sentence names several.

A body the knowledge base does not code stands for the member states its relative clause or apposition lists
("the Alliance of Sahel States, which groups Mali, Burkina Faso and Niger, accused Algeria").
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ...records import Actor, ActorTable
from ...resources.grammar import Grammar

SIDE_NUMBERS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5}  # how many sides a counted group names
GROUP_NOUN_NUMBERS = {"pair": 2, "duo": 2, "trio": 3, "quartet": 4}  # nouns that are counts: "the trio accused"
PLURAL_PRONOUNS = frozenset({"they", "them"})
REFERRING_VIAS = frozenset({"pronoun", "nominal"})  # mentions that refer back to a side rather than name it
POINTING_BACK = frozenset({"those", "these", "both", "all"})  # "those countries" are the sides named before
DISJUNCTIONS = frozenset({"or", "nor", "either", "neither"})
COUNT_DEPS = ("det", "predet", "nummod")
OWNER_DEPS = ("amod", "compound", "poss")  # how a side's name hangs on a noun it owns ("Israeli strikes")
SENTENCES_BACK = 2  # how many sentences before the group's own the sides may be named in
STORY_LEAD = 2  # how many times as often as any other side a story's own sides are named
LEAD_SENTENCES = 2  # the sentences that open a story and name its sides
LOOSE_READING = "named just before"  # the weakest reading: sides named near the group, but not together


@dataclass(frozen=True)
class CountedGroup:
    """A group noun with a count: how many sides it names (None for "all parties") and which kind of side."""

    token: Token
    number: int | None
    kind: str  # "state", "person", "led" (people or states) or "any"
    mutual: bool = False  # "the neighbours", "the rivals": sides of each other, named together, however many
    pronoun: bool = False  # "they": the sides named together, one of which the pronoun was linked to
    each: bool = False  # "each side accused the other", "the warring sides": every side, of the latest fight or a list
    owner: Token | None = None  # "its ally", "Greece's neighbour": the one side named before other than its owner's

    def linked_to_one_of(self, sides: list[Actor], actors: ActorTable) -> bool:
        """A pronoun stands for sides named together only if the resolver linked it to one of them."""
        if not self.pronoun:
            return True
        linked = actors.actor_at(self.token.idx, self.token.idx + len(self.token))
        return linked is not None and linked.code in {a.code for a in sides}

    def fits(self, actor: Actor) -> bool:
        """States for "countries" (a state's army or ministry is the state's side), people or the states they lead
        for "leaders" ("the foreign ministers of Egypt and Jordan ... both ministers"), any coded side for "sides"."""
        if not actor.code:
            return False
        state = actor.kind == "state" or (actor.kind != "person" and actor.code == actor.country)
        if self.kind in ("state", "person"):
            return state if self.kind == "state" else actor.kind == "person"
        return self.kind == "any" or state or actor.kind == "person"  # "led": people, else the states they lead


def counted_group(tok: Token, grammar: Grammar) -> CountedGroup | None:
    """"both sides", "all parties", "the three governments": a group of sides counted, not named."""
    noun = tok.lemma_.lower()
    if tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON":
        return CountedGroup(tok, None, "any", mutual=True, pronoun=True)
    owner = [c for c in tok.children if c.dep_ == "poss"]
    if noun in grammar.party_nouns and tok.tag_ == "NNS" and len(owner) == 1 and owner[0].lower_ == "their":
        # "their governments accused ...": the sides named together, as "they" would be
        return CountedGroup(owner[0], None, _side_kind(noun, grammar), mutual=True, pronoun=True)
    if noun in grammar.party_nouns and tok.tag_ == "NNS" and len(owner) == 1 and owner[0].i < tok.i:
        # "the two neighbours' finance ministers agreed": the sides their owner counts, as subject as for a target
        owned = counted_group(owner[0], grammar)
        if owned is not None and not owned.pronoun:
            return owned
    if noun in grammar.mutual_party_nouns and tok.tag_ == "NN" and len(owner) == 1 and owner[0].i < tok.i \
            and not any(c.dep_ in ("appos", "compound") or c.pos_ == "PROPN" for c in tok.children):
        # "Russia defended its ally", "dropping its objection to its neighbour joining NATO": one side, another's
        # (not "its ally Belarus", which names it)
        return CountedGroup(tok, 1, _side_kind(noun, grammar), owner=owner[0])
    if noun in GROUP_NOUN_NUMBERS and [c.lower_ for c in tok.children] == ["the"]:
        return CountedGroup(tok, GROUP_NOUN_NUMBERS[noun], "any")
    if (partitive := _counted_partitive(tok, grammar)) is not None:
        return partitive
    if tok.pos_ != "NOUN" or noun not in grammar.party_nouns | grammar.mutual_party_nouns:
        return None
    kind = _side_kind(noun, grammar)
    if [c.lower_ for c in tok.children] == ["each"] and noun in grammar.party_nouns:
        return CountedGroup(tok, None, kind, mutual=True, each=True)
    counts = [c.lower_ for c in tok.children if c.dep_ in COUNT_DEPS and c.lower_ in grammar.party_counts]
    if (_fighting(tok, grammar) or ("all" in counts and kind == "any")) and not set(counts) & set(SIDE_NUMBERS):
        return CountedGroup(tok, None, kind, mutual=True, each=True)  # "the warring sides", "all parties"
    if not counts:  # "the neighbours": only the bare definite plural ("its neighbours" are others around it)
        bare = [c.lower_ for c in tok.children] == ["the"] and tok.tag_ == "NNS"
        return CountedGroup(tok, None, kind, mutual=True) if bare and noun in grammar.mutual_party_nouns else None
    if noun not in grammar.party_nouns:
        return None
    return CountedGroup(tok, next((SIDE_NUMBERS[c] for c in counts if c in SIDE_NUMBERS), None), kind)


def counted_antecedent(pronoun: Token, grammar: Grammar) -> Token | None:
    """"spoke to the foreign ministers of both countries, urging them", "called both of his counterparts to
    congratulate them": the counted group a plural pronoun continues, when the nearest plural its sentence names
    before it is that group (or heads it, "the ministers of both countries"); None when a nearer plural that counts
    nothing comes between ("urged both sides to free the hostages they hold": "hostages")."""
    if pronoun.lower_ not in PLURAL_PRONOUNS or pronoun.pos_ != "PRON":
        return None
    for tok in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if tok.tag_ not in ("NNS", "NNPS") and not (tok.lower_ in PLURAL_PRONOUNS and tok.pos_ == "PRON"):
            continue
        owners = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                  if g.dep_ == "pobj" and g.i < pronoun.i]  # "the ministers of both countries"
        partitive = [tok.head.head] if tok.dep_ == "pobj" and tok.head.lower_ == "of" else []  # "both of them"
        for candidate in (tok, *owners, *partitive):
            group = counted_group(candidate, grammar)
            if group is not None and not group.pronoun and group.owner is None:
                return candidate
        # "urging them to ... and pressing them to ...": a pronoun continuing one that continues the group
        return counted_antecedent(tok, grammar) if tok.pos_ == "PRON" else None
    return None


def _counted_partitive(tok: Token, grammar: Grammar) -> CountedGroup | None:
    """"both of the governments", "all three of his counterparts": the count heads the phrase, the sides are
    its "of" noun."""
    if (tok.lower_ not in SIDE_NUMBERS and tok.lower_ != "all") or tok.pos_ not in ("DET", "NUM", "PRON"):
        return None
    of = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    noun = of[0].lemma_.lower() if len(of) == 1 and of[0].tag_ == "NNS" else ""
    if noun not in grammar.party_nouns:
        return None
    number = SIDE_NUMBERS.get(tok.lower_) or next(
        (SIDE_NUMBERS[c.lower_] for c in tok.children if c.lower_ in SIDE_NUMBERS), None)
    kind = _side_kind(noun, grammar)
    return CountedGroup(of[0], number, kind)



def _fighting(tok: Token, grammar: Grammar) -> bool:
    """A plural party noun told as fighting: "the warring sides", "the feuding parties"."""
    return tok.tag_ == "NNS" and tok.lemma_.lower() in grammar.party_nouns \
        and any(c.dep_ == "amod" and c.lower_ in grammar.fighting_party_modifiers for c in tok.children)


def _side_kind(noun: str, grammar: Grammar) -> str:
    """Which sides a group noun counts: states ("countries"), people ("leaders") or any coded side ("sides")."""
    return "state" if noun in grammar.state_party_nouns else "person" if noun in grammar.person_party_nouns else "any"


def sides_named_before(group: CountedGroup, outsiders: set[str], doc: Doc,
                       actors: ActorTable) -> tuple[list[Actor], str] | None:
    """The sides a counted group stands for, named before it (see the module), none of them the `outsiders`
    (the other side of the event), with how they were found; None when no reading gives exactly its number.
    "The two leaders" are people named before, or else the states they lead ("the foreign ministers of Egypt
    and Jordan ... both ministers")."""
    if group.kind == "person":  # every stronger reading of people or the states they lead before the loosest
        led = replace(group, kind="led")
        return _sides_of_kind(group, outsiders, doc, actors, loose=False) or \
            _sides_of_kind(led, outsiders, doc, actors, loose=False) or \
            _sides_of_kind(group, outsiders, doc, actors) or _sides_of_kind(led, outsiders, doc, actors)
    return _sides_of_kind(group, outsiders, doc, actors)


def _sides_of_kind(group: CountedGroup, outsiders: set[str], doc: Doc,
                   actors: ActorTable, *, loose: bool = True) -> tuple[list[Actor], str] | None:
    if group.number is None and not group.mutual:
        return None
    tok = group.token
    if group.owner is not None:  # "its ally" is none of its owner's side, which must be known (not "Lockheed's rival")
        owned = actors.actor_at(group.owner.idx, group.owner.idx + len(group.owner))
        if owned is None or not owned.code:
            return None
        outsiders = outsiders | {owned.code}
    sents = list(doc.sents)
    here = next(i for i, s in enumerate(sents) if s.start <= tok.i < s.end)
    named: list[tuple[int, int, Actor]] = [
        (start, end, actor) for start, end, aid in actors.mentions_in(sents[max(0, here - SENTENCES_BACK)].start_char,
                                                                      tok.idx)
        if (actor := actors.get(aid)) is not None and group.fits(actor) and actor.code not in outsiders
        and _named_at(actor, start)]
    for head, end, listed in reversed(_coordinated_lists(named, doc, appositions=group.pronoun)):
        if group.pronoun and _disjunctive(head):
            continue  # "Neither China nor Thailand has explained why they ...": no "they" of the two
        sides = _one_per_code(listed)
        if (len(sides) == group.number or (group.mutual and len(sides) > 1)) and group.linked_to_one_of(sides, actors) \
                and not (group.pronoun and _plural_subject_between(doc, end, tok)):
            if _story_disagrees(group, sides, outsiders, actors, sents):
                return None  # two pairs offered ("Greece and Cyprus" just before, Greece and Turkey the story's)
            return sides, f"'{_phrase(tok)}' as the {len(sides)} named together before"
    if group.number is None:
        return None
    lead_end = sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char
    if group.owner is not None:
        other = _other_side(group, outsiders, sents[here - 1] if here else None, actors)
        if other is not None or _named_in_sentence(group, outsiders, actors):
            return other  # several sides named in its own sentence: nobody
        return _story_sides(group, outsiders, actors, lead_end=lead_end)
    if story := _story_sides(group, outsiders, actors, lead_end=lead_end):
        return story
    sides = _one_per_code([actor for _, _, actor in named])
    if loose and len(sides) == group.number:
        return sides, f"'{_phrase(tok)}' as the {group.number} {LOOSE_READING}"
    return None


def _story_disagrees(group: CountedGroup, sides: list[Actor], outsiders: set[str], actors: ActorTable,
                     sents: list[Span]) -> bool:
    """A counted group's sides named together before it are not the story's protagonists, when it has that many:
    the group may count either pair, so it counts neither ("Japan and South Korea ... the two sides exchanged
    fire" in a story about the two Koreas)."""
    if group.number is None or group.owner is not None:
        return False
    story = _story_sides(group, outsiders, actors, lead_end=sents[min(LEAD_SENTENCES, len(sents)) - 1].end_char)
    return story is not None and {a.code for a in story[0]} != {a.code for a in sides}


def _other_side(group: CountedGroup, outsiders: set[str], before: Span | None,
                actors: ActorTable) -> tuple[list[Actor], str] | None:
    """The one side "its ally" or "its neighbour" stands for: the one fitting side its own sentence names before it
    ("broke off relations with Morocco, accusing its western neighbour"), none if it names several; with none
    named there, the one side the subject of the sentence before names ("Belarusian officials said ... Russia
    defended its ally": centering, the next sentence goes on with the subject of the one before)."""
    named = _named_in_sentence(group, outsiders, actors)
    if named:
        return (named, f"'{_phrase(group.token)}' as the side its sentence names before it") if len(named) == 1 \
            else None
    if before is None:
        return None
    subjects = [t for s in before.root.children if s.dep_ in ("nsubj", "nsubjpass") for t in s.subtree]
    said = {a.code: a for t in subjects if (a := actors.actor_at(t.idx, t.idx + len(t))) is not None
            and group.fits(a) and a.code not in outsiders}
    if len(said) != 1:
        return None
    return list(said.values()), f"'{_phrase(group.token)}' as the subject of the sentence before"


def _named_in_sentence(group: CountedGroup, outsiders: set[str], actors: ActorTable) -> list[Actor]:
    """The fitting sides, none of them `outsiders`, that the group's own sentence names before it, one per code."""
    tok = group.token
    return _one_per_code([a for _, _, aid in actors.mentions_in(tok.sent.start_char, tok.idx)
                          if (a := actors.get(aid)) is not None and group.fits(a) and a.code not in outsiders])


def _story_sides(group: CountedGroup, outsiders: set[str], actors: ActorTable, *,
                 lead_end: int) -> tuple[list[Actor], str] | None:
    """"Luis Almagro urged both governments", far into a story about Ecuador and Mexico: the sides the article
    named in its lead and has named most so far, when that many of them stand out (each named at least
    `STORY_LEAD` times as often as any other fitting side)."""
    tok, number = group.token, group.number or 0
    named: dict[str, tuple[int, Actor]] = {}
    for actor in actors.actors:
        if group.fits(actor) and actor.code not in outsiders:
            count = sum(m.start < tok.idx for m in actor.mentions) + named.get(actor.code or "", (0, actor))[0]
            if count:
                named[actor.code or ""] = (count, actor)
    ranked = sorted(named.values(), key=lambda n: -n[0])
    if len(ranked) < number or ranked[number - 1][0] < STORY_LEAD * (ranked[number][0] if len(ranked) > number
                                                                       else 1):
        return None
    in_lead = {a.code for a in actors.actors for m in a.mentions if m.start < lead_end}
    if any(a.code not in in_lead for _, a in ranked[:number]):
        return None
    return [a for _, a in ranked[:number]], f"'{_phrase(tok)}' as the {number} sides the story names most"


def _coordinated_lists(named: list[tuple[int, int, Actor]], doc: Doc, *,
                       appositions: bool = False) -> list[tuple[Token, int, list[Actor]]]:
    """The actors named in one coordination ("Kenya and Uganda", "Thai and Cambodian troops"), list by list
    in text order, each with the head of its chain of conjuncts and the character offset where it ends:
    mentions whose heads hang on one chain of conjuncts. With `appositions`, for "they" or "their governments",
    which must also be linked to a member: a list the parser hung as an apposition on its first member ("Mali,
    Burkina Faso and Niger") is one list too."""
    lists: dict[int, tuple[int, list[Actor]]] = {}
    for start, end, actor in named:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root
        while head.dep_ in OWNER_DEPS and head.head.pos_ in ("NOUN", "PROPN") and head.head.i != head.i:
            head = head.head  # "Israeli strikes and Hezbollah fire": the sides own coordinated nouns
        while head.dep_ == "conj" or (appositions and head.dep_ == "appos"
                                      and any(c.dep_ == "conj" for c in head.children)):
            head = head.head
        ends, sides = lists.get(head.i, (end, []))
        lists[head.i] = (max(ends, end), [*sides, actor])
    return [(doc[i], end, sides) for i, (end, sides) in sorted(lists.items()) if len(sides) > 1]


def _disjunctive(head: Token) -> bool:
    """"China or Thailand", "neither China nor Thailand": one side or the other, not the two together."""
    chain = [head, *head.conjuncts]
    return any(c.lower_ in DISJUNCTIONS for t in chain for c in t.children if c.dep_ in ("cc", "preconj"))


def _plural_subject_between(doc: Doc, start: int, pronoun: Token) -> bool:
    """"Britain and France ... European leaders met in London, where they pledged": a plural subject between
    the list and the pronoun is the nearer thing "they" may mean, unless it points back to the list itself
    ("demanded that those countries pull their envoys out. It accused them ...")."""
    i = pronoun.i - 1
    while i >= 0 and doc[i].idx >= start:
        t = doc[i]
        if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass") \
                and not any(c.lower_ in POINTING_BACK or c.dep_ == "nummod" for c in t.children):
            return True
        i -= 1
    return False


def _named_at(actor: Actor, start: int) -> bool:
    """Named there, not referred to: a pronoun or a description ("the two leaders") names no side of its own."""
    return any(m.start == start and m.via not in REFERRING_VIAS for m in actor.mentions)


def _one_per_code(named: list[Actor]) -> list[Actor]:
    """The latest-named actor of each code ("Thai troops" and "Thailand" are one side), in order of first naming."""
    latest: dict[str, Actor] = {}
    for actor in named:
        latest.pop(actor.code or "", None)
        latest[actor.code or ""] = actor
    return sorted(latest.values(), key=lambda a: next(i for i, b in enumerate(named) if b.code == a.code))


def _phrase(tok: Token) -> str:
    return " ".join(t.text for t in tok.subtree if t.i <= tok.i)


def listed_members(actor: Actor, doc: Doc, actors: ActorTable, grammar: Grammar) -> tuple[list[Actor], str] | None:
    """The member states an uncoded organisation's relative clause ("which groups Mali, Burkina Faso and Niger",
    "made up of ...") or apposition lists where it is named, with how they were found; None for fewer than two."""
    if actor.code or actor.kind != "organisation":
        return None
    for mention in actor.mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        listed = [t for tok in span for c in tok.children if c.i >= span.end for t in _listed(c, grammar)]
        members = _one_per_code([a for t in listed if (a := actors.actor_at(t.idx, t.idx + len(t))) is not None
                                 and a.kind == "state" and a.code])
        if len(members) > 1:
            return members, f"the members '{mention.text}' is told to have"
    return None


def _listed(clause: Token, grammar: Grammar) -> list[Token]:
    """The names a relative clause of membership ("which groups X and Y", "made up of X and Y") or an apposition
    ("the bloc, X, Y and Z", "a confederation made up of X and Y") lists, each conjunct."""
    if clause.dep_ == "appos":  # "a confederation made up of ...": the apposition's own clause lists them too
        names = [clause] + [t for c in clause.children for t in _listed(c, grammar)]
    elif clause.dep_ in ("relcl", "acl") and clause.lemma_.lower() in grammar.membership_verbs:
        names = [c for c in clause.children if c.dep_ == "dobj"] + [
            g for p in clause.children if p.dep_ in ("prep", "prt") for g in [p, *p.children]
            if g.dep_ == "pobj"]
    else:
        return []
    return [t for n in names for t in (n, *n.conjuncts)]
