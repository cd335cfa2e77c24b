// Line idle detector: a zero-run counter in its own module beside a window of the received bits.
module zrun_counter (
  input            clk,
  input            clr,
  input            en,
  input            bit_in,
  output reg [2:0] count
);
  always @(posedge clk)
    if (clr)
      count <= 3'd0;
    else if (en) begin
      if (bit_in)
        count <= 3'd0;
      else if (count != 3'd7)
        count <= count + 3'd1;
    end
endmodule

module line_idle (
  input        clk,
  input        rst,
  input        en,
  input        din,
  output       idle,
  output       gap2,
  output [5:0] recent
);
  wire [2:0] zrun;
  reg  [5:0] win;

  zrun_counter u_run (.clk(clk), .clr(rst), .en(en), .bit_in(din), .count(zrun));

  always @(posedge clk)
    if (rst)
      win <= 6'b111111;  // the line idles high
    else if (en)
      win <= {win[4:0], din};

  assign idle   = (3'd6 <= zrun);
  assign gap2   = (zrun == 3'd2);
  assign recent = win;
endmodule
