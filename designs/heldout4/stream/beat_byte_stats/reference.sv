// Statistics block on a 32-bit AXI-Stream port (full beats only, TKEEP all ones): counts
// packets, beats and bytes; software reads them through a small register mux.
module axis_stats (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        clear,
  input  logic        tvalid,
  input  logic        tready,
  input  logic        tlast,
  input  logic [1:0]  rd_sel,
  output logic [23:0] rd_data
);
  logic [15:0] pkt_cnt;
  logic [21:0] beat_cnt;
  logic [23:0] byte_cnt;
  assign byte_cnt = {beat_cnt, 2'b00};   // four bytes per beat: no separate counter
  logic        xfer;

  assign xfer = tvalid && tready;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      pkt_cnt  <= '0;
      beat_cnt <= '0;
    end else if (clear) begin
      pkt_cnt  <= '0;
      beat_cnt <= '0;
    end else if (xfer) begin
      beat_cnt <= beat_cnt + 22'd1;
      if (tlast) pkt_cnt <= pkt_cnt + 16'd1;
    end
  end

  always_comb begin
    unique case (rd_sel)
      2'd0:    rd_data = {8'd0, pkt_cnt};
      2'd1:    rd_data = {2'd0, beat_cnt};
      2'd2:    rd_data = byte_cnt;
      default: rd_data = '0;
    endcase
  end
endmodule
