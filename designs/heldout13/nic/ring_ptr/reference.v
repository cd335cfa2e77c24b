// NIC descriptor ring bookkeeping: producer head, consumer tail and a used count.
module desc_ring #(parameter AW = 4) (
  input  wire        clk,
  input  wire        rst_n,
  input  wire        post,     // driver posts a descriptor
  input  wire        reap,     // hardware completes a descriptor
  output reg  [AW-1:0] head,
  output reg  [AW-1:0] tail,
  output wire [AW:0]   used,
  output wire        ring_full,
  output wire        ring_empty
);
  localparam [AW:0] SIZE = 1 << AW;
  // one wrap bit on each pointer; the used count is their difference
  reg hw, tw;
  assign used = {hw, head} - {tw, tail};
  wire do_post = post && (used != SIZE);
  wire do_reap = reap && (used != 0);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      head <= 0; tail <= 0; hw <= 1'b0; tw <= 1'b0;
    end else begin
      if (do_post) {hw, head} <= {hw, head} + 1'b1;
      if (do_reap) {tw, tail} <= {tw, tail} + 1'b1;
    end
  end
  assign ring_empty = ({hw, head} == {tw, tail});
  assign ring_full  = (hw != tw) && (head == tail);
endmodule

module nic_txring (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       post,
  input  wire       reap,
  output wire [2:0] head,
  output wire [2:0] tail,
  output wire [3:0] used,
  output wire       full,
  output wire       empty
);
  desc_ring #(.AW(3)) u_ring (.clk(clk), .rst_n(rst_n), .post(post), .reap(reap), .head(head), .tail(tail),
    .used(used), .ring_full(full), .ring_empty(empty));
endmodule
