// Count the events first (3-bit popcount), then one 32-bit adder.
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
  reg [7:0] n;
  integer i;
  always @* begin
    n = 8'd0;
    for (i = 0; i < NEV; i = i + 1)
      n = n + ev[i];
  end
  always @(posedge clk)
    if (rst)     count <= {CW{1'b0}};
    else if (en) count <= count + n;
endmodule

module pmu_retire (
  input  wire        clk,
  input  wire        rst,
  input  wire        en,
  input  wire [5:0]  retired,
  output wire [31:0] instret
);
  evt_counter #(.NEV(6), .CW(32)) u_cnt (.clk(clk), .rst(rst), .en(en), .ev(retired), .count(instret));
endmodule
