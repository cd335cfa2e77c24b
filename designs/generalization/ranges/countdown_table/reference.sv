// Ten-slot TDM countdown: the table is slot - 1 on 1..9 and 9 elsewhere.
module tdm_slot (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       tick,
  output logic [3:0] slot,
  output logic       frame_start
);
  logic [3:0] nxt;

  // slot - 1 while 1..9, reload 9 from 0 (and from the unreachable 10..15, as the table does)
  assign nxt = (slot != 4'd0 && slot <= 4'd9) ? slot - 4'd1 : 4'd9;

  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n)    slot <= 4'd9;
    else if (tick) slot <= nxt;

  assign frame_start = tick && (slot == 4'd0);
endmodule
