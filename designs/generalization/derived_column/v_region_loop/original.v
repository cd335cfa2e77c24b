// Four-entry translation cache (Verilog, unpacked arrays): every entry keeps whether its page lies in
// the I/O region, computed from the page when the entry is written; a lookup searches with a loop.
module xlat_cache (
  input  wire        clk,
  input  wire        rst,
  input  wire        wr,
  input  wire [1:0]  wr_slot,
  input  wire [9:0]  wr_page,
  input  wire [5:0]  wr_frame,
  input  wire        inv,
  input  wire [9:0]  rd_page,
  output reg         found,
  output reg         io,
  output reg  [5:0]  frame
);
  reg  [9:0] page_q  [0:3];
  reg  [5:0] frame_q [0:3];
  reg        io_q    [0:3];
  reg  [3:0] live;
  integer k;
  always @(posedge clk) begin
    if (rst) begin
      live <= 4'b0;
      for (k = 0; k < 4; k = k + 1) begin
        page_q[k]  <= 10'd0;
        frame_q[k] <= 6'd0;
        io_q[k]    <= 1'b0;
      end
    end else begin
      if (inv) live <= 4'b0;
      else if (wr) begin
        live[wr_slot]    <= 1'b1;
        page_q[wr_slot]  <= wr_page;
        frame_q[wr_slot] <= wr_frame;
        io_q[wr_slot]    <= (wr_page[9:7] == 3'b101) && (wr_page[2:0] != 3'b000);
      end
    end
  end
  integer j;
  always @* begin
    found = 1'b0; io = 1'b0; frame = 6'd0;
    for (j = 0; j < 4; j = j + 1)
      if (live[j] && page_q[j] == rd_page) begin
        found = 1'b1;
        io    = io | io_q[j];
        frame = frame | frame_q[j];
      end
  end
endmodule
