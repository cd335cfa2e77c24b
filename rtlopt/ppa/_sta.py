"""OpenSTA (2.0.17, 2019) script for timing and power of a mapped netlist, and parsers for its reports.

Timing setup: every primary input that drives a flip-flop/latch clock pin gets a clock of the chosen
period (an internally generated clock gets one on its driver pin); a design without clocks gets a
virtual clock ``rtlopt_vclk``. All other inputs have input delay 0 and all outputs output delay 0
against the first clock, so register-to-register, input-to-register, register-to-output and pure
input-to-output paths are all constrained. ``report_checks`` then prints the worst path of every
path group. Power: ``set_power_activity -global -activity A -duty 0.5`` (OpenSTA 2019 supports only
global/input activities, no SAIF/VCD), then ``report_power``, whose numbers are watts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VIRTUAL_CLOCK = "rtlopt_vclk"


@dataclass(frozen=True)
class ClockSpec:
    """One clock: a name, and either a top port, a driver pin ``inst/PIN``, or nothing (virtual)."""

    name: str
    port: str | None = None
    pin: str | None = None


def _tcl_name(name: str) -> str:
    """``name`` as one Tcl word (braces; OpenSTA object names never contain braces)."""
    return "{" + name + "}"


def sta_script(*, liberty: str, netlist: str, top: str, clocks: list[ClockSpec], period: float,
               activity: float) -> str:
    """The OpenSTA Tcl script (``period`` in the liberty's time unit)."""
    lines = [f"read_liberty {_tcl_name(liberty)}", f"read_verilog {_tcl_name(netlist)}",
             f"link_design {_tcl_name(top)}"]
    if not clocks:
        clocks = [ClockSpec(VIRTUAL_CLOCK)]
    for clk in clocks:
        if clk.port:
            target = f" [get_ports {_tcl_name(clk.port)}]"
        elif clk.pin:
            target = f" [get_pins {_tcl_name(clk.pin)}]"
        else:
            target = ""
        lines.append(f"create_clock -name {_tcl_name(clk.name)} -period {period:g}{target}")
    ref = clocks[0].name
    ports = [c.port for c in clocks if c.port]
    inputs = "[all_inputs]"
    if ports:
        inputs = f"[delete_from_list [all_inputs] [get_ports {{{' '.join(_tcl_name(p) for p in ports)}}}]]"
    lines += [
        f"set rtlopt_inputs {inputs}",
        "if {[llength $rtlopt_inputs] > 0} {",
        f"  set_input_delay 0 -clock {_tcl_name(ref)} $rtlopt_inputs",
        "}",
        "set rtlopt_outputs [all_outputs]",
        "if {[llength $rtlopt_outputs] > 0} {",
        f"  set_output_delay 0 -clock {_tcl_name(ref)} $rtlopt_outputs",
        "}",
        f"set_power_activity -global -activity {activity:g} -duty 0.5",
        'puts "RTLOPT-BEGIN-CHECKS"',
        "report_checks -path_delay max -format full -digits 6",
        'puts "RTLOPT-END-CHECKS"',
        "report_power -digits 8",
        'puts "RTLOPT-DONE"',
    ]
    return "\n".join(lines) + "\n"


@dataclass
class PathInfo:
    startpoint: str = ""
    endpoint: str = ""
    group: str = ""
    launch: float = 0.0
    capture: float | None = None
    arrival: float | None = None
    required: float | None = None
    slack: float | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def delay(self) -> float | None:
        """Time the path needs: (arrival − launch edge) + (capture edge − required)."""
        if self.arrival is None:
            return None
        d = self.arrival - self.launch
        if self.capture is not None and self.required is not None:
            d += self.capture - self.required
        return d


_CLOCK_EDGE = re.compile(r"^\s*(-?[\d.]+(?:e[-+]?\d+)?)\s+(-?[\d.]+(?:e[-+]?\d+)?)\s+clock\s+\S+\s+\((?:rise|fall) edge\)")
_ARRIVAL = re.compile(r"^\s*(-?[\d.]+(?:e[-+]?\d+)?)\s+data arrival time")
_REQUIRED = re.compile(r"^\s*(-?[\d.]+(?:e[-+]?\d+)?)\s+data required time")
_SLACK = re.compile(r"^\s*(-?[\d.]+(?:e[-+]?\d+)?)\s+slack")


def parse_checks(text: str) -> list[PathInfo]:
    """The paths of a ``report_checks -format full`` report."""
    paths: list[PathInfo] = []
    cur: PathInfo | None = None
    edges = 0
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("Startpoint:"):
            cur = PathInfo(startpoint=s.split(":", 1)[1].strip(), lines=[line])
            paths.append(cur)
            edges = 0
            continue
        if cur is None:
            continue
        cur.lines.append(line)
        if s.startswith("Endpoint:"):
            cur.endpoint = s.split(":", 1)[1].strip()
        elif s.startswith("Path Group:"):
            cur.group = s.split(":", 1)[1].strip()
        elif m := _CLOCK_EDGE.match(line):
            if edges == 0:
                cur.launch = float(m.group(2))
            elif edges == 1:
                cur.capture = float(m.group(2))
            edges += 1
        elif (m := _ARRIVAL.match(line)) and cur.arrival is None:
            cur.arrival = float(m.group(1))
        elif (m := _REQUIRED.match(line)) and cur.required is None:
            cur.required = float(m.group(1))
        elif (m := _SLACK.match(line)) and cur.slack is None:
            cur.slack = float(m.group(1))
    return paths


_TOTAL = re.compile(r"^Total\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)")


def parse_power(text: str) -> dict[str, float] | None:
    """``{"internal", "switching", "leakage", "total"}`` in watts from ``report_power``, or None."""
    for line in text.splitlines():
        m = _TOTAL.match(line.strip())
        if m:
            try:
                vals = [float(g) for g in m.groups()]
            except ValueError:
                continue
            return dict(zip(("internal", "switching", "leakage", "total"), vals, strict=True))
    return None


def sta_errors(text: str) -> list[str]:
    """OpenSTA ``Error:`` lines (2019 OpenSTA keeps going after most errors)."""
    return [ln.strip() for ln in text.splitlines() if ln.strip().startswith("Error")]
