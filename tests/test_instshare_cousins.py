"""instshare across cousins: the same register in instances of one module, each inside an instance of a
parent module M whose instances are siblings (a PWM period counter inside each of three channel
instances, a sample-tick prescaler inside each key cell of a generate loop), proven equal on the
flattened design, becomes one register: the child gets the sharing hook, M passes it through (its own
``RTLOPT_<REG>_EXT`` parameter and ports, connected at the child's instance), and M's instances are
connected like siblings. Near misses: a counter with another reset value, one counting another enable.
The pass-through is recognised by parampin as valid at every parameter value (M is not pinned)."""

from __future__ import annotations

from pathlib import Path

import pytest
from _proof import abc_verdict

from rtlopt.semantic import instshare

pytestmark = pytest.mark.yosys

ROOT = Path(__file__).resolve().parents[1]
GEN = ROOT / "designs" / "generalization" / "seqredundancy"


def _cands(tmp_path: Path, text: str, suffix: str, top: str):
    f = tmp_path / ("orig" + suffix)
    f.write_text(text)
    return f, [(new[f], d) for new, d in instshare.share_edits({f: text}, top, timeout_s=60)]


def test_period_counter_in_each_channel_shared(tmp_path):
    from rtlopt.design import open_design
    from rtlopt.engine import parampin

    text = (GEN / "cousinshare_pwm_channels_v" / "original.v").read_text()
    f, got = _cands(tmp_path, text, ".v", "dimmer_top")
    mine = [n for n, d in got if d == "one shared register for 'ctr' of 3 'pwm_period' instances (through 'pwm_chan')"]
    assert len(mine) == 1, got
    new = mine[0]
    assert "pwm_period #(.PW(PW), .RTLOPT_CTR_EXT(RTLOPT_CTR_EXT)) u_per" in new
    assert new.count(".RTLOPT_CTR_EXT(1)") == 2 and "ctr <= ctr + 1'b1" in new
    assert abc_verdict(tmp_path, f, new, "dimmer_top") == "EQUIVALENT"
    # the channel module only passes the hook through: valid at every value, not pinned
    mo, mn = (t[slice(*parampin.module_span(t, "pwm_chan"))] for t in (text, new))
    assert instshare.pass_only(mo, mn) and not instshare.hook_only(mo, mn)
    pinned = parampin.pin_text(text, new, parampin.design_configs(open_design(f, "dimmer_top").parsed, "dimmer_top"))
    assert pinned is not None and "rtlopt_params_pwm_chan" not in pinned


def test_prescaler_in_each_generate_cell_shared(tmp_path):
    text = (GEN / "cousinshare_debounce_loop_sv" / "original.sv").read_text()
    f, got = _cands(tmp_path, text, ".sv", "keys_top")
    mine = [n for n, d in got if d.startswith("one shared register for 'div' of 4 'db_tick' instances")]
    assert len(mine) == 1, got
    assert ".RTLOPT_DIV_EXT((k != 0))" in mine[0]
    assert abc_verdict(tmp_path, f, mine[0], "keys_top") == "EQUIVALENT"


@pytest.mark.parametrize("old,new", [
    # the blue channel's counter starts at 1: never equal to the others
    ("""    pwm_chan #(.PW(PW)) u_b (
        .clk(clk), .rst(rst), .en(en), .sync(sync),""", """    pwm_chan #(.PW(PW), .INIT(1)) u_b (
        .clk(clk), .rst(rst), .en(en), .sync(sync),"""),
    # the blue channel counts another enable
    ("""    pwm_chan #(.PW(PW)) u_b (
        .clk(clk), .rst(rst), .en(en), .sync(sync),""", """    pwm_chan #(.PW(PW)) u_b (
        .clk(clk), .rst(rst), .en(en & we[0]), .sync(sync),"""),
])
def test_near_misses_are_not_merged_with_the_odd_channel(tmp_path, old, new):
    text = (GEN / "cousinshare_pwm_channels_v" / "original.v").read_text()
    # a reset value parameter threaded through (0 everywhere unless the instance sets it)
    text = text.replace("module pwm_period #(\n    parameter PW = 8\n)", "module pwm_period #(\n    parameter PW = 8,\n"
                        "    parameter INIT = 0\n)").replace("ctr <= {PW{1'b0}};", "ctr <= INIT;")
    text = text.replace("module pwm_chan #(\n    parameter PW = 8\n)", "module pwm_chan #(\n    parameter PW = 8,\n"
                        "    parameter INIT = 0\n)").replace("pwm_period #(.PW(PW)) u_per", "pwm_period #(.PW(PW), .INIT(INIT)) u_per")
    near = text.replace(old, new)
    assert near != text and "INIT" in near
    f, got = _cands(tmp_path, near, ".v", "dimmer_top")
    # the two channels that stay equal share; the odd channel keeps its own counter
    assert [d for _n, d in got] == ["one shared register for 'ctr' of 2 'pwm_period' instances (through 'pwm_chan')"]
    new = got[0][0]
    assert new.count(".RTLOPT_CTR_EXT(1)") == 1 and "u_b (\n        .clk(clk)" in new
    assert abc_verdict(tmp_path, f, new, "dimmer_top") == "EQUIVALENT"
