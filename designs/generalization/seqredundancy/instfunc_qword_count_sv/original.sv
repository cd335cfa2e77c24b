// DMA byte/qword accounting: a byte counter and a separate 8-byte (qword) counter in their own modules.
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

module qword_cnt #(parameter int W = 17) (
  input  logic         clk,
  input  logic         arst_n,
  input  logic         restart,
  input  logic         beat,
  output logic [W-1:0] qwords
);
  logic [2:0] sub;    // byte within the current qword
  always_ff @(posedge clk or negedge arst_n) begin
    if (!arst_n) begin
      sub    <= '0;
      qwords <= '0;
    end else if (restart) begin
      sub    <= '0;
      qwords <= '0;
    end else if (beat) begin
      sub <= sub + 3'd1;
      if (&sub) qwords <= qwords + 1'b1;
    end
  end
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
  byte_cnt  #(.W(20)) u_b (.clk, .arst_n, .restart, .beat, .count(nbytes));
  qword_cnt #(.W(17)) u_q (.clk, .arst_n, .restart, .beat, .qwords(nqwords));
  assign qword_done = beat && (nbytes[2:0] == 3'd7);
endmodule
