// test access port controller: one-hot state held as bit positions, case (1'b1) decoding
module tapc (clk, rst_n, mode, in_reset, idle, cap_d, sh_d, upd_d, cap_i, sh_i, upd_i, paused);
  input clk, rst_n, mode;
  output in_reset, idle, cap_d, sh_d, upd_d, cap_i, sh_i, upd_i, paused;
  localparam TLR = 0, RTI = 1, SDS = 2, CDR = 3, SDR = 4, E1D = 5, PDR = 6, E2D = 7, UDR = 8, SIS = 9, CIR = 10, SIR = 11, E1I = 12, PIR = 13, E2I = 14, UIR = 15;
  reg [15:0] cur, nxt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) cur <= 16'd1;
    else cur <= nxt;
  always @(*) begin
    nxt = 16'd0;
    case (1'b1) // synopsys parallel_case
      cur[TLR]: if (mode) nxt[TLR] = 1'b1; else nxt[RTI] = 1'b1;
      cur[RTI]: if (mode) nxt[SDS] = 1'b1; else nxt[RTI] = 1'b1;
      cur[SDS]: if (mode) nxt[SIS] = 1'b1; else nxt[CDR] = 1'b1;
      cur[CDR]: if (mode) nxt[E1D] = 1'b1; else nxt[SDR] = 1'b1;
      cur[SDR]: if (mode) nxt[E1D] = 1'b1; else nxt[SDR] = 1'b1;
      cur[E1D]: if (mode) nxt[UDR] = 1'b1; else nxt[PDR] = 1'b1;
      cur[PDR]: if (mode) nxt[E2D] = 1'b1; else nxt[PDR] = 1'b1;
      cur[E2D]: if (mode) nxt[UDR] = 1'b1; else nxt[SDR] = 1'b1;
      cur[UDR]: if (mode) nxt[SDS] = 1'b1; else nxt[RTI] = 1'b1;
      cur[SIS]: if (mode) nxt[TLR] = 1'b1; else nxt[CIR] = 1'b1;
      cur[CIR]: if (mode) nxt[E1I] = 1'b1; else nxt[SIR] = 1'b1;
      cur[SIR]: if (mode) nxt[E1I] = 1'b1; else nxt[SIR] = 1'b1;
      cur[E1I]: if (mode) nxt[UIR] = 1'b1; else nxt[PIR] = 1'b1;
      cur[PIR]: if (mode) nxt[E2I] = 1'b1; else nxt[PIR] = 1'b1;
      cur[E2I]: if (mode) nxt[UIR] = 1'b1; else nxt[SIR] = 1'b1;
      cur[UIR]: if (mode) nxt[SDS] = 1'b1; else nxt[RTI] = 1'b1;
      default: nxt[TLR] = 1'b1;
    endcase
  end
  assign in_reset = cur[TLR];
  assign idle = cur[RTI];
  assign cap_d = cur[CDR];
  assign sh_d = cur[SDR];
  assign upd_d = cur[UDR];
  assign cap_i = cur[CIR];
  assign sh_i = cur[SIR];
  assign upd_i = cur[UIR];
  assign paused = cur[PDR] | cur[PIR];
endmodule
