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

from rtlopt.rag._embed import HashedTfidfEmbeddings, MiniLMEmbeddings
from rtlopt.rag._features import PHRASES, Features, extract_features
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

__all__ = [
    "DEFAULT_MIN_SCORE", "KINDS", "PHRASES", "Doc", "Features", "HashedTfidfEmbeddings", "Hit",
    "MiniLMEmbeddings", "RuleStore", "available", "build_documents", "extract_features", "open_store", "search",
]
