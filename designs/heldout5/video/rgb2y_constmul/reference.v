// Constant products as shift-adds: 66r = 64r + 2r, 129g = 128g + g,
// 25b = 16b + 8b + b; +16 folded into the rounding constant (16*256+128).
module rgb2y (
  input  wire       clk,
  input  wire [7:0] r,
  input  wire [7:0] g,
  input  wire [7:0] b,
  output reg  [7:0] y
);
  wire [16:0] sum = {3'd0, r, 6'd0} + {8'd0, r, 1'b0} + {2'd0, g, 7'd0} + {9'd0, g}
                  + {5'd0, b, 4'd0} + {6'd0, b, 3'd0} + {9'd0, b} + 17'd4224;
  always @(posedge clk)
    y <= sum[15:8];
endmodule
