// Tag check for a direct-mapped, single-ported cache set: read hit and write-hit (for fills/stores)
module tag_match #(parameter TW = 20) (
  input [TW-1:0] stored, input valid, input [TW-1:0] addr_tag, output hit
);
  assign hit = valid && (stored == addr_tag);
endmodule

module tag_port (
  input         clk, input rst,
  input         rd_req, input [31:0] rd_addr,
  input         wr_req, input [31:0] wr_addr,
  input  [21:0] tag_q,   input tag_valid,
  output reg    rd_hit, output reg wr_hit, output reg wr_miss
);
  wire rd_go = rd_req;
  wire wr_go = wr_req && !rd_req;          // reads have priority on the single port
  wire h_rd, h_wr;
  tag_match #(.TW(22)) u_rd (.stored(tag_q), .valid(tag_valid), .addr_tag(rd_addr[31:10]), .hit(h_rd));
  tag_match #(.TW(22)) u_wr (.stored(tag_q), .valid(tag_valid), .addr_tag(wr_addr[31:10]), .hit(h_wr));
  always @(posedge clk)
    if (rst) begin rd_hit <= 1'b0; wr_hit <= 1'b0; wr_miss <= 1'b0; end
    else begin
      rd_hit  <= rd_go && h_rd;
      wr_hit  <= wr_go && h_wr;
      wr_miss <= wr_go && !h_wr;
    end
endmodule
