// Video timing generator with pixel coordinates for the active area.
module vtg #(
  parameter int HACT = 640, HFP = 16, HSW = 96, HBP = 48,
  parameter int VACT = 480, VFP = 10, VSW = 2,  VBP = 33
) (
  input  logic        clk,
  input  logic        rst,
  output logic        hsync,
  output logic        vsync,
  output logic        de,
  output logic [11:0] px,
  output logic [11:0] py
);
  localparam int HTOT = HACT + HFP + HSW + HBP;
  localparam int VTOT = VACT + VFP + VSW + VBP;
  logic [11:0] hcnt, vcnt;
  logic        eol;

  assign eol = (hcnt == HTOT - 1);
  always_ff @(posedge clk) begin
    if (rst) begin
      hcnt <= '0;
      vcnt <= '0;
    end else begin
      hcnt <= eol ? '0 : hcnt + 1'b1;
      if (eol) vcnt <= (vcnt == VTOT - 1) ? '0 : vcnt + 1'b1;
    end
  end

  // pixel coordinates, counted separately
  always_ff @(posedge clk) begin
    if (rst) begin
      px <= '0;
      py <= '0;
    end else begin
      if (eol) begin
        px <= '0;
        if (vcnt == VTOT - 1) py <= '0;
        else                  py <= py + 1'b1;
      end else begin
        px <= px + 1'b1;
      end
    end
  end

  always_comb begin
    de    = (hcnt < HACT) && (vcnt < VACT);
    hsync = ~((hcnt >= HACT + HFP) && (hcnt < HACT + HFP + HSW));
    vsync = ~((vcnt >= VACT + VFP) && (vcnt < VACT + VFP + VSW));
  end
endmodule

module vga_timing_800x600 (
  input  logic        clk,
  input  logic        rst,
  output logic        hsync,
  output logic        vsync,
  output logic        de,
  output logic [11:0] px,
  output logic [11:0] py
);
  vtg #(.HACT(800), .HFP(40), .HSW(128), .HBP(88),
        .VACT(600), .VFP(1),  .VSW(4),   .VBP(23)) u_vtg (.*);
endmodule
