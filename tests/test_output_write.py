"""The user's file (issue 12, item 7 and the write failures of item 10): no lost update, one line and
exit 7 when a write fails, mode kept, hard links reported.

CI runs as root, where ``chmod`` does not stop a write: read-only file systems and full disks are
simulated by making ``os.replace`` / ``os.fsync`` raise the errno the kernel would return.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from rtlopt.commands import _output
from rtlopt.errors import ExitCode, WriteFailed

OLD = "module m(input a, output y);\n  assign y = a;\nendmodule\n"
NEW = "module m(input a, output y);\n  assign y = a & 1'b1;\nendmodule\n"


def _leftovers(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir() if p.name.endswith(".tmp"))


def test_lost_update_between_read_and_write_is_refused(tmp_path, monkeypatch) -> None:
    f = tmp_path / "m.v"
    f.write_text(OLD)
    snap = _output.snapshot([f])
    keep = _output.expected_hashes(snap, {f: OLD})
    user_edit = OLD.replace("assign y = a;", "assign y = a; // the user's edit")
    monkeypatch.setattr(_output, "_before_replace", lambda _p: f.write_text(user_edit))
    with pytest.raises(WriteFailed, match="changed on disk while rtlopt was running") as ei:
        _output.write_atomic(f, NEW, expect_sha256=keep[f.resolve()])
    assert ei.value.exit_code == ExitCode.WRITE_FAILED == 7 and "\n" not in str(ei.value)
    assert f.read_text() == user_edit and _leftovers(tmp_path) == []


def test_change_before_the_write_starts_is_refused_for_every_file_first(tmp_path) -> None:
    f, g = tmp_path / "a.v", tmp_path / "b.v"
    f.write_text(OLD)
    g.write_text(OLD)
    snap = _output.snapshot([f, g])
    g.write_text(OLD + "// edited\n")
    with pytest.raises(WriteFailed, match="b.v: the file changed"):
        _output.expected_hashes(snap, {f: OLD, g: OLD})
    # the optimizer read a different text than the snapshot (the file changed and changed back)
    with pytest.raises(WriteFailed):
        _output.expected_hashes(_output.snapshot([f]), {f: OLD.replace("a;", "b;")})
    assert _output.expected_hashes(snap, {f: OLD}) == {f.resolve(): snap[f.resolve()]}


@pytest.mark.parametrize("where, code, name", [
    ("replace", errno.EROFS, "EROFS"), ("fsync", errno.ENOSPC, "ENOSPC"), ("replace", errno.EACCES, "EACCES"),
])
def test_write_failures_are_one_line_exit_7_and_leave_the_file(tmp_path, monkeypatch, where, code, name) -> None:
    f = tmp_path / "m.v"
    f.write_text(OLD)

    def fail(*_a, **_k):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(_output.os, where, fail)
    with pytest.raises(WriteFailed) as ei:
        _output.write_atomic(f, NEW)
    msg = str(ei.value)
    assert ei.value.exit_code == 7 and "\n" not in msg and name in msg and "unchanged" in msg
    assert msg.startswith(str(f))
    assert f.read_text() == OLD and _leftovers(tmp_path) == []


def test_mode_is_kept_and_a_symlink_is_followed(tmp_path) -> None:
    f = tmp_path / "m.v"
    f.write_text(OLD)
    f.chmod(0o640)
    assert _output.write_atomic(f, NEW) == []
    assert f.read_text() == NEW and (f.stat().st_mode & 0o7777) == 0o640
    link = tmp_path / "link.v"
    link.symlink_to(f)
    _output.write_atomic(link, OLD)
    assert link.is_symlink() and f.read_text() == OLD


def test_hard_link_is_reported(tmp_path) -> None:
    f = tmp_path / "m.v"
    f.write_text(OLD)
    other = tmp_path / "other.v"
    os.link(f, other)
    warnings = _output.write_atomic(f, NEW)
    assert f.read_text() == NEW and other.read_text() == OLD
    assert len(warnings) == 1 and "2 hard links" in warnings[0] and "keep the old text" in warnings[0]


@pytest.mark.yosys
@pytest.mark.sta
def test_optimize_in_place_keeps_the_users_edit_made_while_it_ran(tmp_path, monkeypatch, capsys) -> None:
    from rtlopt.cli import main

    f = tmp_path / "sha.v"
    orig = ("module sha(input s, input [7:0] a, input [7:0] b, input [7:0] c, input [7:0] d, output [8:0] y);\n"
            "  assign y = s ? a + b : c + d;\nendmodule\n")
    f.write_text(orig)
    f.chmod(0o600)
    edited = orig + "// added by the user while rtlopt ran\n"
    monkeypatch.setattr(_output, "_before_replace", lambda _p: f.write_text(edited))
    code = main(["optimize", str(f), "--in-place", "--budget", "120", "-q", "--liberty", "nangate45"])
    cap = capsys.readouterr()
    if code == 0 and f.read_text() == orig:
        pytest.skip("nothing to improve on this machine's tools")
    assert code == 7, cap.err
    assert f.read_text() == edited and (f.stat().st_mode & 0o777) == 0o600
    assert "changed on disk while rtlopt was running" in cap.err and len(cap.err.strip().splitlines()) == 1
    assert "optimized:" in cap.out  # the report still comes out
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
