// Reference: the control step kicks every 6 cycles while running, so the
// watchdog (limit 90) never bites: no watchdog counter, no SAFE mode,
// tripped constant 0.
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
  typedef enum logic [1:0] {OFF, RUN} mode_t;
  mode_t mode;
  logic [1:0] phase;
  logic [2:0] settle;
  logic kick;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mode <= OFF; phase <= '0; settle <= '0; kick <= 1'b0;
      drive <= '0; running <= 1'b0; tripped <= 1'b0;
    end else begin
      kick <= 1'b0;
      unique case (mode)
        OFF: begin
          running <= 1'b0;
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
          if (!enable) mode <= OFF;
        end
        default: mode <= OFF;
      endcase
    end
  end
endmodule
