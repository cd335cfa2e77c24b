// Credit tracker of a link: the outstanding count is sent - returned, computed from the two event
// counters (the up/down counter instance goes).
module evt_ctr #(parameter W = 5) (
  input  wire         clk,
  input  wire         rst_n,
  input  wire         ev,
  output reg  [W-1:0] n
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) n <= {W{1'b0}};
    else if (ev) n <= n + 1'b1;
endmodule

module credit_ctl #(parameter W = 5, parameter MAXO = 12) (
  input  wire         clk,
  input  wire         rst_n,
  input  wire         req,
  input  wire         rsp,
  output wire         send,
  output wire [W-1:0] seq_no,
  output wire [W-1:0] ack_no,
  output wire         stall
);
  wire [W-1:0] sent, back;
  wire [W-1:0] outst = sent - back;
  wire ret = rsp && (outst != {W{1'b0}});
  assign send = req && !stall;
  assign stall = (outst >= MAXO);
  assign seq_no = sent;
  assign ack_no = back;
  evt_ctr #(.W(W)) u_sent (.clk(clk), .rst_n(rst_n), .ev(send), .n(sent));
  evt_ctr #(.W(W)) u_back (.clk(clk), .rst_n(rst_n), .ev(ret), .n(back));
endmodule

module link_top (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       req,
  input  wire       rsp,
  output wire       send,
  output wire [5:0] seq_no,
  output wire [5:0] ack_no,
  output wire       stall
);
  credit_ctl #(.W(6), .MAXO(20)) u_cc (.clk(clk), .rst_n(rst_n), .req(req), .rsp(rsp),
                                       .send(send), .seq_no(seq_no), .ack_no(ack_no), .stall(stall));
endmodule
