// One F instance: its input half is chosen by the mode.
module feistel_f (
  input  wire [15:0] x,
  input  wire [15:0] k,
  output wire [15:0] y
);
  function [3:0] sbox;
    input [3:0] v;
    case (v)
      4'h0: sbox = 4'hC; 4'h1: sbox = 4'h5; 4'h2: sbox = 4'h6; 4'h3: sbox = 4'hB;
      4'h4: sbox = 4'h9; 4'h5: sbox = 4'h0; 4'h6: sbox = 4'hA; 4'h7: sbox = 4'hD;
      4'h8: sbox = 4'h3; 4'h9: sbox = 4'hE; 4'hA: sbox = 4'hF; 4'hB: sbox = 4'h8;
      4'hC: sbox = 4'h4; 4'hD: sbox = 4'h7; 4'hE: sbox = 4'h1; default: sbox = 4'h2;
    endcase
  endfunction
  wire [15:0] u = x ^ k;
  wire [15:0] s = {sbox(u[15:12]), sbox(u[11:8]), sbox(u[7:4]), sbox(u[3:0])};
  assign y = {s[10:0], s[15:11]} ^ {s[6:0], s[15:7]} ^ s;
endmodule

module feistel_round (
  input  wire        clk,
  input  wire        decrypt,
  input  wire [31:0] din,
  input  wire [15:0] rk,
  output reg  [31:0] dout
);
  wire [15:0] l = din[31:16], r = din[15:0];
  wire [15:0] f;
  feistel_f u_f (.x(decrypt ? l : r), .k(rk), .y(f));
  always @(posedge clk)
    dout <= decrypt ? {r ^ f, l} : {r, l ^ f};
endmodule
