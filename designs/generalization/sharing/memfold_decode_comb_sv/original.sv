// SystemVerilog: three-phase capture/scale/emit controller run twice on two scratch arrays;
// "busy" is an always_comb decode of the named states (outside the case statement).
module scratch_twice (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       start,
  input  logic [7:0] din,
  output logic [7:0] dout,
  output logic       busy
);
  localparam logic [2:0] IDLE_A = 3'd0, SCALE_A = 3'd1, EMIT_A = 3'd2,
                         IDLE_B = 3'd3, SCALE_B = 3'd4, EMIT_B = 3'd5;
  logic [7:0] scr_a [4];
  logic [7:0] scr_b [4];
  logic [2:0] state;

  always_comb busy = (state == SCALE_A) || (state == EMIT_A) || (state == SCALE_B) || (state == EMIT_B);

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state <= IDLE_A;
      dout <= '0;
    end else begin
      unique case (state)
        IDLE_A: if (start) begin
          for (int k = 0; k < 4; k++) scr_a[k] <= din ^ 8'(k);
          state <= SCALE_A;
        end
        SCALE_A: begin
          for (int k = 0; k < 4; k++) scr_a[k] <= scr_a[k] << 1;
          state <= EMIT_A;
        end
        EMIT_A: begin
          dout <= scr_a[0] + scr_a[3];
          state <= IDLE_B;
        end
        IDLE_B: if (start) begin
          for (int k = 0; k < 4; k++) scr_b[k] <= din ^ 8'(k);
          state <= SCALE_B;
        end
        SCALE_B: begin
          for (int k = 0; k < 4; k++) scr_b[k] <= scr_b[k] << 1;
          state <= EMIT_B;
        end
        EMIT_B: begin
          dout <= scr_b[0] + scr_b[3];
          state <= IDLE_A;
        end
        default: state <= IDLE_A;
      endcase
    end
  end
endmodule
