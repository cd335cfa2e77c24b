"""exclusive_operator_sharing names at most four of a group's operations: a longer group says so with
', ...' (spimemio.v:471 read "shared by 5 exclusive operations (<four>)", as if one were missing)."""

from __future__ import annotations

from rtlopt.templates import REGISTRY, analyze

T = REGISTRY["exclusive_operator_sharing"]


def _design(n: int, sv: bool = False) -> str:
    items = "\n".join(f"      3'd{i}: y = a + c{i};" for i in range(n))
    ports = ", ".join(f"c{i}" for i in range(n))
    kw = "always_comb" if sv else "always @*"
    return (f"module grp(input [2:0] s, input [7:0] a, {ports}, output reg [7:0] y);\n"
            f"  {kw} begin\n    case (s)\n{items}\n      default: y = 8'd0;\n    endcase\n  end\nendmodule\n")


def _largest(text: str, name: str):
    ms = T.match(analyze(text, name))
    return max(ms, key=lambda m: m.data.get("nops", 0))


def test_five_operations_listed_as_four_and_more():
    m = _largest(_design(5), "g.v")
    assert "shared by 5 exclusive operations" in m.description
    assert m.description.rstrip().endswith("a + c3, ...)") or "a + c3, ...)" in m.description


def test_three_operations_listed_in_full_sv():
    m = _largest(_design(3, sv=True), "g.sv")
    assert "shared by 3 exclusive operations (a + c0, a + c1, a + c2)" in m.description
    assert "..." not in m.description
