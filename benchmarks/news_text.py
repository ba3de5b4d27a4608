"""Long synthetic news text of varied paragraphs, for the linear-cost benchmark and its cheaper test.

The sentence templates are written for this purpose: they name countries, leaders and organisations
and carry dates (with "N days after" phrases), numbers, quotes and reporting verbs, so every stage has
work in every paragraph.
Every paragraph differs (the cleaner drops repeated lines), and the text is seeded, so runs compare.
"""
from __future__ import annotations

import random

LEADERS = ("Turkish President Recep Tayyip Erdogan", "German Chancellor Olaf Scholz",
           "French President Emmanuel Macron",
           "Japanese Prime Minister Fumio Kishida", "Brazilian President Luiz Inacio Lula da Silva",
           "Chinese President Xi Jinping", "Kenyan President William Ruto", "Indian Prime Minister Narendra Modi")
STATES = ("Russia", "Ukraine", "Israel", "Egypt", "Qatar", "Iran", "Pakistan", "India", "Sudan", "Venezuela",
          "North Korea", "South Korea", "Nigeria", "Mexico", "Poland", "Greece")
BODIES = ("the United Nations", "the European Union", "NATO", "the World Health Organization", "the African Union",
          "the International Monetary Fund", "Amnesty International", "the Red Cross")
CITIES = ("Ankara", "Berlin", "Paris", "Tokyo", "Nairobi", "Cairo", "Doha", "Kharkiv", "Brussels", "Geneva",
          "Islamabad", "Caracas", "Khartoum", "Warsaw", "Athens", "Lagos")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "on March {d}",
        "on 12 June", "yesterday", "earlier this month")
SENTENCES = (
    "{L} met {L2} in {C} {D}, and the two leaders agreed to expand trade worth {n} million dollars.",
    '"We will work together on energy and security," {L} said after talks in {C}.',
    "{S} forces shelled the outskirts of {C} overnight, killing at least {k} civilians, officials said {D}.",
    "{B} condemned the attack and called on {S} to return to negotiations with {S2}.",
    "Protesters gathered outside parliament in {C} {D} to demand lower fuel prices, and police fired tear gas.",
    "{S} and {S2} agreed to a ceasefire brokered by {S3}, a senior official told reporters {D}.",
    '"The situation is catastrophic," a spokesperson for {B} told a news conference in {C}.',
    "{S} accused {S2} of violating the border agreement, while the government in {C} denied the charge.",
    "{B} imposed new sanctions on {S} over its weapons programme, and {S} warned that it would respond.",
    "{L} promised to send {n} tonnes of humanitarian aid to {S}, according to a statement issued {D}.",
    "Opposition leaders in {S} called for a general strike after police arrested {k} activists {D}.",
    "{S} threatened to recall its ambassador from {S2} unless the talks resumed within {k} days.",
    "{B} warned that cholera was spreading in {C} and appealed for {n} million dollars in emergency funds.",
    "The minister said {S} would host a summit with {S2} in {C} next month to discuss migration.",
    "{S} expelled {k} diplomats from {S2} {w} days after the vote in {C}, the foreign ministry said.",
)


def news_text(chars: int, *, seed: int = 7) -> str:
    """About `chars` characters: paragraphs of two to four filled-in sentences, separated by blank lines."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def _sentence(rng: random.Random) -> str:
    leaders, states = rng.sample(LEADERS, 2), rng.sample(STATES, 3)
    text = rng.choice(SENTENCES).format(
        L=leaders[0], L2=leaders[1], S=states[0], S2=states[1], S3=states[2], B=rng.choice(BODIES),
        C=rng.choice(CITIES), D=rng.choice(DAYS), n=rng.randint(2, 9999), k=rng.randint(2, 400), w=rng.randint(2, 9))
    text = text.replace("{d}", str(rng.randint(1, 28)))
    return text[0].upper() + text[1:]
