// Burst generator: after 'go', the output is high for ON_T cycles, then low for OFF_T cycles, and so
// on until 'stop' is seen in the low phase. The two phases never time at once: one counter, reloaded
// when either phase is entered.
module burst_gen #(parameter ON_T = 13, parameter OFF_T = 9) (
  input  wire clk, rst, go, stop,
  output reg  out,
  output wire busy
);
  localparam IDLE = 2'd0, ON = 2'd1, OFF = 2'd2;
  reg [1:0] st;
  reg [3:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE;
      cnt <= 4'd0;
      out <= 1'b0;
    end else begin
      case (st)
        IDLE: if (go) begin st <= ON; cnt <= 4'd0; out <= 1'b1; end
        ON:
          if (cnt == ON_T - 1) begin st <= OFF; cnt <= 4'd0; out <= 1'b0; end
          else cnt <= cnt + 4'd1;
        OFF:
          if (stop) st <= IDLE;
          else if (cnt == OFF_T - 1) begin st <= ON; cnt <= 4'd0; out <= 1'b1; end
          else cnt <= cnt + 4'd1;
        default: st <= IDLE;
      endcase
    end
  end
  assign busy = (st != IDLE);
endmodule
