// Request/response to Wishbone bridge: request tags wait in a FIFO until
// their acknowledge returns (sized for pipelined Wishbone).
module tag_fifo #(parameter int W = 4, parameter int D = 4) (
  input  logic clk, rst_n, push, pop,
  input  logic [W-1:0] din,
  output logic [W-1:0] dout,
  output logic full, empty, one
);
  localparam int AW = $clog2(D);
  logic [D-1:0][W-1:0] m;
  logic [AW-1:0] wp, rp;
  logic [AW:0] cnt;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      m <= '0; wp <= '0; rp <= '0; cnt <= '0;
    end else begin
      if (push) begin m[wp] <= din; wp <= wp + 1'b1; end
      if (pop)  rp <= rp + 1'b1;
      cnt <= cnt + (AW+1)'(push) - (AW+1)'(pop);
    end
  assign dout  = m[rp];
  assign full  = (cnt == (AW+1)'(D));
  assign empty = (cnt == '0);
  assign one   = (cnt == (AW+1)'(1));
endmodule

module wb_bridge #(parameter int TW = 4, parameter int D = 4, parameter bit PIPE = 1'b1) (
  input  logic clk, rst_n,
  input  logic req_valid,
  input  logic [TW-1:0] req_tag,
  input  logic [15:0] req_addr,
  output logic req_ready,
  output logic cyc, stb,
  output logic [15:0] adr,
  input  logic ack,
  input  logic [15:0] dat_i,
  output logic rsp_valid,
  output logic [TW-1:0] rsp_tag,
  output logic [15:0] rsp_data
);
  // classic (non-pipelined) cycles: at most one tag is ever outstanding, so
  // the FIFO is one register (full never, empty whenever a cycle ends)
  logic accept, done;
  logic [TW-1:0] head;
  assign req_ready = !cyc;
  assign accept    = req_valid && req_ready;
  assign done      = cyc && ack;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) head <= '0;
    else if (accept) head <= req_tag;
  always_ff @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      cyc <= 1'b0; stb <= 1'b0; adr <= '0; rsp_valid <= 1'b0; rsp_tag <= '0; rsp_data <= '0;
    end else begin
      rsp_valid <= done;
      if (done) begin rsp_tag <= head; rsp_data <= dat_i; end
      if (accept) begin cyc <= 1'b1; stb <= 1'b1; adr <= req_addr; end
      else if (done) begin cyc <= 1'b0; stb <= 1'b0; end
    end
endmodule

module wb_port (
  input  logic clk, rst_n, req_valid,
  input  logic [3:0] req_tag,
  input  logic [15:0] req_addr,
  output logic req_ready,
  output logic cyc, stb,
  output logic [15:0] adr,
  input  logic ack,
  input  logic [15:0] dat_i,
  output logic rsp_valid,
  output logic [3:0] rsp_tag,
  output logic [15:0] rsp_data
);
  wb_bridge #(.TW(4), .D(4), .PIPE(1'b0)) u_br (.*);
endmodule
