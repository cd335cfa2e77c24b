// AXI4 read-data channel sequencer for a simple slave (one outstanding burst, bursts clipped to MAXLEN beats)
module axi_rd_seq #(parameter int MAXLEN = 256) (
  input  logic       clk,
  input  logic       aresetn,
  input  logic       arvalid,
  output logic       arready,
  input  logic [7:0] arlen,
  output logic       rvalid,
  input  logic       rready,
  output logic       rlast,
  output logic [7:0] beat
);
  localparam int RW = $clog2(MAXLEN);
  logic [RW-1:0] remaining;        // at most MAXLEN-1
  assign arready = !rvalid;
  assign rlast = rvalid && (remaining == '0);

  always_ff @(posedge clk) begin
    if (!aresetn) begin
      rvalid <= 1'b0; remaining <= '0; beat <= '0;
    end else if (arvalid && arready) begin
      logic [7:0] len;
      len = (arlen > 8'(MAXLEN - 1)) ? 8'(MAXLEN - 1) : arlen;
      rvalid <= 1'b1; remaining <= RW'(len); beat <= '0;
    end else if (rvalid && rready) begin
      if (rlast) begin
        rvalid <= 1'b0;
      end else begin
        remaining <= remaining - 1'b1;
        beat <= beat + 8'd1;
      end
    end
  end
endmodule

module axi_rd_slave (
  input  logic clk, aresetn, arvalid, rready,
  input  logic [7:0] arlen,
  output logic arready, rvalid, rlast,
  output logic [7:0] beat
);
  axi_rd_seq #(.MAXLEN(16)) u_seq (.*);
endmodule
