// Serial "three ones in a row" detector written with a run-length counter.
module ones_run_det (
  input  logic clk,
  input  logic rst,
  input  logic bit_in,
  output logic hit,
  output logic [2:0] recent
);
  logic [2:0] hist;
  logic [3:0] run;

  function automatic logic [3:0] bump(input logic [3:0] r, input logic b);
    if (!b)           bump = 4'd0;
    else if (r > 4'd2) bump = r;
    else              bump = r + 4'd1;
  endfunction

  always_ff @(posedge clk) begin
    if (rst) begin
      hist <= '0;
      run  <= '0;
    end else begin
      hist <= {hist[1:0], bit_in};
      run  <= bump(run, bit_in);
    end
  end

  assign hit    = (run > 4'd2);
  assign recent = hist;
endmodule
