"""The cocotb test that runs inside the simulator for :func:`rtlopt.sim.simulate_diff`.

It drives the generated wrapper ``rtlopt_diff`` (original and candidate side by side, fed the same
inputs), compares the two output buses every cycle just before the active clock edge (or after
each vector settles, for combinational designs), treats bits that are X/Z in the original as
don't-care, writes a JSON record of what it saw (path in ``RTLOPT_SIM_RECORD``) and fails the cocotb
test on the first mismatch, so the xunit results file says FAIL.

The plan (ports, widths, bus slices, clock, reset, cycles, seed) comes from the JSON file named by
``RTLOPT_SIM_CONFIG``; the stimulus itself comes from :mod:`rtlopt.sim._stimulus`.
"""

from __future__ import annotations

import json
import os

import cocotb
from cocotb.triggers import Timer

from rtlopt.sim import _stimulus


def _bits(handle, width: int) -> str:
    """MSB-first bit string of a signal, lower-case, zero-extended to ``width``."""
    s = str(handle.value).lower()
    return s.rjust(width, "0")


def _slice(bits: str, lsb: int, width: int) -> str:
    total = len(bits)
    return bits[total - lsb - width: total - lsb]


def fmt(bits: str) -> str:
    """A Verilog literal for an MSB-first bit string: hex when fully known, else binary."""
    w = len(bits)
    if set(bits) <= {"0", "1"}:
        return f"{w}'h{int(bits, 2):x}"
    return f"{w}'b{bits}"


def compare(gold: str, gate: str) -> tuple[bool, int]:
    """(gate matches gold on every known gold bit, number of gold bits that were X/Z)."""
    if gold == gate and "x" not in gold and "z" not in gold:
        return True, 0
    unknown = 0
    ok = True
    for g, c in zip(gold, gate, strict=True):
        if g in "xz":
            unknown += 1
        elif g != c:
            ok = False
    return ok, unknown


def _record(path: str, data: dict) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        json.dump(data, f, indent=1)
    os.replace(tmp, path)


@cocotb.test()
async def differential(dut) -> None:
    """Drive both designs with the same stimulus and compare outputs every cycle."""
    with open(os.environ["RTLOPT_SIM_CONFIG"]) as f:
        cfg = json.load(f)
    record_path = os.environ["RTLOPT_SIM_RECORD"]
    inputs = cfg["inputs"]
    outputs = cfg["outputs"]
    in_width = sum(p["width"] for p in inputs)
    out_width = sum(p["width"] for p in outputs)
    widths = [p["width"] for p in inputs]
    seq = cfg["sequential"]
    period = int(cfg.get("period_ns", 10))
    has_reset = bool(cfg.get("reset"))
    reset_active = 0 if cfg.get("reset_active_low") else 1
    active = 0 if cfg.get("active_edge") == "negedge" else 1

    if seq:
        steps = _stimulus.sequential(widths, cfg["cycles"], cfg["seed"], has_reset=has_reset)
    else:
        steps = _stimulus.combinational(widths, cfg["cycles"], cfg["seed"])

    rec: dict = {"cycles": 0, "mismatch": None, "x_samples": 0, "x_bits": {}, "compared_bits": 0,
                 "kinds": {}}
    x_bits: dict[str, int] = {}

    def apply(step: _stimulus.Step) -> None:
        if in_width:
            flat = 0
            for p, v in zip(inputs, step.values, strict=True):
                flat |= (v & ((1 << p["width"]) - 1)) << p["lsb"]
            dut.rtlopt_in.value = flat
        if has_reset:
            dut.rtlopt_rst.value = reset_active if step.reset else 1 - reset_active

    if seq:
        dut.rtlopt_clk.value = 1 - active
    cycle = 0
    for step in steps:
        if seq:
            # cycle k: active edge at k*P, inputs at k*P+2, inactive edge at k*P+P/2, sample at k*P+P-1
            if cycle > 0:
                await Timer(1, unit="ns")
                dut.rtlopt_clk.value = active
            await Timer(2, unit="ns")
            apply(step)
            await Timer(period // 2 - 2, unit="ns")
            dut.rtlopt_clk.value = 1 - active
            await Timer(period - period // 2 - 1, unit="ns")
        else:
            apply(step)
            await Timer(1, unit="ns")
        gold = _bits(dut.rtlopt_gold, out_width)
        gate = _bits(dut.rtlopt_gate, out_width)
        ok, unknown = compare(gold, gate)
        rec["kinds"][step.kind.split(" ")[0]] = rec["kinds"].get(step.kind.split(" ")[0], 0) + 1
        if unknown:
            rec["x_samples"] += 1
            for p in outputs:
                part = _slice(gold, p["lsb"], p["width"])
                n = part.count("x") + part.count("z")
                if n:
                    x_bits[p["name"]] = x_bits.get(p["name"], 0) + n
        rec["compared_bits"] += out_width - unknown
        if not ok:
            g_out = {p["name"]: fmt(_slice(gold, p["lsb"], p["width"])) for p in outputs}
            c_out = {p["name"]: fmt(_slice(gate, p["lsb"], p["width"])) for p in outputs}
            differing = [p["name"] for p in outputs
                         if not compare(_slice(gold, p["lsb"], p["width"]), _slice(gate, p["lsb"], p["width"]))[0]]
            ins = {p["name"]: fmt(format(v, f"0{p['width']}b")) for p, v in zip(inputs, step.values, strict=True)}
            if has_reset:
                ins[cfg["reset"]] = f"1'h{reset_active if step.reset else 1 - reset_active:x}"
            rec["mismatch"] = {"cycle": cycle, "stimulus": step.kind, "inputs": ins, "gold": g_out,
                               "gate": c_out, "outputs": differing, "time_ns": cycle * period + period - 1
                               if seq else cycle + 1}
            rec["cycles"] = cycle + 1
            rec["x_bits"] = x_bits
            _record(record_path, rec)
            raise AssertionError(f"mismatch at cycle {cycle} on {', '.join(differing)}: gold {g_out} gate {c_out}")
        cycle += 1
        if seq and cycle % 256 == 0:
            rec["cycles"] = cycle
    rec["cycles"] = cycle
    rec["x_bits"] = x_bits
    if seq:  # leave the last active edge in the trace
        await Timer(1, unit="ns")
        dut.rtlopt_clk.value = active
        await Timer(1, unit="ns")
    _record(record_path, rec)
