module neg12 (
  input  [11:0] x,
  output [11:0] nx
);
  wire [11:0] inv = ~x;
  wire [12:0] c;
  assign c[0] = 1'b1;
  genvar i;
  generate
    for (i = 0; i < 12; i = i + 1) begin : inc
      assign nx[i]  = inv[i] ^ c[i];
      assign c[i+1] = inv[i] & c[i];
    end
  endgenerate
endmodule
