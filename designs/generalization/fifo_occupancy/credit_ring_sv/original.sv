// Credit link: the sender holds one credit, spends it on each word it pushes into the ring
// and gets it back when the sink pops the word, so the 8-word ring never holds more than one.
module credit_link #(parameter int N = 8, parameter int DW = 8) (
  input  logic clk, rst_n,
  input  logic in_valid,
  input  logic [DW-1:0] in_data,
  output logic in_ready,
  output logic out_valid,
  output logic [DW-1:0] out_data,
  input  logic out_ready
);
  localparam int PW = $clog2(N);
  logic [DW-1:0] ring [N];
  logic [PW:0] wp, rp;
  logic credit, full, empty, push, pop;
  always_comb begin
    empty = (wp == rp);
    full = (wp[PW] != rp[PW]) && (wp[PW-1:0] == rp[PW-1:0]);
    in_ready = credit && !full;
    out_valid = !empty;
    push = in_valid && in_ready;
    pop = out_valid && out_ready;
    out_data = out_valid ? ring[rp[PW-1:0]] : '0;
  end
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      wp <= '0;
      rp <= '0;
      credit <= 1'b1;
      for (int i = 0; i < N; i++) ring[i] <= '0;
    end else begin
      if (push) begin
        ring[wp[PW-1:0]] <= in_data;
        wp <= wp + 1'b1;
      end
      if (pop) rp <= rp + 1'b1;
      credit <= credit ? !push : pop;
    end
  end
endmodule
