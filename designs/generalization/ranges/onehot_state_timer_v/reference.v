// Pump controller: one-hot states on parameter bit positions (case 1'b1), one 16-bit phase timer
// shared by a long run phase (LONG_T ticks) and a short purge phase (SHORT_T ticks).
module pump_seq #(parameter LONG_T = 50, parameter SHORT_T = 12) (
  input  wire clk,
  input  wire rst,
  input  wire go,
  input  wire stop,
  input  wire tick,
  output wire motor,
  output wire valve,
  output wire busy
);
  localparam S_IDLE = 0, S_RUN = 1, S_PURGE = 2, S_WAIT = 3, S_DONE = 4;
  reg [4:0] st;
  reg [5:0] tmr;  // never passes 49 (run) or 11 (purge): 6 bits

  always @(posedge clk) begin
    if (rst) begin
      st  <= 5'b00001;
      tmr <= 6'd0;
    end else begin
      case (1'b1)
        st[S_IDLE]: begin
          tmr <= 6'd0;
          if (go) st <= 5'b00010;
        end
        st[S_RUN]: begin
          if (stop || (tick && tmr == LONG_T - 1)) begin st <= 5'b00100; tmr <= 6'd0; end
          else if (tick) tmr <= tmr + 6'd1;
        end
        st[S_PURGE]: begin
          if (tick && tmr == SHORT_T - 1) begin st <= 5'b01000; tmr <= 6'd0; end
          else if (tick) tmr <= tmr + 6'd1;
        end
        st[S_WAIT]: begin
          if (!go) st <= 5'b10000;
        end
        st[S_DONE]: begin
          tmr <= 6'd0;
          st <= 5'b00001;
        end
        default: st <= 5'b00001;
      endcase
    end
  end

  assign motor = st[S_RUN];
  assign valve = st[S_RUN] | st[S_PURGE];
  assign busy  = ~st[S_IDLE];
endmodule

module pump_top (
  input  wire clk, rst, go, stop, tick,
  output wire motor, valve, busy
);
  pump_seq #(.LONG_T(50), .SHORT_T(12)) u_seq (.clk(clk), .rst(rst), .go(go), .stop(stop), .tick(tick),
                                               .motor(motor), .valve(valve), .busy(busy));
endmodule
