"""The environment of a cocotb child (rtlopt.tools.cocotb_runner.CocotbRunner._job_env)."""

from __future__ import annotations

import pytest

from rtlopt.tools.cocotb_runner import CocotbJob, CocotbRunner


@pytest.mark.iverilog
def test_simulator_python_loads_no_pytest_plugins_and_no_outer_pytest_state(tmp_path, monkeypatch):
    # cocotb builds a pytest Config in the simulator for assertion rewriting: without this every
    # installed pytest plugin (langsmith's client, trio, ...) is imported in every simulation
    monkeypatch.setenv("COCOTB_RANDOM_SEED", "7")
    job = CocotbJob(simulator="icarus", sources=[], toplevel="t", test_module="m", build_dir=str(tmp_path))
    env = CocotbRunner()._job_env(job)
    assert env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] == "1"
    assert "PYTEST_CURRENT_TEST" not in env and "COCOTB_RANDOM_SEED" not in env
