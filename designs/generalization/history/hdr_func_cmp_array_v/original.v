// two byte lanes, each a sub-module instance keeping a 3-byte history in an array shifted by a for loop;
// the header test is a Verilog function of three bytes (C3 3C 99) and the newest byte is also checked
// for an FF filler through a second function
module lane_det (input clk, input rst, input en, input [7:0] d, output reg hit, output fill);
  reg [7:0] h [0:2];
  integer i;
  function is_hdr(input [7:0] a, input [7:0] b, input [7:0] c);
    is_hdr = (a == 8'hC3) && (b == 8'h3C) && (c == 8'h99);
  endfunction
  function is_fill(input [7:0] x);
    is_fill = x == 8'hFF;
  endfunction
  always @(posedge clk) begin
    if (rst) begin
      for (i = 0; i < 3; i = i + 1) h[i] <= 8'h00;
      hit <= 1'b0;
    end else if (en) begin
      h[0] <= d;
      for (i = 1; i < 3; i = i + 1) h[i] <= h[i-1];
      hit <= is_hdr(h[2], h[1], h[0]);
    end
  end
  assign fill = is_fill(h[0]);
endmodule

module dual_hdr (input clk, input rst, input en, input [7:0] da, input [7:0] db,
                 output hit_a, output hit_b, output fill_a, output fill_b);
  lane_det u_a (.clk(clk), .rst(rst), .en(en), .d(da), .hit(hit_a), .fill(fill_a));
  lane_det u_b (.clk(clk), .rst(rst), .en(en), .d(db), .hit(hit_b), .fill(fill_b));
endmodule
