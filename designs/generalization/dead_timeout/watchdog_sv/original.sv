// Motor controller with a watchdog: the control loop must kick the watchdog
// within WD_LIMIT cycles while running, else the controller trips to a safe
// state. The loop's own sequencer (a 4-phase step counter with a 6-cycle
// settle) kicks at the end of every control step, every 6 cycles.
module motor_ctl #(
  parameter int WD_W = 7,
  parameter int WD_LIMIT = 90
) (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       enable,
  input  logic [7:0] setpoint,
  input  logic [7:0] sensed,
  output logic [7:0] drive,
  output logic       running,
  output logic       tripped
);
  typedef enum logic [1:0] {OFF, RUN, SAFE} mode_t;
  mode_t mode;
  logic [WD_W-1:0] wd;
  logic [1:0] phase;
  logic [2:0] settle;
  logic kick;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mode <= OFF; wd <= '0; phase <= '0; settle <= '0; kick <= 1'b0;
      drive <= '0; running <= 1'b0; tripped <= 1'b0;
    end else begin
      kick <= 1'b0;
      unique case (mode)
        OFF: begin
          running <= 1'b0;
          wd <= '0;
          if (enable) begin mode <= RUN; phase <= '0; settle <= 3'd5; end
        end
        RUN: begin
          running <= 1'b1;
          // the control step: settle, then one of four phases; a kick at each step's end
          if (settle != 3'd0) settle <= settle - 3'd1;
          else begin
            settle <= 3'd5;
            phase  <= phase + 2'd1;
            kick   <= 1'b1;
            if (phase == 2'd3) drive <= (setpoint > sensed) ? drive + 8'd1 : drive - 8'd1;
          end
          if (kick) wd <= '0;
          else      wd <= wd + 1'b1;
          if (wd == WD_LIMIT[WD_W-1:0]) begin mode <= SAFE; tripped <= 1'b1; end
          else if (!enable) mode <= OFF;
        end
        SAFE: begin
          running <= 1'b0; drive <= '0;
          if (!enable) begin mode <= OFF; tripped <= 1'b0; end
        end
        default: mode <= OFF;
      endcase
    end
  end
endmodule
