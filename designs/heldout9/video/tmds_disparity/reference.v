// DVI/TMDS-style data-channel encoder: transition minimisation (XOR/XNOR chain) followed by DC
// balancing with a running disparity counter. zeros = 8 - ones, so diff = 2*ones - 8 and the
// ones/zeros comparisons are comparisons of the ones count with 4.
module ones8 (input wire [7:0] v, output reg [3:0] n);
  integer i;
  always @* begin
    n = 4'd0;
    for (i = 0; i < 8; i = i + 1) n = n + v[i];
  end
endmodule

module tmds_enc (
  input  wire clk, rst,
  input  wire de,
  input  wire [7:0] d,
  input  wire [1:0] ctl,
  output reg  [9:0] q
);
  wire [3:0] n1d, n1q;
  reg  [8:0] qm;
  reg  signed [4:0] cnt;
  integer i;
  ones8 u_d (.v(d), .n(n1d));
  wire use_xnor = (n1d > 4'd4) || (n1d == 4'd4 && d[0] == 1'b0);
  always @* begin
    qm[0] = d[0];
    for (i = 1; i < 8; i = i + 1) qm[i] = use_xnor ? ~(qm[i-1] ^ d[i]) : (qm[i-1] ^ d[i]);
    qm[8] = ~use_xnor;
  end
  ones8  u_q1 (.v(qm[7:0]), .n(n1q));
  wire signed [4:0] diff = $signed({n1q[3:0] - 4'd4, 1'b0});
  always @(posedge clk)
    if (rst) begin q <= 10'd0; cnt <= 5'sd0; end
    else if (!de) begin
      cnt <= 5'sd0;
      case (ctl)
        2'b00: q <= 10'b1101010100;
        2'b01: q <= 10'b0010101011;
        2'b10: q <= 10'b0101010100;
        default: q <= 10'b1010101011;
      endcase
    end else if (cnt == 0 || n1q == 4'd4) begin
      q <= {~qm[8], qm[8], qm[8] ? qm[7:0] : ~qm[7:0]};
      cnt <= qm[8] ? cnt + diff : cnt - diff;
    end else if ((cnt > 0 && n1q > 4'd4) || (cnt < 0 && n1q < 4'd4)) begin
      q <= {1'b1, qm[8], ~qm[7:0]};
      cnt <= cnt + $signed({3'b000, qm[8], 1'b0}) - diff;
    end else begin
      q <= {1'b0, qm[8], qm[7:0]};
      cnt <= cnt - $signed({3'b000, ~qm[8], 1'b0}) + diff;
    end
endmodule
