// Restoring divider, one quotient bit per cycle (16-bit dividend / 8-bit divisor).
module seq_div16 (
  input  logic        clk,
  input  logic        rst,
  input  logic        start,
  input  logic [15:0] dividend,
  input  logic [7:0]  divisor,
  output logic [15:0] quotient,
  output logic [7:0]  remainder,
  output logic        busy,
  output logic        done
);
  int          count;
  logic [8:0]  rem;
  logic [15:0] q;
  logic [7:0]  dvs;
  logic [8:0]  trial;

  always_comb trial = {rem[7:0], q[15]} - {1'b0, dvs};

  always_ff @(posedge clk) begin
    if (rst) begin
      count <= 0;
      busy  <= 1'b0;
      done  <= 1'b0;
      rem   <= '0;
      q     <= '0;
      dvs   <= '0;
    end else begin
      done <= 1'b0;
      if (busy) begin
        if (!trial[8]) begin
          rem <= trial;
          q   <= {q[14:0], 1'b1};
        end else begin
          rem <= {rem[7:0], q[15]};
          q   <= {q[14:0], 1'b0};
        end
        count <= count - 1;
        if (count == 1) begin
          busy <= 1'b0;
          done <= 1'b1;
        end
      end else if (start) begin
        rem   <= '0;
        q     <= dividend;
        dvs   <= divisor;
        count <= 16;
        busy  <= 1'b1;
      end
    end
  end

  assign quotient  = q;
  assign remainder = rem[7:0];
endmodule
