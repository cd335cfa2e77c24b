"""The rule library: the shared vocabulary of RTL optimizations.

Rules are YAML files (``rules/<category>/<name>.yaml``) describing what a rewrite detects, what it
changes, when it is safe, which deterministic template implements it (if any), and worked
before/after Verilog examples that the test suite proves equivalent. Templates implement rules;
the FSM engine and the LLM stage are guided by them; retrieval searches them.

>>> from rtlopt.rules import load_rules
>>> lib = load_rules()
>>> lib.get("const_mult_to_shift_add").objectives
('area', 'power')
"""

from rtlopt.rules._library import (
    ENTRY_POINT_GROUP,
    ENV_VAR,
    RuleLibrary,
    RulePack,
    builtin_rules_dir,
    default_packs,
    known_template_ids,
    load_rules,
)
from rtlopt.rules._schema import CATEGORIES, OBJECTIVES, Example, Rule, parse_rule, read_rule_file
from rtlopt.rules._search import DEFAULT_MIN_SCORE, tokenize

__all__ = [
    "CATEGORIES",
    "DEFAULT_MIN_SCORE",
    "ENTRY_POINT_GROUP",
    "ENV_VAR",
    "OBJECTIVES",
    "Example",
    "Rule",
    "RuleLibrary",
    "RulePack",
    "builtin_rules_dir",
    "default_packs",
    "known_template_ids",
    "load_rules",
    "parse_rule",
    "read_rule_file",
    "tokenize",
]
