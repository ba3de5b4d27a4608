"""Stage 3: actors — names, titles, descriptions and pronouns resolved to coded actors."""
from .resolver import resolve_actors, resolve_phrase

__all__ = ["resolve_actors", "resolve_phrase"]
