// Power-up sequencer for a PLL + PHY (SystemVerilog, enum state, child instance, `.*` hookup): settle for
// 3000 cycles, pulse the PHY reset, calibrate for 12 cycles, then run. Hand reference:
// ready and busy decoded from the state.
module pwr_seq #(parameter int SETTLE = 4000, parameter int CAL = 16) (
  input  logic clk,
  input  logic rst_n,
  output logic phy_rst,
  output logic cal_en,
  output logic ready,
  output logic busy
);
  typedef enum logic [1:0] {SETTLE_S, PHYRST, CALIB, RUN} st_t;
  st_t st;
  logic [$clog2(SETTLE)-1:0] t;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= SETTLE_S; t <= '0;
    end else begin
      unique case (st)
        SETTLE_S: if (t == SETTLE - 1) begin t <= '0; st <= PHYRST; end else t <= t + 1'b1;
        PHYRST:   st <= CALIB;
        CALIB:    if (t == CAL - 1) st <= RUN; else t <= t + 1'b1;
        RUN:      ;
      endcase
    end
  end

  assign phy_rst = (st == PHYRST);
  assign cal_en  = (st == CALIB);
  assign ready   = (st == RUN);
  assign busy    = (st != RUN);
endmodule

module pwr_top (
  input  logic clk,
  input  logic rst_n,
  output logic phy_rst,
  output logic cal_en,
  output logic ready,
  output logic busy
);
  pwr_seq #(.SETTLE(3000), .CAL(12)) u_seq (.*);
endmodule
