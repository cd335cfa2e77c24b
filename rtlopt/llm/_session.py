"""Response cache and the per-design record of LLM use (calls, tokens, cost, attempts).

The cache maps ``sha256(model, endpoint, temperature, max_tokens, sample index, messages, rule library
hash)`` to the response text and its token usage, one JSON file per entry under
``<cache_dir>/llm/``. Keys (credentials) are never part of an entry or of its hash input.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rtlopt.llm._models import ModelSpec, price_per_mtok

CACHE_VERSION = "1"


def _role(m: Any) -> str:
    return getattr(m, "type", None) or type(m).__name__


class ResponseCache:
    """A directory of cached responses (writes are atomic; concurrent readers are safe)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).expanduser() / "llm"

    @staticmethod
    def key(spec: ModelSpec, messages: list, *, temperature: float, max_tokens: int, sample: int,
            library_hash: str) -> str:
        payload = {"v": CACHE_VERSION, "model": spec.label, "endpoint": spec.endpoint, "temperature": temperature,
                   "max_tokens": max_tokens, "sample": sample, "library": library_hash,
                   "messages": [[_role(m), str(m.content)] for m in messages]}
        return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()

    def get(self, key: str) -> dict | None:
        p = self.root / key[:2] / f"{key}.json"
        try:
            return json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def put(self, key: str, entry: dict) -> None:
        d = self.root / key[:2]
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(entry, fh)
        os.replace(tmp, d / f"{key}.json")


@dataclass
class Call:
    """One model call (or cache hit)."""

    model: str
    input_tokens: int | None
    output_tokens: int | None
    seconds: float
    cached: bool
    cost_usd: float | None


@dataclass
class AttemptRecord:
    """One evaluated response: what happened to it."""

    target: str  # file (and module) the prompt was about
    attempt: int
    sample: int
    outcome: str  # accepted | refused | parse_error | not_equivalent | unknown | worse | unchanged | no_code | error
    detail: str
    metric: float | None = None


@dataclass
class LlmSession:
    """Everything the report says about the LLM path for one design.

    ``status``: ``not_configured`` (no model), ``unused`` (configured, dispatcher chose not to run it),
    ``used`` (at least one call or cache hit), ``failed`` (configured but the endpoint failed; see
    :attr:`error`).
    """

    model: str | None = None
    endpoint: str | None = None
    status: str = "not_configured"
    reason: str = ""
    error: str | None = None
    calls: list[Call] = field(default_factory=list)
    attempts: list[AttemptRecord] = field(default_factory=list)
    rules_retrieved: list[tuple[str, float]] = field(default_factory=list)
    plan: dict | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add_call(self, spec: ModelSpec, usage: dict | None, seconds: float, cached: bool) -> Call:
        it = (usage or {}).get("input_tokens")
        ot = (usage or {}).get("output_tokens")
        price = price_per_mtok(spec)
        cost = None
        if cached:
            cost = 0.0
        elif price is not None and it is not None and ot is not None:
            cost = (it * price[0] + ot * price[1]) / 1e6
        c = Call(spec.label, it, ot, seconds, cached, cost)
        with self._lock:
            self.calls.append(c)
            if self.status in ("not_configured", "unused"):
                self.status = "used"
        return c

    @property
    def used(self) -> bool:
        return bool(self.calls)

    @property
    def input_tokens(self) -> int:
        return sum(c.input_tokens or 0 for c in self.calls if not c.cached)

    @property
    def output_tokens(self) -> int:
        return sum(c.output_tokens or 0 for c in self.calls if not c.cached)

    @property
    def cost_usd(self) -> float | None:
        """Estimated cost of the non-cached calls; None ("unknown") if any price or usage is unknown."""
        live = [c for c in self.calls if not c.cached]
        if any(c.cost_usd is None for c in live):
            return None
        return sum(c.cost_usd or 0.0 for c in live)

    def summary(self) -> dict:
        """JSON-ready summary for the optimize report."""
        cost = self.cost_usd
        return {
            "used": self.used, "status": self.status, "reason": self.reason, "error": self.error,
            "model": self.model, "endpoint": self.endpoint,
            "calls": sum(1 for c in self.calls if not c.cached),
            "cache_hits": sum(1 for c in self.calls if c.cached),
            "input_tokens": self.input_tokens, "output_tokens": self.output_tokens,
            "estimated_cost_usd": round(cost, 6) if cost is not None else "unknown",
            "accepted": sum(1 for a in self.attempts if a.outcome == "accepted"),
            "attempts": [{"target": a.target, "attempt": a.attempt, "sample": a.sample, "outcome": a.outcome,
                          "detail": a.detail[:300], "metric": a.metric} for a in self.attempts],
            "rules_retrieved": [{"rule": r, "score": round(s, 3)} for r, s in self.rules_retrieved],
            "plan": self.plan,
        }

    def format_text(self) -> str:
        """A few lines for the text report."""
        if self.status == "not_configured":
            return ("LLM path: not used (no model configured; set --model, RTLOPT_MODEL or 'model' in "
                    "[tool.rtlopt]); templates and the FSM engine ran")
        if self.status == "unused":
            return f"LLM path: not used ({self.reason or 'the dispatcher found nothing for it'})"
        if self.status == "failed" and not self.used:
            return f"LLM path: failed ({self.error}); templates and the FSM engine ran"
        cost = self.cost_usd
        cost_s = f"${cost:.4f}" if cost is not None else "unknown"
        s = self.summary()
        lines = [f"LLM path: used {self.model} ({s['calls']} call(s), {s['cache_hits']} cached; "
                 f"{self.input_tokens} input + {self.output_tokens} output tokens; est. cost {cost_s})"]
        outcomes: dict[str, int] = {}
        for a in self.attempts:
            outcomes[a.outcome] = outcomes.get(a.outcome, 0) + 1
        if outcomes:
            lines.append("  responses: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
        if self.error:
            lines.append(f"  error: {self.error}")
        return "\n".join(lines)
