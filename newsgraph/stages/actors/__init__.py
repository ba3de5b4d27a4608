"""Stage 3: actors — names, titles, descriptions and pronouns resolved to coded actors."""
from .resolver import resolve_actors, resolve_phrase
from .tenure import code_on_event_dates

__all__ = ["code_on_event_dates", "resolve_actors", "resolve_phrase"]
