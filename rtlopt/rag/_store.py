"""The persistent RAG store: a chromadb collection of rules, templates and verified examples.

Documents (one collection, reached through langchain-chroma's ``Chroma`` vector store):

* ``rule:<name>`` - the rule's title, category, tags, what it detects, the rewrite, preconditions;
* ``template:<id>`` - a deterministic template: its rule title and what it matches;
* ``example:<name>:<i>`` - a worked, test-verified before/after example of the rule, described by the
  design features of its *before* code (so a design retrieves the examples that look like it).

Metadata on every document: ``kind``, ``rule``, ``category``, ``template`` and one boolean per
objective (``obj_area``, ``obj_delay``, ``obj_power``) for filtering.

The store lives in ``<cache_dir>/rag/<embedding>-<key>`` where the key hashes the rule library's
content hash, the template registry, the embedding's fingerprint and the store format: any change to
the library makes a new key, so the store is rebuilt automatically (older stores of the same
embedding are deleted). Building happens under a file lock; a store is only used once its ``READY``
marker exists. Nothing is ever written into the user's repository.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rtlopt.errors import InputError, ToolNotFound
from rtlopt.rag._embed import HashedTfidfEmbeddings, MiniLMEmbeddings
from rtlopt.rag._features import extract_features
from rtlopt.rules import OBJECTIVES, Rule, RuleLibrary, load_rules

#: Bump when the documents or their metadata change shape.
STORE_VERSION = "3"
COLLECTION = "rtlopt_rules"
#: Default retrieval cutoff (cosine similarity) per embedding: measured with
#: ``benchmarks/retrieval_bench.py`` (see the README of the benchmark's output).
DEFAULT_MIN_SCORE = {"local": 0.25, "minilm": 0.45}
KINDS = ("rule", "template", "example")


@dataclass(frozen=True)
class Doc:
    """One document of the store."""

    id: str
    text: str
    metadata: dict


@dataclass(frozen=True)
class Hit:
    """One retrieved document: the rule it belongs to, its similarity in [0, 1], and what it is."""

    rule: Rule
    score: float
    kind: str
    doc_id: str
    text: str


def build_documents(library: RuleLibrary) -> list[Doc]:
    """Every document of the store for ``library`` (deterministic order)."""
    try:
        from rtlopt.templates import REGISTRY
    except ImportError:  # pragma: no cover - templates ship with rtlopt
        REGISTRY = {}
    docs: list[Doc] = []
    for rule in library:
        meta = {"rule": rule.name, "category": rule.category, "template": rule.template or "",
                **{f"obj_{o}": o in rule.objectives for o in OBJECTIVES}}
        docs.append(Doc(f"rule:{rule.name}", rule.text(), {**meta, "kind": "rule"}))
        tmpl = REGISTRY.get(rule.template) if rule.template else None
        if tmpl is not None:
            docs.append(Doc(f"template:{rule.template}",
                            f"{rule.title}. Deterministic template {rule.template}: {tmpl.description}",
                            {**meta, "kind": "template"}))
        for i, ex in enumerate(rule.examples):
            feats = extract_features(ex.before, f"{rule.name}_{i}.v")
            text = f"{rule.title}. {ex.note or ''}\n{feats.query()}"
            docs.append(Doc(f"example:{rule.name}:{i}", text, {**meta, "kind": "example"}))
    return docs


def _fingerprint_templates() -> str:
    try:
        from rtlopt.templates import REGISTRY
    except ImportError:  # pragma: no cover
        return ""
    return json.dumps(sorted((k, getattr(t, "description", "")) for k, t in REGISTRY.items()))


def _embedding(name: str, docs: list[Doc]):
    if name == "local":
        return HashedTfidfEmbeddings([d.text for d in docs])
    if name == "minilm":
        return MiniLMEmbeddings()
    raise InputError(f"unknown embedding '{name}' (one of: local, minilm)")


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _chroma_client(path: Path):
    try:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
    except ImportError as exc:
        raise ToolNotFound(f"the RAG store needs the llm extra (pip install 'rtlopt[llm]'): {exc}") from None
    return chromadb.PersistentClient(path=str(path), settings=ChromaSettings(anonymized_telemetry=False))


class RuleStore:
    """The vector store of one rule library and embedding (open it with :func:`open_store`)."""

    def __init__(self, library: RuleLibrary, embedding: str, cache_dir: Path) -> None:
        try:
            from langchain_chroma import Chroma
        except ImportError as exc:
            raise ToolNotFound(f"the RAG store needs the llm extra (pip install 'rtlopt[llm]'): {exc}") from None
        self.library = library
        self.embedding_name = embedding
        docs = build_documents(library)
        self.docs = {d.id: d for d in docs}
        self.embedding = _embedding(embedding, docs)
        h = hashlib.sha256()
        for part in (STORE_VERSION, library.content_hash(), _fingerprint_templates(), self.embedding.fingerprint):
            h.update(part.encode())
            h.update(b"\0")
        self.key = h.hexdigest()[:16]
        root = Path(cache_dir).expanduser() / "rag"
        self.path = root / f"{embedding}-{self.key}"
        self.rebuilt = False
        with _locked(root / f".{embedding}.lock"):
            if not (self.path / "READY").is_file():
                self._build(docs, root)
                self.rebuilt = True
        self._client = _chroma_client(self.path)
        self.vs = Chroma(collection_name=COLLECTION, embedding_function=self.embedding, client=self._client,
                         collection_metadata={"hnsw:space": "cosine"})

    def _build(self, docs: list[Doc], root: Path) -> None:
        from langchain_chroma import Chroma

        for old in root.glob(f"{self.embedding_name}-*"):
            if old.is_dir() and old != self.path:
                shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            shutil.rmtree(self.path)
        self.path.mkdir(parents=True)
        client = _chroma_client(self.path)
        vs = Chroma(collection_name=COLLECTION, embedding_function=self.embedding, client=client,
                    collection_metadata={"hnsw:space": "cosine"})
        vs.add_texts([d.text for d in docs], metadatas=[d.metadata for d in docs], ids=[d.id for d in docs])
        (self.path / "READY").write_text(json.dumps({"key": self.key, "documents": len(docs),
                                                     "library": self.library.content_hash(),
                                                     "embedding": self.embedding.fingerprint}) + "\n")

    def __len__(self) -> int:
        return len(self.docs)

    def retrieve(self, query: str, *, category: str | None = None, objective: str | None = None,
                 kinds: tuple[str, ...] | None = None, min_score: float | None = None) -> list[Hit]:
        """Documents scoring at least ``min_score`` (cosine similarity), best first; metadata filters."""
        if not query.strip():
            return []
        if objective is not None and objective not in OBJECTIVES:
            raise InputError(f"unknown objective '{objective}' (one of: {', '.join(OBJECTIVES)})")
        self.library.filter(category=category)  # validates the category
        cutoff = DEFAULT_MIN_SCORE[self.embedding_name] if min_score is None else min_score
        conds = []
        if category:
            conds.append({"category": category})
        if objective:
            conds.append({f"obj_{objective}": True})
        if kinds:
            conds.append({"kind": {"$in": list(kinds)}})
        where = None if not conds else (conds[0] if len(conds) == 1 else {"$and": conds})
        res = self.vs.similarity_search_with_score(query, k=len(self.docs), filter=where)
        hits = []
        for doc, dist in res:
            score = max(0.0, min(1.0, 1.0 - float(dist)))
            if score < cutoff:
                continue
            meta = doc.metadata
            if meta["rule"] not in self.library:
                continue
            hits.append(Hit(self.library.get(meta["rule"]), score, meta["kind"], doc.id or "", doc.page_content))
        hits.sort(key=lambda h: (-h.score, h.doc_id))
        return hits

    def search(self, query: str, *, category: str | None = None, objective: str | None = None,
               min_score: float | None = None) -> list[tuple[Rule, float]]:
        """Rules whose best document scores at least ``min_score``, best first (ties by name)."""
        best: dict[str, tuple[Rule, float]] = {}
        for h in self.retrieve(query, category=category, objective=objective, min_score=min_score):
            if h.rule.name not in best or h.score > best[h.rule.name][1]:
                best[h.rule.name] = (h.rule, h.score)
        return sorted(best.values(), key=lambda rs: (-rs[1], rs[0].name))


_STORES: dict[tuple[str, str, str], RuleStore] = {}
_STORES_LOCK = threading.Lock()


def open_store(library: RuleLibrary | None = None, *, embedding: str | None = None,
               cache_dir: str | Path | None = None) -> RuleStore:
    """The store for ``library`` (default: :func:`load_rules`), built or reused; memoized per process.

    Args:
        library: the rules to index.
        embedding: ``local`` or ``minilm`` (default: the ``embedding`` setting).
        cache_dir: cache root (default: the ``cache_dir`` setting, ``$RTLOPT_CACHE_DIR`` or
            ``$XDG_CACHE_HOME/rtlopt``).

    Raises:
        ToolNotFound: chromadb/langchain-chroma (or, for minilm, the semantic extra) is not installed.
    """
    if embedding is None or cache_dir is None:
        from rtlopt.config import load_settings

        s = load_settings()
        embedding = embedding or s.embedding
        cache_dir = cache_dir or s.cache_dir
    library = library if library is not None else load_rules()
    key = (library.content_hash(), embedding, str(Path(cache_dir).expanduser().resolve()))
    with _STORES_LOCK:
        store = _STORES.get(key)
        if store is None or not (store.path / "READY").is_file():
            store = RuleStore(library, embedding, Path(cache_dir))
            _STORES[key] = store
        return store


def search(query: str, *, category: str | None = None, objective: str | None = None,
           min_score: float | None = None, embedding: str | None = None, library: RuleLibrary | None = None,
           cache_dir: str | Path | None = None) -> list[tuple[Rule, float]]:
    """Vector search over the rule library: same shape as ``RuleLibrary.search`` (rule, score in [0, 1]).

    ``min_score`` None uses the embedding's default cutoff (:data:`DEFAULT_MIN_SCORE`).
    """
    store = open_store(library, embedding=embedding, cache_dir=cache_dir)
    return store.search(query, category=category, objective=objective, min_score=min_score)


def available() -> bool:
    """Whether chromadb and langchain-chroma are importable (the llm extra)."""
    try:
        import chromadb  # noqa: F401
        import langchain_chroma  # noqa: F401
    except ImportError:
        return False
    return True


os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
