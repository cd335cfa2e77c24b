"""Lexical rule search: Okapi BM25 over the rule text, in pure Python.

The score of a rule is its BM25 score divided by the largest score any document could get for the
query (every query term at saturation), so scores are in ``[0, 1]`` and a cutoff (``min_score``)
means the same thing for every query. A later backend (a vector store) keeps the same interface:
``search(query, *, category=None, objective=None, min_score=...) -> list[(Rule, score)]``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rtlopt.rules._schema import Rule

#: BM25 term-frequency saturation and length normalization.
K1 = 1.2
B = 0.75
#: Default cutoff on the normalized score.
DEFAULT_MIN_SCORE = 0.2

#: Verilog keywords such as "if", "for", "case" are deliberately not stop words.
#: Field weights: a term in the title or tags counts as this many occurrences.
_WEIGHTS = {"name": 3, "title": 3, "tags": 3, "category": 2, "detects": 1, "rewrite": 1, "preconditions": 1}

_STOP = frozenset("""
a an and are as at be been but by can do does from has have in into is it its may more most no not
of on once one or so such than that the their then there these this those to two use used uses using
was were when where which while who will with without within would you your same only each other any
all both every also very just over under out up via per whose what how
""".split())  # noqa: SIM905

_SYNONYMS = {
    "mult": "multiply", "multiplication": "multiply", "multiplier": "multiply", "multipliers": "multiply",
    "mul": "multiply", "product": "multiply", "products": "multiply",
    "add": "adder", "addition": "adder", "adders": "adder", "sum": "adder", "sums": "adder",
    "plus": "adder", "summation": "adder",
    "subtract": "subtractor", "subtraction": "subtractor", "sub": "subtractor", "difference": "subtractor",
    "multiplexer": "mux", "multiplexers": "mux", "muxes": "mux", "ternary": "mux", "select": "mux",
    "reg": "register", "registers": "register", "flop": "register", "flops": "register",
    "flip": "register", "dff": "register", "ff": "register",
    "ram": "memory", "memories": "memory", "array": "memory", "arrays": "memory",
    "const": "constant", "constants": "constant", "literal": "constant", "literals": "constant",
    "cse": "subexpression", "subexpressions": "subexpression",
    "fsm": "state", "states": "state", "machine": "state",
    "width": "bitwidth", "widths": "bitwidth", "wide": "bitwidth", "narrow": "bitwidth",
    "bits": "bit",
    "shift": "shift", "shifts": "shift", "shifted": "shift",
    "loops": "loop",
    "cond": "condition", "conditions": "condition", "conditional": "condition",
    "compare": "comparison", "comparator": "comparison", "comparators": "comparison",
    "comparisons": "comparison",
    "gated": "gating", "gate": "gating",
    "pipelined": "pipeline", "pipelining": "pipeline",
    "redundancy": "redundant", "duplicate": "redundant", "duplicated": "redundant",
    "unused": "dead", "unreachable": "dead",
    "written": "write", "writes": "write", "wrote": "write", "writing": "write",
    "identical": "redundant", "copy": "redundant", "copies": "redundant", "mirrored": "redundant",
    "flipflop": "register", "flipflops": "register",
    "branch": "arm", "branches": "arm", "arms": "arm", "leg": "arm",
    "hoist": "share", "hoisting": "share", "reuse": "share", "shared": "share", "sharing": "share",
    "encoding": "encode", "reencode": "encode", "encoded": "encode",
}


def _stem(word: str) -> str:
    """A tiny suffix stripper: plural/-ing/-ed forms and a final -e map to one stem (share/sharing/shared)."""
    if len(word) > 5 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        word = word[:-1]
    return word


def tokenize(text: str) -> list[str]:
    """Lower-case words (snake_case and camelCase split), stop words dropped, synonyms and plurals folded."""
    text = re.sub(r"([a-z])([A-Z])", r"\1 \2", text)
    # hyphenated words count as their parts and as one word: one-hot -> one, hot, onehot
    joined = [m.replace("-", "") for m in re.findall(r"[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+", text)]
    out = []
    for raw in [*re.findall(r"[A-Za-z][A-Za-z0-9]*|[0-9]+", text), *joined]:
        word = raw.lower()
        if word in _STOP or len(word) < 2:
            continue
        word = _SYNONYMS.get(word, word)
        word = _stem(word)
        out.append(_SYNONYMS.get(word, word))
    return out


def _fields(rule: Rule) -> dict[str, str]:
    return {"name": rule.name.replace("_", " "), "title": rule.title, "tags": " ".join(rule.tags),
            "category": rule.category, "detects": rule.detects, "rewrite": rule.rewrite,
            "preconditions": " ".join(rule.preconditions)}


class BM25Index:
    """An in-memory BM25 index over a fixed list of rules."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self.rules = list(rules)
        self._tf: list[Counter[str]] = []
        for rule in self.rules:
            tf: Counter[str] = Counter()
            for fname, text in _fields(rule).items():
                w = _WEIGHTS[fname]
                for tok in tokenize(text):
                    tf[tok] += w
            self._tf.append(tf)
        self._len = [sum(tf.values()) for tf in self._tf]
        n = len(self.rules)
        self._avg = (sum(self._len) / n) if n else 1.0
        df: Counter[str] = Counter()
        for tf in self._tf:
            df.update(tf.keys())
        self._idf = {t: math.log(1.0 + (n - c + 0.5) / (c + 0.5)) for t, c in df.items()}
        self._idf_unknown = math.log(1.0 + (n + 0.5) / 0.5)

    def scores(self, query: str) -> list[float]:
        """Normalized BM25 score (0..1) of every rule, in index order."""
        terms = Counter(tokenize(query))
        if not terms or not self.rules:
            return [0.0] * len(self.rules)
        best = sum(self._idf.get(t, self._idf_unknown) * (K1 + 1) * q for t, q in terms.items())
        out = []
        for tf, length in zip(self._tf, self._len, strict=True):
            s = 0.0
            norm = K1 * (1 - B + B * length / self._avg)
            for t, q in terms.items():
                f = tf.get(t)
                if f:
                    s += q * self._idf[t] * f * (K1 + 1) / (f + norm)
            out.append(s / best if best > 0 else 0.0)
        return out

    def search(self, query: str, *, candidates: Iterable[int] | None = None,
               min_score: float = DEFAULT_MIN_SCORE) -> list[tuple[Rule, float]]:
        """Rules scoring at least ``min_score``, best first (ties by name)."""
        scores = self.scores(query)
        idx = range(len(self.rules)) if candidates is None else candidates
        hits = [(self.rules[i], scores[i]) for i in idx if scores[i] >= min_score and scores[i] > 0]
        hits.sort(key=lambda h: (-h[1], h[0].name))
        return hits
