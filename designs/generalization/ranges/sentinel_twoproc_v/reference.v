// Debounce / hold-off: an edge on 'raw' loads a countdown of HOLD-1..0; the
// count runs down past 0 to -1, which means idle. 'stable' is high while idle.
module holdoff_cd #(
    parameter HOLD = 100
) (
    input  wire clk,
    input  wire rst,
    input  wire raw,
    output reg  clean,
    output wire stable
);
  // rtlopt: rewritten for the parameter values it was proven with; any other values keep
  // the original logic (the else arm, unchanged)
  if (HOLD == 100) begin : rtlopt_params_holdoff_cd
      integer left;
      reg signed [7:0] left_q;
      always @* left = left_q;      // -1: idle
      reg     raw_q;


      always @(posedge clk) begin
          if (rst) begin
              left_q  <= -1;
              raw_q <= 1'b0;
              clean <= 1'b0;
          end else begin
              begin
                  if (raw != raw_q)
                      left_q <= HOLD - 1;
                  else if (left >= 0)
                      left_q <= left - 1;
              end
              raw_q <= raw;
              if (left == 0)
                  clean <= raw_q;
          end
      end
      assign stable = left < 0;
  end else begin : rtlopt_original_holdoff_cd
      integer left, left_n;      // -1: idle
      reg     raw_q;

      always @* begin
          left_n = left;
          if (raw != raw_q)
              left_n = HOLD - 1;
          else if (left >= 0)
              left_n = left - 1;
      end

      always @(posedge clk) begin
          if (rst) begin
              left  <= -1;
              raw_q <= 1'b0;
              clean <= 1'b0;
          end else begin
              left  <= left_n;
              raw_q <= raw;
              if (left == 0)
                  clean <= raw_q;
          end
      end
      assign stable = left < 0;
  end
endmodule
