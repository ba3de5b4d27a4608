"""The one lemma fall-back: the small parser mislemmatises inflected verbs ("staged" → "stag", "hopes" → "hop")."""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

# Inflectional endings and what replaces them, tried in this order after the parser's lemma and the word.
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"))


def lemma_candidates(tok: Token) -> list[str]:
    """The parser's lemma, then the word and its plain stems (at least two letters), most likely first."""
    return list(candidates_of(tok.lower_, tok.lemma_))


@lru_cache(maxsize=8192)
def candidates_of(word: str, lemma: str) -> tuple[str, ...]:
    """:func:`lemma_candidates` of a word's lower-case form and lemma. Asked of every word of every sentence by
    event coding, and words repeat: worked out once per form."""
    out = [lemma.lower(), word]
    for suffix, repl in ENDINGS:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return tuple(dict.fromkeys(out))


def lemma_forms(*toks: Token) -> set[str]:
    """Every candidate lemma of the tokens, for a look-up in a word list."""
    return {form for tok in toks for form in lemma_candidates(tok)}
