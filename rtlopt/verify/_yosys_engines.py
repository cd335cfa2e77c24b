"""SAT-based engines run in Yosys/ABC child processes (time-limited, killed on time out).

* ``equiv``: Yosys ``equiv_make; equiv_simple; equiv_induct; equiv_status -assert`` on the two
  flattened designs. Cheap on structurally similar combinational designs; it can only prove (an
  unproven ``$equiv`` cell may be an internal net with the same name but another function), so a
  failure is "inconclusive", never NOT EQUIVALENT. Used for combinational designs without gold x.
* ``equiv`` on sequential designs (:func:`run_equiv_seq`): register correspondence by name, see there.
* ``sat``: Yosys ``sat -verify -prove rtlopt_trigger 0`` on the combinational miter (benchmarks).
* ``abc``: the miter as AIGER (``write_aiger -zinit``; free initial values become inputs), solved by
  ABC ``iprove`` (combinational) or ``dprove`` (sequential, from the initial state).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from rtlopt.errors import ToolError, ToolTimeout
from rtlopt.verify._netlist import FF_TYPES as _FF_TYPES_ALL
from rtlopt.verify._prepare import (
    GATE,
    GOLD,
    MITER,
    TRIGGER,
    MiterSpec,
    abc_tool,
    build_miter,
    miter_script,
    yosys_tool,
)


def run_equiv(gold_il: Path, gate_il: Path, workdir: Path, timeout: float) -> tuple[str, str]:
    """Return ("equivalent"|"inconclusive"|"unknown", detail)."""
    script = "\n".join([
        f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
        f"equiv_make {GOLD} {GATE} rtlopt_equiv", "hierarchy -top rtlopt_equiv",
        "async2sync", "equiv_simple", "equiv_induct", "equiv_status -assert"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    if res.returncode == 0 and "Equivalence successfully proven" in res.stdout:
        return "equivalent", "Yosys equiv_simple/equiv_induct proved every matched net"
    return "inconclusive", "equiv_* could not prove all matched nets (not a counterexample)"


def run_equiv_seq(gold_il: Path, gate_il: Path, workdir: Path, timeout: float, init: str) -> tuple[str, str]:
    """Register correspondence by name on a sequential pair: ("equivalent"|"inconclusive"|"unknown", detail).

    ``equiv_make`` pairs the nets of equal name (a cut point each: the logic of both designs reads
    one shared value), ``equiv_simple -seq 0`` proves pairs combinationally, for every value of the
    cut points and flip-flop outputs (so at every cycle, the first included; ``-seq 1`` would look one
    clock back through flip-flops without a matched name, which cycle 0 does not have), and
    ``equiv_induct -seq 1`` proves only the pairs whose both sides are flip-flop outputs: equal at
    cycle t gives equal at t+1. Its missing base case (equal at the start) is checked here from the
    initial values and ``init`` (:func:`_start_states_match`); a combinational pair that would only
    follow by induction stays unproven (it could differ in cycle 0). x semantics: gate x constants
    and undriven gate nets become ``$anyseq`` (every value must pass); gold x constants read as 0
    (one resolution of gold's don't-care: the gate must equal it, a refinement).
    """
    deadline = time.monotonic() + timeout
    why = _start_states_match(workdir / "gold.json", workdir / "gate.json", init)
    if not why:
        why, n_async = _async_resets_match(workdir / "gold.json", workdir / "gate.json")
    if why:
        return "inconclusive", f"register correspondence not applicable ({why})"
    sync_model = []
    if n_async:
        # asynchronous resets as synchronous ones (see _async_resets_match for why this is sound here):
        # the flip-flop keeps its output net, so it still pairs with its namesake
        (workdir / _ADFF_MAP_FILE).write_text(_ADFF_MAP)
        sync_model = [f"techmap -map {_ADFF_MAP_FILE} t:$adff t:$adffe"]
    arith_differs = any(_count(workdir / "gold.json", t) != _count(workdir / "gate.json", t) for t in _ARITH)
    if timeout > 4.0 and any(_count(workdir / "gold.json", t) != _count(workdir / "gate.json", t)
                             for t in _MUL_CELLS):
        # multipliers shared under a controller's state decode (two multipliers in exclusive states, one
        # multiplier of operands selected by ``st == TX``): per value of the state register the selects
        # fold and both sides are one structure (0.8 s for a 2-bit mode FSM), where the everted check,
        # the plain run and the input splits before it spent 30 s in SAT on the multipliers (shared
        # adders keep the everted check first: SAT decides them in a second or two)
        t0 = time.monotonic()
        if _early_register_split(gold_il, gate_il, workdir, timeout * EARLY_SPLIT_SHARE, sync_model):
            return "equivalent", ("Yosys equiv_simple/equiv_induct per value of a state register selecting "
                                  "shared operands (its output cut: a free value of the cycle in both designs; "
                                  "internal gate nets unnamed): flip-flops of equal name equal from equal start "
                                  "states")
        timeout -= time.monotonic() - t0
    if _all_registers_paired(workdir / "gold.json", workdir / "gate.json"):
        # every flip-flop has a namesake: the induction step is one combinational check (below); a
        # share of the slice, the plain run (which may also use internal pairs in its induction) after.
        # Also when operators were shared or split: cut, the vending machine's two 256-bit adders shared
        # as one (tests/test_verify_cofactor_adders.py) are proven in 2.8 s without the split per select
        t0 = time.monotonic()
        if _everted_equal(gold_il, gate_il, workdir, timeout * EVERTED_SHARE, sync_model, arith_differs):
            return "equivalent", ("Yosys equiv_simple on the designs with every flip-flop cut (its output a shared "
                                  "input, its next state an output): flip-flops of equal name equal from equal start "
                                  "states, next states and outputs equal")
        timeout -= time.monotonic() - t0
        if timeout <= 0.5:
            return "unknown", "time limit"
    script = "\n".join([
        f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
        f"setundef -undriven -anyseq {GATE}", *sync_model, "async2sync", "dffunmap",
        f"equiv_make {GOLD} {GATE} rtlopt_equiv", "hierarchy -top rtlopt_equiv",
        # one wire per net (a register read under another name, e.g. an output port, is then
        # recognised as a flip-flop pair); drops only pairs whose shared value nothing reads
        "opt_clean",
        # pairs whose gold side and gate side are both flip-flop outputs
        "select -set rtlopt_rq t:$dff %co1:+[Q] %co1:+[A] t:$equiv %i t:$dff %co1:+[Q] %co1:+[B] t:$equiv %i %i",
        "equiv_simple -seq 0",
        "select -set rtlopt_comb t:$equiv @rtlopt_rq %d",
        "equiv_induct -seq 1 @rtlopt_comb %n",
        "equiv_status -assert"]) + "\n"
    try:
        # operators shared or split (the count of multipliers, adders, ... differs): SAT on operators of
        # different structure may run out where the split per select value (below) is a structural
        # proof; it keeps a share (the long suite's vending machine: two 1024-bit adders shared as one
        # on muxed operands, 26 s of SAT in the plain run, UNKNOWN under load; per value of sel: 2 s)
        plain = timeout * 0.4 if arith_differs else timeout
        res = yosys_tool().run_script(script, cwd=workdir, timeout=plain, check=False)
    except ToolTimeout:
        if plain < timeout:
            res = None
        else:
            return "unknown", f"time limit ({timeout:.1f} s)"
    if res is None:
        pass
    elif res.returncode == 0 and "Equivalence successfully proven" in res.stdout:
        return "equivalent", ("Yosys equiv_simple/equiv_induct: every net of equal name proven equal, flip-flops by "
                              "induction from equal start states")
    left = deadline - time.monotonic()
    for name in _cofactor_inputs(workdir / "gate.json", workdir / "gold.json")[:MAX_COFACTOR_INPUTS]:
        if left <= 1.0:
            break
        t0 = time.monotonic()
        if _cofactors_equal(gold_il, gate_il, workdir, left, sync_model, name):
            return "equivalent", (f"Yosys equiv_simple/equiv_induct per value of input {name} (internal gate nets "
                                  "unnamed): flip-flops of equal name equal from equal start states")
        left -= time.monotonic() - t0
    for reg in (_cut_registers(gold_il, gate_il, workdir, left, sync_model) if left > 2.0 else [])[:MAX_CUT_REGS]:
        if left <= 1.0:
            break
        t0 = time.monotonic()
        if _register_cofactors_equal(gold_il, gate_il, workdir, left, sync_model, reg):
            return "equivalent", (f"Yosys equiv_simple/equiv_induct per value of register {reg[0]} (its output cut: "
                                  "a free value of the cycle in both designs; internal gate nets unnamed): flip-flops "
                                  "of equal name equal from equal start states")
        left -= time.monotonic() - t0
    if res is None:
        return "unknown", f"time limit ({timeout:.1f} s)"
    return "inconclusive", "register correspondence by name could not prove all matched nets (not a counterexample)"


#: Share of the register-correspondence slice for the everted check when every flip-flop has a namesake.
EVERTED_SHARE = 0.7
#: Share of the slice for the split per value of a state register that selects the operands of shared
#: operators, tried first when the designs' operator counts differ (:func:`_early_register_split`).
EARLY_SPLIT_SHARE = 0.25
#: Registers tried in that split (those selecting a mux first, as :func:`_cut_registers` orders them).
EARLY_SPLIT_REGS = 2


def _early_register_split(gold_il: Path, gate_il: Path, workdir: Path, timeout: float,
                          sync_model: list[str]) -> bool:
    """The register correspondence proof per value of one of the first :data:`EARLY_SPLIT_REGS`
    registers :func:`_cut_registers` finds (the same proof the engine tries last), within ``timeout``."""
    deadline = time.monotonic() + timeout
    for reg in _cut_registers(gold_il, gate_il, workdir, timeout, sync_model)[:EARLY_SPLIT_REGS]:
        left = deadline - time.monotonic()
        if left <= 0.5:
            return False
        if _register_cofactors_equal(gold_il, gate_il, workdir, left, sync_model, reg):
            return True
    return False


def _public_ff_bits(path: Path) -> set[tuple[str, int]] | None:
    """(public wire name, bit index) of every flip-flop output bit of one elaborated design; None when a
    flip-flop bit has no public name."""
    try:
        mod = next(iter(json.loads(path.read_text()).get("modules", {}).values()))
    except (OSError, ValueError, StopIteration):
        return None
    qbits = {b for c in mod.get("cells", {}).values() if c["type"] in _FF_TYPES_ALL
             for b in c.get("connections", {}).get("Q", []) if isinstance(b, int)}
    out, named = set(), set()
    for n, v in mod.get("netnames", {}).items():
        if n.startswith("$"):
            continue
        for i, b in enumerate(v.get("bits", [])):
            if b in qbits:
                out.add((n, i))
                named.add(b)
    return out if named == qbits else None


def _all_registers_paired(gold_json: Path, gate_json: Path) -> bool:
    """Whether gold and gate hold flip-flops on the same public wire bits (a cheap filter for
    :func:`_everted_equal`, which checks the pairing it uses itself)."""
    g, h = _public_ff_bits(gold_json), _public_ff_bits(gate_json)
    return bool(g) and g == h


def _everted_equal(gold_il: Path, gate_il: Path, workdir: Path, timeout: float, sync_model: list[str],
                   arith_differs: bool = False) -> bool:
    """The induction step of register correspondence as one combinational check.

    Every flip-flop of both designs is cut (``expose -evert-dff``): its output becomes an input port, its
    next state (and clock) an output port, named after its output wire. When the two cut designs have the
    same ports and each new input port's bits are, in both, the flip-flop bits of one same public wire
    bit (so the pairing is the one whose start states :func:`_start_states_match` checked), a proof that
    every output and next-state port is equal for every value of the inputs and of the paired flip-flop
    outputs is the induction step (pairs equal at t -> equal at t+1, outputs equal at t); with the base
    case checked before, the designs are equivalent. ``equiv_simple`` proves the port pairs with the
    internal nets of equal name as cut points (an internal pair it cannot prove is inconclusive, never a
    verdict); ``opt_merge`` first shares the logic both sides compute alike (structural hashing of the
    combined module; ``$anyseq`` values are never merged). One rewrite-local adder shared for six
    (axis_frame_length_adjust, DATA_WIDTH=64): 8 s CPU with ``equiv_induct`` over 422 flip-flop pairs,
    1.6-2 s here (opt_clean after opt_merge: 2.5-3 s without). Same x semantics as :func:`run_equiv_seq` (gate undriven nets free per cycle)."""
    deadline = time.monotonic() + timeout
    first = "\n".join([
        f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
        f"setundef -undriven -anyseq {GATE}", *sync_model, "async2sync", "dffunmap",
        "expose -evert-dff t:$dff", "opt_clean",  # the cut flip-flops drive nothing: removed
        "write_json rtlopt_evert.json", "write_rtlil rtlopt_evert.il"]) + "\n"
    try:
        res = yosys_tool().run_script(first, cwd=workdir, timeout=timeout, check=False)
        if res.returncode != 0:
            return False
        mods = json.loads((workdir / "rtlopt_evert.json").read_text())["modules"]
        orig = {r: set(next(iter(json.loads((workdir / f"{r}.json").read_text())["modules"].values()))
                       .get("ports", {})) for r in ("gold", "gate")}
    except (ToolTimeout, OSError, ValueError, KeyError, StopIteration):
        return False
    if not _everted_pairing_ok(mods.get(GOLD), mods.get(GATE), orig["gold"] | orig["gate"]):
        return False
    # operators shared or split: first the split per value of the one-bit input that selects operands
    # next to the arithmetic (each value makes both sides one structure: two 1024-bit adders shared as
    # one, 0.8 s per value where the whole check runs 20 s and more), 40 % of the time; then the whole
    split = _cofactor_inputs(workdir / "gate.json", workdir / "gold.json")[:1] if arith_differs else []
    for name in split:
        per = (deadline - time.monotonic()) * 0.2
        q = "\\" + name
        if all(_everted_run(workdir, per, [ln for mod in (GOLD, GATE) for ln in (
                f"cd {mod}", f"delete -port w:{q}", f"connect -set {q} 1'b{v}", "cd ..")] + [
                # with the input constant, a net of equal name may mean another thing in the gate (the
                # shared operand): only ports pair up
                "opt_expr", f"rename -hide {GATE}/w:* {GATE}/x:* %d"]) for v in (0, 1)):
            return True
    return _everted_run(workdir, deadline - time.monotonic(), [])


def _everted_run(workdir: Path, timeout: float, fix: list[str]) -> bool:
    """One ``equiv_simple`` run on the cut designs (``rtlopt_evert.il``), ``fix`` applied first."""
    if timeout <= 0.5:
        return False
    script = "\n".join([
        "read_rtlil rtlopt_evert.il", *fix,
        f"equiv_make {GOLD} {GATE} rtlopt_equiv", "hierarchy -top rtlopt_equiv", "opt_clean",
        "opt_merge", "opt_clean", "equiv_simple", "equiv_status -assert"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        return False
    return res.returncode == 0 and "Equivalence successfully proven" in res.stdout


def _everted_pairing_ok(gold: dict | None, gate: dict | None, orig_ports: set[str]) -> bool:
    """The cut designs pair their flip-flops by name: equal ports (name, direction, width), no flip-flop
    left, and every bit of every new input port (a cut flip-flop output) aliasing, in both designs, one
    same public wire bit that is not a new port."""
    if gold is None or gate is None:
        return False
    for mod in (gold, gate):
        if any(c["type"] in _FF_TYPES_ALL or c["type"] in ("$dlatch", "$adlatch", "$dlatchsr", "$sr", "$ff")
               for c in mod.get("cells", {}).values()):
            return False
    gp, hp = gold.get("ports", {}), gate.get("ports", {})
    if {n: (p["direction"], len(p["bits"])) for n, p in gp.items()} != \
            {n: (p["direction"], len(p["bits"])) for n, p in hp.items()}:
        return False
    new = {n for n in gp if n not in orig_ports}

    def aliases(mod: dict) -> dict:
        out: dict = {}
        for n, v in mod.get("netnames", {}).items():
            if n.startswith("$") or n in new:
                continue
            for i, b in enumerate(v.get("bits", [])):
                out.setdefault(b, set()).add((n, i))
        return out

    def read(mod: dict) -> set:
        return {b for c in mod.get("cells", {}).values() for b in (
            b for k, v in c.get("connections", {}).items() for b in v)}

    ga, ha = aliases(gold), aliases(gate)
    gr, hr = read(gold), read(gate)
    for n in new:
        if gp[n]["direction"] != "input":
            continue
        for bg, bh in zip(gp[n]["bits"], hp[n]["bits"], strict=True):
            if bg not in gr and bh not in hr and bg not in ga and bh not in ha:
                continue  # a second name of an everted flip-flop: a cut of its own that nothing reads
            if not (ga.get(bg, set()) & ha.get(bh, set())):
                return False
    return True


#: Registers (one or two bits, one flip-flop cell of equal name in gold and gate) tried as a case split.
MAX_CUT_REGS = 2


def _cut_registers(gold_il: Path, gate_il: Path, workdir: Path, timeout: float,
                   sync_model: list[str]) -> list[tuple[str, int, str, str]]:
    """(name, width, gold cell, gate cell) of the registers to split on: a net of one or two bits that is
    the whole Q of one ``$dff`` in both designs (after the flip-flop model of the proof), those whose
    bits select a mux (directly or through one gate) first."""
    script = "\n".join([f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
                        f"setundef -undriven -anyseq {GATE}", *sync_model, "async2sync", "dffunmap",
                        "write_json rtlopt_cut_pre.json"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=max(0.5, min(timeout / 4, 20.0)), check=False)
        mods = json.loads((workdir / "rtlopt_cut_pre.json").read_text())["modules"] if res.returncode == 0 else {}
    except (ToolTimeout, OSError, ValueError, KeyError):
        return []

    def regs(mod: dict) -> tuple[dict[str, tuple[int, str]], set]:
        cells = mod.get("cells", {})
        by_q = {tuple(c["connections"].get("Q", [])): n for n, c in cells.items() if c["type"] == "$dff"}
        out = {}
        nets = mod.get("netnames", {})
        for name, nn in nets.items():
            bits = tuple(nn.get("bits", []))
            if name.startswith("$") or not 1 <= len(bits) <= 2 or bits not in by_q:
                continue
            # the only name of these bits: an alias (``assign o = ph``) would keep reading the flip-flop
            if sum(1 for other in nets.values() if set(other.get("bits", [])) & set(bits)) != 1:
                continue
            out[name] = (len(bits), by_q[bits])
        sel_bits = {b for c in cells.values() if c["type"] in ("$mux", "$pmux", "$_MUX_")
                    for b in c["connections"].get("S", [])}
        near = set(sel_bits)
        for c in cells.values():  # one gate (a state compare, an inverter) before the select
            con = c.get("connections", {})
            if set(con.get("Y", [])) & sel_bits:
                near |= {b for k, v in con.items() if k != "Y" for b in v}
        return out, {n for n, (w, cell) in out.items()
                     if set(tuple(mod["netnames"][n]["bits"])) & near}

    if GOLD not in mods or GATE not in mods:
        return []
    g, gsel = regs(mods[GOLD])
    h, hsel = regs(mods[GATE])
    common = [n for n in g if n in h and g[n][0] == h[n][0]]
    common.sort(key=lambda n: (n not in gsel | hsel, n))
    return [(n, g[n][0], g[n][1], h[n][1]) for n in common]


def _register_cofactors_equal(gold_il: Path, gate_il: Path, workdir: Path, timeout: float, sync_model: list[str],
                              reg: tuple[str, int, str, str]) -> bool:
    """The register correspondence proof once per value of register ``reg`` (a state register whose
    state compare keeps two products apart: ``ph ? acc + y*cb : acc + x*ca`` against one product of
    muxed operands).

    The flip-flop is cut in both designs: its cell drives a fresh net of one shared name (so the
    flip-flop still pairs with its namesake and its next state is proven like any other), and the logic
    that read the register reads the constant instead. Sound for this proof because every fact it
    proves is about one clock cycle with the flip-flop outputs free, paired ones equal (induction step)
    or any (combinational pairs): with the logic reading constant v, the fact covers every state in
    which the register holds v (and more); the register's own pair is proven in the same induction, so
    in every reachable cycle gold and gate hold one value of it, and the cofactors of all values cover
    every cycle. The base case (equal start states) is checked before, on the designs themselves. No
    flip-flop optimisation runs on the cofactors (only combinational constant folding)."""
    name, width, gold_cell, gate_cell = reg
    cut = "\\rtlopt_cutq_" + name.lstrip("\\").replace(".", "_")
    q = "\\" + name
    per = max(0.5, timeout / (1 << width))
    for v in range(1 << width):
        fix = []
        for mod, cell in ((GOLD, gold_cell), (GATE, gate_cell)):
            fix += [f"cd {mod}", f"add -wire {cut} {width}", f"connect -port {cell} Q {cut}",
                    f"connect -set {q} {width}'d{v}", f"setattr -set keep 1 w:{cut}", "cd .."]
        # nothing reads the cut flip-flop: kept, and its pair must exist (else its next state goes unchecked)
        keep = [f"setattr -set keep 1 rtlopt_equiv/w:{cut}"]
        post = [f"select -assert-min 1 rtlopt_equiv/w:{cut} %ci1:+$equiv[Y] t:$equiv %i"]
        if not _cofactor_run(gold_il, gate_il, workdir, per, sync_model, fix, post, keep):
            return False
    return True


def _count(path: Path, cell_type: str) -> int:
    try:
        mod = next(iter(json.loads(path.read_text()).get("modules", {}).values()))
    except (OSError, ValueError, StopIteration):
        return 0
    return sum(1 for c in mod.get("cells", {}).values() if c["type"] == cell_type)


#: One-bit inputs tried as a case split when the plain register correspondence fails.
MAX_COFACTOR_INPUTS = 2


_ARITH = ("$mul", "$add", "$sub", "$macc", "$neg", "$alu")
_MUL_CELLS = ("$mul", "$macc")


def _select_inputs(path: Path) -> tuple[dict[str, int], set[str], set[str]]:
    """(one-bit data input -> bit, inputs selecting a mux, inputs selecting a mux next to arithmetic: its
    data from an adder/multiplier or its output into one) of one netlist."""
    try:
        mod = next(iter(json.loads(path.read_text()).get("modules", {}).values()))
    except (OSError, ValueError, StopIteration):
        return {}, set(), set()
    cells = list(mod.get("cells", {}).values())
    clk = {b for c in cells if c["type"] in _FF_TYPES_ALL for b in c.get("connections", {}).get("CLK", [])}
    ins = {n: p["bits"][0] for n, p in mod.get("ports", {}).items()
           if p.get("direction") == "input" and len(p.get("bits", [])) == 1 and isinstance(p["bits"][0], int)
           and p["bits"][0] not in clk}
    arith_out = {b for c in cells if c["type"] in _ARITH for b in c.get("connections", {}).get("Y", [])}
    arith_in = {b for c in cells if c["type"] in _ARITH for k, v in c.get("connections", {}).items()
                if k != "Y" for b in v}
    sel, near = set(), set()
    for c in cells:
        if c["type"] not in ("$mux", "$pmux", "$_MUX_"):
            continue
        con = c.get("connections", {})
        s_bits = set(con.get("S", []))
        data = set(con.get("A", [])) | set(con.get("B", []))
        hit = bool(data & arith_out or set(con.get("Y", [])) & arith_in)
        for n, b in ins.items():
            if b in s_bits:
                sel.add(n)
                if hit:
                    near.add(n)
    return ins, sel, near


def _cofactor_inputs(gate_json: Path, gold_json: Path | None = None) -> list[str]:
    """One-bit data inputs of the gate (not a flip-flop clock): those that select a mux next to an adder or
    multiplier in either design first (the select of shared operations), then other mux selects."""
    ins, sel, near = _select_inputs(gate_json)
    if gold_json is not None:
        _g, gsel, gnear = _select_inputs(gold_json)
        sel, near = sel | gsel, near | gnear
    return sorted(ins, key=lambda n: (n not in near, n not in sel, n))


def _cofactors_equal(gold_il: Path, gate_il: Path, workdir: Path, timeout: float, sync_model: list[str],
                     name: str) -> bool:
    """The register correspondence proof once with input ``name`` at 0 and once at 1 (``sel ? x*c1 : x*c0``
    against ``x * (sel ? c1 : c0)``: each value makes both sides the same structure).

    Sound for this proof: every fact it proves is about one clock cycle (combinational pairs for every
    value of the cut points and inputs, flip-flop pairs from equal values one cycle before, inputs free in
    that cycle), so a fact proven for both values of one input in that cycle holds for every input. Only
    combinational constant folding runs on the cofactors (no flip-flop optimisation, which would assume
    the input constant in every cycle). The gate's internal nets lose their names (only ports and
    flip-flop outputs pair up): a net the rewrite gave another meaning (the shared ``p0``) is no cut point."""
    per = max(0.5, timeout / 2)
    q = "\\" + name
    for v in (0, 1):
        fix = [ln for mod in (GOLD, GATE) for ln in (f"cd {mod}", f"delete -port w:{q}", f"connect -set {q} 1'b{v}",
                                                     "cd ..")]
        if not _cofactor_run(gold_il, gate_il, workdir, per, sync_model, fix):
            return False
    return True


def _cofactor_run(gold_il: Path, gate_il: Path, workdir: Path, per: float, sync_model: list[str],
                  fix: list[str], post: tuple[str, ...] | list[str] = (),
                  keep: tuple[str, ...] | list[str] = ()) -> bool:
    """One cofactor of the register correspondence proof: ``fix`` (script lines) sets the split value."""
    script = "\n".join([
        f"read_rtlil {gold_il.name}", f"read_rtlil {gate_il.name}",
        f"setundef -undriven -anyseq {GATE}", *sync_model, "async2sync", "dffunmap",
        *fix,
        "opt_expr -mux_undef", "opt_merge", "opt_clean",
        f"select -set rtlopt_keep {GATE}/i:* {GATE}/o:* {GATE}/t:$dff %co1:+[Q] %u",
        f"rename -hide {GATE}/w:* @rtlopt_keep %d",
        f"equiv_make {GOLD} {GATE} rtlopt_equiv", *keep, "hierarchy -top rtlopt_equiv", "opt_clean", *post,
        "select -set rtlopt_rq t:$dff %co1:+[Q] %co1:+[A] t:$equiv %i t:$dff %co1:+[Q] %co1:+[B] t:$equiv %i %i",
        "equiv_struct",
        "equiv_simple -seq 0",
        "select -set rtlopt_comb t:$equiv @rtlopt_rq %d",
        "equiv_induct -seq 1 @rtlopt_comb %n",
        "equiv_status -assert"]) + "\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=per, check=False)
    except ToolTimeout:
        return False
    return res.returncode == 0 and "Equivalence successfully proven" in res.stdout


_ADFF_MAP_FILE = "rtlopt_adff_sync.v"
#: $adff/$adffe -> $sdff/$sdffe with the same reset net, polarity and value (reset over enable, as the
#: asynchronous reset acts whatever the enable)
_ADFF_MAP = r"""
(* techmap_celltype = "$adff" *)
module _rtlopt_adff (CLK, ARST, D, Q);
  parameter WIDTH = 1; parameter CLK_POLARITY = 1'b1; parameter ARST_POLARITY = 1'b1; parameter ARST_VALUE = 0;
  input CLK, ARST; input [WIDTH-1:0] D; output [WIDTH-1:0] Q;
  \$sdff #(.WIDTH(WIDTH), .CLK_POLARITY(CLK_POLARITY), .SRST_POLARITY(ARST_POLARITY), .SRST_VALUE(ARST_VALUE))
    _TECHMAP_REPLACE_ (.CLK(CLK), .SRST(ARST), .D(D), .Q(Q));
endmodule
(* techmap_celltype = "$adffe" *)
module _rtlopt_adffe (CLK, ARST, EN, D, Q);
  parameter WIDTH = 1; parameter CLK_POLARITY = 1'b1; parameter ARST_POLARITY = 1'b1; parameter ARST_VALUE = 0;
  parameter EN_POLARITY = 1'b1;
  input CLK, ARST, EN; input [WIDTH-1:0] D; output [WIDTH-1:0] Q;
  \$sdffe #(.WIDTH(WIDTH), .CLK_POLARITY(CLK_POLARITY), .SRST_POLARITY(ARST_POLARITY), .SRST_VALUE(ARST_VALUE),
           .EN_POLARITY(EN_POLARITY))
    _TECHMAP_REPLACE_ (.CLK(CLK), .SRST(ARST), .EN(EN), .D(D), .Q(Q));
endmodule
"""


def _async_resets_match(gold_json: Path, gate_json: Path) -> tuple[str, int]:
    """("" or why not, number of async-reset flip-flop bits) for modelling $adff/$adffe as $sdff/$sdffe.

    The register-correspondence proof runs on a clocked model: inputs change once per cycle, a flip-flop
    takes its reset value at a clock edge with the reset asserted. The real $adff also takes it the
    moment the reset is asserted, between edges. That extra event preserves the proven invariant
    ("every flip-flop pair of equal name holds equal values") when each pair resets alike: both sides
    have an asynchronous reset on a net of equal name (an input, or a net the proof shows equal), of
    equal polarity and equal reset value; a flip-flop without a namesake is a free value in every
    proof (``equiv_simple -seq 0``), so its reset does not matter. Outputs and next states are proven
    for every state meeting the invariant, so they agree at every instant, reset pulses between edges
    included. A pair where only one side resets asynchronously (the other at the next edge, or never)
    is refused: the clocked model cannot see the difference. ``async2sync`` is not used for these
    cells: it moves the flip-flop behind a multiplexer onto an unnamed net, so no pair is found.
    """
    sides = []
    for path in (gold_json, gate_json):
        mod = next(iter(json.loads(path.read_text()).get("modules", {}).values()))
        nets = mod.get("netnames", {})
        names: dict = {}
        for n, v in nets.items():
            if not n.startswith("$"):
                for i, b in enumerate(v["bits"]):
                    names.setdefault(b, set()).add((n, i))
        by_q: dict = {}
        for c in mod.get("cells", {}).values():
            if c["type"] not in _FF_TYPES_ALL:
                continue
            p = c.get("parameters", {})
            conn = c.get("connections", {})
            for i, b in enumerate(conn.get("Q", [])):
                if c["type"] in ("$adff", "$adffe"):
                    rv = str(p.get("ARST_VALUE", ""))
                    val = rv[len(rv) - 1 - i] if i < len(rv) else "?"
                    a = conn.get("ARST", [None])[0]
                    arst = ("const", a) if isinstance(a, str) else ("net", frozenset(names.get(a, ())))
                    by_q[b] = ("async", arst, str(p.get("ARST_POLARITY", "")).lstrip("0") or "0", val)
                else:
                    by_q[b] = (c["type"],)
        regs = {}
        for n, v in nets.items():
            for i, b in enumerate(v["bits"]):
                if b in by_q:
                    regs[(n, i)] = by_q[b]
        sides.append(regs)
    g, h = sides
    n_async = sum(1 for r in (*g.values(), *h.values()) if r[0] == "async")
    if not n_async:
        return "", 0
    for k in g.keys() & h.keys():
        a, b = g[k], h[k]
        if a[0] != "async" and b[0] != "async":
            continue
        reg = f"register {k[0]}[{k[1]}]"
        if a[0] != b[0]:
            which = "gold" if a[0] == "async" else "gate"
            return f"{reg} has an asynchronous reset only in {which}", n_async
        if a[1][0] != b[1][0] or (a[1][0] == "const" and a[1][1] != b[1][1]) or \
                (a[1][0] == "net" and not (a[1][1] & b[1][1])):
            return f"{reg} is reset asynchronously by different nets in gold and gate", n_async
        if a[2] != b[2] or a[3] != b[3] or a[3] not in "01":
            return f"{reg} has a different asynchronous reset polarity or value in gold and gate", n_async
    return "", n_async


def _start_bits(path: Path, init: str, role: str) -> dict[tuple[str, int], str]:
    """(wire name, bit index) -> start value ('0'/'1', 'any' for gold's undefined start in reset
    mode, 'free' for a start chosen independently) of every flip-flop output bit of one design."""
    from rtlopt.verify._netlist import FF_TYPES

    mod = next(iter(json.loads(path.read_text()).get("modules", {}).values()))
    nets = mod.get("netnames", {})
    init_of: dict = {}
    for v in nets.values():
        a = str(v.get("attributes", {}).get("init", ""))
        if a and set(a) <= set("01xz"):
            for i, b in enumerate(v["bits"]):
                if i < len(a):
                    init_of.setdefault(b, a[len(a) - 1 - i])
    qbits = {b for c in mod.get("cells", {}).values() if c["type"] in FF_TYPES
             for b in c.get("connections", {}).get("Q", [])}
    out = {}
    for n, v in nets.items():
        for i, b in enumerate(v["bits"]):
            if b in qbits:
                val = init_of.get(b, "x")
                if val not in "01":
                    val = "0" if init == "zero" else ("any" if init == "reset" and role == "gold" else "free")
                out[(n, i)] = val
    return out


def _start_states_match(gold_json: Path, gate_json: Path, init: str) -> str:
    """"" when every pair of flip-flop output bits of equal name starts equal in gold and gate, else why not."""
    g, h = _start_bits(gold_json, init, "gold"), _start_bits(gate_json, init, "gate")
    common = [k for k in g if k in h]
    if not common:
        return "no registers of equal name"
    for k in common:
        if not (g[k] == "any" or (g[k] in "01" and g[k] == h[k])):
            return f"register {k[0]}[{k[1]}] may start differently in gold ({g[k]}) and gate ({h[k]})"
    return ""


def run_sat(spec: MiterSpec, gold_il: Path, gate_il: Path, workdir: Path, timeout: float) -> tuple[str, str]:
    """Yosys ``sat`` on the combinational miter: ("equivalent"|"different"|"unknown", detail)."""
    mv = workdir / "miter_sat.v"
    from rtlopt.verify._prepare import miter_verilog

    mv.write_text(miter_verilog(spec))
    script = miter_script(spec, gold_il, gate_il, mv) + f"sat -verify -prove {TRIGGER} 0 {MITER}\n"
    try:
        res = yosys_tool().run_script(script, cwd=workdir, timeout=timeout, check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    if res.returncode == 0 and "SAT proof finished - no model found: SUCCESS" in res.stdout:
        return "equivalent", "Yosys sat proved the miter output is 0"
    if "SAT proof finished - model found: FAIL" in res.stdout + res.stderr:
        return "different", "Yosys sat found a model"
    return "unknown", "yosys sat failed"


def run_abc(spec: MiterSpec, gold_il: Path, gate_il: Path, workdir: Path, timeout: float,
            pdr: bool = False) -> tuple[str, str]:
    """ABC on the AIGER miter: ("equivalent"|"different"|"unknown", detail); ``timeout`` covers both steps.
    ``pdr`` (sequential miters): ``scorr; pdr`` (signal correspondence from the start state, then
    property-directed reachability on the miter output) instead of ``dprove``: a miter whose outputs agree
    only under an invariant about the reachable states (a counter stays below what another module's
    latency allows) is proven in a fraction of a second where dprove's portfolio took 4.8 s (CPU)."""
    deadline = time.monotonic() + timeout
    try:
        _, aig = build_miter(spec, gold_il, gate_il, workdir, timeout, aiger=True)
    except ToolTimeout:
        return "unknown", "time limit while writing AIGER"
    except ToolError as exc:
        return "unknown", f"AIGER export failed: {exc.message}"
    assert aig is not None
    cmd = ("scorr; pdr" if pdr else "dprove") if spec.sequential else "iprove"
    if pdr and spec.sequential:
        # pdr proves the first output only: the miter must have exactly one (header 'aig M I L O A')
        head = (workdir / aig.name).read_bytes()[:80].split(b"\n", 1)[0].split()
        if len(head) < 5 or head[4] != b"1":
            return "unknown", "pdr: the AIGER miter has more than one output"
    left = deadline - time.monotonic()
    if left <= 0.05:
        return "unknown", f"time limit ({timeout:.1f} s) while writing AIGER"
    try:
        res = abc_tool().run(["-c", f"read_aiger {aig.name}; strash; {cmd}"], cwd=workdir, timeout=left,
                        check=False)
    except ToolTimeout:
        return "unknown", f"time limit ({timeout:.1f} s)"
    out = res.stdout + res.stderr
    lines = [ln.strip() for ln in out.splitlines()]
    if any(ln.startswith(("Networks are equivalent", "UNSATISFIABLE", "Property proved")) for ln in lines):
        return "equivalent", f"ABC {cmd} proved the miter output is 0"
    if any(ln.startswith(("Networks are not equivalent", "SATISFIABLE", "Networks are NOT EQUIVALENT"))
           or "was asserted in frame" in ln for ln in lines):
        from rtlopt.verify._prepare import late_x

        if late_x(workdir):  # x bits were free inputs: the difference may be a choice of x values
            return "unknown", (f"ABC {cmd} found a difference with the x bits techmap left as free inputs "
                               "(maybe only a choice of x values; not a counterexample)")
        return "different", f"ABC {cmd} found inputs that set the miter output"
    last = [ln for ln in out.strip().splitlines() if ln.strip()]
    return "unknown", f"ABC {cmd} undecided ({last[-1].strip()[:80] if last else 'no output'})"
