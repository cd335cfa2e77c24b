// Gray-pointer FIFO (clock-crossing structure, used here on one clock):
// the synchronised Gray pointers are converted back to binary for the
// full/empty compares.
module gray_ptr #(parameter AW = 4) (
  input clk, input rst_n, input inc,
  output reg [AW:0] bin, output reg [AW:0] gray
);
  wire [AW:0] bnext = bin + {{AW{1'b0}}, inc};
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin bin <= {(AW+1){1'b0}}; gray <= {(AW+1){1'b0}}; end
    else begin bin <= bnext; gray <= bnext ^ (bnext >> 1); end
endmodule

module sync2 #(parameter W = 5) (
  input clk, input rst_n, input [W-1:0] d, output reg [W-1:0] q
);
  reg [W-1:0] m;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin m <= {W{1'b0}}; q <= {W{1'b0}}; end
    else begin m <= d; q <= m; end
endmodule

module gfifo #(parameter DW = 8, parameter AW = 4) (
  input clk, input rst_n,
  input wr, input [DW-1:0] wdata, input rd,
  output [DW-1:0] rdata, output full, output empty
);
  function [AW:0] g2b(input [AW:0] g);
    integer i;
    begin
      g2b[AW] = g[AW];
      for (i = AW - 1; i >= 0; i = i - 1) g2b[i] = g2b[i+1] ^ g[i];
    end
  endfunction
  wire [AW:0] wbin, wgray, rbin, rgray, wq, rq;
  wire winc = wr & ~full;
  wire rinc = rd & ~empty;
  gray_ptr #(.AW(AW)) u_wp (.clk(clk), .rst_n(rst_n), .inc(winc), .bin(wbin), .gray(wgray));
  gray_ptr #(.AW(AW)) u_rp (.clk(clk), .rst_n(rst_n), .inc(rinc), .bin(rbin), .gray(rgray));
  sync2 #(.W(AW+1)) u_w2r (.clk(clk), .rst_n(rst_n), .d(wgray), .q(wq));
  sync2 #(.W(AW+1)) u_r2w (.clk(clk), .rst_n(rst_n), .d(rgray), .q(rq));
  wire [AW:0] wq_b = g2b(wq);
  wire [AW:0] rq_b = g2b(rq);
  assign empty = (rbin == wq_b);
  assign full  = (wbin == {~rq_b[AW], rq_b[AW-1:0]});
  reg [DW-1:0] mem [0:(1<<AW)-1];
  integer k;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      for (k = 0; k < (1<<AW); k = k + 1) mem[k] <= {DW{1'b0}};
    end else if (winc) begin
      mem[wbin[AW-1:0]] <= wdata;
    end
  assign rdata = mem[rbin[AW-1:0]];
endmodule

module uart_rx_fifo (
  input clk, input rst_n, input push, input [4:0] din, input pop,
  output [4:0] dout, output full, output empty
);
  gfifo #(.DW(5), .AW(3)) u_f (.clk(clk), .rst_n(rst_n), .wr(push), .wdata(din), .rd(pop), .rdata(dout), .full(full), .empty(empty));
endmodule
