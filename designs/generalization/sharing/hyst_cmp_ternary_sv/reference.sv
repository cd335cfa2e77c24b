// One comparator: speed >= (run ? off_at : on_at) (the two bounds muxed before it).
module fan_hyst #(parameter int W = 10) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic [W-1:0] speed,
  input  logic [W-1:0] on_at,
  input  logic [W-1:0] off_at,
  output logic         run
);
  logic [W-1:0] th;
  always_comb th = run ? off_at : on_at;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) run <= 1'b0;
    else        run <= speed >= th;
endmodule
