// Transmit queue: synchronous FIFO plus a credit/level counter for the upstream flow control.
module sync_fifo #(
  parameter DW    = 8,
  parameter DEPTH = 16,
  parameter AW    = $clog2(DEPTH)
) (
  input  wire          clk,
  input  wire          rst_n,
  input  wire          wr_en,
  input  wire [DW-1:0] wr_data,
  input  wire          rd_en,
  output wire [DW-1:0] rd_data,
  output wire          full,
  output wire          empty
);
  reg [DW-1:0] mem [0:DEPTH-1];
  reg [AW-1:0] wptr, rptr;
  reg [AW:0]   count;
  wire do_wr = wr_en && !full;
  wire do_rd = rd_en && !empty;

  integer i;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      for (i = 0; i < DEPTH; i = i + 1)
        mem[i] <= {DW{1'b0}};
    end else if (do_wr)
      mem[wptr] <= wr_data;
  end
  assign rd_data = mem[rptr];

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      wptr  <= {AW{1'b0}};
      rptr  <= {AW{1'b0}};
      count <= {(AW+1){1'b0}};
    end else begin
      if (do_wr) wptr <= wptr + 1'b1;
      if (do_rd) rptr <= rptr + 1'b1;
      case ({do_wr, do_rd})
        2'b10:   count <= count + 1'b1;
        2'b01:   count <= count - 1'b1;
        default: count <= count;
      endcase
    end
  end
  assign full  = (count == DEPTH);
  assign empty = (count == 0);
endmodule

module tx_queue (
  input  wire        clk,
  input  wire        rst_n,
  input  wire        push,
  input  wire [7:0]  din,
  input  wire        pop,
  output wire [7:0]  dout,
  output wire        full,
  output wire        empty,
  output reg  [3:0]  level,
  output wire        almost_full
);
  sync_fifo #(.DW(8), .DEPTH(8)) u_fifo (
    .clk(clk), .rst_n(rst_n), .wr_en(push), .wr_data(din),
    .rd_en(pop), .rd_data(dout), .full(full), .empty(empty));

  // level tracked here for the credit interface
  wire acc_push = push && !full;
  wire acc_pop  = pop && !empty;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n)
      level <= 4'd0;
    else if (acc_push && !acc_pop)
      level <= level + 4'd1;
    else if (acc_pop && !acc_push)
      level <= level - 4'd1;
  end
  assign almost_full = (level >= 4'd6);
endmodule
