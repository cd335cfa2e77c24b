"""Per-module area of a module without output ports (issue 11: a CPU's pipeline registers, read by
the parent through hierarchical names, measured 0 um^2 on their own), and search bookkeeping that keeps
large-module runs inside their budget."""

from __future__ import annotations

import pytest

from rtlopt.design import open_design
from rtlopt.engine.hierarchy import changed_region, module_span
from rtlopt.ppa._permodule import has_output_ports, measure_own, own_area_script
from rtlopt.semantic.seqsim import restrict_classes

STAGE = """module stage (input clk, input rst, input [7:0] d, input [3:0] e);
  reg [7:0] q;
  reg [3:0] r;
  always @(posedge clk) begin
    if (rst) begin q <= 8'd0; r <= 4'd0; end
    else begin q <= d + {4'd0, e}; r <= e; end
  end
endmodule

module top (input clk, input rst, input [7:0] d, input [3:0] e, output [7:0] y);
  stage s (.clk(clk), .rst(rst), .d(d), .e(e));
  assign y = s.q ^ {4'd0, s.r};
endmodule
"""

NONANSI = """module nb (clk, d);
  input clk; input [3:0] d;
  reg [3:0] q;
  always @(posedge clk) q <= d;
endmodule
module nb_out (clk, d, y);
  input clk; input [3:0] d; output y; // a port declared in the body
  assign y = ^d;
endmodule
"""


def test_has_output_ports_ansi_and_body_declarations():
    assert not has_output_ports([STAGE], "stage")
    assert has_output_ports([STAGE], "top")
    assert not has_output_ports([NONANSI], "nb")
    assert has_output_ports([NONANSI], "nb_out")
    # a comment naming 'output' is not a port
    assert not has_output_ports(["module m (input a); // output later\nendmodule\n"], "m")


@pytest.mark.yosys
def test_module_without_outputs_gets_its_registers_area(tmp_path):
    from rtlopt.ppa.liberty import resolve_liberty

    f = tmp_path / "pipe.v"
    f.write_text(STAGE)
    lib = resolve_liberty(None)
    ref = open_design([f], "stage")
    script = own_area_script(ref.files, "stage", "lib.lib")
    assert "setattr -set keep 1" in script
    assert "setattr -set keep 1" not in own_area_script(ref.files, "top", "lib.lib")
    rep = measure_own(ref, liberty=lib, timeout=120)
    # 12 flip-flops and an 8-bit adder: well above 0 (it measured exactly 0 before)
    assert rep.area_um2.value > 0
    assert "no output ports" in rep.provenance["measured"]
    ff = sum(n for c, n in rep.cells_by_type.items() if "df" in c.lower())
    assert ff == 12, rep.cells_by_type


def test_restrict_classes_rebases_on_kept_members():
    classes = [(None, {0: 1, 5: 0}), (1, {2: 1, 3: 0}), (4, {6: 0})]
    out = restrict_classes(classes, {0, 2, 3, 6})
    # constant class keeps 0; class of 1 loses its representative: 2 becomes it, 3 is 2's inverse;
    # class of 4 keeps a single member: nothing left to relate
    assert out == [(None, {0: 1}), (2, {3: 1})]


def test_module_span_cached_and_changed_region_chunks():
    text = "// module fake\nmodule a; endmodule\n" + "x" * 9000 + "\nmodule b; endmodule\n"
    assert text[slice(*module_span(text, "b"))] == "module b; endmodule"
    assert module_span(text, "fake") is None
    new = text[:5000] + "Y" + text[5001:]
    assert changed_region(text, new) == (5000, 5001)
    assert changed_region(text, text + "z") == (len(text), len(text))


GEN = """module leaf (input a, output y);
  assign y = ~a;
endmodule
module off_unit (input a, output y);
  assign y = a;
endmodule
module gtop #(parameter N = 3, parameter USE = 0) (input [N-1:0] a, output [N-1:0] y, output z);
  genvar i;
  generate
    for (i = 0; i < N; i = i + 1) begin : g
      leaf u (.a(a[i]), .y(y[i]));
    end
    if (USE) begin : on
      off_unit o (.a(a[0]), .y(z));
    end else begin : off
      assign z = 1'b0;
    end
  endgenerate
endmodule
"""


def test_elaborated_instance_counts(tmp_path):
    from rtlopt.engine.hierarchy import elaborated_counts, graph, instance_counts

    f = tmp_path / "gen.v"
    f.write_text(GEN)
    d = open_design([f], "gtop")
    # as written: one instantiation each; elaborated: the loop's 3 copies, the generate-if branch off
    assert instance_counts(graph(d.parsed), "gtop") == {"gtop": 1, "leaf": 1, "off_unit": 1}
    assert elaborated_counts(d.parsed, "gtop") == {"gtop": 1, "leaf": 3}
