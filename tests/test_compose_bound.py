"""engine/compose.py bounds its own time (MAX_S) and matches the current text once per file: on the long
suite's HuffmanDecoderRaw four unbounded template passes took 127 s of a 252 s run (nothing found)."""

from __future__ import annotations

import textwrap

import pytest

TAP = textwrap.dedent("""
    module fir_tap (input clk, input rst_n, input [9:0] din, output reg [15:0] acc);
      reg [3:0] coef;
      always @(posedge clk or negedge rst_n)
        if (!rst_n) coef <= 4'd10;
        else        coef <= coef;
      always @(posedge clk or negedge rst_n)
        if (!rst_n) acc <= 16'd0;
        else        acc <= acc + din * coef;
    endmodule""")


def _state(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine.search import State

    f = tmp_path / "tap.v"
    f.write_text(TAP)
    return State(design=open_design([f], "fir_tap"), texts={f: f.read_text()}, goal="area", liberty=None)


@pytest.mark.yosys
def test_current_text_matched_once_and_time_bounded(tmp_path, monkeypatch):
    import rtlopt.engine.compose as comp

    texts: list[str] = []
    real = comp._match_counts

    def spy(text, name, templates, deadline):
        texts.append(text)
        assert deadline is not None  # never unbounded, even without a search deadline
        return real(text, name, templates, deadline)

    monkeypatch.setattr(comp, "_match_counts", spy)
    st = _state(tmp_path)
    cands = comp.compose_candidates(st)
    assert cands  # the composite is still found (the constant coefficient enables the shift-add rewrite)
    cur = st.texts[next(iter(st.texts))]
    assert texts.count(cur) == 1


@pytest.mark.yosys
def test_no_time_left_no_matching(tmp_path, monkeypatch):
    import rtlopt.engine.compose as comp

    monkeypatch.setattr(comp, "MAX_S", 0.0)
    called = []
    monkeypatch.setattr(comp, "_match_counts", lambda *a: called.append(1) or (None, {}))
    assert comp.compose_candidates(_state(tmp_path)) == []
    assert called == []
