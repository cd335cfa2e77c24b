// Frame buffer size (reference: the bordered area from the active area).
module frame_size (
  input  logic [6:0] hact, vact,
  output logic [13:0] active,
  output logic [15:0] total
);
  assign active = hact * vact;
  assign total = active + ((hact + vact) << 2) + 16'd16;
endmodule
