// Performance-monitor counter: counts how many of NEV event lines fire per cycle.
module evt_counter #(
  parameter NEV = 4,
  parameter CW  = 32
) (
  input  wire           clk,
  input  wire           rst,
  input  wire           en,
  input  wire [NEV-1:0] ev,
  output reg  [CW-1:0]  count
);
  reg [CW-1:0] nxt;
  integer i;
  always @* begin
    nxt = count;
    for (i = 0; i < NEV; i = i + 1)
      if (ev[i]) nxt = nxt + 1'b1;
  end
  always @(posedge clk)
    if (rst)     count <= {CW{1'b0}};
    else if (en) count <= nxt;
endmodule

module pmu_retire (
  input  wire        clk,
  input  wire        rst,
  input  wire        en,
  input  wire [5:0]  retired,     // one bit per retire slot
  output wire [31:0] instret
);
  evt_counter #(.NEV(6), .CW(32)) u_cnt (.clk(clk), .rst(rst), .en(en), .ev(retired), .count(instret));
endmodule
