// Two-stage valid/ready pipeline (elastic), with an occupancy counter for a perf/debug port.
module pipe2_hs #(
  parameter int W = 16
) (
  input  logic         clk_i,
  input  logic         rst_ni,
  input  logic         in_valid_i,
  output logic         in_ready_o,
  input  logic [W-1:0] in_data_i,
  output logic         out_valid_o,
  input  logic         out_ready_i,
  output logic [W-1:0] out_data_o,
  output logic [1:0]   occupancy_o,
  output logic         idle_o
);
  logic         v0_q, v1_q;
  logic [W-1:0] d0_q, d1_q;
  logic [1:0]   cnt_q;
  logic         adv1, adv0, in_fire, out_fire;

  assign adv1     = !v1_q || out_ready_i;        // stage 1 can take a new item
  assign adv0     = !v0_q || adv1;               // stage 0 can take a new item
  assign in_ready_o = adv0;
  assign in_fire  = in_valid_i && adv0;
  assign out_fire = v1_q && out_ready_i;

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      v0_q  <= 1'b0;
      v1_q  <= 1'b0;
      d0_q  <= '0;
      d1_q  <= '0;
      cnt_q <= 2'd0;
    end else begin
      if (adv1) begin
        v1_q <= v0_q;
        if (v0_q) d1_q <= d0_q;
      end
      if (adv0) begin
        v0_q <= in_valid_i;
        if (in_valid_i) d0_q <= in_data_i;
      end
      case ({in_fire, out_fire})
        2'b10:   cnt_q <= cnt_q + 2'd1;
        2'b01:   cnt_q <= cnt_q - 2'd1;
        default: cnt_q <= cnt_q;
      endcase
    end
  end

  assign out_valid_o = v1_q;
  assign out_data_o  = d1_q;
  assign occupancy_o = cnt_q;
  assign idle_o      = (cnt_q == 2'd0);
endmodule
