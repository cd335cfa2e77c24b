// Four-digit multiplexed 7-segment display driver.
module refresh_div #(parameter DIV = 100000) (
  input            clk,
  input            rst,
  output reg [1:0] digit,
  output           tick
);
  reg [31:0] cnt;
  assign tick = (cnt == DIV - 1);
  always @(posedge clk) begin
    if (rst) begin
      cnt   <= 32'd0;
      digit <= 2'd0;
    end else if (tick) begin
      cnt   <= 32'd0;
      digit <= digit + 1'b1;
    end else begin
      cnt <= cnt + 1;
    end
  end
endmodule

module anode_ring (
  input            clk,
  input            rst,
  input            adv,
  output reg [3:0] an_n          // active-low digit enables
);
  always @(posedge clk) begin
    if (rst)      an_n <= 4'b1110;
    else if (adv) an_n <= {an_n[2:0], an_n[3]};
  end
endmodule

module seg_decode (
  input      [3:0] d,
  output reg [6:0] seg_n         // active-low gfedcba
);
  always @(*) begin
    case (d)
      4'h0: seg_n = 7'b1000000; 4'h1: seg_n = 7'b1111001; 4'h2: seg_n = 7'b0100100;
      4'h3: seg_n = 7'b0110000; 4'h4: seg_n = 7'b0011001; 4'h5: seg_n = 7'b0010010;
      4'h6: seg_n = 7'b0000010; 4'h7: seg_n = 7'b1111000; 4'h8: seg_n = 7'b0000000;
      4'h9: seg_n = 7'b0010000; 4'hA: seg_n = 7'b0001000; 4'hB: seg_n = 7'b0000011;
      4'hC: seg_n = 7'b1000110; 4'hD: seg_n = 7'b0100001; 4'hE: seg_n = 7'b0000110;
      default: seg_n = 7'b0001110;
    endcase
  end
endmodule

module sevenseg_top (
  input         clk,
  input         rst,
  input  [15:0] value,
  output [3:0]  an_n,
  output [6:0]  seg_n
);
  wire [1:0] digit;
  wire       tick;
  refresh_div #(.DIV(50000)) u_div (.clk(clk), .rst(rst), .digit(digit), .tick(tick));
  anode_ring u_ring (.clk(clk), .rst(rst), .adv(tick), .an_n(an_n));
  seg_decode u_dec (.d(value[digit*4 +: 4]), .seg_n(seg_n));
endmodule
