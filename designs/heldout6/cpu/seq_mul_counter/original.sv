// Area-saving multi-cycle multiplier: one partial product per cycle (8 cycles).
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
  int          step;
  logic [15:0] mcand;
  logic [7:0]  mplier;

  always_ff @(posedge clk) begin
    if (rst) begin
      step    <= 0;
      busy    <= 1'b0;
      done    <= 1'b0;
      mcand   <= '0;
      mplier  <= '0;
      product <= '0;
    end else begin
      done <= 1'b0;
      if (!busy) begin
        if (start) begin
          mcand   <= {8'd0, a};
          mplier  <= b;
          product <= '0;
          step    <= 8;
          busy    <= 1'b1;
        end
      end else begin
        if (mplier[0]) product <= product + mcand;
        mcand  <= mcand << 1;
        mplier <= mplier >> 1;
        step   <= step - 1;
        if (step == 1) begin
          busy <= 1'b0;
          done <= 1'b1;
        end
      end
    end
  end
endmodule
