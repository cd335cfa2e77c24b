// Credit-based flow control, one credit counter per virtual channel.
module credit_ctr #(
  parameter int MAXC = 8,
  parameter int CW   = $clog2(MAXC + 1)
) (
  input  logic          clk,
  input  logic          rst_n,
  input  logic          consume,     // a flit was sent
  input  logic          ret,         // a credit came back
  output logic [CW-1:0] credits,
  output logic          can_send
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) credits <= CW'(MAXC);
    else begin
      unique case ({ret, consume})
        2'b10:   credits <= credits + 1'b1;
        2'b01:   credits <= credits - 1'b1;
        default: credits <= credits;
      endcase
    end
  end
  assign can_send = (credits != '0);
endmodule

module vc_credits (
  input  logic        clk,
  input  logic        rst_n,
  input  logic [3:0]  send,
  input  logic [3:0]  credit_ret,
  output logic [3:0]  vc_ready,
  output logic [39:0] vc_credits
);
  for (genvar v = 0; v < 4; v++) begin : g_vc
    credit_ctr #(.MAXC(640)) u_ctr (
      .clk, .rst_n, .consume(send[v] & vc_ready[v]), .ret(credit_ret[v]),
      .credits(vc_credits[10*v +: 10]), .can_send(vc_ready[v])
    );
  end
endmodule
