// TDM frame timing: 12 slots per frame, with 4-slot sub-frames and 3-slot phases,
// each kept by its own modulo-counter instance.
module modcnt #(parameter MOD = 10, parameter W = 8) (
  input              clk,
  input              rst,
  input              en,
  output reg [W-1:0] c,
  output             wrap
);
  assign wrap = en && (c == MOD - 1);
  always @(posedge clk) begin
    if (rst)       c <= {W{1'b0}};
    else if (wrap) c <= {W{1'b0}};
    else if (en)   c <= c + 1'b1;
  end
endmodule

module tdm_slots (
  input        clk,
  input        rst,
  input        slot_tick,
  output [3:0] slot,
  output       frame_end,
  output       sub_end,
  output       phase_end
);
  wire [7:0] c4, c3;
  modcnt #(.MOD(12), .W(4)) u_frame (.clk(clk), .rst(rst), .en(slot_tick), .c(slot), .wrap(frame_end));
  modcnt #(.MOD(4))         u_sub   (.clk(clk), .rst(rst), .en(slot_tick), .c(c4),   .wrap(sub_end));
  modcnt #(.MOD(3))         u_phase (.clk(clk), .rst(rst), .en(slot_tick), .c(c3),   .wrap(phase_end));
endmodule
