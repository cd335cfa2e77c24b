// Machine timer block of a small SoC: one clock counter serves as mtime and as the debug
// module's uptime; read in 16-bit halves through a small register window.
module mtimer (
  input  logic        clk,
  input  logic        rst_n,
  input  logic [2:0]  addr,
  input  logic        cmp_we,
  input  logic [31:0] cmp_wdata,
  output logic [15:0] rdata,
  output logic        irq
);
  logic [31:0] mtime_q, cmp_q;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      mtime_q <= '0;
      cmp_q   <= '1;
    end else begin
      mtime_q <= mtime_q + 32'd1;
      if (cmp_we) cmp_q <= cmp_wdata;
    end
  end

  assign irq = (mtime_q >= cmp_q);

  always_comb begin
    unique case (addr)
      3'd0, 3'd4: rdata = mtime_q[15:0];
      3'd1, 3'd5: rdata = mtime_q[31:16];
      3'd2:       rdata = cmp_q[15:0];
      3'd3:       rdata = cmp_q[31:16];
      default:    rdata = '0;
    endcase
  end
endmodule
