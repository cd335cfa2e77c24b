"""``check_equivalence``: interface comparison, miter construction and the engine portfolio."""

from __future__ import annotations

import contextlib
import re
import tempfile
import threading
import time
from pathlib import Path

from rtlopt.design import DesignRef
from rtlopt.errors import InputError, Interrupted, ToolError, ToolTimeout
from rtlopt.verify import _algebra, _exhaustive, _lanes, _smt
from rtlopt.verify._gates import Unsupported, gate_netlists
from rtlopt.verify._netlist import DIVCONST, NetlistInfo, detect_reset, reset_cone_marks
from rtlopt.verify._prepare import GATE, STARTED, TRIGGER, MiterSpec, _safe, build_miter, elaborate
from rtlopt.verify._sharedx import share_x
from rtlopt.verify._types import ALL_ENGINES, INIT_MODES, Counterexample, Verdict, VerifyOptions, VerifyResult
from rtlopt.verify._yosys_engines import _all_registers_paired, run_abc, run_equiv, run_equiv_seq, run_sat

#: beside the default portfolio: "sat" (combinational), "pdr" (sequential: ABC's scorr + pdr, named by a
#: generator whose rewrites hold by an invariant of the reachable states, rtlopt.semantic.deadcmp)
ENGINE_NAMES = (*ALL_ENGINES, "sat", "pdr")


def _validate(opts: VerifyOptions) -> None:
    if opts.init not in INIT_MODES:
        raise InputError(f"--init must be one of {', '.join(INIT_MODES)}, not {opts.init!r}")
    if opts.timeout_s <= 0:
        raise InputError("the time limit must be positive")
    if opts.bmc_depth < 1:
        raise InputError("bmc_depth must be at least 1")
    for e in opts.engines or ():
        if e not in ENGINE_NAMES:
            raise InputError(f"unknown engine {e!r}; engines: {', '.join(ENGINE_NAMES)}")


_X_LITERAL = re.compile(r"'[sS]?[bBoOhHdD]?\s*[0-9a-fA-F_]*[xXzZ][0-9a-fA-F_xXzZ]*(?![A-Za-z0-9_])")
_COMMENT = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


def x_literals(files) -> list[str]:
    """``file:line`` of every x/z literal (``'x``, ``1'bx``, ``4'b10x1``, ``'z``) written in ``files``."""
    out = []
    for f in files:
        try:
            text = Path(f).read_text(errors="replace")
        except OSError:
            continue
        text = _COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
        for i, line in enumerate(text.splitlines(), 1):
            if _X_LITERAL.search(line):
                out.append(f"{Path(f).name}:{i}")
    return out


def _oob_selects(ref: DesignRef) -> list[str]:
    """``file:line`` of out-of-range selects (``a[7:4]`` of a 4-bit ``a``), which read as x: in gold
    they are don't-care like a written x (else a design would differ from itself)."""
    parsed = ref.parsed
    if parsed is None:
        try:
            from rtlopt.hdl.source import load_design

            parsed = load_design(list(ref.files))
        except Exception:  # noqa: BLE001 - Yosys already read the design; no extra facts then
            return []
    out = []
    for w in getattr(parsed, "meaning_warnings", ()) or ():
        if "-oob]" in w:
            loc = w.split(": ", 1)[0]
            where = Path(loc.rsplit(":", 2)[0]).name + ":" + loc.rsplit(":", 2)[1] if loc.count(":") >= 2 else loc
            out.append(f"{where} (out-of-range select)")
    return out


def interface_diffs(gold: NetlistInfo, gate: NetlistInfo) -> list[str]:
    """Port differences, matched by name (order does not matter)."""
    diffs: list[str] = []
    gports = {**{n: ("input", w) for n, w in gold.inputs.items()}, **{n: ("output", w) for n, w in gold.outputs.items()},
              **{n: ("inout", w) for n, w in gold.inouts.items()}}
    hports = {**{n: ("input", w) for n, w in gate.inputs.items()}, **{n: ("output", w) for n, w in gate.outputs.items()},
              **{n: ("inout", w) for n, w in gate.inouts.items()}}
    for n, (d, w) in gports.items():
        if n not in hports:
            diffs.append(f"{d} '{n}' [{w} bit{'s' if w != 1 else ''}] is missing in gate")
        elif hports[n][0] != d:
            diffs.append(f"port '{n}' is an {d} in gold but an {hports[n][0]} in gate")
        elif hports[n][1] != w:
            diffs.append(f"{d} '{n}' is {w} bits wide in gold but {hports[n][1]} in gate")
    for n, (d, w) in hports.items():
        if n not in gports:
            diffs.append(f"gate has an extra {d} '{n}' [{w} bit{'s' if w != 1 else ''}]")
    return diffs


def check_equivalence(gold: DesignRef, gate: DesignRef, options: VerifyOptions | None = None) -> VerifyResult:
    """Decide whether ``gate`` is equivalent to ``gold`` (gate refines gold where gold writes x).

    Every call works in its own temporary directory and kills its Yosys/ABC children on time out,
    so calls may run concurrently (threads or processes). The whole call respects
    ``options.timeout_s`` (z3 through its ``timeout`` parameter).

    Raises:
        InputError: a design cannot be read or elaborated, or an option is invalid.
        ToolNotFound: Yosys is not installed.
    """
    opts = options or VerifyOptions()
    _validate(opts)
    start = time.monotonic()
    deadline = start + opts.timeout_s
    left = lambda: deadline - time.monotonic()  # noqa: E731
    res = VerifyResult(Verdict.UNKNOWN, gold=gold.label, gate=gate.label)

    def done(r: VerifyResult) -> VerifyResult:
        r.seconds = time.monotonic() - start
        return r

    with tempfile.TemporaryDirectory(prefix="rtlopt-verify-", ignore_cleanup_errors=True) as tmp:
        wd = Path(tmp)
        # the x of a statement both designs write alike: one shared new input (sound, see _sharedx)
        gold, gate, shared_x = share_x(gold, gate, wd)
        if shared_x:
            res.notes.append(f"{shared_x} x write(s) of statements equal in gold and gate read one shared free "
                             "value in both (a resolution of gold's x per gate choice; rtlopt_xin_* inputs)")
        try:
            ginfo, gil, hinfo, hil = elaborate(gold, gate, wd, timeout=max(1.0, left()))
        except ToolTimeout:
            res.reason = f"time limit ({opts.timeout_s:g} s) while reading the designs"
            return done(res)
        res.interface_diffs = interface_diffs(ginfo, hinfo)
        if res.interface_diffs:
            res.verdict, res.engine = Verdict.NOT_EQUIVALENT, "interface"
            res.reason = "the interfaces differ (ports are matched by name)"
            res.engines_tried.append(("interface", "different", time.monotonic() - start))
            return done(res)
        inouts = sorted({*ginfo.inouts, *hinfo.inouts})
        if inouts:
            res.reason = ("unsupported construct: inout ports (" + ", ".join(inouts) + "); bidirectional, "
                          "tri-state behaviour is not compared four-valued")
            return done(res)
        zs = [f"{role}: {z}" for role, info in (("gold", ginfo), ("gate", hinfo)) for z in info.z_sources]
        if zs:
            # two-valued engines would read 'z' as x (don't-care) or as a free value: 'y = oe ? d : 0'
            # would pass for 'y = oe ? d : 'z'. Tri-state logic is not compared four-valued here.
            res.reason = ("unsupported construct: high-impedance ('z') values / tri-state logic in "
                          + "; ".join(zs[:4]) + (" ..." if len(zs) > 4 else "")
                          + "; four-valued (0/1/x/z) comparison is not supported, so no verdict")
            return done(res)
        latches = [f"{role}: {x}" for role, info in (("gold", ginfo), ("gate", hinfo)) for x in info.latches]
        if latches:
            res.reason = "unsupported construct: latches (level-sensitive storage) in " + "; ".join(latches[:4])
            return done(res)
        loops = [f"{role}: {x}" for role, info in (("gold", ginfo), ("gate", hinfo)) for x in info.comb_loops]
        if loops:
            res.reason = "unsupported construct: a combinational loop through " + "; ".join(loops[:4])
            return done(res)
        clocks = ginfo.clock_inputs() | hinfo.clock_inputs()
        if any(name == "?" for name, _ in clocks):
            res.reason = "unsupported construct: a flip-flop is clocked by an internal (generated) clock"
            return done(res)
        if len({n for n, _ in clocks}) > 1:
            res.reason = ("unsupported construct: more than one clock ("
                          + ", ".join(sorted({n for n, _ in clocks})) + "); only single-clock designs are checked")
            return done(res)
        if len(clocks) > 1:
            res.reason = "unsupported construct: flip-flops on both edges of the clock"
            return done(res)
        clock = next(iter(clocks))[0] if clocks else None
        sequential = ginfo.sequential or hinfo.sequential
        spec = MiterSpec(dict(ginfo.inputs), dict(ginfo.outputs), clock=clock, sequential=sequential)
        _plan_reset(spec, opts, ginfo, hinfo, res)
        # x constants in the netlist that the source does not write come from Yosys proc (arms of
        # full cases that cannot be selected); only x literals the designer wrote count
        gx = x_literals(gold.files) if ginfo.x_sources else []
        gx += _oob_selects(gold) if ginfo.x_sources else []
        # reads that may go past the end of a vector (a 5-entry array, a 3-bit index: $shiftx) are x:
        # free values in the gate (freed in elaborate, see _gatex); don't-care in gold -- modelled
        # (xprop) when the gate has x of its own, else gold's x read as 0 is one resolution (sound for
        # a proof; the x-free engine order stays)
        # (the same for a divide / modulo whose divisor may be 0: freed in the gate, x in gold's xprop)
        if hinfo.x_sources:
            gx += [f"{r} (read past the end)" for r in ginfo.oob_reads]
            gx += [f"{r} (division by zero)" for r in ginfo.zero_divs]
        hx = x_literals(gate.files) if hinfo.x_sources else []
        hx += [f"{r} (read past the end)" for r in hinfo.oob_reads]
        hx += [f"{r} (division by zero)" for r in hinfo.zero_divs]
        hx += [s for s in hinfo.x_sources if s.startswith("undriven net ")]
        if gx:
            spec.gold_xprop = True
            res.notes.append("gold assigns 'x in " + ", ".join(gx[:6]) + (" ..." if len(gx) > 6 else "")
                             + ": treated as don't-care (the gate may take any value where gold's output is x)")
        if hx:
            res.notes.append("gate assigns 'x in " + ", ".join(hx[:6]) + (" ..." if len(hx) > 6 else "")
                             + ": each x may become any value after synthesis, so every choice must match gold")
        engines = _engine_order(opts, spec, ginfo, hinfo)
        st = _State(opts, spec, ginfo, hinfo, gil, hil, res)
        lanes = (_lane_plan(engines) if sequential else _comb_lane_plan(engines, opts)) if opts.parallel else []
        if len(lanes) > 1:
            decided = _race(st, lanes, wd, left)
        else:
            decided = None
            for eng_i, eng in enumerate(engines):
                if left() <= 0.05:
                    break
                t0 = time.monotonic()
                step = st.run(eng, eng_i, engines, wd, left)
                if step is None:
                    continue
                if st.record(eng, *step, t0):
                    decided = (eng, *step, t0)
                    break
        if decided is not None:
            eng, outcome, detail, cex, t0 = decided
            if outcome == "equivalent":
                res.verdict, res.engine, res.reason = Verdict.EQUIVALENT, eng, detail
                return done(res)
            if cex is not None:
                res.counterexample = cex
            if res.counterexample is None and opts.counterexample:
                # ABC / Yosys sat give no trace: re-derive one with z3 (bounded, increasing depth)
                cex, how = _derive_counterexample(spec, gil, hil, wd, opts, left)
                res.engines_tried.append(("smt", "different" if cex else "no trace", time.monotonic() - t0))
                if cex is not None:
                    res.counterexample = cex
                    detail = f"{detail}; counterexample re-derived by z3 ({how})"
            res.verdict, res.engine, res.reason = Verdict.NOT_EQUIVALENT, eng, detail
            if res.counterexample is None:
                res.notes.append(f"{eng} found a difference (a sound engine: the verdict stands) but no "
                                 "counterexample trace could be re-derived within the limits")
            elif spec.sequential and not spec.init_zero and _uninit_regs(ginfo, hinfo, spec):
                res.notes.append("the difference may come from the arbitrary start values of registers "
                                 "without reset or initial value; --init zero assumes they start at 0")
            return done(res)
        timed_out = left() <= 0.05
        why = st.smt_reason or "; ".join(st.other_reasons) or (
            f"time limit ({opts.timeout_s:g} s) before an engine decided" if timed_out else "no engine could decide")
        if timed_out and "time limit" not in why:
            why = f"time limit ({opts.timeout_s:g} s); {why}"
        res.reason = why + "; engines tried: " + (", ".join(f"{e} ({o})" for e, o, _ in res.engines_tried) or "none")
        return done(res)


class _State:
    """One check's engines: how each engine runs (its slice from its place in ``seq``, the engines that run
    one after another: the whole order, or one lane of a race) and what the undecided ones said."""

    def __init__(self, opts: VerifyOptions, spec: MiterSpec, ginfo: NetlistInfo, hinfo: NetlistInfo,
                 gil: Path, hil: Path, res: VerifyResult) -> None:
        self.opts, self.spec, self.ginfo, self.hinfo, self.gil, self.hil, self.res = \
            opts, spec, ginfo, hinfo, gil, hil, res
        self.gates: dict = {}  # gate-level netlists, built once for the complete engines
        self.smt_reason = ""
        self.other_reasons: list[str] = []
        self.abc_ran_out: float | None = None  # the longest slice ABC ran out of (it restarts from scratch)
        self._lock = threading.Lock()

    def abc_sound(self) -> bool:
        # the AIGER export starts registers without a defined value at 0, so ABC would prove designs
        # whose registers start arbitrary as if they started at 0: unsound, skip it
        return not (self.spec.sequential and _uninit_regs(self.ginfo, self.hinfo, self.spec))

    def run(self, eng: str, eng_i: int, engines: list[str], wd: Path,
            left) -> tuple[str, str, Counterexample | None] | None:
        """(outcome, detail, counterexample) of ``engines[eng_i]``, or None when it is skipped (noted)."""
        opts, spec, ginfo, hinfo, gil, hil, res = \
            self.opts, self.spec, self.ginfo, self.hinfo, self.gil, self.hil, self.res
        sequential = spec.sequential
        cex = None
        last = eng_i == len(engines) - 1
        if eng in ("exhaustive", "algebra"):
            slice_s = left() if last else min(left() * (0.5 if eng == "exhaustive" else 0.4), 60.0)
            engine_s = None
            if eng == "algebra" and "exhaustive" in engines[eng_i + 1:]:
                # a short slice for the rewriting itself; mapping to gates is not counted (the
                # exhaustive engine that follows reuses the netlists)
                engine_s = ALGEBRA_BEFORE_EXHAUSTIVE_S
            elif eng == "algebra" and not sequential and engines[eng_i + 1:eng_i + 2] == ["abc"]:
                engine_s = ALGEBRA_BEFORE_ABC_S  # adders only: a polynomial that blows up ends early
            elif eng == "algebra" and sequential and engines[eng_i + 1:eng_i + 2] == ["equiv"]:
                # adders between registers of equal names: a short slice, mapping included (the
                # register correspondence that follows needs no gate netlists)
                slice_s = min(slice_s, ALGEBRA_SEQ_FIRST_S)
            outcome, detail, cex = _run_complete(eng, gil, hil, wd, max(0.5, slice_s), self.gates, spec,
                                                 engine_s=engine_s)
        elif eng == "equiv" and sequential:
            # register correspondence by name (start states checked, gate x free, gold x one resolution)
            share = 0.5
            if not last and _all_registers_paired(wd / "gold.json", wd / "gate.json"):
                # every flip-flop has a namesake (a combinational rewrite): the register correspondence
                # with every flip-flop cut is the natural proof, and cheap; more of the slice first
                share = EQUIV_SEQ_PAIRED_SHARE
            slice_s = left() if last else min(EQUIV_SEQ_S, left() * share)
            outcome, detail = run_equiv_seq(gil, hil, wd, timeout=max(0.5, slice_s), init=opts.init)
        elif eng == "equiv":
            if spec.gold_xprop or hinfo.x_sources:
                res.engines_tried.append(("equiv", "skipped (combinational designs without x only)", 0.0))
                return None
            slice_s = left() if eng == engines[-1] else min(5.0, left() * 0.25)
            if "algebra" in engines[eng_i + 1:] and (ginfo.cell_types | hinfo.cell_types) & _ADD_CELLS:
                slice_s = min(slice_s, EQUIV_BEFORE_ALGEBRA_S)  # adders/multipliers: algebra decides
            outcome, detail = run_equiv(gil, hil, wd, timeout=max(0.5, slice_s))
        elif eng == "pdr":
            if not sequential or not self.abc_sound():
                res.engines_tried.append(("pdr", "skipped (sequential miters with defined start values only)", 0.0))
                return None
            outcome, detail = run_abc(spec, gil, hil, wd, timeout=max(0.5, left() if last else left() * 0.5),
                                      pdr=True)
            if outcome == "different" and ginfo.x_sources and not spec.gold_xprop:
                outcome, detail = "unknown", f"{detail} (with gold's undefined values fixed at 0)"
        elif eng == "sat":
            if sequential:
                res.engines_tried.append(("sat", "skipped (combinational only)", 0.0))
                return None
            outcome, detail = run_sat(_gate_x_free(spec), gil, hil, wd, timeout=left())
        elif eng == "abc":
            if not self.abc_sound():
                res.engines_tried.append(("abc", "skipped (registers with arbitrary start values)", 0.0))
                return None
            slice_s = _abc_slice(left(), last=last, sequential=sequential,
                                 after_equiv=eng_i == 1 and engines[0] == "equiv",
                                 multipliers=ginfo.has_arith or hinfo.has_arith,
                                 after_algebra=eng_i > 0 and engines[eng_i - 1] == "algebra")
            if self.abc_ran_out is not None and slice_s <= self.abc_ran_out:
                # the same deterministic ABC script already ran out of a longer slice on this miter
                res.engines_tried.append(("abc", f"skipped (ran out of {self.abc_ran_out:.1f} s before)", 0.0))
                return None
            outcome, detail = run_abc(spec, gil, hil, wd, timeout=max(0.5, slice_s))
            if outcome == "unknown" and detail.startswith("time limit ("):
                self.abc_ran_out = max(self.abc_ran_out or 0.0, slice_s)
            if outcome == "different" and ginfo.x_sources and not spec.gold_xprop:
                # the AIGER miter fixed gold's proc x constants at 0 (one resolution): a proof
                # holds, a difference may be only that choice
                outcome, detail = "unknown", f"{detail} (with gold's undefined values fixed at 0)"
        else:
            share = 1.0 if eng == engines[-1] else 0.8
            if self.abc_ran_out is not None and set(engines[eng_i + 1:]) == {"abc"} and \
                    left() * (1 - share) <= self.abc_ran_out:
                share = 1.0  # only an ABC run that could not finish (shorter than before) would follow
            outcome, detail, cex = _run_smt(spec, gil, hil, wd, opts, left() * share)
        return outcome, detail, (cex if outcome == "different" else None)

    def record(self, eng: str, outcome: str, detail: str, cex, t0: float) -> bool:
        """Note an engine's outcome; True when it decides (equivalent or different)."""
        with self._lock:
            if outcome in ("unknown", "inconclusive") and eng != "smt":
                self.other_reasons.append(f"{eng}: {detail}")
            if eng == "smt" and outcome == "unknown":
                self.smt_reason = detail
            self.res.engines_tried.append((eng, outcome, time.monotonic() - t0))
        return outcome in ("equivalent", "different")


#: Seconds the first lane of a race runs alone before the others start (a structural engine that
#: decides at once costs no second process; a wrong first engine costs at most this long).
LANE_HEAD_START_S = 2.0
#: Seconds to wait for the lanes a decision stopped: their children are killed and z3 interrupted at
#: once, but z3's lane may be in Python (mining candidate invariants) until its next budget check; it
#: is then left to end on its own (it works in memory or in its own directory).
LANE_JOIN_S = 0.5
#: Seconds past the time limit to wait for the lanes' own outcomes (each engine stops at the limit).
LANE_GRACE_S = 2.0


def _lane_plan(engines: list[str]) -> list[list[str]]:
    """The lanes a sequential miter's engines race in, in the order their first engine appears: one lane
    for ABC (one run: it restarts from scratch, so one long run beats several slices), one for z3, and one
    for the structural engines (register correspondence, exhaustive, algebraic, sat) in their order.

    Register correspondence gets a lane of its own (right after the structural one) when the algebraic
    engine comes before it with a long slice (not directly before it: that slice is short), i.e. on
    multipliers between registers of equal names: the polynomial is the proof there when the exhaustive
    check refuses, and its slice may run out after half a minute where register correspondence (a Yosys
    child, flip-flops cut by name) decides in seconds (an EMA's 'avg * (2^k - 1) + x' rewritten as
    'avg + ((x - avg) >>> k)': algebra UNKNOWN after 33 s, then equiv EQUIVALENT in 20 s)."""
    lanes: list[list[str]] = []
    main: list[str] = []
    for e in engines:
        if e in ("smt", "abc", "pdr"):
            if [e] not in lanes:
                lanes.append([e])
        elif e not in main:
            if not main:
                lanes.append(main)
            main.append(e)
    if "algebra" in main and "equiv" in main and main.index("algebra") + 1 < main.index("equiv"):
        main.remove("equiv")
        lanes.insert(lanes.index(main) + 1, ["equiv"])
    return lanes


def _comb_lane_plan(engines: list[str], opts: VerifyOptions) -> list[list[str]]:
    """The lanes a combinational miter races in: z3 in a lane of its own beside the others (in their
    order) when the automatic order starts with the algebraic engine followed by z3, i.e. multipliers
    on more input bits than the exhaustive engine enumerates. The polynomial decides most multiplier
    rewrites in about a second, but where it blows up it spent its whole slice (up to 60 s) ending
    UNKNOWN before z3 decided in a fraction of a second (a factored 'a*b + a*c' beside a 9-bit
    average on 29 input bits: z3 0.25 s; a product-sign rewrite on 25 bits: z3 47 s, UNKNOWN in 30 s
    after the algebra slice). Otherwise none: the engines run one after another."""
    if opts.engines or engines[:2] != ["algebra", "smt"]:
        return []
    return [[e for e in engines if e != "smt"], ["smt"]]


def _race(st: _State, lanes: list[list[str]], wd: Path, left) -> tuple | None:
    """Run the lanes in threads (the first alone for LANE_HEAD_START_S); the first decisive outcome
    stops the others. Returns (engine, outcome, detail, counterexample, t0) or None."""
    import queue

    from rtlopt.tools import base as _base

    # (an ABC lane on a miter whose registers start arbitrary ends at once: st.run notes the skip)
    posts: queue.Queue = queue.Queue()
    token = _lanes.StopToken()
    scopes: list = []
    fg = getattr(_base._FOREGROUND, "on", False)

    def body(lane: list[str], lane_wd: Path, scope) -> None:
        _base._FOREGROUND.on = fg  # the children's CPU priority as the caller's
        try:
            with _lanes.lane(token), _base.child_scope(scope):
                for i, eng in enumerate(lane):
                    if token.is_set() or left() <= 0.05:
                        break
                    t0 = time.monotonic()
                    step = st.run(eng, i, lane, lane_wd, left)
                    if step is not None:
                        posts.put(("step", eng, step, t0))
                        if step[0] in ("equivalent", "different"):
                            break
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            posts.put(("error", exc))
        finally:
            posts.put(("end",))

    threads: list[threading.Thread] = []

    main = next((ln for ln in lanes if ln[0] not in ("smt", "abc")), None)

    def start(lane: list[str]) -> None:
        lane_wd = wd if lane is main else wd / f"lane_{lane[0]}"
        if lane_wd != wd:  # a directory of its own (Yosys scripts read the netlists by name there)
            lane_wd.mkdir(exist_ok=True)
            # (the designs' JSON: register correspondence reads the flip-flops and start values there)
            for f in (st.gil, st.hil, wd / "gold.json", wd / "gate.json"):
                if f.exists() and not (lane_wd / f.name).exists():
                    (lane_wd / f.name).symlink_to(f.resolve())
        scope = _base.ChildScope()
        scopes.append(scope)
        t = threading.Thread(target=body, args=(lane, lane_wd, scope), daemon=True,
                             name=f"rtlopt-verify-{lane[0]}")
        threads.append(t)
        t.start()

    decided = None
    errors: list[BaseException] = []
    waiting = list(lanes[1:])
    start(lanes[0])
    running = 1
    head_end = time.monotonic() + LANE_HEAD_START_S
    while running or waiting:
        if waiting and (time.monotonic() >= head_end or running == 0):
            # the head start is over, or the first lane ended undecided within it
            for ln in waiting:
                start(ln)
                running += 1
            waiting = []
        wait = (head_end - time.monotonic()) if waiting else left() + LANE_GRACE_S
        try:
            msg = posts.get(timeout=max(0.01, wait))
        except queue.Empty:
            if waiting:
                continue
            break  # past the deadline (every engine's own time limit has passed)
        if msg[0] == "end":
            running -= 1
            if running == 0 and left() <= 0.05:
                waiting = []
            continue
        if msg[0] == "error":
            errors.append(msg[1])
            if isinstance(msg[1], (Interrupted, KeyboardInterrupt)):
                break
            continue  # the other lanes may still decide; raised below when none does
        _, eng, step, t0 = msg
        if st.record(eng, *step, t0):
            decided = (eng, *step, t0)
            break
    token.stop()
    for sc in scopes:
        sc.cancel()
    end = time.monotonic() + LANE_JOIN_S
    for t in threads:
        t.join(max(0.0, end - time.monotonic()))
    if decided is None and errors:
        raise errors[0]
    return decided


#: Extra seconds a trace search may take past the proof's limit (a verdict is already decided).
CEX_GRACE_S = 30.0


def _derive_counterexample(spec: MiterSpec, gil: Path, hil: Path, wd: Path, opts: VerifyOptions,
                           left) -> tuple[Counterexample | None, str]:
    """A counterexample from z3 for a difference another engine found: BMC at increasing depth
    (the configured depth, then 2x, 4x ... up to 16x), within the remaining time plus a grace."""
    from dataclasses import replace

    deadline = time.monotonic() + max(left(), 0.0) + CEX_GRACE_S
    depths = [opts.bmc_depth * k for k in (1, 2, 4, 8, 16)] if spec.sequential else [opts.bmc_depth]
    for depth in depths:
        budget = deadline - time.monotonic()
        if budget <= 0.5:
            break
        o = replace(opts, bmc_depth=depth)
        outcome, _detail, cex = _run_smt(spec, gil, hil, wd, o, budget)
        if outcome == "different" and cex is not None:
            return cex, f"difference in cycle {cex.diff_cycle}" if spec.sequential else "combinational"
    return None, ""


def _gate_x_free(spec: MiterSpec) -> MiterSpec:
    return spec


def _uninit_regs(ginfo: NetlistInfo, hinfo: NetlistInfo, spec: MiterSpec) -> bool:
    """Whether some register starts at an arbitrary value (gold's start as x when gold is xprop'ed)."""
    if spec.init_zero:  # setundef -init -zero gave every such register the start value 0
        return False
    infos = (hinfo,) if spec.gold_xprop else (ginfo, hinfo)
    return any(not r.has_init and not (spec.force_reset and r.reset_in_cone) for info in infos for r in info.registers)


def _plan_reset(spec: MiterSpec, opts: VerifyOptions, ginfo: NetlistInfo, hinfo: NetlistInfo,
                res: VerifyResult) -> None:
    """Choose reset name/polarity and the start-state semantics; add notes saying what was assumed."""
    if opts.reset:
        for role, info in (("gold", ginfo), ("gate", hinfo)):
            if opts.reset not in info.inputs:
                raise InputError(f"--reset {opts.reset}: {role} design has no input of that name")
            if info.inputs[opts.reset] != 1:
                raise InputError(f"--reset {opts.reset}: the reset must be 1 bit wide")
        name, how = opts.reset, "given"
        _, low, how2 = detect_reset(ginfo) if detect_reset(ginfo)[0] == name else (None, None, "")
        if low is None:
            from rtlopt.verify._netlist import reset_name_polarity
            low = bool(reset_name_polarity(name))
            how2 = f"active-{'low' if low else 'high'} from the name"
    else:
        name, low, how2 = detect_reset(ginfo)
        if name is None:
            name, low, how2 = detect_reset(hinfo)
        how = "detected"
    if opts.reset_active_low is not None:
        low, how2 = opts.reset_active_low, f"active-{'low' if opts.reset_active_low else 'high'} as given"
    if not spec.sequential:
        return
    if name is not None:
        spec.reset, spec.reset_active_low = name, bool(low)
        for info in (ginfo, hinfo):
            reset_cone_marks(info, info.port_bits[name][0], bool(low))
    if opts.init == "zero":
        spec.init_zero = True
        res.notes.append("--init zero: every register without an initial value starts at 0 in both designs; "
                         "no reset is forced")
        return
    if opts.init == "any":
        res.notes.append("--init any: registers start at arbitrary values, chosen independently in gold and gate; "
                         "no reset is forced (the designs must agree from every pair of start states)")
        return
    # "reset" mode: Verilog semantics for gold's registers without reset or initial value: they
    # start undefined (x), and gold outputs that depend on them are don't-care until written
    # (gold goes through xprop, whose x-flags start at 1 for uninitialized flip-flops).
    if name is not None:
        spec.force_reset = True
        res.notes.append(f"reset '{name}' ({how}, {how2}) is asserted in cycle 0; outputs are compared from "
                         "cycle 1")
    else:
        res.notes.append("no reset input found (name one with --reset NAME)")
    # (notes only: a register counts as reset when the reset visibly loads a constant into it)
    undef_gold = [f"gold.{r.name}" for r in ginfo.registers if not r.has_init and not r.reset_in_cone]
    undef_gate = [f"gate.{r.name}" for r in hinfo.registers if not r.has_init and not r.reset_in_cone]
    if any(not r.has_init for r in ginfo.registers):
        spec.gold_xprop = True  # exact x semantics, whatever the reset structure looks like
    if undef_gold:
        res.notes.append("registers with no (recognized) reset and no initial value start undefined (x) in gold, so gold "
                         "outputs that depend on them are don't-care until they are written: "
                         + ", ".join(undef_gold[:8]) + (" ..." if len(undef_gold) > 8 else "")
                         + " (--init zero assumes 0 instead)")
    if undef_gate:
        res.notes.append("registers with no reset and no initial value start at arbitrary values in gate: "
                         + ", ".join(undef_gate[:8]) + (" ..." if len(undef_gate) > 8 else ""))


def _engine_order(opts: VerifyOptions, spec: MiterSpec, ginfo: NetlistInfo, hinfo: NetlistInfo) -> list[str]:
    if opts.engines:
        return list(opts.engines)
    if not (spec.sequential or spec.gold_xprop or hinfo.x_sources):
        # complete engines first: every input vector when there are few input bits; otherwise
        # algebraic rewriting of the output words (arithmetic of any architecture)
        n = sum(w for name, w in spec.inputs.items())
        if n <= _exhaustive.MAX_INPUT_BITS:
            if n > 16 and (ginfo.has_arith or hinfo.has_arith):
                # 2^17..2^24 vectors through a multiplier take seconds; its polynomial usually less
                # (the algebra slice is short when exhaustive follows)
                return ["algebra", "exhaustive", "equiv", "smt", "abc"]
            return ["exhaustive", "equiv", "smt", "abc"]
        if ginfo.has_arith or hinfo.has_arith:
            return ["algebra", "smt", "equiv", "abc"]
        if not (ginfo.cell_types | hinfo.cell_types) & _ADD_CELLS:
            if (ginfo.cell_types | hinfo.cell_types) & _XOR_CELLS:
                # XOR networks (CRC, ECC, MixColumns) re-associated: SAT on parity miters is hard, each
                # output bit's polynomial mod 2 (algebra, bit by bit) stays small; a short slice
                return ["equiv", "algebra", "abc", "smt", "abc"]
            # comparisons and muxes only (sorting networks, arbiters): no polynomial for the algebraic
            # engine; ABC's SAT sweeping decides them (a 5-word sort: 7 s, where z3 ran out at 35 s)
            return ["equiv", "abc", "smt", "abc"]
        # adders without multipliers (ones'-complement sums re-associated, carries folded late): when
        # the polynomial blows up, bit-level SAT sweeping (ABC) decides in seconds where z3 bit-blasts
        # the whole miter (a 4-word checksum: ABC 3 s, z3 32-95 s)
        return ["equiv", "algebra", "abc", "smt", "abc"]
    cut = spec.sequential and not hinfo.x_sources and _registers_cut_soundly(opts, ginfo, hinfo)
    # registers cut by name prove nothing when gold and gate have no register name in common (a
    # counter re-encoded as digit registers): their engines would only spend the slices before z3's
    # induction (8 s mapping a divider to gates for an exhaustive check that then refuses)
    cut = cut and _any_register_name_shared(ginfo, hinfo)
    if cut and (ginfo.has_arith or hinfo.has_arith):
        # multipliers between registers: when the registers correspond by name, the complete
        # combinational engines decide the logic between them (sufficient for equivalence); register
        # correspondence (Yosys equiv_*) when the gate-level model is too big to enumerate in time (a
        # loop of 32-bit index arithmetic '(last + i) % 8' maps to dividers: 70 s for 2^12 vectors)
        if (ginfo.cell_types | hinfo.cell_types) & _DIV_CELLS:
            # dividers map to arrays of subtractors: the gate model is too big to enumerate quickly
            # and has no polynomial; register correspondence first
            return ["equiv", "exhaustive", "algebra", "smt", "abc"]
        # multipliers: their polynomial decides in about a second (a short slice: exhaustive follows
        # and shares the gate netlists), where register correspondence spent 30 s in SAT on the
        # multiplier before it (a registered 16x16 mux-of-products rewrite: equiv 28.6 s, algebra 0.6 s)
        return ["algebra", "exhaustive", "equiv", "smt", "abc"]
    # one step of a small sequential design (inputs + state bits): every state and input is
    # enumerated (output cone by output cone, each <= 24 bits); equal next states and outputs from
    # equal states prove equivalence by induction
    small = cut and _same_registers(ginfo, hinfo) and \
        sum(spec.inputs.values()) + sum(r.width for r in ginfo.registers) <= SEQ_EXHAUSTIVE_BITS
    if spec.sequential and _shared_register_names(ginfo, hinfo):
        # registers of equal name: register correspondence (Yosys equiv_*) first, often decisive in
        # seconds on rewrites that keep the state where z3's BMC/induction runs out of time
        rest = ["abc", "smt", "abc"] if not (ginfo.has_arith or hinfo.has_arith) else ["smt", "abc"]
        # adders/subtractors/shifts without multipliers between registers of equal names and widths: the
        # polynomial of each next state decides a re-associated weighted sum in well under a second where
        # register correspondence spent its 30 s in SAT on the adders (a 7-15-15-7 shift-and-subtract
        # smoothing sum rewritten as (positive terms) - (negative terms): equiv 30 s, ABC 12 s, z3 18 s
        # UNKNOWN at 60 s; algebra 0.2 s after 0.7 s mapping); a short first slice
        # ... but not beside a wide magnitude comparison: its output bit has no small polynomial (the
        # algebra ran out in every cone reading it: picorv32_pcpi_div's 'divisor <= dividend' step, its
        # shared result negation UNKNOWN in the search; register correspondence proves it in 2 s)
        algebra = cut and not (ginfo.has_arith or hinfo.has_arith) and \
            bool((ginfo.cell_types | hinfo.cell_types) & _ADD_CELLS) and _same_registers(ginfo, hinfo) and \
            max(ginfo.compare_bits, hinfo.compare_bits) <= ALGEBRA_MAX_COMPARE_BITS
        return ["exhaustive"] * small + ["algebra"] * algebra + ["equiv", *rest]
    if spec.sequential or spec.gold_xprop:
        if not (ginfo.has_arith or hinfo.has_arith):
            # bit-level ABC often decides memories and register files in about a second where z3's
            # induction spends the whole budget: give it a short first slice, then z3, then ABC again
            return ["abc", "smt", "abc"]
        return ["smt", "abc"]
    if ginfo.has_arith or hinfo.has_arith:
        return ["smt", "equiv", "abc"]  # SAT on multipliers is slow; word-level SMT first
    return ["equiv", "smt", "abc"]


#: Seconds the register-correspondence ``equiv`` engine gets on sequential designs when others follow.
EQUIV_SEQ_S = 30.0
#: Share of the time left for register correspondence (not the last engine) when every flip-flop of gold
#: and gate has a namesake (else 0.5).
EQUIV_SEQ_PAIRED_SHARE = 0.65

#: Seconds ``equiv`` gets before the algebraic engine on designs with adders (it decides plain adders
#: in well under a second, multipliers built from adders not at all).
EQUIV_BEFORE_ALGEBRA_S = 2.0
_XOR_CELLS = {"$xor", "$xnor", "$reduce_xor", "$reduce_xnor"}
_ADD_CELLS = {"$add", "$sub", "$neg", "$alu", "$macc", "$lcu", "$fa"}
_DIV_CELLS = {"$div", "$mod", "$divfloor", "$modfloor", DIVCONST}

#: Seconds ABC's first (not last) slice gets on sequential designs: its scorr/dprove decides a duplicate
#: 32/64-bit counter (the register correspondence is the invariant) in 3-6 s, 5 s ran out under load and
#: z3's BMC of the 64-bit adders then took the rest of the 60 s (riscv/cycle_time_dup).
ABC_FIRST_SEQ_S = 10.0

#: Seconds ABC gets on combinational designs without arithmetic when it directly follows ``equiv``.
ABC_AFTER_EQUIV_S = 20.0

#: Seconds ABC gets on combinational designs with adders right after the algebraic engine (before z3).
ABC_AFTER_ALGEBRA_S = 15.0

#: Share of the time left that ABC's first slice gets on sequential designs without multipliers (at least
#: ABC_FIRST_SEQ_S): bit-level scorr/dprove decides control and counter rewrites that z3's BMC cannot
#: (verilog-axis axis_stat_counter with busy_reg derived from the state: ABC 9-11 s, the 10 s slice ran
#: out, z3 reached BMC depth 9, and the final ABC slice of 7 s restarted from scratch: UNKNOWN at 60 s).
ABC_FIRST_SEQ_SHARE = 0.4


def _abc_slice(left: float, *, last: bool, sequential: bool, after_equiv: bool, multipliers: bool,
               after_algebra: bool = False) -> float:
    """Seconds for one ABC run: all that is left when it is the last engine; on combinational designs
    20 s right after ``equiv`` (the first complete engine), ABC_AFTER_ALGEBRA_S right after the
    algebraic engine, else 5 s; on sequential designs 10 s with multipliers (z3's word-level BMC comes
    next), without them ABC_FIRST_SEQ_SHARE of what is left."""
    if last:
        return left
    if not sequential:
        if after_algebra:
            return min(ABC_AFTER_ALGEBRA_S, left * 0.3)
        return min(ABC_AFTER_EQUIV_S, left * 0.4) if after_equiv else min(5.0, left * 0.2)
    if multipliers:
        return min(ABC_FIRST_SEQ_S, left * 0.2)
    return min(max(ABC_FIRST_SEQ_S, left * ABC_FIRST_SEQ_SHARE), left * 0.5)

#: Seconds the algebraic engine gets when the exhaustive engine (always decisive) comes after it.
ALGEBRA_BEFORE_EXHAUSTIVE_S = 4.0
#: Gate evaluations (all cones) up to which the exhaustive engine goes first where the algebraic engine
#: would: every enumeration it accepts (a registered 8x8 mux of three products, 10 cones of 21 bits,
#: 6.3e10: 2.5 s of CPU, less than the algebraic engine's slice).
EXHAUSTIVE_FIRST_WORK = _exhaustive.MAX_WORK

#: Seconds the algebraic engine gets (after mapping) on adder-only combinational designs when ABC comes
#: next: adder trees decide in about a second; end-around carries blow the polynomial up (5-20 s).
ALGEBRA_BEFORE_ABC_S = 6.0

#: Seconds (mapping to gates included) the algebraic engine gets before register correspondence on
#: sequential designs with adders and no multipliers whose registers correspond by name and width.
ALGEBRA_SEQ_FIRST_S = 8.0

#: Widest magnitude comparison beside which the algebraic engine still goes first on sequential designs
#: (a comparison's output bit is a polynomial of size exponential in its width).
ALGEBRA_MAX_COMPARE_BITS = 8

#: Sequential designs with at most this many input + register bits try the one-step exhaustive
#: check first (it enumerates each next-state/output cone of <= 24 bits; bigger cones give up at once).
SEQ_EXHAUSTIVE_BITS = 40


def _registers_cut_soundly(opts: VerifyOptions, ginfo: NetlistInfo, hinfo: NetlistInfo) -> bool:
    """Whether cutting registers by name can prove equivalence: not under ``--init any`` with
    registers that start free (gold and gate could start in different states, so equal transition
    functions from equal states would prove nothing)."""
    return not (opts.init == "any" and any(not r.has_init for r in (*ginfo.registers, *hinfo.registers)))


def _shared_register_names(ginfo: NetlistInfo, hinfo: NetlistInfo) -> bool:
    """Whether most of gold's registers have a register of equal name and width in gate."""
    g = {(r.name, r.width) for r in ginfo.registers}
    return bool(g) and 2 * len(g & {(r.name, r.width) for r in hinfo.registers}) >= len(g)


def _any_register_name_shared(ginfo: NetlistInfo, hinfo: NetlistInfo) -> bool:
    """Whether some register of gold has a register of the same name in gate (or a design has none)."""
    g, h = {r.name for r in ginfo.registers}, {r.name for r in hinfo.registers}
    return not g or not h or bool(g & h)


def _same_registers(ginfo: NetlistInfo, hinfo: NetlistInfo) -> bool:
    """The same registers by name and width (a cheap test before building gate netlists)."""
    return bool(ginfo.registers) and sorted((r.name, r.width) for r in ginfo.registers) == \
        sorted((r.name, r.width) for r in hinfo.registers)


def _exhaustive_estimate(g, h) -> tuple[str | None, int]:
    try:
        return _exhaustive.estimate(g, h)
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError):
        return None, _exhaustive.MAX_WORK + 1  # (unknown: neither refused nor cheap)


def _run_complete(eng: str, gil: Path, hil: Path, wd: Path, seconds: float, gates: dict,
                  spec: MiterSpec, engine_s: float | None = None) -> tuple[str, str, Counterexample | None]:
    """The exhaustive or algebraic engine on gate-level netlists of both designs (built once).
    ``seconds`` bounds both; ``engine_s`` (if given) further bounds the engine after the netlists exist."""
    t0 = time.monotonic()
    if "nets" not in gates:
        try:
            gates["nets"] = gate_netlists(gil, hil, wd, timeout=max(0.5, seconds), sequential=spec.sequential)
        except Unsupported as exc:
            gates["nets"] = None
            gates["why"] = str(exc)
        except ToolTimeout:
            return "unknown", "time limit while mapping to gates", None
    if gates["nets"] is None:
        return "unknown", f"not modelled at gate level ({gates['why']})", None
    g, h = gates["nets"]
    left = max(0.1, seconds - (time.monotonic() - t0))
    cpu_s = None
    refuses = False
    if eng == "algebra" and engine_s == ALGEBRA_BEFORE_EXHAUSTIVE_S:
        why, work = _exhaustive_estimate(g, h)
        refuses = why is not None
        if not refuses and work <= EXHAUSTIVE_FIRST_WORK:
            # every cone enumerable in a few seconds of CPU: the exhaustive engine that follows decides;
            # a polynomial that does not close (the high half of a product read through a mux of
            # products: 4 s of CPU were 37 s of wall clock at load 20) would only delay it
            return "unknown", "skipped: the exhaustive engine that follows enumerates every cone", None
    if engine_s is not None and not refuses:
        # (the short slice is for an exhaustive check that decides next; when that one would give
        # up at once, as on a 10x8-bit mux-of-products next state, the polynomial is the proof)
        if eng == "algebra":
            # the algebraic engine's short slice bounds its effort: CPU seconds, within the wall-clock
            # slice (on a loaded machine 6 s of wall clock were 0.5 s of rewriting, and a 16x16 Booth
            # pair needs about that: UNKNOWN at 300 s under a load of 25 on 2 cores)
            cpu_s = engine_s
        else:
            left = min(left, engine_s)
    try:
        if eng == "exhaustive":
            outcome, detail, raw = _exhaustive.check(g, h, left)
        else:
            outcome, detail, raw = _algebra.check(g, h, left, cpu_seconds=cpu_s)
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError) as exc:
        # a defect in a complete engine must never become a verdict (nor a traceback): no decision
        return "unknown", f"{eng}: internal error ({type(exc).__name__}: {exc})", None
    if spec.sequential:
        # registers cut by name: equal next-state/output functions prove equivalence from every
        # pair of equal states; a difference may lie in unreachable states, so it proves nothing
        if outcome == "equivalent":
            return outcome, ("register correspondence by name, checked from every state (reachable or not: "
                             "equal states stay equal and give equal outputs); " + detail), None
        return ("inconclusive" if outcome == "different" else outcome), detail, None
    if outcome != "different" or raw is None:
        return outcome, detail, None
    ins = {n: raw["inputs"].get(n, 0) for n in spec.inputs}
    go, ho = _exhaustive.evaluate(g, ins), _exhaustive.evaluate(h, ins)
    diff = [o for o in spec.outputs if go.get(o) != ho.get(o)]
    if not diff:  # cannot happen for a sound engine; never claim a difference without a witness
        return "unknown", f"{eng}: difference found but not confirmed by evaluation", None
    cyc = {"inputs": ins, "gold": {o: go.get(o, 0) for o in spec.outputs},
           "gate": {o: ho.get(o, 0) for o in spec.outputs}, "gold_x": {}, "reset_forced": False}
    return "different", detail, Counterexample([cyc], {**spec.inputs, **spec.outputs}, 0, diff)


def _run_smt(spec: MiterSpec, gil: Path, hil: Path, wd: Path, opts: VerifyOptions,
             seconds: float) -> tuple[str, str, Counterexample | None]:
    budget = _smt.Budget(seconds)
    try:
        smt2, _ = build_miter(spec, gil, hil, wd, max(0.5, budget.left()))
    except ToolTimeout:
        return "unknown", "time limit while building the miter", None
    except ToolError as exc:
        return "unknown", f"miter construction failed: {exc.message}", None
    assert smt2 is not None
    outs = list(spec.outputs)
    wanted = [*spec.inputs, TRIGGER, STARTED] + [f"rtlopt_{p}_{_safe(o)}" for o in outs for p in ("g", "h", "gx")]
    try:
        sm = _smt.parse_smt2(smt2.read_text(), wanted)
    except Exception as exc:  # z3 parser errors are z3types.Z3Exception
        return "unknown", f"SMT2 parse failed: {exc}", None
    _lanes.on_stop(sm.ctx.interrupt)  # in a race another lane may decide first (see _lanes)
    with contextlib.suppress(OSError):  # the designs' own constants, some lost in gold's xprop model (bounds)
        sm.constants = [*sm.constants, *_smt.design_literals([gil.read_text(), hil.read_text()], sm.constants)]
    try:
        if sm.sequential:
            out = _smt.check_sequential(sm, budget, opts.bmc_depth, opts.state_map)
        else:
            out = _smt.check_combinational(sm, budget)
    except _smt.z3.Z3Exception as exc:  # an ill-formed candidate invariant is this engine's bug, not a verdict
        return "unknown", f"z3 error: {exc}", None
    if out.status == "different":
        return "different", out.detail or "z3 found inputs where the outputs differ", _counterexample(sm, out, spec)
    return out.status, out.detail, None


def _counterexample(sm: _smt.SmtMiter, out: _smt.SmtOutcome, spec: MiterSpec) -> Counterexample:
    m = out.trace_model
    assert m is not None
    cycles = []
    for i, st in enumerate(out.trace_states):
        c: dict = {"inputs": {}, "gold": {}, "gate": {}, "gold_x": {}, "reset_forced": False}
        for n in spec.inputs:
            if n in sm.wires and n != spec.clock:  # the clock is implicit: one step per cycle
                c["inputs"][n] = _smt.value(m, sm.at(sm.wires[n], st))
        if spec.force_reset and i == 0 and spec.reset:
            c["inputs"][spec.reset] = 0 if spec.reset_active_low else 1
            c["reset_forced"] = True
        for o in spec.outputs:
            s = _safe(o)
            for key, pre in (("gold", "g"), ("gate", "h"), ("gold_x", "gx")):
                w = sm.wires.get(f"rtlopt_{pre}_{s}")
                if w is not None:
                    c[key][o] = _smt.value(m, sm.at(w, st))
        c["gold_x"] = {k: v for k, v in c["gold_x"].items() if v}
        cycles.append(c)
    last = cycles[-1]
    diff = [o for o in spec.outputs
            if (last["gold"].get(o, 0) ^ last["gate"].get(o, 0)) & ~last["gold_x"].get(o, 0)]
    init = {}
    if sm.sequential and out.trace_states:
        for r in sm.reg_info:
            if r.name.startswith(("gold.", "gate.")) and "$" not in r.name:
                init[r.name] = _smt.value(m, sm.at(sm.regs[r.name], out.trace_states[0]))
    widths = {**spec.inputs, **spec.outputs}
    return Counterexample(cycles, widths, len(cycles) - 1, diff, init, sequential=sm.sequential)


__all__ = ["GATE", "check_equivalence", "interface_diffs"]
