// Serial "three ones in a row" detector written with a run-length counter.
module ones_run_det (
  input  logic clk,
  input  logic rst,
  input  logic bit_in,
  output logic hit,
  output logic [2:0] recent
);
  logic [2:0] hist;

  always_ff @(posedge clk) begin
    if (rst) begin
      hist <= '0;
    end else begin
      hist <= {hist[1:0], bit_in};
    end
  end

  assign hit    = &hist;
  assign recent = hist;
endmodule
