"""datapath_egraph case form: a rewritten chain of muxes whose selects test one selector word against
constants is also offered as a parallel ``case`` (in place for a procedural root, else a ``reg`` set by an
``always @(*)`` case), beside the ``?:`` chain; the search measures both. Checked: which chains qualify
(one selector, constants, an arm that reads the default's value folds into the default, a constant an
earlier arm took stays with it), that the case form is proven by ABC and smaller than the original where
the ``?:`` chain is not (own designs under ``designs/generalization/``), and near misses (two selectors, a
select that is no constant test) that get no case form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rtlopt.egraph import optimize_text
from rtlopt.egraph.core import EGraph
from rtlopt.egraph.emit import Emitter

ROOT = Path(__file__).resolve().parent.parent
GEN = ROOT / "designs" / "generalization"
LIB = ROOT.parent / "shared" / "lib" / "sky130hd_tt.lib.gz"


def _forms(text: str, name: str = "d.v") -> dict[str, str]:
    return {i["form"]: new for _m, new, i in optimize_text(text, name)}


class _MG:  # the parts of a ModuleGraph the chain analysis reads
    def __init__(self, eg):
        self.eg, self.roots, self.names, self.leaves = eg, [], set(), {}


def _chain(build):
    eg = EGraph()
    root = build(eg)
    choice = {c: eg.canon(next(iter(eg.nodes[c]))) for c in eg.nodes}
    return eg, Emitter(_MG(eg), choice, case_form=True).case_chain(root)


def _eq(eg, s, k, w=2):
    return eg.add(("eq", 1, None, s, eg.k(w, k)))


def test_chain_over_one_selector():
    """s==0 ? a : (s==1 | s==2) ? b : (s==1 ? c : d): 1 stays with b (first arm), c is never selected."""
    def build(eg):
        s = eg.add(("var", 2, "s"))
        a, b, c, d = (eg.add(("var", 8, n)) for n in "abcd")
        inner = eg.add(("mux", 8, None, _eq(eg, s, 1), c, d))
        mid = eg.add(("mux", 8, None, eg.add(("or", 1, None, _eq(eg, s, 1), _eq(eg, s, 2))), b, inner))
        return eg.add(("mux", 8, None, _eq(eg, s, 0), a, mid))
    eg, got = _chain(build)
    assert got is not None
    sel, arms, dflt = got
    assert [ks for ks, _a in arms] == [[0], [1, 2]]  # the third test's only constant was taken
    assert eg.nodes[dflt] and next(iter(eg.nodes[dflt]))[2] == "d"


def test_arm_equal_to_default_folds_into_it():
    def build(eg):
        s = eg.add(("var", 2, "s"))
        a, b, d = (eg.add(("var", 8, n)) for n in "abd")
        m2 = eg.add(("mux", 8, None, _eq(eg, s, 2), d, eg.add(("mux", 8, None, _eq(eg, s, 1), b, d))))
        return eg.add(("mux", 8, None, _eq(eg, s, 0), a, m2))
    _eg, got = _chain(build)
    assert got is not None
    assert [ks for ks, _a in got[1]] == [[0], [1]]  # s == 2 reads d, the default: left to the default


@pytest.mark.parametrize("kind", ["two_selectors", "not_a_constant_test", "one_level"])
def test_near_miss_chains(kind):
    def build(eg):
        s = eg.add(("var", 2, "s"))
        t = eg.add(("var", 2, "t"))
        a, b, d = (eg.add(("var", 8, n)) for n in "abd")
        if kind == "two_selectors":
            return eg.add(("mux", 8, None, _eq(eg, s, 0), a, eg.add(("mux", 8, None, _eq(eg, t, 1), b, d))))
        if kind == "not_a_constant_test":
            lt = eg.add(("ult", 1, None, s, t))
            return eg.add(("mux", 8, None, _eq(eg, s, 0), a, eg.add(("mux", 8, None, lt, b, d))))
        return eg.add(("mux", 8, None, _eq(eg, s, 0), a, d))
    _eg, got = _chain(build)
    assert got is None


# Own near miss: the priority chain tests two different registers' fields -- no case form offered.
TWO_SELECTORS = """module two_sel (input [11:0] a, input [3:0] s, input [1:0] f, g, output reg [11:0] y);
  always @* begin
    if (f == 2'd1) y = a >> s;
    else if (g == 2'd2) y = $signed(a) >>> s;
    else if (f == 2'd3) y = a;
    else y = ~a;
  end
endmodule
"""

# The same selection as an if/else-if chain on one selector (a restyle): the case form is offered.
IF_CHAIN = """module if_chain (input [11:0] a, input [3:0] s, input [1:0] f, output reg [11:0] y);
  always @* begin
    if (f == 2'd1) y = a >> s;
    else if (f == 2'd2) y = $signed(a) >>> s;
    else if (f == 2'd3) y = a;
    else y = ~a;
  end
endmodule
"""


def test_two_selectors_get_no_case_form():
    forms = _forms(TWO_SELECTORS)
    assert "ternary" in forms  # the shift is still shared
    assert "case" not in forms, forms["case"]


def test_if_chain_gets_a_case_form():
    forms = _forms(IF_CHAIN)
    assert "case" in forms
    assert re.search(r"case \(f\)\s+2'd1, 2'd2: y = eg_\d+;\s+2'd3: y = a;\s+default: y = ", forms["case"]), forms["case"]


def _proven(tmp_path: Path, old_text: str, new_text: str, sfx: str, top: str) -> str:
    """The verifier's default portfolio (the clocked design has no reset: register correspondence)."""
    from rtlopt.design import DesignRef
    from rtlopt.verify import VerifyOptions, check_equivalence

    a, b = tmp_path / ("gold" + sfx), tmp_path / ("gate" + sfx)
    a.write_text(old_text)
    b.write_text(new_text)
    return check_equivalence(DesignRef([a], top), DesignRef([b], top), VerifyOptions(timeout_s=300)).verdict.name


def _design(name: str) -> tuple[str, str, str]:
    import json
    d = GEN / name
    f = next(d.glob("original.*"))
    return f.read_text(), f.suffix, json.loads((d / "case.json").read_text())["top"]


def _area(tmp_path: Path, text: str, suffix: str, top: str, tag: str) -> float:
    from rtlopt.design import open_design
    from rtlopt.ppa._cache import measure_cached
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / f"{tag}{suffix}"
    f.write_text(text)
    lib = resolve_liberty(str(LIB) if LIB.exists() else None)
    return measure_cached(open_design(f, top), liberty=lib).area_um2.value


@pytest.mark.yosys
@pytest.mark.parametrize("name", ["caseform/caseform_alu_sv", "caseform/caseform_fmt_func_v",
                                  "sharing/shiftshare_case_v"])
def test_case_form_is_proven_and_smaller(tmp_path: Path, name):
    """The case form is proven and smaller than the original; for the registered barrel unit (a left
    shift beside the shared right shifts) the ?: chain measured larger than the original, the case not."""
    text, sfx, top = _design(name)
    forms = _forms(text, "d" + sfx)
    assert "case" in forms and "ternary" in forms
    new = forms["case"]
    assert re.search(r"\bcase \(", new.split("endfunction")[-1]), new
    assert _proven(tmp_path, text, new, sfx, top) == "EQUIVALENT", new
    a_orig = _area(tmp_path, text, sfx, top, "o")
    a_case = _area(tmp_path, new, sfx, top, "c")
    assert a_case < a_orig, (a_case, a_orig)
    if name.startswith("sharing/"):
        assert a_case < _area(tmp_path, forms["ternary"], sfx, top, "t")


@pytest.mark.yosys
def test_wrong_case_item_is_refuted(tmp_path: Path):
    """The verifier sees a constant moved to the wrong arm of the emitted case."""
    forms = _forms(IF_CHAIN)
    bad = forms["case"].replace("2'd3: y = a;", "2'd0: y = a;")
    assert bad != forms["case"]
    assert _proven(tmp_path, IF_CHAIN, bad, ".v", "if_chain") == "NOT_EQUIVALENT"
    assert _proven(tmp_path, IF_CHAIN, forms["case"], ".v", "if_chain") == "EQUIVALENT"
