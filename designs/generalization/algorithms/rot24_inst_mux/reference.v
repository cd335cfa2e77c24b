// Rotate-right by a muxed amount: log-stage rotator (1, 2, 4, 8, 16); amounts 25..31 give zero as before.
module rot24_inst_mux (
  input  wire [23:0] state,
  input  wire [4:0]  amt_a,
  input  wire [4:0]  amt_b,
  input  wire        use_b,
  output wire [23:0] rotated
);
  wire [4:0]  amt = use_b ? amt_b : amt_a;
  wire [23:0] s1  = amt[0] ? {state[0], state[23:1]}  : state;
  wire [23:0] s2  = amt[1] ? {s1[1:0], s1[23:2]}      : s1;
  wire [23:0] s4  = amt[2] ? {s2[3:0], s2[23:4]}      : s2;
  wire [23:0] s8  = amt[3] ? {s4[7:0], s4[23:8]}      : s4;
  wire [23:0] s16 = amt[4] ? {s8[15:0], s8[23:16]}    : s8;
  assign rotated = (amt > 5'd24) ? 24'd0 : s16;
endmodule
