"""Graphviz ``dot`` (optional: only ``rtlopt fsm --svg`` uses it; Debian package ``graphviz``)."""

from __future__ import annotations

from dataclasses import dataclass

from rtlopt.tools.base import Tool


@dataclass
class Graphviz(Tool):
    """Graphviz ``dot``, which renders DOT text to SVG."""

    name: str = "dot"
    env_var: str = "RTLOPT_DOT"
    executable: str = "dot"
    min_version: tuple[int, ...] = ()
    install_hint: str = "apt-get install graphviz (or set RTLOPT_DOT), or write DOT with --dot FILE instead"
    version_args: tuple[str, ...] = ("-V",)

    def svg(self, dot_text: str, *, timeout: float = 60.0) -> str:
        """Render ``dot_text`` to SVG text (raises ToolNotFound / ToolError)."""
        return self.run(["-Tsvg"], input_text=dot_text, timeout=timeout).stdout
