// Three-stage sample pipeline with an 'active' flag kept by set/clear logic in its own process:
// set by a new sample, cleared once the first two stages are empty.
module stage_active (
  input  logic       clk,
  input  logic       rst,
  input  logic       in_valid,
  input  logic [7:0] in_data,
  output logic       out_valid,
  output logic [7:0] out_data,
  output logic       active
);
  logic va, vb, vc;
  logic [7:0] da, db, dc;
  always_ff @(posedge clk) begin
    if (rst) begin
      va <= 1'b0; vb <= 1'b0; vc <= 1'b0;
    end else begin
      va <= in_valid; vb <= va; vc <= vb;
    end
    da <= in_data;
    db <= da ^ 8'h3C;
    dc <= db + 8'd7;
  end
  // active is the OR of the valid bits
  assign active    = va | vb | vc;
  assign out_valid = vc;
  assign out_data  = dc;
endmodule
