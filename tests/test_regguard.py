"""regguard: ``g ? x : K`` where x already equals K in every reachable state with g false.

Fires on a table with valid bits whose entries reset to the forced value, and on a busy-gated counter
that rests at the forced value; near misses (the value is not there while the guard is false) give no
candidate, because the simulation from reset disagrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rtlopt.design import open_design
from rtlopt.semantic.regguard import candidates_for

ROOT = Path(__file__).resolve().parents[1] / "designs" / "generalization" / "seqredundancy"
BUSY = ROOT / "guard_busy_level_v" / "original.v"
TABLE = ROOT / "guard_valid_table_sv" / "original.sv"


def _cands(path: Path, text: str, top: str):
    return candidates_for({path: text}, top, timeout_s=120.0)


@pytest.mark.yosys
def test_busy_gated_counter_that_rests_at_zero_is_proven(tmp_path):
    got = _cands(BUSY, BUSY.read_text(), "burst_meter")
    assert got and got[0][1].startswith("2 guards"), [d for _n, d in got]
    new = got[0][0][BUSY]
    assert "assign level      = (count);" in new and "assign long_burst = ((count > 7'd15));" in new
    from rtlopt.verify import VerifyOptions, check_equivalence
    g = tmp_path / "burst.v"
    g.write_text(new)
    res = check_equivalence(open_design([BUSY], "burst_meter"), open_design([g], "burst_meter"),
                            VerifyOptions(timeout_s=120))
    assert res.verdict.name == "EQUIVALENT", res


@pytest.mark.yosys
def test_table_valid_bits_forcing_the_reset_value():
    got = _cands(TABLE, TABLE.read_text(), "last_seen_top")
    descs = [d for _n, d in got]
    assert any(d.startswith("2 guards") for d in descs), descs
    new = got[0][0][TABLE]
    assert "assign rd_val = (val[rd_ch]);" in new and "seen[rd_ch] ?" not in new


@pytest.mark.yosys
def test_counter_holding_its_value_after_the_burst_is_not_a_redundant_guard(tmp_path):
    # the count keeps the last burst's length while idle: busy ? count : 0 does select something
    text = BUSY.read_text().replace("""                busy  <= 1'b0;
                count <= 7'd0;""", """                busy  <= 1'b0;""").replace("""            if (start) busy <= 1'b1;""",
                                                                                 """            if (start) begin
                busy  <= 1'b1;
                count <= 7'd0;
            end""")
    assert text != BUSY.read_text()
    f = tmp_path / "hold.v"
    f.write_text(text)
    assert _cands(f, text, "burst_meter") == []


@pytest.mark.yosys
def test_counter_resting_at_another_value_is_not_a_redundant_guard(tmp_path):
    # between bursts the count rests at 1: 'busy ? count : 0' selects something, while
    # 'busy ? count > 15 : 0' still does not (1 > 15 is 0 as well)
    text = BUSY.read_text().replace("count <= 7'd0;", "count <= 7'd1;")
    f = tmp_path / "rest1.v"
    f.write_text(text)
    descs = [d for _n, d in _cands(f, text, "burst_meter")]
    assert len(descs) == 1 and "count > 7'd15" in descs[0], descs
