// Column scan burst: on 'kick' a one-hot strobe walks from the top column down to column 0, one
// column per cycle, sampling the row input into a bitmap. scanning is strobe != 0 and the final
// column is strobe[0]: no step counter and no flag register.
module col_scan #(parameter int N = 8) (
  input  logic         clk, rst,
  input  logic         kick,
  input  logic         row,
  output logic [N-1:0] strobe,
  output logic [N-1:0] bitmap,
  output logic         scanning,
  output logic         frame
);
  assign scanning = |strobe;

  always_ff @(posedge clk)
    if (rst)                    strobe <= '0;
    else if (kick && !scanning) strobe <= N'(1) << (N - 1);
    else                        strobe <= strobe >> 1;

  always_ff @(posedge clk) begin
    if (rst) begin
      bitmap <= '0;
      frame  <= 1'b0;
    end else begin
      frame <= strobe[0];
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
