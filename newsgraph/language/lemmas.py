"""The one lemma fall-back: the small parser mislemmatises inflected verbs ("staged" → "stag", "hopes" → "hop")."""
from __future__ import annotations

from spacy.tokens import Token

# Inflectional endings and what replaces them, tried in this order after the parser's lemma and the word.
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"))


def lemma_candidates(tok: Token) -> list[str]:
    """The parser's lemma, then the word and its plain stems (at least two letters), most likely first."""
    word = tok.lower_
    out = [tok.lemma_.lower(), word]
    for suffix, repl in ENDINGS:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            out.append(word[: -len(suffix)] + repl)
    return list(dict.fromkeys(out))


def lemma_forms(*toks: Token) -> set[str]:
    """Every candidate lemma of the tokens, for a look-up in a word list."""
    return {form for tok in toks for form in lemma_candidates(tok)}
