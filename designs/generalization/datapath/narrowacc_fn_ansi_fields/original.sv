// Byte offset after a burst of four lanes: each enabled lane reports how many
// bytes (0..3) it consumed; the 24-bit stream offset adds them one lane at a time.
module stream_offset (
  input  logic [23:0] offset,
  input  logic [7:0]  lane_bytes,   // four 2-bit byte counts
  input  logic [3:0]  lane_en,
  output logic [23:0] next_offset
);
  function automatic logic [23:0] advance(input logic [23:0] start, input logic [7:0] n,
                                            input logic [3:0] en);
    logic [23:0] acc;
    acc = start;
    for (int l = 0; l < 4; l++)
      if (en[l]) acc = acc + 24'(n[2*l +: 2]);
    advance = acc;
  endfunction

  assign next_offset = advance(offset, lane_bytes, lane_en);
endmodule
