// frame marker on a 4-bit symbol stream: the symbols 5 A C 3 (oldest first), kept in one window vector
module vt2 (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       vld,
  input  logic [3:0] sym,
  output logic       frame
);
  logic [19:0] win;   // five 4-bit symbols, newest at the top
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) win <= 20'hFFFFF;
    else if (vld) win <= {sym, win[19:4]};
  end
  assign frame = vld && (win[19:12] == 8'h3C) && (win[11:4] == 8'hA5);
endmodule
