"""Titles that give a person's gender (Mr, Ms, King, Queen, ...): ``data/gendered_titles.yaml``."""
from __future__ import annotations

from pathlib import Path

from .files import DATA_DIR, DataFile, ResourceError, layered_yaml

GENDERED_TITLES_FILE = DATA_DIR / "gendered_titles.yaml"
GENDERS = {"masculine": "m", "feminine": "f"}


def build_gendered_titles(files: tuple[Path, ...]) -> dict[str, str]:
    """Title (lower case, no full stop) → "m" or "f"; a title listed under both genders says neither."""
    data = layered_yaml(files)
    unknown = set(data) - set(GENDERS)
    if unknown:
        raise ResourceError(f"{files[-1]}: unknown keys {sorted(unknown)}; expected {sorted(GENDERS)}")
    titles: dict[str, str] = {}
    both: set[str] = set()
    for key, gender in GENDERS.items():
        for title in data.get(key) or []:
            word = str(title).lower().rstrip(".")
            if titles.get(word, gender) != gender:
                both.add(word)
            titles[word] = gender
    return {word: gender for word, gender in titles.items() if word not in both}


GENDERED_TITLES = DataFile("gendered-title", "NEWSGRAPH_GENDERED_TITLES", lambda: [GENDERED_TITLES_FILE],
                           build_gendered_titles)
