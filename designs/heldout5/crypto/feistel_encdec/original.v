// One round of a 32-bit Feistel cipher (16-bit halves) with separate
// encrypt and decrypt datapaths, selected by the mode input.
module feistel_f (
  input  wire [15:0] x,
  input  wire [15:0] k,
  output wire [15:0] y
);
  function [3:0] sbox;                 // PRESENT S-box
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
  wire [15:0] f_enc, f_dec;
  feistel_f u_fe (.x(r), .k(rk), .y(f_enc));     // enc: L' = R, R' = L ^ F(R)
  feistel_f u_fd (.x(l), .k(rk), .y(f_dec));     // dec: R' = L, L' = R ^ F(L)
  wire [31:0] enc = {r, l ^ f_enc};
  wire [31:0] dec = {r ^ f_dec, l};
  always @(posedge clk)
    dout <= decrypt ? dec : enc;
endmodule
