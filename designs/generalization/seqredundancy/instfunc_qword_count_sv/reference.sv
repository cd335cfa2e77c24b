// DMA byte/qword accounting: the qword count is the byte count without its three low bits.
module byte_cnt #(parameter int W = 20) (
  input  logic         clk,
  input  logic         arst_n,
  input  logic         restart,
  input  logic         beat,
  output logic [W-1:0] count
);
  always_ff @(posedge clk or negedge arst_n)
    if (!arst_n)      count <= '0;
    else if (restart) count <= '0;
    else if (beat)    count <= count + 1'b1;
endmodule

module dma_acct (
  input  logic        clk,
  input  logic        arst_n,
  input  logic        restart,
  input  logic        beat,
  output logic [19:0] nbytes,
  output logic [16:0] nqwords,
  output logic        qword_done
);
  byte_cnt #(.W(20)) u_b (.clk, .arst_n, .restart, .beat, .count(nbytes));
  assign nqwords    = nbytes[19:3];
  assign qword_done = beat && (nbytes[2:0] == 3'd7);
endmodule
