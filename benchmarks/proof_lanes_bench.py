"""Time-to-proof of saved candidate pairs under each engine order (benchmarks/PROOF_LANES.md).

Two steps:

1. save the pairs a search proves (every gold/gate pair given to ``check_equivalence``, with the
   generator's engine hint and the verdict it got in the search)::

       CAP_DIR=/tmp/me/cap/NAME python3 benchmarks/proof_lanes_bench.py capture optimize F.v --top T \\
           --liberty ../shared/lib/sky130hd_tt.lib.gz --budget 90 --json -q

2. prove each saved pair again, one mode at a time (a fresh process per run), one JSON line each::

       python3 benchmarks/proof_lanes_bench.py run /tmp/me/cap/*/p* --modes old,new,equiv,smt,abc

   ``old``: the engines one after another (``parallel=False``), ``new``: the race (default), an engine
   name: that engine alone. The hint the generator gave is used for ``old`` and ``new``.
"""

from __future__ import annotations

import argparse
import inspect
import itertools
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def capture(argv: list[str]) -> int:
    import rtlopt.verify as V

    orig = V.check_equivalence
    out = Path(os.environ["CAP_DIR"])
    out.mkdir(parents=True, exist_ok=True)
    cnt = itertools.count()

    def wrapped(gold, gate, options=None):
        d = out / f"p{next(cnt):03d}"
        d.mkdir(parents=True, exist_ok=True)
        meta: dict = {"top": gold.top, "gold": [], "gate": []}
        for role, ref in (("gold", gold), ("gate", gate)):
            (d / role).mkdir(exist_ok=True)
            for j, f in enumerate(ref.files):
                name = Path(f).name if not (d / role / Path(f).name).exists() else f"{j}_{Path(f).name}"
                shutil.copy(f, d / role / name)
                meta[role].append(name)
        for fr in inspect.stack()[1:12]:
            c = fr.frame.f_locals.get("cand")
            if c is not None and hasattr(c, "rules"):
                meta.update(rules=list(c.rules or []), description=str(c.description)[:300])
                break
        if options is not None:
            meta.update(engines_hint=list(options.engines) if options.engines else None,
                        timeout=options.timeout_s, state_map=options.state_map)
        t = time.monotonic()
        r = orig(gold, gate, options)
        meta.update(verdict=str(r.verdict), engine=r.engine, seconds=round(time.monotonic() - t, 2),
                    tried=[(e, o, round(s, 2)) for e, o, s in r.engines_tried], load=os.getloadavg()[0])
        (d / "meta.json").write_text(json.dumps(meta, indent=1))
        return r

    V.check_equivalence = wrapped
    from rtlopt.cli import main

    return main(argv)


def run_one(pair: Path, mode: str, timeout: float) -> dict:
    from rtlopt.design import open_design, open_gate_design
    from rtlopt.verify import VerifyOptions, check_equivalence

    m = json.loads((pair / "meta.json").read_text())
    gold = open_design([pair / "gold" / f for f in m["gold"]], top=m["top"])
    gate = open_gate_design([pair / "gate" / f for f in m["gate"]], gold, top=m["top"])
    hint = tuple(m["engines_hint"]) if m.get("engines_hint") else None
    if mode in ("old", "new"):
        opts = VerifyOptions(timeout_s=timeout, counterexample=False, engines=hint, state_map=m.get("state_map"),
                             parallel=mode == "new")
    else:
        opts = VerifyOptions(timeout_s=timeout, counterexample=False, engines=(mode,), state_map=m.get("state_map"))
    l0 = os.getloadavg()[0]
    t = time.monotonic()
    r = check_equivalence(gold, gate, opts)
    return {"pair": str(pair), "mode": mode, "verdict": str(r.verdict), "engine": r.engine,
            "wall": round(time.monotonic() - t, 2), "load": round((l0 + os.getloadavg()[0]) / 2, 1),
            "tried": [(e, o, round(s, 2)) for e, o, s in r.engines_tried]}


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "capture":
        return capture(sys.argv[2:])
    if len(sys.argv) > 1 and sys.argv[1] == "_one":
        print(json.dumps(run_one(Path(sys.argv[2]), sys.argv[3], float(sys.argv[4]))))
        return 0
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["run"])
    ap.add_argument("pairs", nargs="+", type=Path)
    ap.add_argument("--modes", default="old,new")
    ap.add_argument("--timeout", type=float, default=60.0)
    a = ap.parse_args()
    for p in a.pairs:
        for mode in a.modes.split(","):
            r = subprocess.run([sys.executable, __file__, "_one", str(p), mode, str(a.timeout)],
                               capture_output=True, text=True, check=False)
            line = next((ln for ln in r.stdout.splitlines() if ln.startswith("{")), None)
            print(line or json.dumps({"pair": str(p), "mode": mode, "verdict": "CRASH"}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
