// Bimodal branch predictor: table of saturating counters indexed by PC bits
module bimodal #(parameter int ENTRIES = 16, parameter int IW = $clog2(ENTRIES)) (
  input  logic          clk,
  input  logic          rst,
  input  logic [IW-1:0] lookup_idx,
  output logic          predict_taken,
  input  logic          update,
  input  logic [IW-1:0] update_idx,
  input  logic          taken
);
  logic [1:0] ctr [ENTRIES];

  assign predict_taken = ctr[lookup_idx][1];

  always_ff @(posedge clk) begin
    if (rst) begin
      for (int i = 0; i < ENTRIES; i++) ctr[i] <= 2'd1;   // weakly not taken
    end else if (update) begin
      if (taken) begin
        if (ctr[update_idx] < 2'd3) ctr[update_idx] <= ctr[update_idx] + 2'd1;
      end else begin
        if (ctr[update_idx] > 2'd0) ctr[update_idx] <= ctr[update_idx] - 2'd1;
      end
    end
  end
endmodule

module bimodal8 (
  input  logic       clk, rst,
  input  logic [2:0] lookup_idx,
  output logic       predict_taken,
  input  logic       update,
  input  logic [2:0] update_idx,
  input  logic       taken
);
  bimodal #(.ENTRIES(8)) u_bp (.*);
endmodule
