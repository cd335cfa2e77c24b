// the parent keeps a 3-byte history (SV always_ff, sync active-low reset, enable) and hands the bytes
// to a parameterized checker child whose input ports are only compared with constants (BC 50 C5
// conjunction and an idle 1C flag on the newest byte)
module k_checker #(parameter logic [7:0] K0 = 8'hBC) (
  input  logic [7:0] oldest, input logic [7:0] mid, input logic [7:0] newest,
  output logic comma, output logic idle_k
);
  assign comma = (oldest == K0) && (mid == 8'h50) && (newest == 8'hC5);
  assign idle_k = newest == 8'h1C;
endmodule

module kcomma_det (input logic clk, input logic rst_n, input logic en, input logic [7:0] rx,
                   output logic comma, output logic idle_k);
  logic [7:0] b0, b1, b2;
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      b0 <= '0; b1 <= '0; b2 <= '0;
    end else if (en) begin
      b0 <= rx; b1 <= b0; b2 <= b1;
    end
  end
  k_checker #(.K0(8'hBC)) u_chk (.oldest(b2), .mid(b1), .newest(b0), .comma(comma), .idle_k(idle_k));
endmodule
