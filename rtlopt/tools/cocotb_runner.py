"""cocotb's Python runner (``cocotb_tools.runner``) driven in a child process with a time limit.

cocotb's runner starts the compiler and the simulator with ``subprocess.run`` and no time limit,
and it calls ``sys.exit`` when the simulator fails, so rtlopt never runs it in-process: this
module's :class:`CocotbRunner` starts ``python -m rtlopt.tools.cocotb_runner JOB.json`` in a new
process group (killed whole on timeout), and reads the outcome from cocotb's xunit results file
(``runner.test()`` does not raise on failing tests). Each job gets its own build directory; while
untrusted text is about (:mod:`rtlopt.tools.sandbox`) the child may write only there, and a job is
refused (:class:`SandboxRefused`) when no sandbox is available.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import shlex
import sys
import xml.etree.ElementTree as ElementTree
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rtlopt.errors import ToolError, ToolNotFound
from rtlopt.tools import sandbox
from rtlopt.tools.base import Tool, first_error, parse_version
from rtlopt.tools.sim import Icarus, Verilator

SIMULATORS = ("icarus", "verilator")

#: Build arguments rtlopt adds per simulator (Verilator: lint warnings must not stop a build).
_SIM_BUILD_ARGS = {
    "icarus": [],
    "verilator": ["-Wno-fatal", "-Wno-lint", "-Wno-style", "--no-timing"],
}


class SimBuildError(ToolError):
    """The simulator's compiler rejected the sources (``log`` holds its messages)."""


class SandboxRefused(ToolError):
    """Untrusted code would have been simulated with no sandbox available (see rtlopt.tools.sandbox)."""


@dataclass
class CocotbJob:
    """What one cocotb run builds and tests."""

    simulator: str
    sources: list[str]
    toplevel: str
    test_module: str
    build_dir: str
    includes: list[str] = field(default_factory=list)
    defines: dict[str, str] = field(default_factory=dict)
    build_args: list[str] = field(default_factory=list)
    extra_env: dict[str, str] = field(default_factory=dict)
    python_path: list[str] = field(default_factory=list)
    seed: int = 1
    #: extra simulator arguments after the plusargs (Icarus: ``-vcd`` lets ``$dumpfile`` write a VCD)
    sim_suffix: list[str] = field(default_factory=list)
    timescale: tuple[str, str] = ("1ns", "1ps")


@dataclass
class TestCase:
    name: str
    passed: bool
    message: str = ""


@dataclass
class CocotbRun:
    """The outcome of a run as the xunit results file tells it."""

    simulator: str
    results_xml: Path
    cases: list[TestCase]
    seconds: float
    log: str

    @property
    def tests(self) -> int:
        return len(self.cases)

    @property
    def failures(self) -> int:
        return sum(not c.passed for c in self.cases)

    @property
    def passed(self) -> bool:
        """True only when at least one test ran and none failed."""
        return self.tests > 0 and self.failures == 0


def read_results(path: Path) -> list[TestCase]:
    """Test cases from a cocotb xunit ``results.xml`` (a failure or error element means FAIL).

    Raises:
        ToolError: the file is missing or unreadable (the simulation ended abnormally).
    """
    if not path.is_file():
        raise ToolError(f"simulation ended without a results file ({path.name}): the simulator crashed or "
                        "the testbench could not load")
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as exc:
        raise ToolError(f"cannot read cocotb results file {path}: {exc}") from None
    cases = []
    for tc in root.iter("testcase"):
        bad = [el for el in tc if el.tag in ("failure", "error")]
        msg = ""
        if bad:
            msg = bad[0].get("message") or (bad[0].text or "").strip()
        cases.append(TestCase(tc.get("name", "?"), not bad, msg))
    return cases


@dataclass
class CocotbRunner(Tool):
    """cocotb >= 2.0 (its ``cocotb_tools.runner``), run in a child Python process."""

    name: str = "cocotb"
    env_var: str = "RTLOPT_PYTHON"
    executable: str = "python3"
    min_version: tuple[int, ...] = (2, 0)
    install_hint: str = "pip install 'rtlopt[sim]' (cocotb==2.1.0)"
    job_env: dict[str, str] | None = field(default=None, repr=False)

    def env(self) -> dict[str, str]:
        return dict(self.job_env) if self.job_env is not None else super().env()

    def _default_command(self) -> list[str] | None:
        return [sys.executable]

    @property
    def version_text(self) -> str | None:  # type: ignore[override]
        if importlib.util.find_spec("cocotb_tools") is None:
            return None
        try:
            return f"cocotb {importlib.metadata.version('cocotb')}"
        except importlib.metadata.PackageNotFoundError:
            return None

    @property
    def version(self) -> tuple[int, ...]:
        return parse_version(self.version_text or "")

    def problem(self) -> str | None:
        if self.version_text is None:
            return f"cocotb not found: {self.install_hint}"
        return super().problem()

    def simulator_problem(self, simulator: str) -> str | None:
        """Why ``simulator`` cannot be used through cocotb, or None."""
        if simulator not in SIMULATORS:
            return f"unknown simulator '{simulator}' (choose {' or '.join(SIMULATORS)})"
        tool = Icarus() if simulator == "icarus" else Verilator()
        return self.problem() or tool.problem()

    def command_for(self, job_file: Path) -> list[str]:
        """The argv that runs ``job_file`` (for logs and tests)."""
        assert self.command is not None
        return [*self.command, "-m", "rtlopt.tools.cocotb_runner", str(job_file)]

    def _job_env(self, job: CocotbJob) -> dict[str, str]:
        env = dict(os.environ)
        for key in list(env):
            # pytest's marker makes cocotb's runner sys.exit on failures and rename the results file
            if key == "PYTEST_CURRENT_TEST" or key.startswith("COCOTB_") or key in (
                    "WAVES", "GUI", "SIM_CMD_PREFIX", "SIM_CMD_SUFFIX"):
                env.pop(key)
        # cocotb sets up pytest's assertion rewriting in the simulator (a pytest Config), which loads every
        # installed pytest plugin: langsmith's (the llm extra) alone imports its whole client; with the
        # plugins the simulator's Python started in about 9 of the 16 s of a small simulation at load 18
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
        if job.sim_suffix:
            env["SIM_CMD_SUFFIX"] = " ".join(job.sim_suffix)
        build = Path(job.build_dir)
        if job.simulator == "icarus":
            tool = Icarus().require()
            assert tool.command is not None
            bindir = str(Path(tool.command[0]).parent)
            env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
        elif job.simulator == "verilator":
            tool = Verilator().require()
            assert tool.command is not None
            wrap_dir = build / "_bin"
            wrap_dir.mkdir(parents=True, exist_ok=True)
            wrapper = wrap_dir / "verilator"
            sets = "".join(f"{k}={shlex.quote(v)} " for k, v in tool.extra_env.items())
            wrapper.write_text("#!/bin/sh\n" + (f"export {sets}\n" if sets else "") +
                               f"exec {shlex.join(tool.command)} \"$@\"\n")
            wrapper.chmod(0o755)
            env["PATH"] = str(wrap_dir) + os.pathsep + env.get("PATH", "")
            env.update(tool.extra_env)
        if job.python_path:
            env["PYTHONPATH"] = os.pathsep.join([*job.python_path, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        return env

    def run_job(self, job: CocotbJob, *, timeout: float | None = None) -> CocotbRun:
        """Build and test ``job`` in a child process; kill its whole process group on timeout.

        Raises:
            ToolNotFound: cocotb or the simulator is missing.
            ToolTimeout: the time limit passed (the child and the simulator were killed).
            ToolError: the build failed or the simulation left no results file.
        """
        msg = self.simulator_problem(job.simulator)
        if msg:
            raise ToolNotFound(msg)
        if (self.sandbox if self.sandbox is not None else sandbox.active()) and not sandbox.available():
            # fail closed: untrusted (LLM-written) code is never simulated unconfined
            raise SandboxRefused("simulation of untrusted (LLM-written) code refused: no sandbox is available "
                                 f"({sandbox.status()[1]})")
        build = Path(job.build_dir)
        build.mkdir(parents=True, exist_ok=True)
        job_file = build / "rtlopt_job.json"
        job_file.write_text(json.dumps(asdict(job), indent=1))
        self.job_env = self._job_env(job)
        try:
            res = self._run_raw(self.command_for(job_file), cwd=build, timeout=timeout)
        finally:
            self.job_env = None
        log = res.stdout + res.stderr
        (build / "rtlopt_sim.log").write_text(log)
        if res.returncode == 3:
            raise SimBuildError(f"{job.simulator} could not build the testbench: {first_error(res)}", log=log)
        cases = read_results(build / "results.xml")
        return CocotbRun(job.simulator, build / "results.xml", cases, res.seconds, log)


def _child_main(job_path: str) -> int:
    """Entry point of the child process: run cocotb's runner for one job."""
    from rtlopt.tools.watchdog import guard_group

    guard_group()  # the compiler and simulator processes die with this one
    from cocotb_tools.runner import get_runner

    job = CocotbJob(**json.loads(Path(job_path).read_text()))
    runner = get_runner(job.simulator)
    build_args = [*_SIM_BUILD_ARGS.get(job.simulator, []), *job.build_args]
    try:
        runner.build(sources=job.sources, hdl_toplevel=job.toplevel, build_dir=job.build_dir,
                     includes=job.includes, defines=job.defines, build_args=build_args,
                     timescale=tuple(job.timescale), always=True)
    except (RuntimeError, SystemExit, ValueError) as exc:
        print(f"ERROR: build failed: {exc}", file=sys.stderr)
        return 3
    results = Path(job.build_dir) / "results.xml"
    try:
        runner.test(test_module=job.test_module, hdl_toplevel=job.toplevel, build_dir=job.build_dir,
                    test_dir=job.build_dir, results_xml=str(results), seed=job.seed,
                    extra_env=job.extra_env, timescale=tuple(job.timescale))
    except SystemExit as exc:  # the simulator exited non-zero; the results file says what happened
        print(f"ERROR: simulator exited with {exc.code}", file=sys.stderr)
        return 4
    return 0


if __name__ == "__main__":
    sys.exit(_child_main(sys.argv[1]))
