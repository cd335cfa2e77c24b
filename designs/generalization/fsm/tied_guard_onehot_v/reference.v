// Irrigation pump sequencer, optimized for the top's tie-off (flush_en = 0): FLUSH is unreachable,
// so it is removed (valve is constant 0), and the timer stays below RUN_T = 60: 6 bits.
module pump_seq #(parameter PRIME_T = 200, parameter RUN_T = 500, parameter FLUSH_T = 4000,
                  parameter CW = 16) (
  input  wire clk,
  input  wire rst,
  input  wire go,
  input  wire dry,
  input  wire flush_en,
  output wire pump_on,
  output wire valve,
  output wire alarm
);
  localparam P_IDLE = 0, P_PRIME = 1, P_RUN = 2, P_STOP = 3;
  reg [3:0] st, nst;
  reg [5:0] cnt;

  always @* begin
    nst = 4'b0000;
    case (1'b1)
      st[P_IDLE]:  if (go) nst[P_PRIME] = 1'b1; else nst[P_IDLE] = 1'b1;
      st[P_PRIME]: if (cnt == 6'd19) nst[P_RUN] = 1'b1; else nst[P_PRIME] = 1'b1;
      st[P_RUN]:   if (dry || cnt == 6'd59) nst[P_STOP] = 1'b1; else nst[P_RUN] = 1'b1;
      st[P_STOP]:  if (!go) nst[P_IDLE] = 1'b1; else nst[P_STOP] = 1'b1;
      default:     nst[P_IDLE] = 1'b1;
    endcase
  end

  always @(posedge clk) begin
    if (rst) begin
      st  <= 4'b0001;
      cnt <= 0;
    end else begin
      st <= nst;
      if (nst != st || st[P_IDLE] || st[P_STOP]) cnt <= 0;
      else cnt <= cnt + 1'b1;
    end
  end

  assign pump_on = st[P_PRIME] | st[P_RUN];
  assign valve   = 1'b0;
  assign alarm   = st[P_STOP];
endmodule

module pump_ctrl (
  input  wire clk,
  input  wire rst,
  input  wire go,
  input  wire dry,
  output wire pump_on,
  output wire valve,
  output wire alarm
);
  // garden model: no flush cycle
  pump_seq #(.PRIME_T(20), .RUN_T(60), .FLUSH_T(3000), .CW(16)) u_seq (
    .clk(clk), .rst(rst), .go(go), .dry(dry), .flush_en(1'b0),
    .pump_on(pump_on), .valve(valve), .alarm(alarm));
endmodule
