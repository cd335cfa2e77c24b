// reference: the same controller with 4-bit binary states numbered in diagram order
module tapc (clk, rst_n, mode, in_reset, idle, cap_d, sh_d, upd_d, cap_i, sh_i, upd_i, paused);
  input clk, rst_n, mode;
  output in_reset, idle, cap_d, sh_d, upd_d, cap_i, sh_i, upd_i, paused;
  localparam [3:0] TLR = 4'd0, RTI = 4'd1, SDS = 4'd2, CDR = 4'd3, SDR = 4'd4, E1D = 4'd5, PDR = 4'd6, E2D = 4'd7, UDR = 4'd8, SIS = 4'd9, CIR = 4'd10, SIR = 4'd11, E1I = 4'd12, PIR = 4'd13, E2I = 4'd14, UIR = 4'd15;
  (* fsm_encoding = "none" *) reg [3:0] cur;
  reg [3:0] nxt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) cur <= TLR;
    else cur <= nxt;
  always @(*) begin
    case (cur)
      TLR: nxt = mode ? TLR : RTI;
      RTI: nxt = mode ? SDS : RTI;
      SDS: nxt = mode ? SIS : CDR;
      CDR: nxt = mode ? E1D : SDR;
      SDR: nxt = mode ? E1D : SDR;
      E1D: nxt = mode ? UDR : PDR;
      PDR: nxt = mode ? E2D : PDR;
      E2D: nxt = mode ? UDR : SDR;
      UDR: nxt = mode ? SDS : RTI;
      SIS: nxt = mode ? TLR : CIR;
      CIR: nxt = mode ? E1I : SIR;
      SIR: nxt = mode ? E1I : SIR;
      E1I: nxt = mode ? UIR : PIR;
      PIR: nxt = mode ? E2I : PIR;
      E2I: nxt = mode ? UIR : SIR;
      UIR: nxt = mode ? SDS : RTI;
      default: nxt = TLR;
    endcase
  end
  assign in_reset = (cur == TLR);
  assign idle = (cur == RTI);
  assign cap_d = (cur == CDR);
  assign sh_d = (cur == SDR);
  assign upd_d = (cur == UDR);
  assign cap_i = (cur == CIR);
  assign sh_i = (cur == SIR);
  assign upd_i = (cur == UIR);
  assign paused = (cur == PDR) | (cur == PIR);
endmodule
