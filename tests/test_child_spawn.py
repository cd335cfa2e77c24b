"""Yosys children are spawned without a preexec fork and set up their own death signal and niceness.

:func:`rtlopt.tools.base.popen_child` starts ``python -m rtlopt.tools._pyosys_main`` with
``start_new_session`` and ``RTLOPT_CHILD_SETUP`` (no ``preexec_fn``: vfork instead of a fork of the whole
optimizer process); the child applies the settings itself (:func:`rtlopt.tools.watchdog.self_setup`).
Every other child keeps the ``preexec_fn``.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rtlopt.tools import base
from rtlopt.tools.base import BACKGROUND_NICE, background_children, popen_child

_PROBE = ("import ctypes, os\n"
          "from rtlopt.tools.watchdog import self_setup\n"
          "self_setup()\n"
          "sig = ctypes.c_int(0)\n"
          "ctypes.CDLL(None).prctl(2, ctypes.byref(sig), 0, 0, 0)\n"  # PR_GET_PDEATHSIG
          "print(os.nice(0), sig.value, os.environ.get('RTLOPT_CHILD_SETUP'))\n")


def _probe(spec: str | None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env.pop("RTLOPT_CHILD_SETUP", None)
    if spec is not None:
        env["RTLOPT_CHILD_SETUP"] = spec
    return subprocess.run([sys.executable, "-c", _PROBE], env=env, capture_output=True, text=True, timeout=120)


def test_self_setup_sets_death_signal_and_niceness():
    base_nice = os.nice(0)
    out = _probe(f"{os.getpid()}:9:5")
    assert out.returncode == 0, out.stderr
    nice, sig, left = out.stdout.split()
    assert int(nice) == min(19, base_nice + 5)
    assert int(sig) == 9
    assert left == "None"  # not passed on to the child's own children


def test_self_setup_without_variable_changes_nothing():
    out = _probe(None)
    assert out.returncode == 0, out.stderr
    nice, sig, _ = out.stdout.split()
    assert (int(nice), int(sig)) == (os.nice(0), 0)


def test_self_setup_exits_when_the_parent_is_not_the_one_named():
    # near miss: the named parent is gone (a pid that is not this child's parent): the child must end
    out = _probe("1:9:0" if os.getpid() != 1 else "2:9:0")
    assert out.returncode == 137
    assert out.stdout == ""


class _Recorder:
    def __init__(self):
        self.calls: list[tuple[list[str], dict]] = []
        self.real = subprocess.Popen

    def __call__(self, argv, **kwargs):
        self.calls.append((list(argv), dict(kwargs)))
        return self.real(argv, **kwargs)


@pytest.mark.yosys
def test_yosys_child_is_spawned_without_preexec_and_niced_in_background(tmp_path, monkeypatch):
    from rtlopt.tools import Yosys

    y = Yosys()
    if y.command is None or y.command[-1] != "rtlopt.tools._pyosys_main":
        pytest.skip("a system yosys binary is configured")
    monkeypatch.setenv("RTLOPT_FORKSERVER", "0")  # a normal child (run_script prefers the fork server)
    rec = _Recorder()
    monkeypatch.setattr(base.subprocess, "Popen", rec)
    probe = tmp_path / "stat.txt"
    # Yosys runs the shell command as its own child: $PPID is the Yosys process (niceness: field 19)
    script = f"!awk '{{print $19, $1 == $5}}' /proc/$PPID/stat > {probe}\n"
    with background_children():
        res = y.run_script(script, cwd=tmp_path)
    assert res.returncode == 0
    nice, leader = probe.read_text().split()
    assert int(nice) == min(19, os.nice(0) + BACKGROUND_NICE)
    assert leader == "1"  # its own process group (session leader), as with the preexec setup
    argv, kwargs = rec.calls[-1]
    assert "rtlopt.tools._pyosys_main" in argv
    assert kwargs.get("preexec_fn") is None and kwargs.get("start_new_session") is True
    assert kwargs["env"]["RTLOPT_CHILD_SETUP"].startswith(f"{os.getpid()}:")
    # foreground: no niceness added
    y.run_script(script, cwd=tmp_path)
    assert int(probe.read_text().split()[0]) == os.nice(0)


def test_other_children_keep_the_preexec_setup(monkeypatch):
    # near miss: a Python child that does not set itself up (not in SELF_SETUP_MODULES)
    rec = _Recorder()
    monkeypatch.setattr(base.subprocess, "Popen", rec)
    with background_children():
        proc = popen_child([sys.executable, "-c", "import os; print(os.nice(0))"], stdout=subprocess.PIPE,
                           text=True)
        out, _ = proc.communicate(timeout=120)
        base.forget_child(proc)
    assert int(out) == min(19, os.nice(0) + BACKGROUND_NICE)
    _, kwargs = rec.calls[-1]
    assert kwargs.get("preexec_fn") is not None
    assert "RTLOPT_CHILD_SETUP" not in (kwargs.get("env") or {})

