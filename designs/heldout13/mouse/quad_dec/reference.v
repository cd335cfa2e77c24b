// Optical mouse quadrature decoder: one instance per axis, 2-flop synchroniser,
// 4x decoding into a position counter.
module quad_axis #(parameter PW = 16) (
  input  wire          clk,
  input  wire          rst,
  input  wire          a,
  input  wire          b,
  output reg  [PW-1:0] pos
);
  reg [1:0] sa, sb;
  reg pa, pb;
  always @(posedge clk) begin
    if (rst) begin
      sa <= 2'b00; sb <= 2'b00; pa <= 1'b0; pb <= 1'b0; pos <= {PW{1'b0}};
    end else begin
      sa <= {sa[0], a};
      sb <= {sb[0], b};
      pa <= sa[1];
      pb <= sb[1];
      if ((sa[1] ^ pa) ^ (sb[1] ^ pb)) begin
        if (sa[1] ^ pb) pos <= pos + 1'b1;
        else            pos <= pos - 1'b1;
      end
    end
  end
endmodule

module mouse_sensor (
  input  wire       clk,
  input  wire       rst,
  input  wire       xa, xb, ya, yb,
  output wire [7:0] dx,
  output wire [7:0] dy
);
  // only the low 8 bits are read and the upper bits never feed them: 8-bit counters
  wire [7:0] px, py;
  quad_axis #(.PW(8)) u_x (.clk(clk), .rst(rst), .a(xa), .b(xb), .pos(px));
  quad_axis #(.PW(8)) u_y (.clk(clk), .rst(rst), .a(ya), .b(yb), .pos(py));
  // the HID report carries 8-bit wrapping positions
  assign dx = px[7:0];
  assign dy = py[7:0];
endmodule
