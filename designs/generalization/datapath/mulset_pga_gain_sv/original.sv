// Programmable gain stage: a power-of-two gain (off, x1, x2, x4) picked by a mode register,
// written as a product with a gain word from always_comb.
module pga (input logic clk, input logic rst, input logic wr, input logic [1:0] mode_in,
            input logic [11:0] x, output logic [14:0] y);
  logic [1:0] mode;
  logic [2:0] g;
  always_comb begin
    unique case (mode)
      2'd0: g = 3'd0;
      2'd1: g = 3'd1;
      2'd2: g = 3'd2;
      default: g = 3'd4;
    endcase
  end
  always_ff @(posedge clk)
    if (rst) begin mode <= 2'd0; y <= '0; end
    else begin
      if (wr) mode <= mode_in;
      y <= x * g;
    end
endmodule
