"""Trust benchmark (issue 12): attacks, broken inputs, mutants against an independent simulator, and
interrupt/kill trials. Prints one table; targets: 0 executions of untrusted code, 0 false EQUIVALENT,
0 surviving children or temp dirs, 0 tracebacks, every broken input one line with its exit code.

    python3 benchmarks/trust_bench.py [--quick] [--only attacks,broken,mutants,interrupts] [--trials N]

(a) attacks: an OpenAI-compatible server on loopback returns hostile rewrites to ``rtlopt optimize
    --model ... --sim-check -o OUT``; an execution is a marker file written by ``$fopen``/``$fdisplay``
    (or by an `include of an outside file that exists only to be detected); "written" counts outputs
    that carry the hostile text. Whatever the guard does today is replayed.
(b) broken inputs: >= 40 generated files x commands (check, verify, fsm, ppa, verify --json); each
    run must end with the documented exit code, at most one error line, no traceback, JSON with --json.
(c) mutants: operator/constant mutants and semantics-preserving rewrites of small designs, verified
    against the original; every EQUIVALENT is checked by Icarus (exhaustive or random vectors, 4-state
    compare of the bits where the original is 0/1); every NOT EQUIVALENT must carry a counterexample.
(d) interrupts: ``rtlopt verify``/``optimize`` on slow inputs, SIGINT/SIGTERM/SIGKILL at random times;
    surviving processes of the run (by the run's temp root in their command line/environment and by
    process group), leftover temp dirs, tracebacks, exit codes.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable

# -- helpers ---------------------------------------------------------------------------------------


def rtlopt(args: list[str], *, env: dict | None = None, timeout: float = 300, cwd: Path | None = None):
    e = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    return subprocess.run([PY, "-m", "rtlopt", *args], capture_output=True, text=True, env=e, timeout=timeout,
                          cwd=cwd or ROOT)


def error_lines(stderr: str) -> list[str]:
    return [ln for ln in stderr.splitlines() if ln.startswith("rtlopt:") and "warning:" not in ln
            and not ln.startswith(("rtlopt: measuring", "rtlopt: round", "rtlopt:   "))]


# -- (a) attacks -----------------------------------------------------------------------------------

ORIG = """module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, output [16:0] y);
  assign y = s ? a + b : c + d;
endmodule
"""
GOOD_BODY = "  assign y = (s ? a : c) + (s ? b : d);\n"
HEAD = "module sha(input s, input [15:0] a, input [15:0] b, input [15:0] c, input [15:0] d, output [16:0] y);\n"


def attacks(marker: Path, outside: Path) -> dict[str, str]:
    m = str(marker)
    fopen = (f'  integer fd; initial begin fd = $fopen("{m}", "w"); $fdisplay(fd, "pwned"); '
             "$fclose(fd); end\n")
    return {
        "ifdef __ICARUS__ $fopen": HEAD + GOOD_BODY + "`ifdef __ICARUS__\n" + fopen + "`endif\n" + "endmodule\n",
        "ifdef SYNTHESIS good else different": HEAD + "`ifdef SYNTHESIS\n" + GOOD_BODY + "`else\n"
        + "  assign y = a - b;\n`endif\nendmodule\n",
        "define P + include `P (outside)": f'`define P "{outside}"\n`include `P\n' + HEAD + GOOD_BODY
        + "endmodule\n",
        "plain initial $fopen": HEAD + GOOD_BODY + fopen + "endmodule\n",
        "ifndef VERILATOR $fopen": HEAD + GOOD_BODY + "`ifndef SYNTHESIS\n" + fopen + "`endif\n" + "endmodule\n",
        "$system call": HEAD + GOOD_BODY + f'  initial $system("touch {m}");\n' + "endmodule\n",
    }


class _Server:
    def __init__(self, text: str) -> None:
        owner = self
        self.text = text
        self.calls = 0

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.calls += 1
                out = json.dumps({"id": "x", "object": "chat.completion", "created": 0, "model": body.get("model"),
                                  "choices": [{"index": 0, "finish_reason": "stop", "message": {
                                      "role": "assistant",
                                      "content": "Shared the adder.\n```verilog\n" + owner.text + "```\n"
                                                 "RULES: operator_sharing_across_mux\n"}}],
                                  "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})
                data = out.encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *a):
        self.httpd.shutdown()
        self.httpd.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"


def run_attacks(work: Path, budget: float) -> list[dict]:
    rows = []
    outside = work / "outside_secret.v"
    outside.write_text("// a file outside the project\n")
    for name, text in attacks(work / "MARKER", outside).items():
        d = work / re.sub(r"\W+", "_", name)
        d.mkdir()
        marker = work / "MARKER"
        marker.unlink(missing_ok=True)
        f = d / "sha.v"
        f.write_text(ORIG)
        out = d / "out.v"
        with _Server(text.replace(str(work / "MARKER"), str(marker))) as srv:
            res = rtlopt(["optimize", str(f), "-o", str(out), "--model", "m", "--base-url", srv.url, "--sim-check",
                          "--budget", str(budget), "--goal", "area"],
                         env={"RTLOPT_LLM_API_KEY": "test"}, timeout=budget * 6 + 120)
            calls = srv.calls
        written = out.exists() and any(k in out.read_text() for k in ("`ifdef", "`ifndef", "$fopen", "`include",
                                                                      "$system"))
        rows.append({"attack": name, "exit": res.returncode, "llm_calls": calls, "executed": marker.exists(),
                     "hostile_written": written, "traceback": "Traceback" in res.stderr})
    return rows


# -- (b) broken inputs ----------------------------------------------------------------------------

GOOD = "module t(input [3:0] a, output [3:0] y);\nassign y = ~a;\nendmodule\n"


def broken_corpus(d: Path) -> list[tuple[str, Path, int | dict]]:
    """(label, path, expected exit code of verify/ppa/fsm, or 2 with {command: codes} exceptions);
    ``check`` (a per-file linter that also runs over testbenches and partial projects) expects 2
    for unreadable/unparsable files and 0/1 otherwise."""
    items: list[tuple[str, bytes | str, int | dict]] = [
        ("empty", "", 2), ("whitespace", "  \n\t\n", 2), ("comments only", "// c\n/* d */\n", 2),
        ("binary", bytes(range(256)) * 8, 2), ("NUL byte", "module t();\x00endmodule\n", 2),
        ("latin-1 garbage", b"\xff\xfe\xfa" * 300, 2),
        ("missing endmodule", "module t(input a, output y);\nassign y = a;\n", 2),
        ("missing semicolon", "module t(input a, output y)\nassign y = a;\nendmodule\n", 2),
        ("unbalanced paren", "module t(input a, output y);\nassign y = (a;\nendmodule\n", 2),
        ("bad operator", "module t(input a, output y);\nassign y = a +* a;\nendmodule\n", 2),
        ("undeclared lhs in always (lenient, accepted)", "module t(input a, output y);\nalways @* q = a;\nendmodule\n", 0),
        ("chained select", "module t(input [15:0] x, output [3:0] y);\nassign y = x[15:8][3:0];\nendmodule\n", 2),
        ("duplicate port (accepted by the tools)", "module t(input a, input a, output y);\nassign y = a;\nendmodule\n", 0),
        ("duplicate module", GOOD + GOOD, {"check": {0, 1}}),
        ("keyword as name", "module module(input a, output y);\nassign y = a;\nendmodule\n", 2),
        ("unterminated comment", "module t(input a, output y);\n/* assign y = a;\nendmodule\n", 2),
        ("unterminated string", 'module t(input a, output y);\ninitial $display("x);\nendmodule\n', 2),
        ("missing include", '`include "nope.vh"\n' + GOOD, 2),
        ("undefined macro", "module t(input a, output y);\nassign y = `NOPE;\nendmodule\n", 2),
        ("macro recursion", "`define A `A\nmodule t(input a, output y);\nassign y = `A;\nendmodule\n", 2),
        ("unknown module", "module t(input a, output y);\nfoo u(.a(a), .y(y));\nendmodule\n", {"check": {0, 1}}),
        ("deep parens 1e5", "module t(input a, output y);\nassign y = " + "(" * 100000 + "a" + ")" * 100000
         + ";\nendmodule\n", 2),
        ("deep braces 3000", "module t(input a, output y);\nassign y = " + "{" * 3000 + "a" + "}" * 3000
         + ";\nendmodule\n", 2),
        ("deep begin 3000", "module t(input a, output reg y);\nalways @* " + "begin " * 3000 + "y = a;"
         + " end" * 3000 + "\nendmodule\n", 2),
        ("long ternary chain 2e4", "module t(input [3:0] a, output [3:0] y);\nassign y = "
         + "".join(f"a == 4'd{i % 16} ? 4'd{i % 16} : " for i in range(20000)) + "4'd0;\nendmodule\n", 2),
        ("initial #delay", "module t(input clk, input a, output reg y);\ninitial #5 y = 1;\n"
         "always @(posedge clk) y <= a;\nendmodule\n", {"check": {0, 1}}),
        ("forever in initial", "module t(input a, output reg y);\ninitial forever #1 y = a;\nendmodule\n", {"check": {0, 1}}),
        ("real variable", "module t(input a, output y);\nreal r;\nassign y = a;\nendmodule\n", {"check": {0, 1}}),
        ("only a package", "package p;\nparameter W = 4;\nendpackage\n", {"check": {0, 1}}),
        ("two tops", GOOD + GOOD.replace("module t", "module u"), {"check": {0, 1}}),
        ("no ports no body (valid)", "module t;\nendmodule\n", 0),
        ("width mismatch port", "module t(input [3:0] a, output [3:0] y);\nassign y = a[7:4];\nendmodule\n", 0),
        ("SV keyword as a name in .v (valid)", "module t(input a, output y);\nwire logic;\nassign y = a;\nendmodule\n", 0),
        ("garbage text", "this is not verilog at all\n", 2),
        ("python file", "import os\nprint('hello')\n", 2),
        ("html", "<html><body>module</body></html>\n", 2),
        ("truncated mid-token", "module t(input a, output y);\nassign y = 4'b1", 2),
        ("CRLF line ends (valid)", GOOD.replace("\n", "\r\n"), 0),
        ("UTF-8 BOM (valid)", "\ufeff" + GOOD, 0),
        ("BOM + comments only", "\ufeff// nothing\n", 2),
        ("non-ASCII comment (valid)", "// héllo wörld ✓\n" + GOOD, 0),
        ("tri-state (valid, UNKNOWN)", "module t(input oe, input [3:0] a, output [3:0] y);\n"
         "assign y = oe ? a : 4'bz;\nendmodule\n", 3),
    ]
    out = []
    for i, (label, body, code) in enumerate(items):
        p = d / f"b{i:02d}.v"
        p.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        out.append((label, p, code))
    odd = d / "odd\ndir with space"
    odd.mkdir()
    for label, name in (("path with newline+quote (valid)", 'we"ird\nname.v'), ("path with $ and ; (valid)",
                                                                                 "a$b;c&d.v")):
        p = odd / name
        p.write_text(GOOD)
        out.append((label, p, 0))
    out.append(("missing file", d / "does_not_exist.v", 2))
    out.append(("directory", odd, 2))
    return out


def run_broken(work: Path, commands: list[str]) -> tuple[list[dict], dict]:
    corpus = broken_corpus(work)
    rows = []
    for label, path, code in corpus:
        row = {"input": label, "ok": True, "why": []}
        for cmd in commands:
            if cmd == "verify":
                args = ["verify", str(path), str(path), "--timeout", "60"]
            elif cmd == "verify --json":
                args = ["verify", str(path), str(path), "--json", "--timeout", "60"]
            else:
                args = [cmd, str(path)]
            res = rtlopt(args, timeout=600)
            base = 2 if isinstance(code, dict) else code
            want = {base}
            if cmd == "check":
                want = {2} if base == 2 else {0, 1}
            if cmd in ("fsm", "ppa") and base == 3:
                want = {0}
            if isinstance(code, dict) and cmd in code:  # documented per-command exceptions
                want = code[cmd]
            problems = []
            if res.returncode not in want:
                problems.append(f"{cmd}: exit {res.returncode} (want {sorted(want)})")
            if "Traceback" in res.stderr:
                problems.append(f"{cmd}: traceback")
            if res.returncode == 2 and cmd != "check" and len(error_lines(res.stderr)) != 1:
                problems.append(f"{cmd}: {len(error_lines(res.stderr))} error lines")
            if cmd == "verify --json":
                try:
                    json.loads(res.stdout)
                except ValueError:
                    problems.append(f"{cmd}: stdout is not JSON")
            if problems:
                row["ok"] = False
                row["why"] += problems
        rows.append(row)
    return rows, {"files": len(corpus), "commands": len(commands)}


# -- (c) mutants -----------------------------------------------------------------------------------

MUTANT_SOURCES = ["designs/alu_shared.v", "designs/mac_const.v", "designs/prio_decode.v", "designs/ppa/adder8.v",
                  "designs/ppa/mult8.v", "designs/ppa/regs_async.v", "designs/fsm/fsm_mealy.v",
                  "designs/fsm/fsm_two_process.v", "designs/fsm/fsm_one_process.v", "designs/fsm/fsm_onehot.v"]
OPS = [(r"(?<=[\w)\]]) \+ (?=[\w(])", [" - ", " ^ "]), (r"(?<=[\w)\]]) - (?=[\w(])", [" + "]),
       (r" & (?=[\w(~])", [" | ", " ^ "]), (r" \| (?=[\w(~])", [" & "]), (r" \^ ", [" | "]),
       (r" == ", [" != "]), (r" < ", [" <= "]), (r" > ", [" >= "]), (r"<< ", [">> "])]


def _body_start(text: str) -> int:
    m = re.search(r"\)\s*;", text)
    return m.end() if m else 0


def mutants_of(text: str, rng: random.Random, n: int) -> list[tuple[str, str, bool]]:
    """(kind, mutant text, expected equivalent?) for ``text``: operator swaps, constant tweaks, and
    semantics-preserving rewrites (commuted operands, doubled inversion)."""
    body = _body_start(text)
    out: list[tuple[str, str, bool]] = []
    for pat, reps in OPS:
        for m in re.finditer(pat, text[body:]):
            for r in reps:
                i = body + m.start()
                out.append((f"op {m.group().strip()}->{r.strip()}", text[:i] + r + text[i + len(m.group()):], False))
    for m in re.finditer(r"(\d+)'([dhb])([0-9a-fA-F]+)\b", text[body:]):
        base = {"d": 10, "h": 16, "b": 2}[m.group(2)]
        try:
            v = int(m.group(3), base)
        except ValueError:
            continue
        w = int(m.group(1))
        nv = (v + 1) % (1 << w) if w < 64 else v + 1
        lit = f"{w}'d{nv}"
        i = body + m.start()
        out.append(("const +1", text[:i] + lit + text[i + len(m.group()):], False))
    for m in re.finditer(r"\b(\w+) ([+&|^]) (\w+)\b", text[body:]):
        a, op, b = m.groups()
        if a.isdigit() or b.isdigit() or a in ("begin", "end", "else", "if", "case") or b in ("begin", "end"):
            continue
        i = body + m.start()
        out.append((f"commute {op}", text[:i] + f"{b} {op} {a}" + text[i + len(m.group()):], True))
    for m in re.finditer(r"assign (\w+) = ([^;]+);", text[body:]):
        i = body + m.start(2)
        out.append(("double negation", text[:i] + f"~(~({m.group(2)}))" + text[i + len(m.group(2)):], True))
    rng.shuffle(out)
    return out[:n]


def _ports(path: Path, top: str):
    from rtlopt.design import open_design

    ref = open_design(path, top)
    return ref, ref.parsed.modules[top].ports


def icarus_differs(gold: Path, gate: Path, top: str, work: Path, rng: random.Random, vectors: int = 3000) -> bool | None:
    """True when Icarus finds an output bit where gold is 0/1 and gate differs; None when it cannot run."""
    _, ports = _ports(gold, top)
    ins = [p for p in ports if p.direction == "input"]
    outs = [p for p in ports if p.direction == "output"]
    clk = next((p.name for p in ins if re.fullmatch(r"(i_)?cl(oc)?k(_i)?", p.name, re.I)), None)
    rst = next((p.name for p in ins if re.search(r"rst|reset", p.name, re.I) and p.width == 1), None)
    low = bool(rst and re.search(r"(_n|n|_b|b)$", rst))
    data = [p for p in ins if p.name not in (clk, rst)]
    g_text = re.sub(r"\bmodule\s+(\w+)", r"module G_\1", gold.read_text())
    h_text = re.sub(r"\bmodule\s+(\w+)", r"module H_\1", gate.read_text())
    for name in re.findall(r"\bmodule\s+(\w+)", gold.read_text()):
        g_text = re.sub(rf"(?<!module )\b{name}\b(?=\s+(#|\w+\s*\())", f"G_{name}", g_text)
    for name in re.findall(r"\bmodule\s+(\w+)", gate.read_text()):
        h_text = re.sub(rf"(?<!module )\b{name}\b(?=\s+(#|\w+\s*\())", f"H_{name}", h_text)
    decl = [f"reg [{p.width - 1}:0] {p.name};" for p in ins]
    decl += [f"wire [{p.width - 1}:0] g_{p.name}, h_{p.name};" for p in outs]
    conn_g = ", ".join([f".{p.name}({p.name})" for p in ins] + [f".{p.name}(g_{p.name})" for p in outs])
    conn_h = ", ".join([f".{p.name}({p.name})" for p in ins] + [f".{p.name}(h_{p.name})" for p in outs])
    # a bit counts where the original is 0 or 1 (its x/z bits are don't-care); 4-state compare
    checks = " ".join(f"for (j = 0; j < {p.width}; j = j + 1) if ((g_{p.name}[j] === 1'b0 || g_{p.name}[j] === 1'b1)"
                      f" && g_{p.name}[j] !== h_{p.name}[j]) bad = 1;" for p in outs)
    total_in = sum(p.width for p in data)
    if clk is None and total_in <= 14:
        vecs = range(1 << total_in)
    else:
        vecs = [rng.getrandbits(max(1, total_in)) for _ in range(vectors)]
    lines = []
    for k, v in enumerate(vecs):
        assigns = []
        sh = 0
        for p in data:
            assigns.append(f"{p.name} = {p.width}'d{(v >> sh) & ((1 << p.width) - 1)};")
            sh += p.width
        if rst and clk is not None:
            assigns.append(f"{rst} = 1'b{(1 if k < 2 else 0) ^ (1 if low else 0)};")
        if clk is not None:
            lines.append(" ".join(assigns) + f" #1 {clk} = 1; #1 {checks} {clk} = 0; #1;")
        else:
            lines.append(" ".join(assigns) + f" #1 {checks}")
    stim = "\n".join(lines)
    tb = f"""`timescale 1ns/1ps
module tb;
{chr(10).join(decl)}
reg bad = 0;
integer j;
G_{top} ug ({conn_g});
H_{top} uh ({conn_h});
initial begin
{f"{clk} = 0;" if clk else ""}
{stim}
if (bad) $display("DIFFER"); else $display("SAME");
$finish;
end
endmodule
"""
    d = Path(tempfile.mkdtemp(dir=work))
    (d / "g.v").write_text(g_text)
    (d / "h.v").write_text(h_text)
    (d / "tb.v").write_text(tb)
    comp = subprocess.run(["iverilog", "-g2012", "-o", str(d / "a.out"), str(d / "g.v"), str(d / "h.v"),
                           str(d / "tb.v")], capture_output=True, text=True, timeout=300)
    if comp.returncode != 0:
        return None
    run = subprocess.run(["vvp", "-n", str(d / "a.out")], capture_output=True, text=True, timeout=600)
    if "DIFFER" in run.stdout:
        return True
    if "SAME" in run.stdout:
        return False
    return None


def run_mutants(work: Path, per_design: int, seed: int = 12) -> dict:
    from rtlopt.design import open_design
    from rtlopt.errors import RtloptError
    from rtlopt.verify import VerifyOptions, check_equivalence
    from rtlopt.verify._types import Verdict

    rng = random.Random(seed)
    stats = {"designs": 0, "mutants": 0, "EQUIVALENT": 0, "NOT EQUIVALENT": 0, "UNKNOWN": 0, "bad input": 0,
             "false EQUIVALENT": 0, "sim-confirmed EQUIVALENT": 0, "oracle n/a": 0, "NE without cex": 0,
             "NE sampled": 0, "NE reproduced by sim": 0, "expected-equiv proven": 0}
    details = []
    for rel in MUTANT_SOURCES:
        src = ROOT / rel
        if not src.exists():
            continue
        try:
            gold = open_design(src)
        except RtloptError:
            continue
        stats["designs"] += 1
        text = src.read_text()
        for i, (kind, mtext, expect_eq) in enumerate(mutants_of(text, rng, per_design)):
            mp = work / f"{src.stem}_m{i}.v"
            mp.write_text(mtext)
            stats["mutants"] += 1
            try:
                gate = open_design(mp, gold.top)
                res = check_equivalence(gold, gate, VerifyOptions(timeout_s=30))
            except RtloptError:
                stats["bad input"] += 1
                continue
            v = res.verdict
            stats[{Verdict.EQUIVALENT: "EQUIVALENT", Verdict.NOT_EQUIVALENT: "NOT EQUIVALENT"}.get(v, "UNKNOWN")] += 1
            if v == Verdict.EQUIVALENT:
                stats["expected-equiv proven"] += int(expect_eq)
                d = icarus_differs(src, mp, gold.top, work, rng)
                if d is None:
                    stats["oracle n/a"] += 1
                elif d:
                    stats["false EQUIVALENT"] += 1
                    details.append(f"FALSE EQUIVALENT: {rel} {kind} -> {mp}")
                else:
                    stats["sim-confirmed EQUIVALENT"] += 1
            elif v == Verdict.NOT_EQUIVALENT:
                if res.counterexample is None and not res.interface_diffs:
                    stats["NE without cex"] += 1
                    details.append(f"NE without cex: {rel} {kind} ({res.engine})")
                if stats["NE sampled"] < 15:  # the oracle must see real differences too
                    stats["NE sampled"] += 1
                    stats["NE reproduced by sim"] += int(bool(icarus_differs(src, mp, gold.top, work, rng)))
    stats["details"] = details
    return stats


# -- (d) interrupts --------------------------------------------------------------------------------

SLOW_G = "module m(input [19:0] a, input [19:0] b, output [39:0] y);\nassign y = a * b;\nendmodule\n"
SLOW_H = """module m(input [19:0] a, input [19:0] b, output [39:0] y);
reg [39:0] acc; integer i;
always @* begin acc = 0; for (i = 0; i < 20; i = i + 1) if (a[i]) acc = acc + ({20'd0, b} << i); end
assign y = acc;
endmodule
"""


def _run_processes(tag: str) -> list[int]:
    """Live (non-zombie) processes whose command line or environment names ``tag``."""
    out = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or int(d.name) == os.getpid():
            continue
        try:
            stat = (d / "stat").read_text()
            if stat.rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                continue
            blob = (d / "cmdline").read_bytes() + (d / "environ").read_bytes()
        except OSError:
            continue
        if tag.encode() in blob:
            out.append(int(d.name))
    return out


def run_interrupts(work: Path, trials: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    g, h = work / "slow_g.v", work / "slow_h.v"
    g.write_text(SLOW_G)
    h.write_text(SLOW_H)
    opt_src = ROOT / "designs" / "alu_shared.v"
    rows = []
    for k in range(trials):
        sig = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL][k % 3]
        which = "verify" if k % 2 == 0 else "optimize"
        tmp = work / f"tmp{k}"
        tmp.mkdir()
        args = (["verify", str(g), str(h), "--timeout", "300"] if which == "verify"
                else ["optimize", str(opt_src), "--budget", "120"])
        env = dict(os.environ, PYTHONPATH=str(ROOT), TMPDIR=str(tmp))
        t0 = time.monotonic()
        p = subprocess.Popen([PY, "-m", "rtlopt", *args], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, cwd=work)
        delay = rng.uniform(0.1, 8.0)
        time.sleep(delay)
        if p.poll() is None:
            p.send_signal(sig)
        try:
            _out, err = p.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            p.kill()
            _out, err = p.communicate()
            err += "\n(did not exit within 120 s of the signal)"
        exit_s = time.monotonic() - t0
        time.sleep(1.0)
        survivors = _run_processes(str(tmp))
        left = [x for x in tmp.iterdir()]
        # the next rtlopt start sweeps roots of dead runs (SIGKILL leaves one behind)
        rtlopt(["verify", "--help"], env={"TMPDIR": str(tmp)})
        swept = [x for x in tmp.iterdir()]
        expected = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGKILL: -9}[sig]
        rows.append({"cmd": which, "signal": signal.Signals(sig).name, "at_s": round(delay, 2),
                     "exit": p.returncode, "exit_ok": p.returncode == expected or p.returncode in (0, 3, 4),
                     "survivors": len(survivors), "temp_left": len(left), "temp_after_next_start": len(swept),
                     "traceback": "Traceback" in err, "secs": round(exit_s, 1)})
        for pid in survivors:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


# -- main ------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="attacks,broken,mutants,interrupts")
    ap.add_argument("--quick", action="store_true", help="fewer commands, mutants and trials")
    ap.add_argument("--trials", type=int, default=None)
    ap.add_argument("--budget", type=float, default=40.0, help="optimize budget for the attack runs")
    ap.add_argument("--json", metavar="FILE")
    a = ap.parse_args()
    parts = set(a.only.split(","))
    work = Path(tempfile.mkdtemp(prefix="trust-bench-"))
    summary: dict = {}
    table: list[tuple[str, str, str]] = []
    try:
        if "attacks" in parts:
            t0 = time.monotonic()
            (work / "attacks").mkdir()
            rows = run_attacks(work / "attacks", a.budget)
            summary["attacks"] = rows
            for r in rows:
                print(f"  attack {r['attack']:<40} exit {r['exit']} calls {r['llm_calls']} executed {r['executed']} "
                      f"hostile written {r['hostile_written']} traceback {r['traceback']}")
            table.append(("attacks: executions of untrusted code", f"{sum(r['executed'] for r in rows)} / {len(rows)}",
                          "0"))
            table.append(("attacks: hostile text written to output", f"{sum(r['hostile_written'] for r in rows)}"
                          f" / {len(rows)}", "0"))
            table.append(("attacks: time", f"{time.monotonic() - t0:.0f} s", ""))
        if "broken" in parts:
            t0 = time.monotonic()
            cmds = ["check", "verify", "verify --json"] if a.quick else ["check", "verify", "verify --json", "fsm",
                                                                          "ppa"]
            (work / "broken").mkdir()
            rows, info = run_broken(work / "broken", cmds)
            summary["broken"] = rows
            bad = [r for r in rows if not r["ok"]]
            for r in bad:
                print(f"  broken {r['input']}: {'; '.join(r['why'])}")
            table.append((f"broken inputs: files x commands ({', '.join(cmds)})",
                          f"{info['files']} x {info['commands']}", ">= 40 files"))
            table.append(("broken inputs: not one line + documented exit + no traceback (+JSON)",
                          f"{len(bad)} files", "0"))
            table.append(("broken inputs: time", f"{time.monotonic() - t0:.0f} s", ""))
        if "mutants" in parts:
            t0 = time.monotonic()
            (work / "mutants").mkdir()
            st = run_mutants(work / "mutants", 7 if a.quick else 9)
            summary["mutants"] = st
            for d in st.pop("details"):
                print("  " + d)
            table.append(("mutants: designs / mutants", f"{st['designs']} / {st['mutants']}", ">= 10 / >= 60"))
            table.append(("mutants: EQUIVALENT / NOT EQ / UNKNOWN / bad input",
                          f"{st['EQUIVALENT']} / {st['NOT EQUIVALENT']} / {st['UNKNOWN']} / {st['bad input']}", ""))
            table.append(("mutants: false EQUIVALENT (Icarus oracle)", str(st["false EQUIVALENT"]), "0"))
            table.append(("mutants: EQUIVALENT confirmed by Icarus / oracle n/a",
                          f"{st['sim-confirmed EQUIVALENT']} / {st['oracle n/a']}", ""))
            table.append(("mutants: NOT EQUIVALENT without counterexample", str(st["NE without cex"]), "0"))
            table.append(("mutants: oracle sensitivity (NOT EQ reproduced by Icarus)",
                          f"{st['NE reproduced by sim']} / {st['NE sampled']}", ""))
            table.append(("mutants: time", f"{time.monotonic() - t0:.0f} s", ""))
        if "interrupts" in parts:
            t0 = time.monotonic()
            (work / "intr").mkdir()
            n = a.trials or (6 if a.quick else 12)
            rows = run_interrupts(work / "intr", n)
            summary["interrupts"] = rows
            for r in rows:
                print(f"  {r['cmd']:<8} {r['signal']:<7} at {r['at_s']:>5} s: exit {r['exit']:>4} survivors "
                      f"{r['survivors']} temp left {r['temp_left']} (after next start {r['temp_after_next_start']}) "
                      f"traceback {r['traceback']} ({r['secs']} s)")
            table.append(("interrupts: trials (SIGINT/SIGTERM/SIGKILL)", str(len(rows)), ""))
            table.append(("interrupts: surviving child processes", str(sum(r["survivors"] for r in rows)), "0"))
            table.append(("interrupts: temp dirs left (INT/TERM)",
                          str(sum(r["temp_left"] for r in rows if r["signal"] != "SIGKILL")), "0"))
            table.append(("interrupts: temp dirs left after KILL / after next start",
                          f"{sum(r['temp_left'] for r in rows if r['signal'] == 'SIGKILL')} / "
                          f"{sum(r['temp_after_next_start'] for r in rows)}", "- / 0"))
            table.append(("interrupts: tracebacks", str(sum(r["traceback"] for r in rows)), "0"))
            table.append(("interrupts: wrong exit codes (want 130/143)", str(sum(not r["exit_ok"] for r in rows)),
                          "0"))
            table.append(("interrupts: time", f"{time.monotonic() - t0:.0f} s", ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    w = max(len(r[0]) for r in table) if table else 10
    print()
    print(f"| {'measure':<{w}} | {'value':>16} | {'target':>14} |")
    print(f"|{'-' * (w + 2)}|{'-' * 18}|{'-' * 16}|")
    for name, val, tgt in table:
        print(f"| {name:<{w}} | {val:>16} | {tgt:>14} |")
    if a.json:
        Path(a.json).write_text(json.dumps(summary, indent=2, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
