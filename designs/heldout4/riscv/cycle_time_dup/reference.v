// Zicntr counters of a small RV32 core: cycle and time both count core clocks (the time
// base is the core clock here), instret counts retired instructions. Read through CSR addresses.
module zicntr (
  input  wire        clk,
  input  wire        resetn,
  input  wire        instr_retired,
  input  wire [11:0] csr_addr,
  output reg  [31:0] csr_rdata,
  output reg         csr_valid
);
  reg [63:0] cycle_cnt;
  reg [63:0] instret_cnt;

  always @(posedge clk) begin
    if (!resetn) begin
      cycle_cnt   <= 64'd0;
      instret_cnt <= 64'd0;
    end else begin
      cycle_cnt <= cycle_cnt + 64'd1;
      if (instr_retired) instret_cnt <= instret_cnt + 64'd1;
    end
  end

  always @* begin
    csr_valid = 1'b1;
    case (csr_addr)
      12'hC00, 12'hC01: csr_rdata = cycle_cnt[31:0];    // time == cycle: one counter
      12'hC80, 12'hC81: csr_rdata = cycle_cnt[63:32];
      12'hC02: csr_rdata = instret_cnt[31:0];
      12'hC82: csr_rdata = instret_cnt[63:32];
      default: begin csr_rdata = 32'd0; csr_valid = 1'b0; end
    endcase
  end
endmodule
