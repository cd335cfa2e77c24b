// Link-layer credit counter (receiver returns credits, sender consumes them).
module credit_cnt #(
  parameter int MAX = 16,
  parameter int CW = $clog2(MAX + 1)
) (
  input  logic          clk_i,
  input  logic          rst_ni,
  input  logic          consume_i,
  input  logic          return_i,
  output logic [CW-1:0] credits_o,
  output logic          can_send_o,
  output logic          all_back_o
);
  logic [CW-1:0] cnt_q, cnt_d;
  logic          has_q, full_q;
  logic          take, give;

  assign take = consume_i && has_q;
  assign give = return_i && !full_q;

  always_comb begin
    cnt_d = cnt_q;
    if (take && !give)      cnt_d = cnt_q - 1'b1;
    else if (give && !take) cnt_d = cnt_q + 1'b1;
  end

  always_ff @(posedge clk_i or negedge rst_ni) begin
    if (!rst_ni) begin
      cnt_q  <= CW'(MAX);
      has_q  <= 1'b1;
      full_q <= 1'b1;
    end else begin
      cnt_q  <= cnt_d;
      has_q  <= (cnt_d != '0);
      full_q <= (cnt_d == CW'(MAX));
    end
  end

  assign credits_o  = cnt_q;
  assign can_send_o = has_q;
  assign all_back_o = full_q;
endmodule

module credit_ctr (
  input  logic       clk_i,
  input  logic       rst_ni,
  input  logic [1:0] consume_i,
  input  logic [1:0] return_i,
  output logic [4:0] vc0_credits_o,
  output logic [3:0] vc1_credits_o,
  output logic [1:0] can_send_o,
  output logic [1:0] idle_o
);
  credit_cnt #(.MAX(24)) u_vc0 (.clk_i(clk_i), .rst_ni(rst_ni), .consume_i(consume_i[0]), .return_i(return_i[0]),
                                .credits_o(vc0_credits_o), .can_send_o(can_send_o[0]), .all_back_o(idle_o[0]));
  credit_cnt #(.MAX(10)) u_vc1 (.clk_i(clk_i), .rst_ni(rst_ni), .consume_i(consume_i[1]), .return_i(return_i[1]),
                                .credits_o(vc1_credits_o), .can_send_o(can_send_o[1]), .all_back_o(idle_o[1]));
endmodule
