module shl32 (
  input  [31:0] din,
  input  [4:0]  amt,
  output [31:0] dout
);
  wire [31:0] stage [0:5];
  assign stage[0] = din;
  genvar s, j;
  generate
    for (s = 0; s < 5; s = s + 1) begin : st
      for (j = 0; j < 32; j = j + 1) begin : bt
        if (j >= (1 << s)) begin : mv
          assign stage[s+1][j] = amt[s] ? stage[s][j - (1 << s)] : stage[s][j];
        end else begin : zr
          assign stage[s+1][j] = amt[s] ? 1'b0 : stage[s][j];
        end
      end
    end
  endgenerate
  assign dout = stage[5];
endmodule
