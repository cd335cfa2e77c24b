// Vectored interrupt controller: edge-latched pending bits, lowest index
// wins; the acknowledge is the decoded winner index.
module lsb_prio #(parameter N = 16, parameter IW = 4) (
  input  [N-1:0] req,
  output reg [IW-1:0] idx,
  output any
);
  integer i;
  always @* begin
    idx = {IW{1'b0}};
    for (i = N-1; i >= 0; i = i - 1)
      if (req[i]) idx = i;
  end
  assign any = |req;
endmodule

module vic_core #(parameter N = 16, parameter IW = 4, parameter NMI = 0, parameter FASTN = 4) (
  input clk, input rst_n,
  input [N-1:0] irq, input [N-1:0] enable, input take,
  output reg [N-1:0] ack, output reg nmi_q, output reg fast_q, output reg pend_any
);
  reg [N-1:0] pending, irq_d;
  wire [N-1:0] act = pending & enable;
  // decode(priority-encode(act)) is the lowest set bit: act & -act; the
  // index is only compared, so the compares read the isolated bit
  localparam [N-1:0] LOW = ({{(N-1){1'b0}}, 1'b1} << FASTN) - 1'b1;
  wire any = |act;
  wire [N-1:0] sel = act & (~act + 1'b1);
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      pending <= 0; irq_d <= 0; ack <= 0; nmi_q <= 1'b0; fast_q <= 1'b0; pend_any <= 1'b0;
    end else begin
      irq_d    <= irq;
      pending  <= (pending | (irq & ~irq_d)) & ~(take ? sel : {N{1'b0}});
      ack      <= take ? sel : {N{1'b0}};
      nmi_q    <= sel[NMI];
      fast_q   <= |(act & LOW);
      pend_any <= any;
    end
endmodule

module irq_hub (
  input clk, input rst_n,
  input [11:0] irq_lines, input [11:0] irq_en, input cpu_take,
  output [11:0] irq_ack, output nmi, output fast, output pending
);
  vic_core #(.N(12), .IW(4), .NMI(2), .FASTN(3)) u_vic (.clk(clk), .rst_n(rst_n), .irq(irq_lines), .enable(irq_en),
    .take(cpu_take), .ack(irq_ack), .nmi_q(nmi), .fast_q(fast), .pend_any(pending));
endmodule
