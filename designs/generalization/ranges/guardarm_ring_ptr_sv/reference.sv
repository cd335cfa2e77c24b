// Ring buffer pointers, reference: a power-of-two ring wraps by itself.
module ring_ptr #(parameter int W = 3) (
  input  logic         clk,
  input  logic         rst_n,
  input  logic         flush,
  input  logic         adv,
  output logic [W-1:0] ptr,
  output logic         at_last
);
  assign at_last = &ptr;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n)     ptr <= '0;
    else if (flush) ptr <= '0;
    else if (adv)   ptr <= ptr + 1'b1;
  end
endmodule

module rings (
  input  logic       clk,
  input  logic       rst_n,
  input  logic       flush,
  input  logic       cmd_adv,
  input  logic       dat_adv,
  output logic [2:0] cmd_ptr,
  output logic [4:0] dat_ptr,
  output logic       cmd_wrap,
  output logic       dat_wrap
);
  logic cmd_last, dat_last;
  ring_ptr #(.W(3)) u_cmd (.clk, .rst_n, .flush, .adv(cmd_adv), .ptr(cmd_ptr), .at_last(cmd_last));
  ring_ptr #(.W(5)) u_dat (.clk, .rst_n, .flush, .adv(dat_adv), .ptr(dat_ptr), .at_last(dat_last));
  assign cmd_wrap = cmd_adv & cmd_last;
  assign dat_wrap = dat_adv & dat_last;
endmodule
