"""Cut article text into plain segments so pages can highlight spans without trusting the text.

Article text is hostile input: it is never marked up by string surgery. Instead the text is
split at every span boundary, and each piece is handed to the (autoescaping) template with
the kinds of span that cover it; the template wraps it in an element.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of the text to highlight: `kind` becomes a CSS class, `href` a link, `label` a tooltip."""

    start: int
    end: int
    kind: str
    label: str | None = None
    href: str | None = None


@dataclass(frozen=True)
class Segment:
    """A piece of text covered by the same spans from start to end."""

    text: str
    kinds: tuple[str, ...] = ()
    label: str | None = None
    href: str | None = None

    @property
    def css(self) -> str:
        return " ".join(f"hl-{kind}" for kind in self.kinds)


def segment_text(text: str, spans: list[Span]) -> list[Segment]:
    """Split `text` at span boundaries; spans outside the text or empty are ignored."""
    valid = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in valid), *(s.end for s in valid)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        covering = [s for s in valid if s.start <= start and end <= s.end]
        segments.append(_segment(text[start:end], covering))
    return segments


def _segment(piece: str, covering: list[Span]) -> Segment:
    # The innermost (shortest) span decides the link and tooltip: it is the most specific.
    covering.sort(key=lambda s: s.end - s.start)
    kinds = tuple(dict.fromkeys(s.kind for s in covering))
    label = next((s.label for s in covering if s.label), None)
    href = next((s.href for s in covering if s.href), None)
    return Segment(piece, kinds, label, href)
