// One multiplier: both operands muxed by the phase.
module phase_mac (
  input  logic        clk,
  input  logic        rst,
  input  logic [6:0]  x,
  input  logic [6:0]  y,
  input  logic [6:0]  ca,
  input  logic [6:0]  cb,
  output logic [17:0] acc
);
  logic ph;
  logic [13:0] p;
  always_comb p = (ph ? y : x) * (ph ? cb : ca);
  always_ff @(posedge clk) begin
    if (rst) begin
      ph  <= 1'b0;
      acc <= '0;
    end else begin
      acc <= acc + 18'(p);
      ph  <= !ph;
    end
  end
endmodule
