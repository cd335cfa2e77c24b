// Counters sized to their ranges (6 and 10 bits); equality at the terminal count.
module tick_timer #(
  parameter PRESC  = 1000,
  parameter PERIOD = 100
) (
  input  wire clk,
  input  wire rst,
  input  wire en,
  output reg  tick
);
  localparam PW = $clog2(PRESC);
  localparam CW = $clog2(PERIOD);
  reg [PW-1:0] pre;
  reg [CW-1:0] cnt;
  always @(posedge clk) begin
    tick <= 1'b0;
    if (rst) begin
      pre <= {PW{1'b0}};
      cnt <= {CW{1'b0}};
    end else if (en) begin
      if (pre == PRESC - 1) begin
        pre <= {PW{1'b0}};
        if (cnt == PERIOD - 1) begin
          cnt  <= {CW{1'b0}};
          tick <= 1'b1;
        end else
          cnt <= cnt + 1'b1;
      end else
        pre <= pre + 1'b1;
    end
  end
endmodule

module sys_tick (
  input  wire clk,
  input  wire rst,
  input  wire en,
  output wire tick_1ms
);
  tick_timer #(.PRESC(48), .PERIOD(1000)) u_t (.clk(clk), .rst(rst), .en(en), .tick(tick_1ms));
endmodule
