// Saturating multiply-accumulate with two coefficient banks selected per cycle.
module smul #(parameter int W = 8) (
  input  logic signed [W-1:0]   a,
  input  logic signed [W-1:0]   b,
  output logic signed [2*W-1:0] p
);
  assign p = a * b;
endmodule

module sat_mac #(parameter int W = 8, parameter int AW = 20) (
  input  logic                 clk,
  input  logic                 rst,
  input  logic                 en,
  input  logic                 sel,
  input  logic signed [W-1:0]  x,
  input  logic signed [W-1:0]  c0,
  input  logic signed [W-1:0]  c1,
  output logic signed [AW-1:0] acc
);
  localparam logic signed [AW:0] MAXV = (1 <<< (AW - 1)) - 1;
  localparam logic signed [AW:0] MINV = -(1 <<< (AW - 1));
  logic signed [2*W-1:0] p0, p1, p;
  logic signed [AW:0]    s;
  smul #(.W(W)) u_m0 (.a(x), .b(c0), .p(p0));
  smul #(.W(W)) u_m1 (.a(x), .b(c1), .p(p1));
  always_comb begin
    p = sel ? p1 : p0;
    s = acc + p;
  end
  always_ff @(posedge clk) begin
    if (rst)     acc <= '0;
    else if (en) begin
      if (s > MAXV)      acc <= MAXV[AW-1:0];
      else if (s < MINV) acc <= MINV[AW-1:0];
      else               acc <= s[AW-1:0];
    end
  end
endmodule

module mac_top (
  input  logic               clk,
  input  logic               rst,
  input  logic               en,
  input  logic               sel,
  input  logic signed [5:0]  x,
  input  logic signed [5:0]  c0,
  input  logic signed [5:0]  c1,
  output logic signed [13:0] acc
);
  sat_mac #(.W(6), .AW(14)) u_mac (.*);
endmodule
