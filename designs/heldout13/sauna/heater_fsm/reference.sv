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
  // binary codes; the minute counter never passes 89 (7 bits)
  typedef enum logic [2:0] {OFF, PREHEAT, READY, SESSION, COOLDN} st_t;
  st_t st;
  logic [6:0] mins;

  always_ff @(posedge clk) begin
    if (rst) begin
      st   <= OFF;
      mins <= 7'd0;
    end else begin
      unique case (st)
        OFF: begin
          mins <= 7'd0;
          if (on_btn) st <= PREHEAT;
        end
        PREHEAT: begin
          if (off_btn) begin st <= COOLDN; mins <= 7'd0; end
          else if (at_temp) st <= READY;
        end
        READY: begin
          mins <= 7'd0;
          if (off_btn) st <= COOLDN;
          else if (on_btn) st <= SESSION;
        end
        SESSION: begin
          if (off_btn || (tick && mins == 7'd89)) begin st <= COOLDN; mins <= 7'd0; end
          else if (tick) mins <= mins + 7'd1;
        end
        COOLDN: begin
          if (tick && mins == 7'd19) begin st <= OFF; mins <= 7'd0; end
          else if (tick) mins <= mins + 7'd1;
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
