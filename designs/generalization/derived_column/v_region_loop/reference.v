// Reference: no stored I/O column; a hit entry's page equals rd_page, so the flag is f(rd_page).
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
  reg  [3:0] live;
  integer k;
  always @(posedge clk) begin
    if (rst) begin
      live <= 4'b0;
      for (k = 0; k < 4; k = k + 1) begin
        page_q[k]  <= 10'd0;
        frame_q[k] <= 6'd0;
      end
    end else begin
      if (inv) live <= 4'b0;
      else if (wr) begin
        live[wr_slot]    <= 1'b1;
        page_q[wr_slot]  <= wr_page;
        frame_q[wr_slot] <= wr_frame;
      end
    end
  end
  integer j;
  always @* begin
    found = 1'b0; io = 1'b0; frame = 6'd0;
    for (j = 0; j < 4; j = j + 1)
      if (live[j] && page_q[j] == rd_page) begin
        found = 1'b1;
        frame = frame | frame_q[j];
      end
    io = found && (rd_page[9:7] == 3'b101) && (rd_page[2:0] != 3'b000);
  end
endmodule
