// AXI4-Lite write path of a small control-register block (4 x 8-bit registers). Address and data
// are accepted together; a write-busy flag blocks new writes until the response is taken.
module axil_wr #(parameter int NREG = 4, parameter int DW = 8) (
  input  logic clk, rst_n,
  input  logic awvalid, input logic [$clog2(NREG)+1:0] awaddr,
  input  logic wvalid,  input logic [DW-1:0] wdata,
  input  logic bready,
  output logic awready, wready, bvalid,
  output logic [1:0] bresp,
  output logic [NREG-1:0][DW-1:0] regs
);
  logic wr_busy;
  logic accept;
  assign accept  = awvalid && wvalid && !wr_busy;
  assign awready = accept;
  assign wready  = accept;
  assign bresp   = 2'b00;
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin bvalid <= 1'b0; wr_busy <= 1'b0; regs <= '0; end
    else begin
      if (accept) begin
        regs[awaddr[$clog2(NREG)+1:2]] <= wdata;
        bvalid  <= 1'b1;
        wr_busy <= 1'b1;
      end else begin
        if (bready) bvalid <= 1'b0;
        if (bvalid && bready) wr_busy <= 1'b0;
      end
    end
  end
endmodule

module ctrl_regs (
  input  logic clk, rst_n, awvalid, wvalid, bready,
  input  logic [3:0] awaddr,
  input  logic [5:0] wdata,
  output logic awready, wready, bvalid,
  output logic [1:0] bresp,
  output logic [3:0][5:0] regs
);
  axil_wr #(.NREG(4), .DW(6)) u_wr (.*);
endmodule
