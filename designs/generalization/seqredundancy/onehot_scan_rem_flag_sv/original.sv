// Column scan burst: on 'kick' a one-hot strobe walks from the top column down to column 0, one
// column per cycle, sampling the row input into a bitmap. A step counter (1..N) and a 'scanning'
// flag register are kept next to the strobe; the step counter marks the final column.
module col_scan #(parameter int N = 8) (
  input  logic         clk, rst,
  input  logic         kick,
  input  logic         row,
  output logic [N-1:0] strobe,
  output logic [N-1:0] bitmap,
  output logic         scanning,
  output logic         frame
);
  logic [$clog2(N+1)-1:0] step;

  always_ff @(posedge clk)
    if (rst)                    strobe <= '0;
    else if (kick && !scanning) strobe <= N'(1) << (N - 1);
    else                        strobe <= strobe >> 1;

  always_ff @(posedge clk)
    if (rst)                    step <= '0;
    else if (kick && !scanning) step <= 1;
    else if (step == N)         step <= '0;
    else if (scanning)          step <= step + 1'b1;

  always_ff @(posedge clk)
    if (rst)                    scanning <= 1'b0;
    else if (kick && !scanning) scanning <= 1'b1;
    else if (step == N)         scanning <= 1'b0;

  always_ff @(posedge clk) begin
    if (rst) begin
      bitmap <= '0;
      frame  <= 1'b0;
    end else begin
      frame <= scanning && (step == N);
      for (int i = 0; i < N; i++)
        if (strobe[i]) bitmap[i] <= row;
    end
  end
endmodule

module keypad_front (
  input  logic       clk, rst, kick, row,
  output logic [4:0] strobe, bitmap,
  output logic       scanning, frame
);
  col_scan #(.N(5)) u_scan (.clk, .rst, .kick, .row, .strobe, .bitmap, .scanning, .frame);
endmodule
