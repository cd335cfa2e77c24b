// Machine timer block of a small SoC: mtime counts core clocks (no separate time base), and a
// free-running 'uptime' register for the debug module counts the same clocks; both are read in
// 16-bit halves through a small register window.
module mtimer (
  input  logic        clk,
  input  logic        rst_n,
  input  logic [2:0]  addr,
  input  logic        cmp_we,
  input  logic [31:0] cmp_wdata,
  output logic [15:0] rdata,
  output logic        irq
);
  logic [31:0] mtime_q, uptime_q, cmp_q;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mtime_q  <= '0;
      uptime_q <= '0;
      cmp_q    <= '1;
    end else begin
      mtime_q  <= mtime_q + 32'd1;
      uptime_q <= uptime_q + 32'd1;
      if (cmp_we) cmp_q <= cmp_wdata;
    end
  end

  assign irq = (mtime_q >= cmp_q);

  always_comb begin
    unique case (addr)
      3'd0:    rdata = mtime_q[15:0];
      3'd1:    rdata = mtime_q[31:16];
      3'd2:    rdata = cmp_q[15:0];
      3'd3:    rdata = cmp_q[31:16];
      3'd4:    rdata = uptime_q[15:0];
      3'd5:    rdata = uptime_q[31:16];
      default: rdata = '0;
    endcase
  end
endmodule
