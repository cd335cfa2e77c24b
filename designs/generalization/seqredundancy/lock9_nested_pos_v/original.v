// Two TDM framers: each framer has a slot counter module nested inside it (wraps at SLOTS-1, counts
// on the shared frame strobe); both framers get the same strobe, so both counters are equal.
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

module framer #(parameter SLOTS = 12, parameter [3:0] MINE = 4'd0) (
  input  wire clk, rst, stb,
  input  wire [7:0] din,
  output reg  [7:0] dout
);
  wire [3:0] cur;
  slot_ctr #(.SLOTS(SLOTS)) u_ctr (.clk(clk), .rst(rst), .stb(stb), .slot(cur));
  always @(posedge clk)
    if (rst) dout <= 8'd0;
    else if (stb && cur == MINE) dout <= din;
endmodule

module tdm_pair (
  input  wire clk, rst, stb,
  input  wire [7:0] din,
  output wire [7:0] a, b
);
  framer #(.SLOTS(10), .MINE(4'd2)) u_a (.clk(clk), .rst(rst), .stb(stb), .din(din), .dout(a));
  framer #(.SLOTS(10), .MINE(4'd7)) u_b (.clk(clk), .rst(rst), .stb(stb), .din(din), .dout(b));
endmodule
