"""``rtlopt rules list|show|search``: browse the rule library (built-in plus user rule packs)."""

from __future__ import annotations

import argparse
import json
import shutil
import textwrap

from rtlopt.errors import ExitCode, InputError
from rtlopt.rules import CATEGORIES, DEFAULT_MIN_SCORE, OBJECTIVES, Rule, load_rules


def register(sub) -> None:
    p = sub.add_parser("rules", help="list, show and search the optimization rules",
                       description="Browse the rule library: the built-in rules plus user packs from "
                                   "$RTLOPT_RULE_PATH, [tool.rtlopt] rule_paths and 'rtlopt.rules' entry points.")
    rsub = p.add_subparsers(dest="rules_command", metavar="ACTION", parser_class=type(p))

    pl = rsub.add_parser("list", help="table of rules: name, category, objectives, template, title")
    _filters(pl)
    pl.add_argument("--json", action="store_true", help="machine-readable output")
    pl.set_defaults(func=run_list)

    ps = rsub.add_parser("show", help="everything about one rule, including its examples")
    ps.add_argument("name", help="rule name (see 'rtlopt rules list')")
    ps.add_argument("--json", action="store_true", help="machine-readable output")
    ps.set_defaults(func=run_show)

    pq = rsub.add_parser("search", help="search the rules (the LLM path's RAG store, or lexical BM25), with scores")
    pq.add_argument("query", help="free text, e.g. 'multiply by constant'")
    _filters(pq)
    pq.add_argument("--min-score", type=float, default=None, metavar="S",
                    help=f"drop rules scoring below S in [0, 1] (default: the backend's cutoff; bm25 "
                         f"{DEFAULT_MIN_SCORE})")
    pq.add_argument("--backend", choices=("auto", "bm25", "local", "minilm"), default="auto",
                    help="bm25: lexical; local: RAG store with the hashed TF-IDF embedding; minilm: RAG store "
                         "with MiniLM; auto (default): the configured 'embedding' when the llm extra is "
                         "installed, else bm25")
    pq.add_argument("--json", action="store_true", help="machine-readable output")
    pq.set_defaults(func=run_search)

    p.set_defaults(func=lambda args: _usage(p))


def _usage(p: argparse.ArgumentParser) -> int:
    p.print_help()
    return int(ExitCode.USAGE)


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--category", choices=CATEGORIES, help="only rules of this category")
    p.add_argument("--objective", choices=OBJECTIVES, help="only rules that improve this objective")


def _row(rule: Rule) -> dict:
    return {"name": rule.name, "category": rule.category, "objectives": list(rule.objectives),
            "template": rule.template, "title": rule.title, "pack": rule.pack}


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip()]
    for r in rows:
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return "\n".join(lines)


def _cells(rule: Rule) -> list[str]:
    return [rule.name, rule.category, ",".join(rule.objectives), rule.template or "-", rule.title]


def run_list(args) -> int:
    lib = load_rules()
    rules = lib.filter(category=args.category, objective=args.objective)
    if args.json:
        print(json.dumps({"content_hash": lib.content_hash(), "rules": [_row(r) for r in rules]}, indent=2))
        return int(ExitCode.OK)
    if not rules:
        print("no rules match")
        return int(ExitCode.OK)
    print(_table([_cells(r) for r in rules], ["NAME", "CATEGORY", "OBJECTIVES", "TEMPLATE", "TITLE"]))
    print(f"\n{len(rules)} of {len(lib)} rules")
    return int(ExitCode.OK)


def run_show(args) -> int:
    rule = load_rules().get(args.name)
    if args.json:
        print(json.dumps(rule.to_dict(), indent=2))
        return int(ExitCode.OK)
    width = min(100, shutil.get_terminal_size((100, 20)).columns)

    def para(text: str, indent: str = "  ") -> str:
        out = []
        for block in text.strip().split("\n\n"):
            out.append(textwrap.fill(" ".join(block.split()), width=width, initial_indent=indent,
                                     subsequent_indent=indent, break_on_hyphens=False))
        return "\n\n".join(out)

    print(f"{rule.name}: {rule.title}")
    print(f"  category:   {rule.category}")
    print(f"  objectives: {', '.join(rule.objectives)}")
    print(f"  template:   {rule.template or '- (guidance only: FSM engine / LLM stage)'}")
    print(f"  tags:       {', '.join(rule.tags)}")
    print(f"  source:     {rule.source} ({rule.pack})")
    print("\nDetects:")
    print(para(rule.detects))
    print("\nRewrite:")
    print(para(rule.rewrite))
    print("\nPreconditions:")
    for pre in rule.preconditions:
        print(textwrap.fill(" ".join(pre.split()), width=width, initial_indent="  - ", subsequent_indent="    ",
                            break_on_hyphens=False))
    if rule.references:
        print("\nReferences:")
        for ref in rule.references:
            print(f"  - {ref}")
    for i, ex in enumerate(rule.examples, 1):
        kind = "sequential" if ex.sequential else "combinational"
        print(f"\nExample {i} (top {ex.top}, {kind}){': ' + ex.note if ex.note else ''}")
        print("  before:")
        print(textwrap.indent(ex.before.rstrip(), "    "))
        print("  after:")
        print(textwrap.indent(ex.after.rstrip(), "    "))
    return int(ExitCode.OK)


def run_search(args) -> int:
    if args.min_score is not None and not 0.0 <= args.min_score <= 1.0:
        raise InputError(f"--min-score must be between 0 and 1, not {args.min_score}")
    lib = load_rules()
    from rtlopt import rag
    from rtlopt.config import load_settings

    backend = args.backend
    if backend == "auto":
        backend = load_settings().embedding if rag.available() else "bm25"
    if backend == "bm25":
        args.min_score = DEFAULT_MIN_SCORE if args.min_score is None else args.min_score
        hits = lib.search(args.query, category=args.category, objective=args.objective, min_score=args.min_score)
    else:
        if args.min_score is None:
            args.min_score = rag.DEFAULT_MIN_SCORE[backend]
        hits = rag.search(args.query, category=args.category, objective=args.objective,
                          min_score=args.min_score, embedding=backend, library=lib)
    if args.json:
        print(json.dumps({"query": args.query, "min_score": args.min_score, "backend": backend,
                          "results": [{**_row(r), "score": round(s, 4)} for r, s in hits]}, indent=2))
        return int(ExitCode.OK)
    if not hits:
        print(f"no rule scores at least {args.min_score} for {args.query!r}")
        return int(ExitCode.OK)
    rows = [[f"{s:.3f}", *_cells(r)] for r, s in hits]
    print(_table(rows, ["SCORE", "NAME", "CATEGORY", "OBJECTIVES", "TEMPLATE", "TITLE"]))
    return int(ExitCode.OK)
