// Two TDM framers: both nested slot counters were always equal; one counter in the top feeds both.
module slot_ctr #(parameter SLOTS = 12) (
  input  wire clk, rst, stb,
  output reg  [3:0] slot
);
  always @(posedge clk) begin
    if (rst)
      slot <= 4'd0;
    else if (stb) begin
      if (slot == SLOTS - 1) slot <= 4'd0;
      else slot <= slot + 4'd1;
    end
  end
endmodule

module framer #(parameter [3:0] MINE = 4'd0) (
  input  wire clk, rst, stb,
  input  wire [3:0] cur,
  input  wire [7:0] din,
  output reg  [7:0] dout
);
  always @(posedge clk)
    if (rst) dout <= 8'd0;
    else if (stb && cur == MINE) dout <= din;
endmodule

module tdm_pair (
  input  wire clk, rst, stb,
  input  wire [7:0] din,
  output wire [7:0] a, b
);
  wire [3:0] cur;
  slot_ctr #(.SLOTS(10)) u_ctr (.clk(clk), .rst(rst), .stb(stb), .slot(cur));
  framer #(.MINE(4'd2)) u_a (.clk(clk), .rst(rst), .stb(stb), .cur(cur), .din(din), .dout(a));
  framer #(.MINE(4'd7)) u_b (.clk(clk), .rst(rst), .stb(stb), .cur(cur), .din(din), .dout(b));
endmodule
