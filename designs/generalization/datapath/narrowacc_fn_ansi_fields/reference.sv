// Byte offset after a burst of four lanes: the four gated 2-bit counts summed in a
// small tree (at most 12, 4 bits), then one 24-bit add.
module stream_offset (
  input  logic [23:0] offset,
  input  logic [7:0]  lane_bytes,   // four 2-bit byte counts
  input  logic [3:0]  lane_en,
  output logic [23:0] next_offset
);
  logic [2:0] s01, s23;
  logic [3:0] total;
  logic [7:0] b;
  assign b = lane_bytes & {{2{lane_en[3]}}, {2{lane_en[2]}}, {2{lane_en[1]}}, {2{lane_en[0]}}};
  assign s01 = b[1:0] + b[3:2];
  assign s23 = b[5:4] + b[7:6];
  assign total = s01 + s23;
  assign next_offset = offset + {20'd0, total};
endmodule
