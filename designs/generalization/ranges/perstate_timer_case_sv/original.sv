// Four-phase signal with an all-red gap; the phase timer is compared against a per-phase limit.
module sig4 (
  input  logic clk,
  input  logic rst_n,
  input  logic req,
  output logic [1:0] lamp,
  output logic busy
);
  typedef enum logic [1:0] {GRN = 2'd0, YEL = 2'd1, RED = 2'd2, GAP = 2'd3} phase_t;
  localparam int T_GRN = 47, T_YEL = 5, T_RED = 29, T_GAP = 1;
  phase_t st;
  logic [23:0] cnt;
  always_ff @(posedge clk) begin
    if (!rst_n) begin
      st  <= GAP;
      cnt <= '0;
    end else begin
      unique case (st)
        GRN: begin
          if (cnt == T_GRN) begin st <= YEL; cnt <= '0; end
          else cnt <= cnt + 1'b1;
        end
        YEL: begin
          if (cnt == T_YEL) begin st <= RED; cnt <= '0; end
          else cnt <= cnt + 1'b1;
        end
        RED: begin
          if (cnt == T_RED) begin st <= GAP; cnt <= '0; end
          else cnt <= cnt + 1'b1;
        end
        GAP: begin
          if (cnt == T_GAP && req) begin st <= GRN; cnt <= '0; end
          else if (cnt != T_GAP) cnt <= cnt + 1'b1;
        end
      endcase
    end
  end
  assign lamp = st;
  assign busy = (st != GAP);
endmodule
