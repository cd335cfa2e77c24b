// Kiln ramp controller: heat, soak and cool phases of different lengths counted by one 16-bit
// timer in a single always_ff, compared per phase in a unique case; outputs are phase decodes.
module kiln_ramp #(parameter int HEAT = 20, parameter int SOAK = 50, parameter int COOL = 12) (
  input  logic clk,
  input  logic rst_n,
  input  logic sec,
  input  logic go,
  output logic heater,
  output logic fan
);
  typedef enum logic [1:0] {OFF, HEATING, SOAKING, COOLING} phase_t;
  phase_t st;
  // the timer stays below the longest phase (40 from the top: 6 bits)
  logic [5:0] t;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      st <= OFF;
      t  <= '0;
    end else begin
      unique case (st)
        OFF: if (go) begin st <= HEATING; t <= '0; end
        HEATING: if (sec) begin
          if (t == 6'(HEAT - 1)) begin st <= SOAKING; t <= '0; end
          else t <= t + 6'd1;
        end
        SOAKING: if (sec) begin
          if (t == 6'(SOAK - 1)) begin st <= COOLING; t <= '0; end
          else t <= t + 6'd1;
        end
        COOLING: if (sec) begin
          if (t == 6'(COOL - 1)) begin st <= OFF; t <= '0; end
          else t <= t + 6'd1;
        end
      endcase
    end
  end

  assign heater = (st == HEATING) || (st == SOAKING);
  assign fan    = (st == COOLING);
endmodule

module state_timer_bound_sv (
  input  logic clk,
  input  logic rst_n,
  input  logic sec,
  input  logic go,
  output logic heater,
  output logic fan
);
  kiln_ramp #(.HEAT(7), .SOAK(40), .COOL(11)) u_k (.*);
endmodule
