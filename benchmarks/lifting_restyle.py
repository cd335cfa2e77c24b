"""Restyle check for the lifting family: rename every identifier and reverse the order of the
continuous assignments of each module; lifting must find the same functions on the variant.

    python3 benchmarks/lifting_restyle.py
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from rtlopt.semantic import find_lifts

KW = frozenset(re.findall(r"\w+", """module endmodule input output inout wire reg integer genvar generate endgenerate for if else begin
end assign always case casez endcase default function endfunction automatic logic signed posedge negedge
or and"""))
ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "lifting"


def restyle(src: str) -> str:
    body = re.sub(r"(?<![\w$'`])[A-Za-z_]\w*", lambda m: m[0] if m[0] in KW else "zz_" + m[0][::-1], src)
    lines = body.split("\n")
    idx = [i for i, ln in enumerate(lines) if ln.startswith("  assign ") and ln.strip().endswith(";")]
    mod_of, cur = {}, 0
    for i, ln in enumerate(lines):
        cur += ln.startswith("module")
        mod_of[i] = cur
    for m in {mod_of[i] for i in idx}:
        grp = [i for i in idx if mod_of[i] == m]
        for i, v in zip(grp, [lines[i] for i in grp][::-1], strict=True):
            lines[i] = v
    return "\n".join(lines)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="rtlopt-restyle-"))
    same = 0
    cases = sorted(d for d in ROOT.iterdir() if (d / "original.v").exists())
    for d in cases:
        src = (d / "original.v").read_text()
        p = tmp / d.name / "v.v"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(restyle(src))
        a = sorted(lf.kind for _, lf in find_lifts({d / "original.v": src}))
        b = sorted(lf.kind for _, lf in find_lifts({p: p.read_text()}))
        same += a == b and bool(a)
        print(f"{d.name:18} original={a} restyled={b} {'SAME' if a == b else 'DIFF'}")
    print(f"\nsame lifts on the restyled variant: {same}/{len(cases)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
