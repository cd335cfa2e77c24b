"""Prompt rendering from the template files in ``rtlopt/llm/prompts/``.

Templates use ``string.Template`` placeholders (``$name``), so Verilog braces need no escaping; the
values substituted in (code, counterexamples) are never re-expanded. Golden tests pin the rendered
prompts (``tests/test_llm_prompts.py``; re-bless with ``RTLOPT_BLESS=1``).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from rtlopt.rules import Rule

PROMPT_DIR = Path(__file__).resolve().parent / "prompts"

GOAL_TEXT = {
    "area": "smaller area (fewer and smaller cells after synthesis)",
    "delay": "a shorter critical path (lower delay after synthesis)",
    "power": "lower power (less switching and fewer cells)",
    "balanced": "a balanced improvement of area, delay and power",
}
PATHS = {
    "dataflow": ("data-flow rewrite",
                 "Arithmetic, datapath, multiplexers and bit widths: share operators behind multiplexers, "
                 "reduce constant multiplications to shifts and adds, balance adder chains, compute repeated "
                 "subexpressions once, remove logic that drives nothing, narrow oversized signals. Keep "
                 "every register and the state encoding as they are."),
    "control": ("control-flow rewrite",
                "State machines and control logic: merge equivalent states, remove unreachable states and "
                "branches that can never be taken, simplify next-state and output logic, use a case "
                "statement for exclusive conditions. Keep the reset state, the reset values and the cycle "
                "in which every output changes exactly as they are."),
}


@cache
def template(name: str) -> string.Template:
    """The prompt template ``prompts/<name>.md``."""
    return string.Template((PROMPT_DIR / f"{name}.md").read_text(encoding="utf-8"))


def render(template_name: str, /, **values: object) -> str:
    """Render ``prompts/<template_name>.md``; every placeholder must be given (KeyError otherwise)."""
    return template(template_name).substitute({k: str(v) for k, v in values.items()}).strip() + "\n"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def rule_block(rule: Rule, score: float, *, example: bool = True) -> str:
    """One retrieved rule: what it detects, the rewrite, preconditions, template and first example."""
    tl = ""
    if rule.template:
        tl = (f"- A deterministic template ({rule.template}) already applies the simple cases of this rule; "
              "use the rule for the cases it cannot match.\n")
    ex = ""
    if example and rule.examples:
        e = rule.examples[0]
        ex = (f"Example (proven equivalent{': ' + _one_line(e.note) if e.note else ''}):\n"
              f"Before:\n```verilog\n{e.before.strip()}\n```\nAfter:\n```verilog\n{e.after.strip()}\n```\n")
    return render("rule", name=rule.name, score=f"{score:.2f}", category=rule.category,
                  objectives=", ".join(rule.objectives), title=rule.title, detects=_one_line(rule.detects),
                  rewrite=_one_line(rule.rewrite), preconditions="; ".join(_one_line(p) for p in rule.preconditions),
                  template_line=tl, example=ex)


@dataclass
class Target:
    """What one prompt is about: a file, and the module(s) of it shown to the model."""

    file: str
    code: str
    modules: tuple[str, ...]
    whole_file: bool
    constraints: list[str] = field(default_factory=list)

    @property
    def scope(self) -> str:
        what = ", ".join(self.modules)
        return f"file {Path(self.file).name}, module{'s' if len(self.modules) > 1 else ''} {what}" + (
            "" if self.whole_file else "; the other modules of the file are not shown and must not change")

    @property
    def label(self) -> str:
        return f"{Path(self.file).name}:{','.join(self.modules)}"

    @property
    def return_what(self) -> str:
        return "module" if len(self.modules) == 1 else "modules"


def rewrite_prompt(target: Target, *, goal: str, path: str, rules: list[tuple[Rule, float]],
                   findings: list[str]) -> str:
    """The user message asking for a rewrite."""
    title, focus = PATHS[path]
    blocks = "\n".join(rule_block(r, s, example=i < 4) for i, (r, s) in enumerate(rules)) if rules else \
        "(no rule scored above the retrieval cutoff; use general RTL optimization knowledge)\n"
    return render("rewrite", goal_text=GOAL_TEXT.get(goal, goal), scope=target.scope, code=target.code.strip(),
                  findings="\n".join(f"- {f}" for f in findings) or "- nothing specific",
                  path_title=title, path_focus=focus, rules=blocks.strip(),
                  constraints="\n".join(f"- {c}" for c in target.constraints), return_what=target.return_what)


def system_prompt() -> str:
    return render("system")


def feedback(kind: str, **values: object) -> str:
    """A feedback message (``prompts/feedback_<kind>.md``)."""
    return render(f"feedback_{kind}", **values)


def parse_error_context(text: str, line: int | None, radius: int = 2) -> str:
    """The lines around ``line`` of ``text``, numbered, the offending one marked."""
    if not line:
        return ""
    lines = text.splitlines()
    lo, hi = max(1, line - radius), min(len(lines), line + radius)
    out = ["Around the error:", "```"]
    for i in range(lo, hi + 1):
        out.append(f"{'>' if i == line else ' '}{i:4d}| {lines[i - 1]}")
    out.append("```")
    return "\n".join(out)


_RULES_LINE = re.compile(r"^\s*\**RULES\**\s*:\s*(.+)$", re.M | re.I)


def rules_claimed(response: str, known: set[str]) -> tuple[str, ...]:
    """Rule names the model says it applied (only names the library knows)."""
    out: list[str] = []
    for m in _RULES_LINE.finditer(response):
        for part in re.split(r"[,\s]+", m.group(1)):
            p = part.strip("`*. ")
            if p in known and p not in out:
                out.append(p)
    return tuple(out)
