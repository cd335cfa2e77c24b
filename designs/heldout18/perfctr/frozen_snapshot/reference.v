// Performance counter block: each counter runs between start and stop;
// software reads a snapshot taken at stop.
module evt_counter #(parameter W = 16) (
  input clk, input rst_n, input start, input stop, input evt,
  output reg [W-1:0] cnt, output reg running
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      cnt <= {W{1'b0}}; running <= 1'b0;
    end else if (start) begin
      cnt <= {W{1'b0}}; running <= 1'b1;
    end else if (stop) begin
      running <= 1'b0;
    end else if (running && evt) begin
      cnt <= cnt + 1'b1;
    end
endmodule

module snap_reg #(parameter W = 16) (
  input clk, input rst_n, input start, input stop, input running,
  input [W-1:0] cnt,
  output reg [W-1:0] snap, output reg snap_valid
);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      snap <= {W{1'b0}}; snap_valid <= 1'b0;
    end else if (start) begin
      snap_valid <= 1'b0;
    end else if (stop && running) begin
      snap <= cnt; snap_valid <= 1'b1;
    end
endmodule

module perf_block (
  input clk, input rst_n, input start, input stop, input ev_a, input ev_b, input sel,
  output [13:0] rdata, output rvalid, output busy
);
  wire [13:0] ca, cb, sa, sb;
  wire ra, rb, va, vb;
  evt_counter #(.W(14)) u_ca (.clk(clk), .rst_n(rst_n), .start(start), .stop(stop), .evt(ev_a), .cnt(ca), .running(ra));
  evt_counter #(.W(14)) u_cb (.clk(clk), .rst_n(rst_n), .start(start), .stop(stop), .evt(ev_b), .cnt(cb), .running(rb));
  // while a snapshot is valid the counter is stopped and still holds it
  snap_reg #(.W(14)) u_sa (.clk(clk), .rst_n(rst_n), .start(start), .stop(stop), .running(ra), .cnt(14'd0), .snap(sa), .snap_valid(va));
  snap_reg #(.W(14)) u_sb (.clk(clk), .rst_n(rst_n), .start(start), .stop(stop), .running(rb), .cnt(14'd0), .snap(sb), .snap_valid(vb));
  assign rdata  = sel ? (vb ? cb : 14'd0) : (va ? ca : 14'd0);
  assign rvalid = sel ? vb : va;
  assign busy   = ra | rb;
endmodule
