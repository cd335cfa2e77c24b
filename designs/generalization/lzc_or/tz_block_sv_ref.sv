// Block scaler, reference: min over samples of tzc = tzc of the OR of the samples, one counter.
module tzc8 (
  input  logic [7:0] x,
  output logic [3:0] n
);
  always_comb
    casez (x)
      8'b???????1: n = 4'd0;
      8'b??????10: n = 4'd1;
      8'b?????100: n = 4'd2;
      8'b????1000: n = 4'd3;
      8'b???10000: n = 4'd4;
      8'b??100000: n = 4'd5;
      8'b?1000000: n = 4'd6;
      8'b10000000: n = 4'd7;
      default:     n = 4'd8;
    endcase
endmodule

module tz_block (
  input  logic            clk,
  input  logic            rst_n,
  input  logic [3:0][7:0] s,
  output logic [3:0]      k_q,
  output logic [3:0][7:0] r_q
);
  logic [7:0] any;
  logic [3:0] k;
  assign any = s[0] | s[1] | s[2] | s[3];
  tzc8 u_tz (.x(any), .n(k));
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      k_q <= '0;
      r_q <= '0;
    end else begin
      k_q <= k;
      for (int i = 0; i < 4; i++) r_q[i] <= s[i] >> k;
    end
endmodule
