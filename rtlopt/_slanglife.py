"""pyslang object lifetimes: every SyntaxTree and Compilation lives as long as the process.

pyslang's nanobind wrappers of syntax nodes and symbols handed out by iteration (``for m in body``),
``visit`` callbacks and most properties do not keep their SyntaxTree / Compilation alive. Code that
keeps such a wrapper (a cached analysis, a list returned from a function whose local Compilation
then dies) holds a pointer into freed memory. nanobind still maps that address to the stale wrapper;
when the allocator hands the same address to a new Python-owned pyslang object (a Compilation, an
EvalContext, ...) nanobind aborts the whole process with ``Critical nanobind error:
nanobind::detail::inst_new_int(): unexpected collision!`` (SIGABRT, no Python traceback: heldout3
fsm/enum_dup_states in the bench), or a stale wrapper reads garbage.

Rather than audit every call site (32 modules import pyslang, more will), :func:`install` makes the
failure impossible: each Compilation created and each SyntaxTree parsed is also referenced from a
process-wide list, so the memory any wrapper points into is never freed or reused. The cost is the
memory of the process's trees and compilations (about 2.5 MB per elaborated picorv32; rtlopt's
analyses run in short-lived worker processes). It is installed when pyslang is first imported
anywhere in the process (an import hook set up by ``rtlopt/__init__.py``), so importing rtlopt does
not import pyslang.
"""

from __future__ import annotations

import atexit
import importlib.machinery
import sys

_KEEP: list = []  # every Compilation and SyntaxTree of this process (never cleared; see module doc)
_INSTALLED = False

_TREE_FACTORIES = ("fromText", "fromFile", "fromFiles", "fromBuffer", "fromBuffers", "fromFileInMemory",
                   "fromLibraryMapText", "fromLibraryMapFile", "fromLibraryMapBuffer")


def kept() -> int:
    """How many trees and compilations are held (tests)."""
    return len(_KEEP)


def install() -> None:
    """Patch pyslang (idempotent): Compilation and SyntaxTree's factories keep their objects."""
    global _INSTALLED
    if _INSTALLED:
        return
    from pyslang import ast, syntax

    _INSTALLED = True
    atexit.register(_KEEP.clear)  # freed before nanobind's leak check at interpreter shutdown
    base = ast.Compilation

    # nanobind's type call runs the bound constructor directly (an assigned __init__ is not seen): the
    # public name becomes a subclass whose constructor also keeps the object
    class Compilation(base):
        __doc__ = base.__doc__

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _KEEP.append(self)

    Compilation.__module__ = base.__module__
    Compilation.__qualname__ = base.__qualname__
    ast.Compilation = Compilation
    import pyslang

    if getattr(pyslang, "Compilation", None) is base:
        pyslang.Compilation = Compilation

    def wrap(fn):
        def factory(*args, **kwargs):
            tree = fn(*args, **kwargs)
            if tree is not None:
                _KEEP.append(tree)
            return tree

        factory.__doc__ = getattr(fn, "__doc__", None)
        return staticmethod(factory)

    for name in _TREE_FACTORIES:
        fn = getattr(syntax.SyntaxTree, name, None)
        if fn is not None:
            setattr(syntax.SyntaxTree, name, wrap(fn))


class _Hook:
    """Runs :func:`install` right after the ``pyslang`` package is first imported. (A meta path finder
    needs only ``find_spec``; not subclassing ``importlib.abc.MetaPathFinder`` keeps ``import rtlopt``
    from importing importlib.abc and importlib.resources: every Yosys child imports rtlopt.)"""

    def invalidate_caches(self) -> None:
        return None

    def find_spec(self, fullname, path=None, target=None):
        if fullname != "pyslang":
            return None
        spec = importlib.machinery.PathFinder.find_spec(fullname, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        exec_module = loader.exec_module

        def exec_and_install(module):
            exec_module(module)
            try:
                install()
            finally:
                if self in sys.meta_path:
                    sys.meta_path.remove(self)

        loader.exec_module = exec_and_install
        return spec


def install_on_import() -> None:
    """Install now when pyslang is already imported, else as soon as it is."""
    if "pyslang" in sys.modules:
        install()
    elif not any(isinstance(f, _Hook) for f in sys.meta_path):
        sys.meta_path.insert(0, _Hook())
