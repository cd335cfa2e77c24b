// NIC descriptor ring bookkeeping: producer head, consumer tail and a used count.
module desc_ring #(parameter AW = 4) (
  input  wire        clk,
  input  wire        rst_n,
  input  wire        post,     // driver posts a descriptor
  input  wire        reap,     // hardware completes a descriptor
  output reg  [AW-1:0] head,
  output reg  [AW-1:0] tail,
  output reg  [AW:0]   used,
  output wire        ring_full,
  output wire        ring_empty
);
  localparam [AW:0] SIZE = 1 << AW;
  wire do_post = post && (used != SIZE);
  wire do_reap = reap && (used != 0);
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      head <= 0; tail <= 0; used <= 0;
    end else begin
      if (do_post) head <= head + 1'b1;
      if (do_reap) tail <= tail + 1'b1;
      case ({do_post, do_reap})
        2'b10: used <= used + 1'b1;
        2'b01: used <= used - 1'b1;
        default: used <= used;
      endcase
    end
  end
  assign ring_full  = (used == SIZE);
  assign ring_empty = (used == 0);
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
