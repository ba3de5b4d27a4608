"""Articles for the web tests: hand-built records (exact events, quotes and a hostile article) and a few
short news texts that go through the real pipeline. All texts are written for these tests."""
from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.records import Actor, Article, Event, Mention, Quote, content_hash

QUADS = {"AGREE": ("verbal_coop", 3.0), "CONSULT": ("verbal_coop", 1.0), "ASSAULT": ("material_conflict", -9.0),
         "ACCUSE": ("verbal_conflict", -4.0), "AID": ("material_coop", 6.0), "RETREAT": ("material_coop", 5.0)}

XSS_SCRIPT = '<script>alert("xss")</script>'
XSS_IMG = '"><img src=x onerror=alert(1)>'


@dataclass
class Draft:
    """An article written as text plus who is named and what happened; offsets are found in the text."""

    title: str
    published: str
    text: str
    actors: dict[str, tuple[str | None, str, str]]  # local id → (code, kind, name as written)
    # (source ids, type, target ids, sentence, trigger); several ids are joined by "+"
    events: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # quoted text, speaker id, cue
    source_id: str = "wire"

    def build(self) -> Article:
        actors = [self._actor(local, code, kind, name) for local, (code, kind, name) in self.actors.items()]
        events = [self._event(i, *e) for i, e in enumerate(self.events)]
        quotes = [self._quote(i, *q) for i, q in enumerate(self.quotes)]
        return Article(doc_id=content_hash(self.text), origin=f"test:{self.title[:30]}", title=self.title,
                       published=self.published, text=self.text, actors=actors, events=events, quotes=quotes,
                       source_id=self.source_id)

    def _find(self, piece: str) -> int:
        at = self.text.find(piece)
        assert at >= 0, f"{piece!r} is not in the text of {self.title!r}"
        return at

    def _actor(self, local: str, code: str | None, kind: str, name: str) -> Actor:
        start = self._find(name)
        return Actor(id=local, name=name, kind=kind, code=code,
                     mentions=[Mention(start, start + len(name), name)])

    def _event(self, i: int, src: str, etype: str, tgt: str, sentence: str, trigger: str) -> Event:
        start = self._find(sentence)
        quad, intensity = QUADS[etype]
        return Event(id=f"e{i + 1}", type=etype, source=_ids(src), target=_ids(tgt), sentence=sentence,
                     start=start,
                     end=start + len(sentence), trigger=trigger, pattern=f"test:{etype.lower()}", quad_class=quad,
                     intensity=intensity, date=self.published, granularity="day", confidence=0.9)

    def _quote(self, i: int, text: str, speaker: str, cue: str) -> Quote:
        start = self._find(text)
        name = self.actors[speaker][2]
        return Quote(id=f"q{i + 1}", text=text, kind="direct", start=start, end=start + len(text),
                     sentence_start=max(0, start - 1), sentence_end=start + len(text) + 1, speaker=speaker,
                     speaker_name=name, cue=cue)


def _ids(joined: str) -> list[str]:
    return [local for local in joined.split("+") if local]


PORT_STRIKE = "Russian forces struck the port of Odesa with drones overnight, damaging grain silos."
DRAFTS = [
    Draft(
        title="Turkey and Greece agree to resume Aegean talks", published="2024-03-04",
        text=("Turkey and Greece agreed on Monday to resume talks on maritime borders in the Aegean.\n\n"
              "Officials from Ankara met their counterparts from Athens for four hours, and both sides said "
              "the atmosphere had improved since last year. Ankara also withdrew its survey ship."),
        actors={"a1": ("TUR", "state", "Turkey"), "a2": ("GRC", "state", "Greece"), "a3": ("TUR", "state", "Ankara")},
        events=[("a1", "AGREE", "a2",
                 "Turkey and Greece agreed on Monday to resume talks on maritime borders in the Aegean.", "agreed"),
                # no target: an event, but no dyad
                ("a3", "RETREAT", "", "Ankara also withdrew its survey ship.", "withdrew")],
    ),
    Draft(
        title="Drones hit Odesa port", published="2024-05-10",
        text=(PORT_STRIKE + "\n\nUkraine accused Moscow of targeting civilian infrastructure. "
              "\"We will rebuild every pier and every silo,\" said Volodymyr Zelensky in his evening address."),
        actors={"a1": ("RUS", "state", "Russian forces"), "a2": ("UKR", "state", "Odesa"),
                "a3": ("UKR", "state", "Ukraine"), "a4": ("RUS", "state", "Moscow"),
                "a5": ("UKR", "person", "Volodymyr Zelensky")},
        events=[("a1", "ASSAULT", "a2", PORT_STRIKE, "struck"),
                ("a3", "ACCUSE", "a4", "Ukraine accused Moscow of targeting civilian infrastructure.", "accused")],
        quotes=[("We will rebuild every pier and every silo", "a5", "said")],
    ),
    Draft(
        # The same strike told by another outlet: one event with two reports.
        title="Grain silos damaged in overnight attack", published="2024-05-10", source_id="second-outlet",
        text=("Port workers in Odesa counted the damage on Friday. " + PORT_STRIKE
              + " No casualties were reported. France and Germany condemned the attack on the Russians' orders."),
        actors={"a1": ("RUS", "state", "Russian forces"), "a2": ("UKR", "state", "Odesa"),
                "a3": ("FRA", "state", "France"), "a4": ("DEU", "state", "Germany")},
        events=[("a1", "ASSAULT", "a2", PORT_STRIKE, "struck"),
                # two sources: one event, two dyads in the graph
                ("a3+a4", "ACCUSE", "a1", "France and Germany condemned the attack on the Russians' orders.",
                 "condemned")],
    ),
    Draft(
        title=f"Hostile {XSS_SCRIPT} title {XSS_IMG}", published="2024-06-01",
        text=(f"The European Union promised aid to Moldova {XSS_SCRIPT} after the floods. "
              f"Moldovan officials welcomed it {XSS_IMG} on Saturday.\n\n"
              f"\"Thank you {XSS_SCRIPT} for standing with us,\" said Maia Sandu."),
        actors={"a1": ("EU", "organisation", "European Union"), "a2": ("MDA", "state", "Moldova"),
                "a3": ("MDA", "person", "Maia Sandu")},
        events=[("a1", "AID", "a2", f"The European Union promised aid to Moldova {XSS_SCRIPT} after the floods.",
                 "promised aid")],
        quotes=[(f"Thank you {XSS_SCRIPT} for standing with us", "a3", "said")],
    ),
]

# Short news texts for the real pipeline (POST /api/articles).
PIPELINE_TEXTS = [
    ("2024-07-02", "Japan and South Korea hold security talks",
     ("Japanese Foreign Minister Yoko Kamikawa met South Korean Foreign Minister Cho Tae-yul in Seoul on Tuesday "
     "to discuss North Korea's missile launches. Japan and South Korea agreed to share radar data in real time. "
     "\"Our cooperation has never been more important,\" Kamikawa told reporters after the meeting.")),
    ("2024-08-15", "Israel strikes Gaza as ceasefire talks stall",
     ("Israeli aircraft bombed targets in the Gaza Strip on Thursday, the Israeli military said. Hamas accused "
     "Israel of sabotaging the ceasefire talks in Doha. Egypt and Qatar urged both sides to return to the table.")),
]


def hand_articles() -> list[Article]:
    return [d.build() for d in DRAFTS]
