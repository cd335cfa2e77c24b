module since_sync (
  input  wire       clk,
  input  wire       rst,
  input  wire       sync,
  output reg  [2:0] age
);
  always @(posedge clk)
    if (rst)                age <= 3'd3;
    else if (sync)          age <= 3'd0;
    else if (age != 3'd3)   age <= age + 3'd1;
endmodule

module quiet_mon (
  input  wire       clk,
  input  wire       rst,
  input  wire       sync,
  output wire       quiet,
  output reg  [2:0] sync_hist
);
  wire [2:0] age;
  since_sync u_age (.clk(clk), .rst(rst), .sync(sync), .age(age));
  always @(posedge clk)
    if (rst) sync_hist <= 3'b000;
    else     sync_hist <= {sync_hist[1:0], sync};
  assign quiet = (age == 3'd3);
endmodule
