"""Registered outputs and protected registers: a filter on the search's candidates.

A proof of equivalence from one clock's point of view does not see two things a hardware engineer relies
on when a top-level output comes straight from a flip-flop: the output is glitch-free (a Gray pointer
sampled by another clock domain or off-chip) and its clock-to-out timing. Several rewrites legitimately
turn such an output into logic after a register (register re-encoding: ``S ^ (S >> 1)``; a register that
is a table of another: the table after that register; FSM outputs merged into the state decode).

This module reads the original and each candidate as Yosys elaborates them (``proc; flatten; opt_expr;
opt_clean``, JSON; a child process, as every Yosys run), generically (no rule is named):

- *registered outputs*: the bits of the top's output ports whose driver, through wires, assigns, buffers
  and ports of child instances (all merged by ``flatten``/``opt_clean``), is the Q of a flip-flop. With
  ``keep_registered_outputs`` (``--keep-registered-outputs``) a candidate in which such a bit is no longer
  a flip-flop's Q is rejected.
- *protected registers*: flip-flop-driven nets of the original carrying ``(* keep *)``, ``(* async_reg *)``
  or ``(* ASYNC_REG = "TRUE" *)`` (on the register or on its output port), always honoured: in a candidate
  the net of the same (flattened) name must still be driven by flip-flops bit for bit, and, where the
  sequential simulator models both designs (:mod:`rtlopt.semantic.seqsim`: one clock), hold the same
  values on the same random stimulus from reset (a re-encoding that keeps the name is rejected; this is
  a filter by simulation, not a proof -- the proof of the outputs is the verifier's, as for every rewrite).
"""

from __future__ import annotations

import json
import re
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.errors import RtloptError

#: attribute names (case-insensitive) that mark a register to be kept as it is
PROTECT_ATTRS = ("keep", "async_reg")
#: a cheap textual pre-test: no Verilog attribute instance naming one of them, no protected register
#: (an AXI ``tkeep`` port alone costs no Yosys run)
_PROTECT_RE = re.compile(r"\(\*[^;]*?\b(?:keep|async_reg)\b[^;]*?\*\)", re.IGNORECASE | re.DOTALL)
_FF = frozenset({"$dff", "$adff", "$sdff", "$dffe", "$adffe", "$sdffe", "$sdffce", "$aldff", "$aldffe",
                 "$dffsr", "$dffsre", "$ff"})
_PASS = frozenset({"$pos", "$buf", "$_BUF_"})


class RegisteredOutputRejected(RtloptError):
    """A candidate turns a registered output into logic, or re-encodes/removes a protected register."""


@dataclass
class RegFacts:
    """What the filter compares: registered output bits and protected registers."""

    outputs: dict[str, list[bool]] = field(default_factory=dict)  # port -> per bit: a flip-flop's Q
    protected: dict[str, list[bool]] = field(default_factory=dict)  # netname -> per bit: a flip-flop's Q
    names: dict[str, list[bool]] = field(default_factory=dict)  # every netname -> per bit: a flip-flop's Q

    @property
    def registered(self) -> list[tuple[str, int]]:
        return [(p, i) for p, bits in self.outputs.items() for i, b in enumerate(bits) if b]


def _truthy(v) -> bool:
    s = str(v).strip().strip('"').lower()
    if s in ("", "false", "no", "off"):
        return False
    if set(s) <= {"0", "1"}:
        return "1" in s
    return True


def _protect_attr(attrs: dict) -> bool:
    return any(str(k).lower() in PROTECT_ATTRS and _truthy(v) for k, v in (attrs or {}).items())


def facts_of_json(js: dict, top: str) -> RegFacts:
    """:class:`RegFacts` of ``top`` in a Yosys JSON (after ``proc; flatten; opt_clean``)."""
    mods = js.get("modules", {})
    mod = mods.get(top)
    if mod is None:
        mod = next((m for m in mods.values() if _truthy(m.get("attributes", {}).get("top", "0"))),
                   next(iter(mods.values()), {}))
    q: set = set()
    alias: dict = {}  # output bit of a buffer -> its input bit
    for c in mod.get("cells", {}).values():
        t = c.get("type", "")
        conns = c.get("connections", {})
        if t in _FF:
            q.update(b for b in conns.get("Q", []) if isinstance(b, int))
        elif t in _PASS:
            a, y = conns.get("A", []), conns.get("Y", [])
            for i, yb in enumerate(y):
                if isinstance(yb, int) and i < len(a):
                    alias[yb] = a[i]

    def is_q(b) -> bool:
        seen = 0
        while isinstance(b, int) and b in alias and seen < 64:
            b, seen = alias[b], seen + 1
        return isinstance(b, int) and b in q

    out = RegFacts()
    ports = mod.get("ports", {})
    for p, v in ports.items():
        if v.get("direction") == "output":
            out.outputs[p] = [is_q(b) for b in v.get("bits", [])]
    for n, v in mod.get("netnames", {}).items():
        bits = v.get("bits", [])
        out.names[n] = [is_q(b) for b in bits]
        attrs = dict(v.get("attributes", {}))
        if n in ports:
            attrs.update(ports[n].get("attributes", {}) or {})
        if _protect_attr(attrs):
            out.protected[n] = [is_q(b) for b in bits]
    return out


_MEMO: dict[str, RegFacts] = {}
_LOCK = threading.Lock()


def facts(files, top: str, timeout: float = 60.0) -> RegFacts:
    """:class:`RegFacts` of ``top`` read from ``files`` (Yosys in a child process; memoized by content).

    Raises:
        RtloptError: Yosys cannot read the design.
    """
    import hashlib

    from rtlopt.tools.yosys import input_error_from_yosys, read_design_script
    from rtlopt.verify._prepare import yosys_tool

    files = [Path(f) for f in files]
    key = hashlib.sha256(repr((top, [(f.name, f.read_bytes()) for f in files])).encode()).hexdigest()
    with _LOCK:
        if key in _MEMO:
            return _MEMO[key]
    with tempfile.TemporaryDirectory(prefix="rtlopt-regkeep-") as tmp:
        script = read_design_script(files, top) + "proc\nflatten\nopt_expr\nopt_clean\nwrite_json regs.json\n"
        res = yosys_tool().run_script(script, cwd=tmp, timeout=timeout, check=False)
        if res.returncode != 0:
            raise input_error_from_yosys(res)
        js = json.loads((Path(tmp) / "regs.json").read_text())
    got = facts_of_json(js, top)
    with _LOCK:
        _MEMO[key] = got
    return got


def may_protect(texts) -> bool:
    """Whether any text may hold a protect attribute (a cheap test before any Yosys run)."""
    return any(_PROTECT_RE.search(t) for t in texts)


def structural_reason(orig: RegFacts, cand: RegFacts, keep_outputs: bool) -> str | None:
    """Why ``cand`` is rejected against ``orig`` (None: it is not), from the netlists' structure."""
    if keep_outputs:
        lost = [f"{p}[{i}]" for p, i in orig.registered
                if i >= len(cand.outputs.get(p, [])) or not cand.outputs[p][i]]
        if lost:
            more = f" (+{len(lost) - 4} more)" if len(lost) > 4 else ""
            return ("registered output no longer driven directly by a flip-flop: " + ", ".join(lost[:4]) + more
                    + " (--keep-registered-outputs)")
    for n, bits in orig.protected.items():
        if not any(bits):
            continue
        cb = cand.names.get(n)
        if cb is None or len(cb) != len(bits):
            return f"protected register {n} (keep/async_reg attribute) removed or resized"
        if any(o and not c for o, c in zip(bits, cb, strict=True)):
            return f"protected register {n} (keep/async_reg attribute) is no longer a register"
    return None


def value_reason(orig_texts, cand_texts, top: str, names: list[str], timeout: float = 60.0) -> str | None:
    """A protected register whose values differ between the two designs on the same random stimulus from
    reset (:func:`rtlopt.semantic.seqsim.simulate` with comparable stimulus); None when equal on every
    lane and cycle, or when the simulator does not model one of the designs (then only the structural
    test holds)."""
    if not names:
        return None
    try:
        from rtlopt.semantic import seqsim

        a = seqsim.load_texts(orig_texts, top, timeout=timeout)
        b = seqsim.load_texts(cand_texts, top, timeout=timeout)
        if {k: len(v) for k, v in a.inputs.items()} != {k: len(v) for k, v in b.inputs.items()}:
            return None
        ta = seqsim.simulate(a, cycles=64, words=2, seed=11, free_seed=12)
        tb = seqsim.simulate(b, cycles=64, words=2, seed=11, free_seed=12)
    except Exception:  # noqa: BLE001 - not modelled (several clocks, ...): the structural test decides
        return None
    qa, qb = a.q_index, b.q_index
    for n in names:
        ba, bb = a.name_bits.get(n), b.name_bits.get(n)
        if ba is None or bb is None or len(ba) != len(bb) or not (_modelled(a, ba) and _modelled(b, bb)):
            continue  # (fed from another clock's domain, or an unmodelled cell: its values are free there)
        for i, (x, y) in enumerate(zip(ba, bb, strict=True)):
            if x in qa and y in qb and (ta[:, qa[x], :] != tb[:, qb[y], :]).any():
                return f"protected register {n} (keep/async_reg attribute) holds other values ({n}[{i}] differs in simulation from reset)"
    return None


def _modelled(net, sigs) -> bool:
    """Whether nothing free (another clock's flip-flops, unmodelled cells, x) reaches ``sigs`` in ``net``,
    through gates and flip-flops: then their simulated values are the design's."""
    ins: dict[int, tuple] = {o: i for _t, o, i in net.gates}
    for f in net.flops:
        ins[f.q] = (f.d,) + ((f.rst,) if f.rst is not None else ())
    free = set(net.free)
    todo, seen = [s for s in sigs if s is not None and s > 1], set()
    while todo:
        s = todo.pop()
        if s in seen:
            continue
        seen.add(s)
        if s in free:
            return False
        todo.extend(x for x in ins.get(s, ()) if x > 1)
    return True


class Guard:
    """The filter of one search: the original's facts, the rejections counted (thread-safe)."""

    def __init__(self, original_files, top: str, original_texts: dict, keep_outputs: bool, say=None) -> None:
        self.top = top
        self.keep_outputs = keep_outputs
        self.original_texts = dict(original_texts)
        self.rejected = 0
        self.reasons: list[str] = []
        self._lock = threading.Lock()
        self._seen: dict[str, str | None] = {}
        self.active = False
        self.orig: RegFacts | None = None
        if not keep_outputs and not may_protect(self.original_texts.values()):
            return
        try:
            self.orig = facts(original_files() if callable(original_files) else original_files, top)
        except RtloptError as exc:
            if say:
                say(f"registered outputs/protected registers not checked: {str(exc).splitlines()[0][:120]}")
            return
        self.active = bool((keep_outputs and self.orig.registered) or any(any(b) for b in self.orig.protected.values()))

    def check(self, files, texts: dict, key: str) -> None:
        """Raise :class:`RegisteredOutputRejected` when the candidate (``files``, its ``texts``) is rejected."""
        if not self.active or self.orig is None:
            return
        with self._lock:
            if key in self._seen:
                why = self._seen[key]
                if why is not None:
                    raise RegisteredOutputRejected(f"rejected: {why}")
                return
        try:
            cand = facts(files, self.top)
            why = structural_reason(self.orig, cand, self.keep_outputs)
        except RtloptError as exc:  # not readable: no evidence that it keeps them
            why = f"registered outputs not checkable ({str(exc).splitlines()[0][:100]})"
        if why is None:
            prot = [n for n, b in self.orig.protected.items() if any(b)]
            why = value_reason(self.original_texts, texts, self.top, prot)
        with self._lock:
            if key not in self._seen:
                self._seen[key] = why
                if why is not None:
                    self.rejected += 1
                    if len(self.reasons) < 20:
                        self.reasons.append(why)
        if why is not None:
            raise RegisteredOutputRejected(f"rejected: {why}")

    def summary(self) -> dict:
        return {"enabled": self.keep_outputs, "checked": self.active, "rejected": self.rejected,
                "registered_output_bits": len(self.orig.registered) if self.orig else 0,
                "protected_registers": sorted(n for n, b in (self.orig.protected if self.orig else {}).items()
                                              if any(b)),
                "reasons": list(self.reasons)}
