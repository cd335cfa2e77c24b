// hand reference: per lane m1/m2 = the last 1/2 bytes matched C3, C3 3C; hit registers m2 && d == 99
// (the registered hit reads the history before the shift); f = the newest byte was FF
module lane_det (input clk, input rst, input en, input [7:0] d, output reg hit, output fill);
  reg m1, m2, m3, f;
  always @(posedge clk) begin
    if (rst) begin
      m1 <= 1'b0; m2 <= 1'b0; m3 <= 1'b0; f <= 1'b0; hit <= 1'b0;
    end else if (en) begin
      m1 <= d == 8'hC3;
      m2 <= m1 && d == 8'h3C;
      m3 <= m2 && d == 8'h99;
      f <= d == 8'hFF;
      hit <= m3;
    end
  end
  assign fill = f;
endmodule

module dual_hdr (input clk, input rst, input en, input [7:0] da, input [7:0] db,
                 output hit_a, output hit_b, output fill_a, output fill_b);
  lane_det u_a (.clk(clk), .rst(rst), .en(en), .d(da), .hit(hit_a), .fill(fill_a));
  lane_det u_b (.clk(clk), .rst(rst), .en(en), .d(db), .hit(hit_b), .fill(fill_b));
endmodule
