"""pyslang lifetimes (rtlopt._slanglife): trees and compilations outlive every wrapper into them."""

import subprocess
import sys


def _members_of_local_compilation(i: int):
    from pyslang import ast, syntax

    src = f"module m{i}(input [7:0] a, output [7:0] b); wire [7:0] w{i}; assign w{i} = a; assign b = w{i}; endmodule"
    tree = syntax.SyntaxTree.fromText(src, f"m{i}.v")
    comp = ast.Compilation()
    comp.addSyntaxTree(tree)
    got = []
    comp.getRoot().topInstances[0].body.visit(lambda o: got.append(o) or True)
    return got  # wrappers that do not keep `comp` / `tree` alive by themselves


def test_wrappers_outlive_their_compilation():
    from pyslang import ast

    import rtlopt  # noqa: F401 - installs the keep-alive
    from rtlopt import _slanglife

    before = _slanglife.kept()
    held = [_members_of_local_compilation(i) for i in range(40)]
    assert _slanglife.kept() >= before + 80  # 40 trees + 40 compilations
    for _ in range(200):  # allocate over whatever the dead compilations would have freed
        ast.Compilation()
    for i, got in enumerate(held):
        names = {getattr(o, "name", "") for o in got}
        assert f"w{i}" in names


def test_installed_when_pyslang_is_imported_after_rtlopt():
    code = ("import rtlopt, sys; assert 'pyslang' not in sys.modules\n"
            "from pyslang import ast, syntax\n"
            "from rtlopt import _slanglife as L\n"
            "c = ast.Compilation(); t = syntax.SyntaxTree.fromText('module m; endmodule', 'm.v')\n"
            "assert L.kept() == 2 and isinstance(c, ast.Compilation.__mro__[1]), L.kept()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "leaked" not in r.stderr  # nanobind's shutdown leak report: the keep list is cleared at exit
