// Burst generator: after 'go', the output is high for ON_T cycles, then low for OFF_T cycles, and so
// on until 'stop' is seen in the low phase. Each phase times itself with its own counter, reloaded
// when the phase is entered.
module burst_gen #(parameter ON_T = 13, parameter OFF_T = 9) (
  input  wire clk, rst, go, stop,
  output reg  out,
  output wire busy
);
  localparam IDLE = 2'd0, ON = 2'd1, OFF = 2'd2;
  reg [1:0] st;
  reg [3:0] on_cnt;
  reg [3:0] off_cnt;
  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE;
      on_cnt <= 4'd0;
      off_cnt <= 4'd0;
      out <= 1'b0;
    end else begin
      case (st)
        IDLE: if (go) begin st <= ON; on_cnt <= 4'd0; out <= 1'b1; end
        ON:
          if (on_cnt == ON_T - 1) begin st <= OFF; off_cnt <= 4'd0; out <= 1'b0; end
          else on_cnt <= on_cnt + 4'd1;
        OFF:
          if (stop) st <= IDLE;
          else if (off_cnt == OFF_T - 1) begin st <= ON; on_cnt <= 4'd0; out <= 1'b1; end
          else off_cnt <= off_cnt + 4'd1;
        default: st <= IDLE;
      endcase
    end
  end
  assign busy = (st != IDLE);
endmodule
