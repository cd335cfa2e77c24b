// Hand reference: one scratch array, a three-state capture/scale/emit controller.
module scratch_twice (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       start,
  input  logic [7:0] din,
  output logic [7:0] dout,
  output logic       busy
);
  localparam logic [1:0] IDLE = 2'd0, SCALE = 2'd1, EMIT = 2'd2;
  logic [7:0] scr [4];
  logic [1:0] state;

  assign busy = state != IDLE;

  always_ff @(posedge clk) begin
    if (!rst_n) begin
      state <= IDLE;
      dout <= '0;
    end else begin
      case (state)
        IDLE: if (start) begin
          for (int k = 0; k < 4; k++) scr[k] <= din ^ 8'(k);
          state <= SCALE;
        end
        SCALE: begin
          for (int k = 0; k < 4; k++) scr[k] <= scr[k] << 1;
          state <= EMIT;
        end
        default: begin
          dout <= scr[0] + scr[3];
          state <= IDLE;
        end
      endcase
    end
  end
endmodule
