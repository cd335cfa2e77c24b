// The ring is ~(1 << idx) of a down counter.
module tdm_slots (
  input            clk,
  input            rst_n,
  input            tick,
  output     [7:0] slot_n,
  output     [2:0] slot_id,
  output           mine
);
  reg [2:0] idx;
  always @(posedge clk or negedge rst_n)
    if (!rst_n)    idx <= 3'd7;
    else if (tick) idx <= idx - 3'd1;
  assign slot_n  = ~(8'd1 << idx);
  assign slot_id = idx;
  assign mine    = idx == 3'd5;
endmodule
