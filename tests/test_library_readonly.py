"""``rtlopt optimize --in-place`` with -y/-v libraries writes only the user's named files: library
modules are read (elaborated, proven, measured) but never edited."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rtlopt.cli import main
from rtlopt.hdl import project as prj

DESIGNS = Path(__file__).resolve().parent.parent / "designs"

pytestmark = [pytest.mark.yosys, pytest.mark.sta]

TOP = """module top (input clk, input rst, input [11:0] x, output [19:0] acc, output [19:0] acc2);
  mac_const u (.clk(clk), .rst(rst), .x(x), .acc(acc));
  mac_local v (.clk(clk), .rst(rst), .x(x), .acc(acc2));
endmodule
"""


@pytest.fixture(autouse=True)
def _no_active_project():
    old = prj.set_active(None)
    yield
    prj.set_active(old)


def lib_text(p: Path) -> str:
    return p.read_text()


@pytest.mark.slow
def test_library_files_are_never_edited_or_written(tmp_path: Path):
    lib = tmp_path / "lib"
    lib.mkdir()
    leaf = lib / "mac_const.v"
    shutil.copy(DESIGNS / "mac_const.v", leaf)  # improvable on its own (constant taps -> shifts/adds)
    top = tmp_path / "top.v"
    # the same logic once more in the user's own file, under another name
    mine = TOP + lib_text(leaf).replace("module mac_const", "module mac_local")
    top.write_text(mine)
    lib_before = leaf.read_text()
    assert main(["optimize", str(top), "-y", str(lib), "--in-place", "-q", "--budget", "150",
                 "--max-steps", "1"]) == 0
    assert leaf.read_text() == lib_before  # the library file is byte for byte what it was
    assert top.read_text() != mine  # the same logic in the user's own file was optimized and written
    assert prj.library_files([top, leaf], prj.Project(files=(top,), lib_dirs=(lib,))) == {leaf.resolve()}
    assert prj.library_files([top, leaf], prj.Project(files=(top, leaf), lib_dirs=(lib,))) == set()  # named


def test_a_library_change_refuses_the_whole_write(tmp_path: Path):
    from rtlopt.commands.optimize import _refuse_library_writes
    from rtlopt.errors import WriteFailed

    leaf = tmp_path / "lib" / "leaf.v"
    leaf.parent.mkdir()
    leaf.write_text("module leaf; endmodule\n")
    prj.set_active(prj.Project(files=(tmp_path / "top.v",), lib_files=(leaf,)))
    with pytest.raises(WriteFailed, match="library file"):
        _refuse_library_writes([tmp_path / "top.v", leaf])
    _refuse_library_writes([tmp_path / "top.v"])  # the user's own file: fine
