// Beat counter of a 12-beat burst and a separate "beats left" tracker that counts down in step
module beat_cnt (
  input  logic       clk, rst_n, beat,
  output logic [3:0] idx
);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) idx <= '0;
    else if (beat) idx <= (idx == 4'd11) ? 4'd0 : idx + 4'd1;
endmodule

module burst_track (
  input  logic       clk, rst_n, beat,
  output logic [3:0] idx,
  output logic       last
);
  beat_cnt   u_cnt  (.*);
  assign last = (idx == 4'd11);   // beats left == 11 - idx
endmodule
