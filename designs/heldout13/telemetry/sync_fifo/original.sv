// Telemetry frame FIFO: small synchronous FIFO with an occupancy count and
// registered full/empty flags.
module tlm_fifo #(parameter int W = 8, parameter int AW = 3) (
  input  logic         clk,
  input  logic         rst,
  input  logic         wr_en,
  input  logic [W-1:0] wr_data,
  input  logic         rd_en,
  output logic [W-1:0] rd_data,
  output logic         full,
  output logic         empty,
  output logic [AW:0]  level
);
  localparam int DEPTH = 1 << AW;
  logic [W-1:0]  mem [DEPTH];
  logic [AW-1:0] wptr, rptr;
  logic do_wr, do_rd;
  assign do_wr = wr_en && !full;
  assign do_rd = rd_en && !empty;
  assign rd_data = mem[rptr];

  always_ff @(posedge clk) begin
    if (rst) begin
      for (int i = 0; i < DEPTH; i++) mem[i] <= '0;
      wptr  <= '0;
      rptr  <= '0;
      level <= '0;
      full  <= 1'b0;
      empty <= 1'b1;
    end else begin
      if (do_wr) begin
        mem[wptr] <= wr_data;
        wptr <= wptr + 1'b1;
      end
      if (do_rd) rptr <= rptr + 1'b1;
      if (do_wr && !do_rd) begin
        level <= level + 1'b1;
        empty <= 1'b0;
        full  <= (level == (AW+1)'(DEPTH - 1));
      end else if (do_rd && !do_wr) begin
        level <= level - 1'b1;
        full  <= 1'b0;
        empty <= (level == (AW+1)'(1));
      end
    end
  end
endmodule

module telemetry_q (
  input  logic       clk, rst, wr_en, rd_en,
  input  logic [5:0] wr_data,
  output logic [5:0] rd_data,
  output logic       full, empty,
  output logic [2:0] level
);
  tlm_fifo #(.W(6), .AW(2)) u_q (.*);
endmodule
