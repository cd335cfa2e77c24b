// hand reference: m1/m2/m3 = the last 1/2/3 bytes matched BC, BC 50, BC 50 C5; i0 = the last byte was 1C
module kcomma_det (input logic clk, input logic rst_n, input logic en, input logic [7:0] rx,
                   output logic comma, output logic idle_k);
  logic m1, m2, m3, i0;
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; i0 <= 1'b0;
    end else if (en) begin
      m1 <= rx == 8'hBC;
      m2 <= m1 && rx == 8'h50;
      m3 <= m2 && rx == 8'hC5;
      i0 <= rx == 8'h1C;
    end
  end
  assign comma = m3;
  assign idle_k = i0;
endmodule
