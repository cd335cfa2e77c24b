"""The algorithm library of the lifting (rtlopt.semantic.algos): sorting networks, order statistics and
round-robin arbitration recognised by what a cone computes, emitted as the efficient structure, proven."""

from __future__ import annotations

import numpy as np
import pytest

from rtlopt.semantic.algos import batcher, match_algorithms, network, sorts
from rtlopt.semantic.lift import Operand

RNG = np.random.default_rng(11)
N = 2048


def _op(name: str, w: int, values=None, signed: bool = False) -> Operand:
    v = RNG.integers(0, 1 << w, N, dtype=np.uint64) if values is None else np.asarray(values, dtype=np.uint64)
    return Operand(name, name, w, v, signed, True, (), 0)


def _lanes(v: np.ndarray, n: int, w: int) -> np.ndarray:
    return np.stack([(v >> np.uint64(k * w)) & np.uint64((1 << w) - 1) for k in range(n)])


def _pack(lanes) -> np.ndarray:
    w = 8
    out = np.zeros(N, dtype=np.uint64)
    for k, x in enumerate(lanes):
        out |= np.asarray(x, dtype=np.uint64) << np.uint64(k * w)
    return out


def _run_net(net, lanes: np.ndarray) -> np.ndarray:
    v = lanes.copy()
    for i, j in net:
        lo, hi = np.minimum(v[i], v[j]), np.maximum(v[i], v[j])
        v[i], v[j] = lo, hi
    return v


def _kinds(t, w, ops) -> list[str]:
    return [k for k, _o, _e in match_algorithms(np.asarray(t, dtype=np.uint64), w, ops)]


# ---- networks -----------------------------------------------------------------------------------------
def test_networks_sort_with_the_optimal_comparator_counts():
    for n, best in zip(range(2, 9), (1, 3, 5, 9, 12, 16, 19), strict=True):
        assert sorts(network(n), n) and len(network(n)) == best
        assert sorts(batcher(n), n)
    # one comparator of the 4-network swapped for another: no longer a sorting network
    assert not sorts([(0, 1), (2, 3), (0, 2), (1, 3), (0, 3)], 4)


# ---- recognition (pure) ---------------------------------------------------------------------------------
def test_sort_of_packed_lanes_ascending_descending_and_signed():
    keys = _op("keys", 32)
    lanes = _lanes(keys.value, 4, 8)
    srt = np.sort(lanes, axis=0)
    assert _kinds(_pack(srt), 32, [keys]) == ["sort_network"]
    assert _kinds(_pack(srt[::-1]), 32, [keys]) == ["sort_network_descending"]
    sgn = np.argsort(((lanes ^ np.uint64(0x80)).astype(np.int64)), axis=0, kind="stable")
    ssrt = np.take_along_axis(lanes, sgn, axis=0)
    kind, _ops, (lt, rev) = match_algorithms(_pack(ssrt), 32, [keys])[0]
    assert kind == "sort_network" and "$signed" not in lt  # helper names; the compares are in helpers
    from rtlopt.semantic.algos import helpers_for
    # lanes are read from a flat copy of the word (a packed array's part-select selects elements)
    assert "= keys;" in helpers_for(lt) and "[7:0]) < $signed(keys_flat" in helpers_for(lt)
    # the second spelling: 'a > b' written 'b < a' (synthesis maps $gt worse)
    assert "[15:8]) < $signed(keys_flat" in helpers_for(rev) and ") > $signed(" not in helpers_for(rev)


def test_order_statistics_of_separate_words_median_min_max():
    a, b, c = _op("a", 10), _op("b", 10), _op("c", 10)
    b.value[:64] = a.value[:64]  # ties occur
    v = np.stack([a.value, b.value, c.value])
    s = np.sort(v, axis=0)
    assert _kinds(s[1], 10, [a, b, c]) == ["median"]
    assert _kinds(s[0], 10, [a, b, c]) == ["min"]
    assert _kinds(s[2], 10, [a, b, c]) == ["max"]
    assert _kinds((s[0] + np.uint64(1)) & np.uint64(1023), 10, [a, b, c]) == []


def test_a_nearly_sorting_network_is_not_recognised():
    keys = _op("keys", 32)
    lanes = _lanes(keys.value, 4, 8)
    wrong = _run_net([(0, 1), (2, 3), (0, 2), (1, 3), (0, 3)], lanes)  # last comparator on the wrong pair
    right = _run_net(network(4), lanes)
    assert not np.array_equal(wrong, right)
    assert _kinds(_pack(wrong), 32, [keys]) == []
    # two lanes exchanged at the output: a permutation of the order statistics, still a sort (each
    # lane is the statistic it shows), while a lane that is sometimes wrong is not
    assert _kinds(_pack(right[[1, 0, 2, 3]]), 32, [keys]) == ["sort_network"]


def _rr(req: np.ndarray, ptr: np.ndarray, n: int, after: bool) -> tuple[np.ndarray, np.ndarray]:
    gnt = np.zeros(N, dtype=np.uint64)
    idx = np.zeros(N, dtype=np.uint64)
    for v in range(N):
        r, p = int(req[v]), int(ptr[v])
        for i in range(n):
            k = (p + i + (1 if after else 0)) % n
            if (r >> k) & 1:
                gnt[v], idx[v] = 1 << k, k
                break
    return gnt, idx


def test_round_robin_grant_and_index_from_a_pointer():
    req, last = _op("req", 8), _op("last", 3)
    req.value[:40] = 0
    gnt, idx = _rr(req.value, last.value, 8, True)
    assert _kinds(gnt, 8, [req, last]) == ["round_robin_grant"]
    assert _kinds(idx, 3, [req, last]) == ["round_robin_index"]
    gnt2, _ = _rr(req.value, last.value, 8, False)  # the scan starts at the pointer
    kind, _o, (expr, *_rest) = match_algorithms(gnt2, 8, [req, last])[0]
    from rtlopt.semantic.algos import helpers_for
    assert kind == "round_robin_grant" and "8'd1 << last" in helpers_for(expr)
    # {found, index} in one word (a scan function's result)
    anyr = req.value != 0
    both = np.where(anyr, idx | np.uint64(8), np.uint64(0))
    kind, _o, (expr, *_r) = match_algorithms(both, 4, [req, last])[0]
    assert kind == "round_robin_index" and expr.startswith("{|req, |(")
    # fixed priority (the pointer ignored) is no round robin
    fixed = req.value & (~req.value + np.uint64(1)) & np.uint64(0xFF)
    assert _kinds(fixed, 8, [req, last]) == []
    # a scan that skips one position is no round robin either
    bad = gnt.copy()
    bad[(last.value == 2) & (gnt != 0)] = 0
    assert _kinds(bad, 8, [req, last]) == []


# ---- end to end: Yosys elaboration, lifting, source edit, proof ---------------------------------------
SORT4 = """module s4(input [7:0] a, b, c, d, output [7:0] o0, o1, o2, o3);
  wire [7:0] p0 = (a > b) ? b : a, p1 = (a > b) ? a : b;
  wire [7:0] p2 = (p1 > c) ? c : p1, p3 = (p1 > c) ? p1 : c;
  wire [7:0] p4 = (p3 > d) ? d : p3, p5 = (p3 > d) ? p3 : d;
  wire [7:0] q0 = (p0 > p2) ? p2 : p0, q1 = (p0 > p2) ? p0 : p2;
  wire [7:0] q2 = (q1 > p4) ? p4 : q1, q3 = (q1 > p4) ? q1 : p4;
  wire [7:0] r0 = (q0 > q2) ? q2 : q0, r1 = (q0 > q2) ? q0 : q2;
  assign o0 = r0; assign o1 = r1; assign o2 = q3; assign o3 = p5;
endmodule
"""


def _cands(path):
    from rtlopt.semantic import lifting_candidates

    class St:
        texts = {path: path.read_text()}
    return lifting_candidates(St())


@pytest.mark.yosys
def test_unrolled_bubble_sort_becomes_one_shared_network_and_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "s4.v"
    f.write_text(SORT4)
    cands = _cands(f)
    whole = [c for c in cands if c.description.startswith("word-level lifting:")]
    assert whole, [c.description for c in cands]
    new = whole[0].text
    # four outputs, one network: five compare-exchanges (a min/max tree per output would need more)
    assert new.count(" < ") == 5 and " > " not in new, new
    assert "wire [7:0] p0" not in new  # the bubble passes went
    g = tmp_path / "new.v"
    g.write_text(new)
    res = check_equivalence(DesignRef([f], "s4"), DesignRef([g], "s4"))
    assert res.verdict == "EQUIVALENT", res.reason


@pytest.mark.yosys
def test_nearly_sorting_network_gets_no_sort_candidate(tmp_path):
    f = tmp_path / "n4.v"
    # the last exchange on (o0, o3) instead of (o1, o2): not a sort
    f.write_text("""module n4(input [7:0] a, b, c, d, output [7:0] o0, o1, o2, o3);
  wire [7:0] l0 = (a > b) ? b : a, h0 = (a > b) ? a : b;
  wire [7:0] l1 = (c > d) ? d : c, h1 = (c > d) ? c : d;
  wire [7:0] l2 = (l0 > l1) ? l1 : l0, h2 = (l0 > l1) ? l0 : l1;
  wire [7:0] l3 = (h0 > h1) ? h1 : h0, h3 = (h0 > h1) ? h0 : h1;
  assign o0 = (l2 > h3) ? h3 : l2;
  assign o3 = (l2 > h3) ? l2 : h3;
  assign o1 = l3;
  assign o2 = h2;
endmodule
""")
    descs = [c.description for c in _cands(f)]
    assert not any(k in d for d in descs for k in ("sort_network", "order_statistics", "median")), descs


@pytest.mark.yosys
def test_median_if_chain_in_a_clocked_block_and_round_robin_loop(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "m.v"
    f.write_text("""module med(input clk, input [7:0] a, b, c, output reg [7:0] m);
  always @(posedge clk)
    if ((a >= b && a <= c) || (a <= b && a >= c)) m <= a;
    else if ((b >= a && b <= c) || (b <= a && b >= c)) m <= b;
    else m <= c;
endmodule
""")
    # spelled 'a < b' and 'b < a'
    c0, c1 = [c for c in _cands(f) if "median" in c.description]
    assert "m <= " in c0.text and "else" not in c0.text and c0.text.count(" < ") == 3, c0.text
    assert c1.text.count(" < ") == 3 and " > " not in c1.text and c1.text != c0.text, c1.text
    g = tmp_path / "m2.v"
    g.write_text(c0.text)
    assert check_equivalence(DesignRef([f], "med"), DesignRef([g], "med")).verdict == "EQUIVALENT"

    r = tmp_path / "rr.v"
    r.write_text("""module rr(input clk, input rst, input [3:0] req, output reg [3:0] gnt);
  reg [1:0] last; integer i; reg [1:0] k; reg done;
  always @* begin
    gnt = 0; done = 0;
    for (i = 1; i <= 4; i = i + 1) begin
      k = last + i;
      if (!done && req[k]) begin gnt = 4'd1 << k; done = 1; end
    end
  end
  always @(posedge clk) if (rst) last <= 2'd3; else if (|req) last <= {gnt[3] | gnt[2], gnt[3] | gnt[1]};
endmodule
""")
    (c2,) = [c for c in _cands(r) if c.description.startswith("round_robin_grant")]
    assert "& (~" in c2.text and "for (" not in c2.text, c2.text
    g = tmp_path / "rr2.v"
    g.write_text(c2.text)
    assert check_equivalence(DesignRef([r], "rr"), DesignRef([g], "rr")).verdict == "EQUIVALENT"


def test_helpers_and_initializer_edits_keep_the_rest_of_the_file():
    from rtlopt.semantic.algos import apply_initializer, emit_order, insert_helpers
    text = """module m(input [7:0] a, b, c, output [7:0] y);
  wire [7:0] t = (a > b) ? ((b > c) ? b : (a > c) ? c : a) : ((a > c) ? a : (b > c) ? c : b);
  assign y = t;
endmodule
"""
    expr = emit_order(("a", "b", "c"), "a", 8, [1], False)
    with_helpers = insert_helpers(text, "m", [expr], {"t"})
    assert with_helpers is not None and with_helpers.index("wire a_md") < with_helpers.index("wire [7:0] t")
    assert insert_helpers(with_helpers, "m", [expr], {"t"}) == with_helpers  # declared once
    new = apply_initializer(with_helpers, "m", "t", expr)
    assert new is not None and f"wire [7:0] t = {expr};" in new and "  assign y = t;\n" in new
    assert apply_initializer(text, "m", "y", expr) is None  # y is not declared with an initializer


def test_round_robin_of_a_non_power_of_two_request_vector():
    # 6 requests, a 3-bit pointer: rotate right by the pointer in a doubled vector, lowest first, rotate
    # back; pointers 6 and 7 scan the doubled vector without wrapping
    req, ptr = _op("req", 6), _op("ptr", 3)
    req.value[:40] = 0
    gnt = np.zeros(N, dtype=np.uint64)
    for v in range(N):
        d = int(req.value[v]) * 65 >> int(ptr.value[v])
        rot = d & 63
        g = (rot & -rot) << int(ptr.value[v])
        gnt[v] = (g | (g >> 6)) & 63
    kind, _o, exprs = match_algorithms(gnt, 6, [req, ptr])[0]
    from rtlopt.semantic.algos import helpers_for
    assert kind == "round_robin_grant" and len(exprs) == 2
    assert "{req, req}" in helpers_for(exprs[0]) and "12'd1 << ptr" in helpers_for(exprs[0])
    assert "6'd1 << ptr" in helpers_for(exprs[1])
    # one in-range pointer value (4) that grants by fixed priority instead: no round robin
    fixed = req.value & (~req.value + np.uint64(1)) & np.uint64(63)
    bad = np.where(ptr.value == 4, fixed, gnt)
    assert not np.array_equal(bad, gnt) and _kinds(bad, 6, [req, ptr]) == []


@pytest.mark.yosys
def test_rotate_priority_rotate_back_arbiter_of_twelve_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "r12.sv"
    f.write_text("""module r12(input logic [11:0] req, input logic [3:0] ptr, output logic [11:0] gnt);
  logic [23:0] d, gd; logic [11:0] rot, g;
  always_comb begin
    d = {req, req} >> ptr;
    rot = d[11:0];
    g = '0;
    for (int i = 11; i >= 0; i--) if (rot[i]) g = 12'(1) << i;
    gd = {g, g} << ptr;
    gnt = gd[23:12];
  end
endmodule
""")
    (c,) = [c for c in _cands(f) if c.description.startswith("round_robin_grant")][:1]
    assert "for (" not in c.text and "{req, req}" in c.text, c.text
    g = tmp_path / "r12b.sv"
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], "r12"), DesignRef([g], "r12")).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_min_and_max_of_a_packed_array_share_the_pair_compares_and_are_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "mm.sv"
    f.write_text("""module mm(input logic [3:0][7:0] s, output logic [7:0] lo, hi);
  function automatic logic [7:0] pick(input logic [3:0][7:0] v, input logic want_max);
    pick = v[3];
    for (int k = 2; k >= 0; k--)
      if (want_max ? (v[k] > pick) : (v[k] < pick)) pick = v[k];
  endfunction
  assign lo = pick(s, 1'b0);
  assign hi = pick(s, 1'b1);
endmodule
""")
    cands = [c for c in _cands(f) if c.description.startswith("word-level lifting:")
             and ":min" in c.description and ":max" in c.description]
    assert cands, [c.description for c in _cands(f)]
    new = cands[0].text
    body = new.split("endfunction")[1]  # the (now unused) function is the user's and stays
    assert "= s;" in body and body.count(" < ") + body.count(" > ") == 4, new  # 4 compares, not 6
    g = tmp_path / "mm2.sv"
    g.write_text(new)
    assert check_equivalence(DesignRef([f], "mm"), DesignRef([g], "mm")).verdict == "EQUIVALENT"
    # one element compared signed: no longer a min, no candidate
    f.write_text(f.read_text().replace("(v[k] < pick)", "($signed(v[k]) < $signed(pick)) ^ (k == 1)"))
    assert not any("min:" in c.description for c in _cands(f))


def test_argmax_and_argmin_first_or_last_on_ties():
    v = _op("v", 40)  # five 8-bit lanes
    v.value[:200] &= np.uint64(0x0F0F0F0F0F)  # ties occur
    lanes = _lanes(v.value, 5, 8).astype(np.int64)
    hit_max, hit_min = lanes == lanes.max(0), lanes == lanes.min(0)
    first_max = np.argmax(hit_max, axis=0)
    last_min = 4 - np.argmax(hit_min[::-1], axis=0)
    assert not np.array_equal(first_max, 4 - np.argmax(hit_max[::-1], axis=0))  # ties matter
    assert _kinds(first_max, 3, [v]) == ["argmax_first"]
    assert _kinds(last_min, 4, [v]) == ["argmin_last"]
    # the index of the second largest is no argmax
    second = np.argsort(lanes, axis=0, kind="stable")[-2]
    assert _kinds(second, 3, [v]) == []


@pytest.mark.yosys
def test_argmin_by_equality_second_pass_becomes_one_tree_and_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "am.sv"
    f.write_text("""module am(input logic [5:0][9:0] d, output logic [2:0] at);
  logic [9:0] m;
  always_comb begin
    m = d[0];
    for (int k = 1; k < 6; k++) if (d[k] <= m) m = d[k];
    at = '0;
    for (int k = 0; k < 6; k++) if (d[k] == m) at = 3'(k);  // the last one holding the minimum
  end
endmodule
""")
    c = next(c for c in _cands(f) if "argmin_last" in c.description)
    assert "_ix4" in c.text and " == " not in c.text, c.text  # no second pass of equality compares
    g = tmp_path / "am2.sv"
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], "am"), DesignRef([g], "am")).verdict == "EQUIVALENT"


@pytest.mark.yosys
def test_shift_unit_under_an_op_select_becomes_one_right_shifter_and_is_proven(tmp_path):
    from rtlopt.design import DesignRef
    from rtlopt.verify import check_equivalence
    f = tmp_path / "su.v"
    f.write_text("""module su(input [2:0] fn, input [15:0] a, input [3:0] n, output reg [15:0] y);
  always @* begin
    y = a;
    if (fn == 3'd5) y = $signed(a) >>> n;
    else if (fn[2]) y = a >> n;
    else y = a << n;
  end
endmodule
""")
    c = next(c for c in _cands(f) if c.description.startswith("shift_unit"))
    assert c.text.count(">>>") == 1 and "<<" not in c.text and "if (" not in c.text, c.text
    g = tmp_path / "su2.v"
    g.write_text(c.text)
    assert check_equivalence(DesignRef([f], "su"), DesignRef([g], "su")).verdict == "EQUIVALENT"
    # a rotate for one op value is none of the three shifts: no shift unit
    f.write_text(f.read_text().replace("y = a >> n;", "y = (a >> n) | (a << (16 - n));"))
    assert not any(c.description.startswith("shift_unit") for c in _cands(f))
