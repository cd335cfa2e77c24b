"""Retrieval-augmented generation store over the rule library (chromadb through langchain-chroma).

Public API::

    from rtlopt import rag
    rag.search("multiply by constant", category=None, objective="area", min_score=None)
        # -> [(Rule, score)], same shape as RuleLibrary.search (lexical BM25)
    store = rag.open_store(embedding="local")   # or "minilm"
    store.retrieve(query, kinds=("example",))   # per-document hits with their kind
    rag.extract_features(text).query("area")    # the retrieval query of a design

See :mod:`rtlopt.rag._store` for the documents, the cache location and the rebuild rule.
"""

from typing import TYPE_CHECKING, Any

from rtlopt.rag._features import PHRASES, Features, extract_features

if TYPE_CHECKING:  # pragma: no cover
    from rtlopt.rag._embed import HashedTfidfEmbeddings, MiniLMEmbeddings
    from rtlopt.rag._store import (
        DEFAULT_MIN_SCORE,
        KINDS,
        Doc,
        Hit,
        RuleStore,
        available,
        build_documents,
        open_store,
        search,
    )

#: The store and the embeddings are imported on first use (PEP 562): they import langchain_core
#: (about 0.6 s of CPU), and every ``rtlopt optimize`` imports this package for the LLM dispatch's
#: ``extract_features`` even when no model is configured.
_LAZY = {"HashedTfidfEmbeddings": "_embed", "MiniLMEmbeddings": "_embed", "DEFAULT_MIN_SCORE": "_store",
         "KINDS": "_store", "Doc": "_store", "Hit": "_store", "RuleStore": "_store", "available": "_store",
         "build_documents": "_store", "open_store": "_store", "search": "_store"}


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"rtlopt.rag.{_LAZY[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "DEFAULT_MIN_SCORE", "KINDS", "PHRASES", "Doc", "Features", "HashedTfidfEmbeddings", "Hit",
    "MiniLMEmbeddings", "RuleStore", "available", "build_documents", "extract_features", "open_store", "search",
]
