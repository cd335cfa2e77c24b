// Lap timer: seconds since start (0..59:59), wrap written as an if; digits picked by a helper function.
module lap_timer (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       sec_pulse,
  input  wire       restart,
  output wire [3:0] d_min10,
  output wire [3:0] d_min1,
  output wire [3:0] d_sec10,
  output wire [3:0] d_sec1
);
  reg [11:0] elapsed;
  always @(posedge clk) begin
    if (!rst_n)
      elapsed <= 12'd0;
    else if (restart)
      elapsed <= 12'd0;
    else if (sec_pulse) begin
      if (elapsed == 12'd3599)
        elapsed <= 12'd0;
      else
        elapsed <= elapsed + 12'd1;
    end
  end

  // digit of v at place 'unit' with 'base' values
  function [3:0] digit;
    input [11:0] v;
    input [11:0] unit;
    input [11:0] base;
    begin
      digit = (v / unit) % base;
    end
  endfunction

  assign d_sec1  = digit(elapsed, 12'd1,   12'd10);
  assign d_sec10 = digit(elapsed, 12'd10,  12'd6);
  assign d_min1  = digit(elapsed, 12'd60,  12'd10);
  assign d_min10 = digit(elapsed, 12'd600, 12'd6);
endmodule
