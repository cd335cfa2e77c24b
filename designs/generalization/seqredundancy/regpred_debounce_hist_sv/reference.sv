// Debouncer: settled when the last four samples agree (no repeat counter).
module debounce_hist (
  input  logic clk,
  input  logic rst_n,
  input  logic sample,
  output logic level,
  output logic settled,
  output logic half_settled,
  output logic [3:0] history
);
  logic [3:0] hist;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      hist  <= '0;
      level <= 1'b0;
    end else begin
      hist <= {hist[2:0], sample};
      if (settled)
        level <= hist[0];
    end
  end

  assign settled      = (hist == 4'h0) | (hist == 4'hF);
  assign half_settled = (hist[2:0] == 3'h0) | (hist[2:0] == 3'h7);
  assign history      = hist;
endmodule
