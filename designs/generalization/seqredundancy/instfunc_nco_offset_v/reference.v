// Two-phase NCO: one accumulator; the second phase is a fixed offset of it (only the top byte is read).
module nco_acc (clk, rst, run, load, step, acc);
  parameter [15:0] START = 16'd0;
  input         clk;
  input         rst;
  input         run;
  input         load;
  input  [15:0] step;
  output [15:0] acc;

  reg [15:0] acc_r;
  assign acc = acc_r;

  always @(posedge clk) begin
    if (rst)
      acc_r <= START;
    else if (load)
      acc_r <= START;
    else if (run)
      acc_r <= acc_r + step;
  end
endmodule

module nco2 (clk, rst, run, load, step, idx_a, idx_b);
  input        clk, rst, run, load;
  input [15:0] step;
  output [7:0] idx_a, idx_b;

  wire [15:0] pa, pb;

  nco_acc #(.START(16'd0)) acc_a (.clk(clk), .rst(rst), .run(run), .load(load), .step(step), .acc(pa));
  assign pb = pa + 16'd21845;

  assign idx_a = pa[15:8];
  assign idx_b = pb[15:8];
endmodule
