// Refresh scheduler with the tRFC and postponed-refresh counters sized from the parameters.
module refresh_sched #(
  parameter int TREFI   = 7800,
  parameter int TRFC    = 350,
  parameter int MAXPOST = 8
) (
  input  logic clk,
  input  logic rst,
  input  logic ref_ack,
  output logic ref_req,
  output logic ref_urgent,
  output logic in_rfc
);
  localparam int RW = $clog2(TRFC + 1);
  localparam int OW = $clog2(MAXPOST + 1);
  int            trefi_cnt;
  logic [RW-1:0] rfc_cnt;
  logic [OW-1:0] owed;
  logic          tick, dec;

  assign tick = (trefi_cnt == TREFI - 1);
  assign dec  = ref_ack && (owed != '0);

  always_ff @(posedge clk) begin
    if (rst) begin
      trefi_cnt <= 0;
      rfc_cnt   <= '0;
      owed      <= '0;
    end else begin
      trefi_cnt <= tick ? 0 : trefi_cnt + 1;
      if (tick && !dec) begin
        if (owed != OW'(MAXPOST)) owed <= owed + 1'b1;
      end else if (!tick && dec) begin
        owed <= owed - 1'b1;
      end
      if (ref_ack)            rfc_cnt <= RW'(TRFC);
      else if (rfc_cnt != '0) rfc_cnt <= rfc_cnt - 1'b1;
    end
  end

  assign ref_req    = (owed != '0);
  assign ref_urgent = (owed == OW'(MAXPOST));
  assign in_rfc     = (rfc_cnt != '0);
endmodule

module dram_refresh (
  input  logic clk,
  input  logic rst,
  input  logic ref_ack,
  output logic ref_req,
  output logic ref_urgent,
  output logic in_rfc
);
  refresh_sched #(.TREFI(780), .TRFC(35), .MAXPOST(8)) u_sched (.*);
endmodule
