// Bus master with up to 4 outstanding tags: a tag-in-use mask (bit-level flops) and, in a
// separate counter instance, the number of outstanding requests; only "quiet" is reported.
module out_cnt (
  input            clk,
  input            reset,
  input            req_fire,
  input            rsp_fire,
  output reg [2:0] n_out
);
  always @(posedge clk)
    if (reset)
      n_out <= 3'd0;
    else
      n_out <= n_out + {2'b00, req_fire} - {2'b00, rsp_fire};
endmodule

module tag_core (
  input        clk,
  input        reset,
  input        req,
  input  [1:0] req_tag,
  input        rsp,
  input  [1:0] rsp_tag,
  output       req_fire,
  output       quiet
);
  reg  t0, t1, t2, t3;
  wire [3:0] used = {t3, t2, t1, t0};
  wire [2:0] outstanding;
  wire       rsp_fire = rsp & used[rsp_tag];
  assign     req_fire = req & ~used[req_tag] & ~(rsp_fire & (rsp_tag == req_tag));
  always @(posedge clk) begin
    if (reset) begin
      t0 <= 1'b0; t1 <= 1'b0; t2 <= 1'b0; t3 <= 1'b0;
    end else begin
      if (req_fire && req_tag == 2'd0) t0 <= 1'b1; else if (rsp_fire && rsp_tag == 2'd0) t0 <= 1'b0;
      if (req_fire && req_tag == 2'd1) t1 <= 1'b1; else if (rsp_fire && rsp_tag == 2'd1) t1 <= 1'b0;
      if (req_fire && req_tag == 2'd2) t2 <= 1'b1; else if (rsp_fire && rsp_tag == 2'd2) t2 <= 1'b0;
      if (req_fire && req_tag == 2'd3) t3 <= 1'b1; else if (rsp_fire && rsp_tag == 2'd3) t3 <= 1'b0;
    end
  end
  out_cnt u_cnt (.clk(clk), .reset(reset), .req_fire(req_fire), .rsp_fire(rsp_fire), .n_out(outstanding));
  assign quiet = (3'b000 == outstanding);
endmodule

module tag_master (
  input        clk,
  input        reset,
  input        req,
  input  [1:0] req_tag,
  input        rsp,
  input  [1:0] rsp_tag,
  output       grant,
  output       quiet
);
  tag_core u_core (.clk(clk), .reset(reset), .req(req), .req_tag(req_tag), .rsp(rsp), .rsp_tag(rsp_tag),
                   .req_fire(grant), .quiet(quiet));
endmodule
