// Beat counter of a 12-beat burst and a separate "beats left" tracker that counts down in step
module beat_cnt (
  input  logic       clk, rst_n, beat,
  output logic [3:0] idx
);
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) idx <= '0;
    else if (beat) idx <= (idx == 4'd11) ? 4'd0 : idx + 4'd1;
endmodule

module beats_left (
  input  logic clk, rst_n, beat,
  output logic last
);
  logic [3:0] left_q;
  always_comb last = (left_q == 4'd0);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) left_q <= 4'd11;
    else if (beat) begin
      unique case (left_q)
        4'd0:    left_q <= 4'd11;
        default: left_q <= left_q - 4'd1;
      endcase
    end
  end
endmodule

module burst_track (
  input  logic       clk, rst_n, beat,
  output logic [3:0] idx,
  output logic       last
);
  beat_cnt   u_cnt  (.*);
  beats_left u_left (.*);
endmodule
