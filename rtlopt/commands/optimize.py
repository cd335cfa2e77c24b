"""``rtlopt optimize FILE... [-o OUT | --in-place] [--goal G] [--top T] [--liberty L] [--report R] [--budget S]``.

Searches for a smaller/faster/lower-power version of the design (templates, FSM re-encoding),
keeps only candidates proven EQUIVALENT to the input, and picks the best by measured PPA.

Output policy: the optimized RTL is written only when asked — ``-o OUT`` (single input file), ``-o DIR``
(an existing directory: each changed file of a several-file design under its own name) or
``--in-place`` — and only after the proof; the write is atomic (temp file in the same directory, then
``os.replace``). Without either, nothing is written: the report (before/after PPA, rules
applied, verdict, unified diff) goes to stdout and says how to write the result. ``--json`` prints
the report as JSON instead; ``--report FILE.json|FILE.md|FILE.txt`` also saves it to a file.

Exit codes: 0 optimized or nothing to improve (input untouched), 2 bad input, 4 candidates existed
but none could be proven equivalent (input untouched), 5 a required tool is missing, 8 the budget ran
out before the input could be measured (input untouched).

Hierarchy: ``--top M`` on a file holding other modules edits only ``M``'s span (proof and PPA on
``M`` with its submodules). ``--hierarchical`` optimizes every module under the top, leaves first,
each with its own proof and per-module area (submodules as black boxes); it is also used
automatically when the design has submodules and its flat measurement does not fit the limits.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from rtlopt import report as rpt
from rtlopt.commands import _output
from rtlopt.design import open_design
from rtlopt.engine.search import optimize
from rtlopt.errors import ExitCode, InputError, RtloptError, WriteFailed
from rtlopt.ppa.liberty import resolve_liberty

GOALS = ("area", "delay", "power", "balanced")


def register(sub) -> None:
    p = sub.add_parser("optimize", help="optimize RTL (proven equivalent, measured PPA)",
                       description="Rewrite a design for smaller area, delay or power; every accepted rewrite "
                                   "is proven equivalent and measured with Yosys + OpenSTA. Nothing is written "
                                   "unless -o or --in-place is given.")
    p.add_argument("files", nargs="*", metavar="FILE", help="Verilog/SystemVerilog source file(s) (or -f FILE.f)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("-o", "--output", metavar="OUT", help="write the optimized RTL here (one input file), or into this existing "
                     "directory, each changed file under its own name (several files)")
    out.add_argument("--in-place", action="store_true", help="overwrite the input file(s), only after proof")
    p.add_argument("--goal", choices=GOALS, help="metric to minimize (default: config goal, else area)")
    p.add_argument("--top", help="top module (default: the only uninstantiated module)")
    p.add_argument("--liberty", help="liberty name or .lib/.lib.gz path (default: config liberty, "
                   "$RTLOPT_LIBERTY, else nangate45)")
    p.add_argument("--clock-period", type=float, metavar="NS", help="clock period for timing/power (default 10)")
    p.add_argument("--max-delay-increase", metavar="PCT",
                   help="for goals other than delay: reject rewrites that make the critical path more than PCT "
                        "percent slower than the input (e.g. 5 or 5%%); by default only the clock period "
                        "bounds the delay (config max_delay_increase)")
    p.add_argument("--keep-registered-outputs", action="store_true", default=None,
                   help="reject rewrites that turn a top-level output driven directly by a flip-flop into logic "
                        "after a register (Gray/re-encoded registers, tables of registers, merged FSM outputs): "
                        "for outputs sampled by other clock domains or off-chip (glitch-free, clock-to-out); "
                        "config keep_registered_outputs")
    p.add_argument("--report", metavar="FILE", help="also save the report (.json, .md, or text otherwise)")
    p.add_argument("--budget", type=float, metavar="SECONDS",
                   help="time budget for the search (default: config budget, else 120); proofs already "
                        "started may finish")
    p.add_argument("--ppa-timeout", type=float, metavar="S",
                   help="time limit per PPA measurement (default: config ppa_timeout, else 300); the "
                        "budget still bounds the whole run")
    p.add_argument("--hierarchical", action="store_true",
                   help="optimize module by module, leaves first (each module proven and measured on its "
                        "own; total area = sum of per-module areas)")
    p.add_argument("--max-steps", type=int, default=20, help="maximum number of accepted rewrites (default 20)")
    p.add_argument("--verify-timeout", type=float, metavar="S",
                   help="time limit per equivalence proof (default: config verify_timeout, else 60; with the "
                        "default, a smaller candidate whose proof ran out of time is proven once more with up "
                        "to half of the budget left)")
    p.add_argument("-j", "--jobs", type=int, help="candidates measured in parallel (default: config jobs, else one per core, at most 2)")
    p.add_argument("--model", metavar="PROVIDER:MODEL",
                   help="chat model for the LLM rewrite paths, e.g. openai:gpt-4o-mini, "
                        "anthropic:claude-3-5-haiku-latest, ollama:qwen2.5-coder (default: $RTLOPT_MODEL or "
                        "'model' in [tool.rtlopt]; none: templates and the FSM engine only); API keys are read "
                        "from the environment only")
    p.add_argument("--base-url", metavar="URL", help="OpenAI-compatible or Ollama endpoint for --model")
    p.add_argument("--sim-check", action="store_true",
                   help="simulate every candidate against the original (cocotb + Icarus) before its proof; a "
                        "mismatch rejects it without running the prover")
    p.add_argument("--accept-simulation", action="store_true",
                   help="when a proof comes back UNKNOWN, accept a candidate only if coverage-directed simulation "
                        "(several runs from reset until toggle coverage stops growing) shows no mismatch AND a "
                        "bounded model check finds no difference within 30 cycles of reset; it is reported as "
                        "SIMULATED (not proven) with the coverage and depth, and written only because of this flag")
    p.add_argument("--sim-cycles", type=int, default=500, metavar="N",
                   help="cycles (or vectors) per candidate simulation (default 500)")
    p.add_argument("--each", action="store_true",
                   help="optimize every FILE as a design of its own (as the pre-commit hook does)")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress messages on stderr")
    from rtlopt.hdl.project import add_arguments as add_project_arguments

    add_project_arguments(p)
    p.set_defaults(func=run)


#: sha256 of every input file as it was before rtlopt read it (resolved path -> hash)
_SNAPSHOT: dict[Path, str] = {}


def write_atomic(path: Path, text: str, *, expect_sha256: str | None = None) -> None:
    """Write ``text`` to ``path`` atomically (see :mod:`rtlopt.commands._output`): refused when the file
    changed since it was read (``expect_sha256``, by default the input snapshot's hash of that file),
    mode kept, one line and exit 7 on failure; a warning on stderr when the file had other hard links."""
    if expect_sha256 is None:
        expect_sha256 = _SNAPSHOT.get(Path(path).resolve())
    for w in _output.write_atomic(path, text, expect_sha256=expect_sha256):
        print(f"rtlopt: warning: {w}", file=sys.stderr)


def _check_output(args) -> Path | None:
    if not args.output:
        return None
    from rtlopt.hdl.project import library_files

    # -y/-v library files are read, never written: `optimize top.v -y rtl/ -o out.v` has one input file
    libs = library_files(args.files)
    mine = [Path(os.path.realpath(f)) for f in args.files if Path(os.path.realpath(f)) not in libs]
    out = Path(args.output)
    if out.is_dir():
        # a design of several files (a read-only tree, a file list): each changed file is written into
        # the directory under its own name; the inputs themselves are never written
        names = [f.name for f in mine]
        if len(set(names)) != len(names):
            raise InputError("-o DIR: two input files have the same name; use --in-place", file=out)
        if any(f.parent == out.resolve() for f in mine):
            raise InputError("-o DIR is the directory of an input file (it would be overwritten); use "
                             "--in-place or another directory", file=out)
        return out
    if len(mine) != 1:
        raise InputError("-o FILE needs exactly one input file; for several, give an existing directory "
                         "(-o DIR) or use --in-place")
    if not out.parent.exists():
        raise InputError("output directory does not exist", file=out.parent)
    return out


def run(args) -> int:
    from rtlopt.hdl.project import command_inputs

    args.files = [str(f) for f in command_inputs(args, args.files)]  # + -f lists, -y/-v libraries
    if args.budget is not None and args.budget <= 0:
        raise InputError("--budget must be a positive number of seconds")
    if args.each and args.output:
        raise InputError("--each optimizes every file on its own: use --in-place, not -o")
    from rtlopt import llm
    from rtlopt.config import load_settings

    settings = load_settings(overrides={"model": args.model, "base_url": args.base_url, "goal": args.goal,
                                        "budget": args.budget, "verify_timeout": args.verify_timeout,
                                        "clock_period": args.clock_period, "liberty": args.liberty,
                                        "jobs": args.jobs, "max_delay_increase": args.max_delay_increase,
                                        "ppa_timeout": args.ppa_timeout,
                                        "keep_registered_outputs": args.keep_registered_outputs})
    # flags > RTLOPT_* env > [tool.rtlopt] / .rtlopt.toml > defaults, for every setting below
    args.goal, args.budget, args.verify_timeout = settings.goal, settings.budget, settings.verify_timeout
    args.clock_period, args.liberty, args.jobs = settings.clock_period, settings.liberty, settings.jobs
    args.max_delay_increase = settings.max_delay_increase
    args.ppa_timeout = settings.ppa_timeout
    args.keep_registered_outputs = settings.keep_registered_outputs
    # no proof limit chosen by the user: a smaller candidate whose proof ran out of time gets a longer one
    # while the budget allows (engine.search.optimize, extend_unknown_proofs)
    args.extend_proofs = settings.origin.get("verify_timeout") == "default"
    session = llm.enable(settings)  # no model: registers nothing; missing key: clean error (exit 2) here
    import time

    from rtlopt import PROCESS_STARTED, cli

    # --budget bounds the whole run: as a process of its own, the start-up (imports, settings) counts
    started = PROCESS_STARTED if cli.PROCESS_ENTRY else time.monotonic()
    try:
        if not args.each:
            return _optimize_one(args, list(args.files), _check_output(args), session, started)
        worst = int(ExitCode.OK)
        for f in args.files:
            try:
                worst = max(worst, _optimize_one(args, [f], None, session))
            except RtloptError as exc:  # one bad file must not hide the others' results
                print(f"rtlopt: {exc}", file=sys.stderr)
                worst = max(worst, int(exc.exit_code))
        return worst
    finally:
        llm.disable()


#: arrays at least this large (bits) are named when the input could not be measured in the budget
_BIG_MEMORY_BITS = 4096


def _memory_hint(design) -> str:
    """Why a design may not fit the budget: its large arrays (the ASIC flow maps every bit to a
    flip-flop and builds its read multiplexers), with their size, source line and the overridable
    parameters the size follows; '' when there is none (or the design cannot be elaborated)."""
    import re

    try:
        from pyslang import ast

        from rtlopt.hdl.project import top_compilation

        comp = top_compilation(design.top)
        for t in design.parsed.trees:
            comp.addSyntaxTree(t)
        roots = [r for r in comp.getRoot().topInstances if r.name == design.top]
        if len(roots) != 1:
            return ""
        sm = comp.sourceManager
        found = []

        def cb(sym):
            if sym.kind == ast.SymbolKind.GenerateBlock and sym.isUninstantiated:
                return False
            if sym.kind in (ast.SymbolKind.Variable, ast.SymbolKind.Net) and sym.type.isUnpackedArray:
                bits = int(sym.type.bitstreamWidth)
                if bits >= _BIG_MEMORY_BITS:
                    syn = sym.getDeclaringDefinition() if hasattr(sym, "getDeclaringDefinition") else None
                    found.append((bits, str(sym.hierarchicalPath), str(sym.type), sym.location, sym, syn))
            return True

        roots[0].visit(cb)
        if not found:
            return ""
        parts = []
        for bits, path, ty, loc, sym, _syn in sorted(found, key=lambda f: (-f[0], f[1]))[:3]:
            where = f"{Path(str(sm.getFileName(loc))).name}:{sm.getLineNumber(loc)}"
            params = _size_params(sym, design)
            try:
                w = int(sym.type.arrayElementType.bitstreamWidth)
                shape = f"{bits // w} words of {w} bits"
            except Exception:  # noqa: BLE001 - the type's text then
                shape = re.sub(r"[$]", "", ty)
            parts.append(f"array '{path}' ({where}) of {bits} bits ({shape})"
                         + (f", sized by parameter(s) {', '.join(params)}" if params else ""))
        return ("The design holds " + "; ".join(parts) + ": the ASIC flow maps every bit of it to a flip-flop "
                "with its read multiplexers, the likely reason the measurement did not finish (a memory this size is an SRAM macro "
                "in a real flow). To optimize the logic around it, run at a smaller size (-G NAME=VALUE), or "
                "raise --budget and --ppa-timeout.")
    except Exception:  # noqa: BLE001 - a hint only: the plain message stands
        return ""


def _size_params(sym, design) -> list[str]:
    """The overridable parameters of the top that the array's declaration names, directly or through
    the parameters and localparams it is computed from (in the order the module declares them)."""
    import re

    from pyslang import syntax

    from rtlopt.engine.hierarchy import module_span

    decl = sym.syntax
    text = str(decl.parent if decl is not None and decl.parent is not None else decl or "")
    want = set(re.findall(r"[A-Za-z_][\w$]*", text))
    mod = None
    for src, tree in zip(design.parsed.sources, design.parsed.trees, strict=True):
        body = src.text if hasattr(src, "text") else Path(src.path).read_text(encoding="utf-8", errors="replace")
        sp = module_span(body, design.top)
        if sp is not None:
            mod = tree
            break
    if mod is None:
        return []
    header: list[str] = []
    inits: dict[str, set[str]] = {}

    def visit(n):
        if getattr(n, "kind", None) == syntax.SyntaxKind.ModuleDeclaration and n.header.name.valueText != design.top:
            return False
        if getattr(n, "kind", None) == syntax.SyntaxKind.ParameterDeclaration:
            for d in n.declarators:
                if hasattr(d, "name"):
                    nm = d.name.valueText
                    inits[nm] = set(re.findall(r"[A-Za-z_][\w$]*", str(d.initializer.expr))) if d.initializer else set()
                    if n.keyword.valueText == "parameter":
                        header.append(nm)
        return True

    mod.root.visit(visit)
    seen, todo = set(), [w for w in want if w in inits]
    while todo:
        w = todo.pop()
        if w in seen:
            continue
        seen.add(w)
        todo += [x for x in inits.get(w, ()) if x in inits]
    return [h for h in header if h in seen and not (inits.get(h, set()) & set(inits))][:6]


def _has_submodules(design) -> bool:
    """True when the ELABORATED design has instances of other modules (picorv32 at its defaults has
    none: its multiplier and divider sit in generate branches that are off, so it is optimized as one
    flat design with the whole budget instead of a short flat try and a module-by-module run)."""
    from rtlopt.engine.hierarchy import elaborated_counts, graph, reachable

    if design.parsed is None:
        return False
    elab = elaborated_counts(design.parsed, design.top)
    if elab is None:
        elab = dict.fromkeys(reachable(graph(design.parsed), design.top), 1)
    if len(elab) <= 1:
        return False
    # a module-by-module run splits the measurement only when the logic is in more than one module
    # instance: a body moved into one sub-module under a wrapper that only instantiates it (the same
    # design spelled with one more level) is measured flat with the flat design's limits
    wrappers = _wrapper_modules(design.parsed)
    return sum(n for m, n in elab.items() if m not in wrappers) > 1


#: module items that hold no logic of their own (declarations and instantiations)
_NO_LOGIC = {"PortDeclaration", "NetDeclaration", "DataDeclaration", "ParameterDeclarationStatement",
             "HierarchyInstantiation", "TimeUnitsDeclaration", "EmptyMember", "TypedefDeclaration",
             "GenvarDeclaration"}


#: The flat measurement limit of a design with submodules grows with the machine's load up to this factor.
LOAD_FACTOR_MAX = 3.0


def load_factor() -> float:
    """How many times slower than on an idle machine a child process runs now, as far as the limit for
    the flat measurement goes: the 1-minute load average per usable core, between 1 and LOAD_FACTOR_MAX.
    The limit is wall-clock while the decision it makes is about the design's size: at a load of 20-27
    on 2 cores (the held-out runs) the flat synthesis of small designs (heldout17 cursor/box_offset,
    smartcard/twin_branches: 1-2 s of CPU) passed the 9 s of a --budget 90 run, and the run went on
    module by module after 13-17 s of work thrown away, with per-module areas instead of the flat ones."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return 1.0
    return max(1.0, min(LOAD_FACTOR_MAX, load / max(1, cores)))


def _wrapper_modules(parsed) -> set[str]:
    """Names of the modules whose body only declares and instantiates (no assign, process, generate
    or net initializer): their area is their children's."""
    out: set[str] = set()
    for tree in parsed.trees:
        root = tree.root
        for d in [root] if root.kind.name == "ModuleDeclaration" else getattr(root, "members", ()):
            if d.kind.name != "ModuleDeclaration":
                continue
            items = list(d.members)
            if all(i.kind.name in _NO_LOGIC for i in items) and not any(
                    i.kind.name in ("NetDeclaration", "DataDeclaration") and "=" in str(i) for i in items):
                out.add(d.header.name.valueText)
    return out


def _refuse_library_writes(changed) -> None:
    """--in-place writes only the user's named files: a change to a -y/-v library file (which the
    search never makes) refuses the whole write, so no half-written design is left (exit 7)."""
    from rtlopt.hdl.project import library_files

    libs = library_files(changed)
    if libs:
        raise WriteFailed(f"refusing to write library file(s) {', '.join(sorted(map(str, libs)))} (-y/-v); "
                          "nothing written")


def _write_into(out_dir: Path, files, original, final, snap) -> str:
    """-o DIR: every changed input file written into ``out_dir`` under its own name (library files are
    never changed; a change to one refuses the write); the names written, comma-separated."""
    changed = [p for p in files if final[p] != original[p]]
    _refuse_library_writes(changed)
    done = []
    for p in changed:
        dest = out_dir / Path(p).name
        write_atomic(dest, final[p], expect_sha256=snap.get(dest.resolve()))
        done.append(str(dest))
    return ", ".join(done)


def _optimize_one(args, files: list[str], out: Path | None, session, t0: float | None = None) -> int:
    import time

    from rtlopt.errors import BudgetExhausted

    t0 = time.monotonic() if t0 is None else t0  # the budget counts from here (reading the design included)
    snap = _output.snapshot(files)  # before anything reads them: a later edit by the user is never overwritten
    _SNAPSHOT.update(snap)
    design = open_design(files, args.top)
    lib = resolve_liberty(args.liberty)
    progress = None if (args.quiet or args.json) else (lambda m: print(f"rtlopt: {m}", file=sys.stderr))
    budget = max(1.0, args.budget - (time.monotonic() - t0))  # what is left after start-up and reading
    if getattr(args, "hierarchical", False):
        return _optimize_hier(args, design, lib, out, session, progress, budget)
    auto = _has_submodules(design)
    # a design with submodules gets a tenth of the budget for its flat measurement (longer on a loaded
    # machine, see load_factor); a larger one goes on hierarchically (per-module numbers compose into the
    # total) instead of spending more on the whole
    ppa_limit = min(args.ppa_timeout, args.budget / 10 * load_factor()) if auto else args.ppa_timeout
    try:
        result = optimize(design, goal=args.goal, liberty=lib, budget_s=budget, max_steps=args.max_steps,
                          jobs=max(1, args.jobs), verify_timeout_s=args.verify_timeout,
                          clock_period_ns=args.clock_period, progress=progress, sim_check=args.sim_check,
                          accept_simulation=args.accept_simulation, sim_cycles=args.sim_cycles,
                          max_delay_increase_pct=args.max_delay_increase, ppa_timeout_s=ppa_limit,
                          extend_unknown_proofs=args.extend_proofs,
                          keep_registered_outputs=args.keep_registered_outputs)
    except BudgetExhausted as exc:
        left = args.budget - (time.monotonic() - t0)
        if not auto or left < 30:
            hint = _memory_hint(design)
            if hint:  # what is too large, and what to do (module by module does not split one module)
                msg = str(exc)
                cut = msg.find(" Raise --budget")
                raise BudgetExhausted((msg[:cut] if cut > 0 else msg) + " " + hint) from None
            raise
        if progress:
            progress(f"the flat design does not fit the PPA limit ({ppa_limit:g} s): optimizing module by "
                     f"module with the {left:.0f} s left")
        return _optimize_hier(args, design, lib, out, session, progress, left)
    written = None
    write_error = None
    if result.status == "improved" and result.changed:
        done: list[str] = []
        try:
            if out is not None and out.is_dir():
                written = _write_into(out, design.files, result.original, result.final, snap) or None
            elif out is not None:
                _refuse_library_writes([p for p in design.files[1:] if result.final[p] != result.original[p]])
                keep = _output.expected_hashes(snap, {p: result.original[p] for p in design.files
                                                      if p == out.resolve()})
                write_atomic(out, result.final[design.files[0]], expect_sha256=keep.get(out.resolve()))
                written = str(out)
            elif args.in_place:
                changed = [p for p in design.files if result.final[p] != result.original[p]]
                _refuse_library_writes(changed)
                keep = _output.expected_hashes(snap, {p: result.original[p] for p in changed})  # all, before any write
                for p in changed:
                    write_atomic(p, result.final[p], expect_sha256=keep[p.resolve()])
                    done.append(str(p))
                written = ", ".join(done)  # the files written, not every file read
        except WriteFailed as exc:  # the report still comes out (and says nothing was written); exit 7
            write_error = exc
            written = ", ".join(done) or None
    data = rpt.to_dict(result, output=written)
    if write_error is not None:
        data["write_error"] = str(write_error)
    data["llm"] = session.summary()  # used / not used (and why), model, tokens, estimated cost, outcomes
    llm_line = session.format_text() + "\n"
    if args.report:
        rp = Path(args.report)
        if rp.suffix == ".json":
            text = json.dumps(data, indent=2, default=str) + "\n"
        elif rp.suffix in (".md", ".markdown"):
            text = rpt.format_markdown(result, output=written) + "\n" + llm_line
        else:
            text = rpt.format_text(result, output=written) + llm_line
        write_atomic(rp, text)
    if args.json:
        print(json.dumps(data, indent=2, default=str))
    else:
        print(rpt.format_text(result, output=written) + llm_line, end="")
    if write_error is not None:
        print(f"rtlopt: {write_error}", file=sys.stderr)
        return int(ExitCode.WRITE_FAILED)
    if result.status == "no_proof":
        return int(ExitCode.NO_PROOF)
    return int(ExitCode.OK)


def _optimize_hier(args, design, lib, out: Path | None, session, progress, budget: float) -> int:
    from rtlopt.engine.hierarchy import optimize_hierarchical
    from rtlopt.errors import BudgetExhausted
    from rtlopt.ppa._permodule import measure_own

    measure_fn = estimate_fn = measure_first_fn = None
    if args.goal == "area":  # per-module area: each module alone, submodules as black boxes
        from rtlopt.ppa._estimate import estimate_own

        def measure_fn(ref, texts=None, timeout=300.0):
            return measure_own(ref, liberty=lib, timeout=timeout, texts=texts)

        def estimate_fn(ref, texts=None, timeout=120.0):  # modules too slow for the full flow (labelled)
            return estimate_own(ref, liberty=lib, timeout=timeout, texts=texts)

        def measure_first_fn(ref, texts=None, timeout=300.0):  # the input: its estimate on the way
            return measure_own(ref, liberty=lib, timeout=timeout, texts=texts, estimate_first=True)
    res = optimize_hierarchical(design, goal=args.goal, liberty=lib, budget_s=budget,
                                ppa_timeout_s=args.ppa_timeout, verify_timeout_s=args.verify_timeout,
                                clock_period_ns=args.clock_period, max_steps=args.max_steps, progress=progress,
                                measure_fn=measure_fn, estimate_fn=estimate_fn, measure_first_fn=measure_first_fn,
                                keep_registered_outputs=bool(args.keep_registered_outputs))
    if res.modules and all(m.status == "budget" for m in res.modules) and res.total_before is None:
        raise BudgetExhausted("the budget ran out before any module could be measured; input unchanged")
    written = None
    if res.changed and res.final_verdict != "NOT_EQUIVALENT":
        if out is not None and out.is_dir():
            written = _write_into(out, design.files, res.original, res.final, _SNAPSHOT) or None
        elif out is not None:
            write_atomic(out, res.final[design.files[0]])
            written = str(out)
        elif args.in_place:
            _refuse_library_writes([p for p in design.files if res.final[p] != res.original[p]])
            done = []
            for p in design.files:
                if res.final[p] != res.original[p]:
                    write_atomic(p, res.final[p])
                    done.append(str(p))
            written = ", ".join(done)
    data = res.to_dict()
    data["output"] = written
    data["llm"] = session.summary()
    text = res.format_text() + "\n" + (f"written: {written}\n" if written else
                                       ("use -o OUT or --in-place to write the result\n" if res.changed else ""))
    if args.report:
        rp = Path(args.report)
        write_atomic(rp, json.dumps(data, indent=2, default=str) + "\n" if rp.suffix == ".json" else text)
    if args.json:
        print(json.dumps(data, indent=2, default=str))
    else:
        print(text, end="")
    return int(ExitCode.OK)
