// Sauna heater controller: preheat to temperature, timed session, fan cool-down.
module sauna_ctrl #(parameter int SESSION_T = 240, parameter int COOL_T = 60) (
  input  logic clk,
  input  logic rst,
  input  logic tick,       // one pulse per minute
  input  logic on_btn,
  input  logic off_btn,
  input  logic at_temp,
  output logic heater,
  output logic fan,
  output logic ready_led
);
  typedef enum logic [7:0] {
    OFF     = 8'b0000_0001,
    PREHEAT = 8'b0000_0010,
    READY   = 8'b0000_0100,
    SESSION = 8'b0000_1000,
    COOLDN  = 8'b0001_0000
  } st_t;
  st_t st;
  logic [15:0] mins;

  always_ff @(posedge clk) begin
    if (rst) begin
      st   <= OFF;
      mins <= 16'd0;
    end else begin
      unique case (st)
        OFF: begin
          mins <= 16'd0;
          if (on_btn) st <= PREHEAT;
        end
        PREHEAT: begin
          if (off_btn) begin st <= COOLDN; mins <= 16'd0; end
          else if (at_temp) st <= READY;
        end
        READY: begin
          mins <= 16'd0;
          if (off_btn) st <= COOLDN;
          else if (on_btn) st <= SESSION;
        end
        SESSION: begin
          if (off_btn || (tick && mins == SESSION_T - 1)) begin st <= COOLDN; mins <= 16'd0; end
          else if (tick) mins <= mins + 16'd1;
        end
        COOLDN: begin
          if (tick && mins == COOL_T - 1) begin st <= OFF; mins <= 16'd0; end
          else if (tick) mins <= mins + 16'd1;
        end
        default: st <= OFF;
      endcase
    end
  end

  assign heater    = (st == PREHEAT) || (st == READY) || (st == SESSION);
  assign fan       = (st == SESSION) || (st == COOLDN);
  assign ready_led = (st == READY);
endmodule

module sauna_top (
  input  logic clk, rst, tick, on_btn, off_btn, at_temp,
  output logic heater, fan, ready_led
);
  sauna_ctrl #(.SESSION_T(90), .COOL_T(20)) u_ctl (.*);
endmodule
