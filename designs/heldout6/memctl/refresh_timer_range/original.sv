// Refresh scheduler: one refresh due every TREFI clocks, up to MAXPOST may be postponed.
module refresh_sched #(
  parameter int TREFI   = 7800,
  parameter int TRFC    = 350,
  parameter int MAXPOST = 8
) (
  input  logic clk,
  input  logic rst,
  input  logic ref_ack,        // controller issued REFRESH
  output logic ref_req,        // a refresh is owed
  output logic ref_urgent,     // postponement limit reached: must refresh now
  output logic in_rfc          // tRFC window after a refresh
);
  int trefi_cnt;
  int rfc_cnt;
  int owed;

  always_ff @(posedge clk) begin
    if (rst) begin
      trefi_cnt <= 0;
      rfc_cnt   <= 0;
      owed      <= 0;
    end else begin
      // interval timer
      if (trefi_cnt == TREFI - 1) trefi_cnt <= 0;
      else                        trefi_cnt <= trefi_cnt + 1;

      // owed refreshes (tick and ack in the same cycle cancel)
      if ((trefi_cnt == TREFI - 1) && !(ref_ack && owed != 0)) begin
        if (owed < MAXPOST) owed <= owed + 1;
      end else if (!(trefi_cnt == TREFI - 1) && ref_ack && owed != 0) begin
        owed <= owed - 1;
      end

      // tRFC blanking
      if (ref_ack)           rfc_cnt <= TRFC;
      else if (rfc_cnt != 0) rfc_cnt <= rfc_cnt - 1;
    end
  end

  assign ref_req    = (owed != 0);
  assign ref_urgent = (owed >= MAXPOST);
  assign in_rfc     = (rfc_cnt != 0);
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
