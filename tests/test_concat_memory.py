"""redundant_concatenation merges adjacent selects only of a packed vector declared [hi:lo].

Found by a restyle check: ``{m[2], m[1], m[0]}`` of an unpacked memory became ``m[2:0]`` (Yosys: "Invalid
array access"), and an ascending ``[0:7]`` vector would get a reversed part-select."""

from rtlopt.templates._expr import RedundantConcatenation
from rtlopt.templates._sem import analyze

SRC = """module m(input [7:0] d, input [0:7] e, input [15:0] f,
         output [23:0] y, output [1:0] z, output [15:0] q, output [15:0] pw);
  reg [7:0] mm [0:2];
  logic [3:0][7:0] w;
  always @* begin mm[0] = d; mm[1] = ~d; mm[2] = d + 1; w = {4{d}}; end
  assign y  = {mm[2], mm[1], mm[0]};
  assign z  = {e[0], e[1]};
  assign q  = {f[15:8], f[7:0]};
  assign pw = {w[3], w[2]};
endmodule
"""


def _rewrites():
    return {m.original: m.edits[0].replacement for m in RedundantConcatenation().find(analyze(SRC, "d.sv"))}


def test_memory_words_and_ascending_vectors_are_not_merged():
    got = _rewrites()
    assert "{mm[2], mm[1], mm[0]}" not in got
    assert "{e[0], e[1]}" not in got


def test_packed_vectors_still_merge():
    got = _rewrites()
    assert got["{f[15:8], f[7:0]}"] == "f[15:0]"
    assert got["{w[3], w[2]}"] == "w[3:2]"
