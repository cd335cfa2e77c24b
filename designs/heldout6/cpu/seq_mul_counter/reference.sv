// Multi-cycle multiplier: 4-bit step counter, busy = (step != 0); only the done pulse is a register.
module seq_mul8 (
  input  logic        clk,
  input  logic        rst,
  input  logic        start,
  input  logic [7:0]  a,
  input  logic [7:0]  b,
  output logic [15:0] product,
  output logic        busy,
  output logic        done
);
  logic [3:0]  step;
  logic [15:0] mcand;
  logic [7:0]  mplier;

  assign busy = (step != 4'd0);

  always_ff @(posedge clk) begin
    if (rst) begin
      step    <= '0;
      done    <= 1'b0;
      mcand   <= '0;
      mplier  <= '0;
      product <= '0;
    end else begin
      done <= busy && (step == 4'd1);
      if (!busy) begin
        if (start) begin
          mcand   <= {8'd0, a};
          mplier  <= b;
          product <= '0;
          step    <= 4'd8;
        end
      end else begin
        if (mplier[0]) product <= product + mcand;
        mcand  <= mcand << 1;
        mplier <= mplier >> 1;
        step   <= step - 4'd1;
      end
    end
  end
endmodule
