// Credit monitor: a sent-word counter and a returned-credit counter in two instances; the watermark
// instance keeps its own outstanding count (+1 on send, -1 on return) to flag 'many outstanding'.
module ev_count #(parameter int W = 8) (
  input  logic clk, rst, inc,
  output logic [W-1:0] n
);
  always_ff @(posedge clk)
    if (rst) n <= '0;
    else if (inc) n <= n + W'(1);
endmodule

module watermark #(parameter int W = 8, parameter int HI = 40) (
  input  logic clk, rst, snd, ret,
  output logic many
);
  logic [W-1:0] out_q;
  always_ff @(posedge clk) begin
    if (rst) out_q <= '0;
    else begin
      case ({snd, ret})
        2'b10:   out_q <= out_q + W'(1);
        2'b01:   out_q <= out_q - W'(1);
        default: out_q <= out_q;
      endcase
    end
  end
  assign many = out_q >= W'(HI);
endmodule

module credit_mon (
  input  logic clk, rst, snd, ret,
  output logic [7:0] sent, back,
  output logic many
);
  ev_count #(.W(8)) u_s (.clk, .rst, .inc(snd), .n(sent));
  ev_count #(.W(8)) u_r (.clk, .rst, .inc(ret), .n(back));
  watermark #(.W(8), .HI(40)) u_w (.clk, .rst, .snd, .ret, .many);
endmodule
