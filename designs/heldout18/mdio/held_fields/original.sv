// MDIO (IEEE 802.3 clause 22) management master with its CSR front end.
// The master captures the command fields when a transaction starts.
module mdio_master #(parameter int PRE = 32, parameter int DIV = 4) (
  input  logic clk, rst_n, start, rd,
  input  logic [4:0] phy, regad,
  input  logic [15:0] wdata,
  input  logic mdi,
  output logic busy, done, mdc, mdo, mdo_en,
  output logic [15:0] rdata
);
  localparam int NB = PRE + 32;
  localparam int BW = $clog2(NB + 1);
  localparam int PW = (DIV > 1) ? $clog2(DIV) : 1;
  typedef enum logic [1:0] {IDLE, RUN, LAST} st_t;
  st_t st;
  logic [PW-1:0] pre;
  logic [BW-1:0] bitn, fi;
  logic rd_q;
  logic [4:0] phy_q, reg_q;
  logic [15:0] wd_q;
  logic [31:0] frame;
  logic tick;

  assign frame = {2'b01, rd_q ? 2'b10 : 2'b01, phy_q, reg_q, 2'b10, wd_q};
  assign tick  = (pre == PW'(DIV - 1));
  assign fi    = bitn - BW'(PRE);

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; pre <= '0; bitn <= '0; done <= 1'b0; rdata <= '0;
      rd_q <= 1'b0; phy_q <= '0; reg_q <= '0; wd_q <= '0;
    end else begin
      done <= 1'b0;
      unique case (st)
        IDLE: if (start) begin
          st <= RUN; bitn <= '0; pre <= '0;
          rd_q <= rd; phy_q <= phy; reg_q <= regad; wd_q <= wdata;
        end
        RUN: begin
          pre <= tick ? '0 : pre + 1'b1;
          if (tick) begin
            if (rd_q && bitn >= BW'(PRE + 16)) rdata <= {rdata[14:0], mdi};
            if (bitn == BW'(NB - 1)) st <= LAST;
            else bitn <= bitn + 1'b1;
          end
        end
        LAST: begin st <= IDLE; done <= 1'b1; end
        default: st <= IDLE;
      endcase
    end
  end
  assign busy   = (st != IDLE);
  assign mdc    = (st == RUN) && (pre >= PW'(DIV / 2));
  assign mdo    = (st != RUN) || (bitn < BW'(PRE)) || frame[~fi[4:0]];
  assign mdo_en = (st == RUN) && !(rd_q && bitn >= BW'(PRE + 14));
endmodule

module mdio_csr (
  input  logic clk, rst_n, we,
  input  logic [1:0] addr,
  input  logic [15:0] wd,
  input  logic busy,
  output logic start, rd,
  output logic [4:0] phy, regad,
  output logic [15:0] wdata
);
  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      start <= 1'b0; rd <= 1'b0; phy <= '0; regad <= '0; wdata <= '0;
    end else begin
      start <= 1'b0;
      if (we && !busy && !start) begin
        unique case (addr)
          2'd0: {rd, phy, regad} <= wd[10:0];
          2'd1: wdata <= wd;
          2'd2: start <= wd[0];
          default: ;
        endcase
      end
    end
  end
endmodule

module mdio_ctrl (
  input  logic clk, rst_n, we,
  input  logic [1:0] addr,
  input  logic [15:0] wd,
  input  logic mdi,
  output logic busy, done, mdc, mdo, mdo_en,
  output logic [15:0] rdata
);
  logic start, rd;
  logic [4:0] phy, regad;
  logic [15:0] wdata;
  mdio_csr u_csr (.clk, .rst_n, .we, .addr, .wd, .busy, .start, .rd, .phy, .regad, .wdata);
  mdio_master #(.PRE(8), .DIV(2)) u_mst (.clk, .rst_n, .start, .rd, .phy, .regad, .wdata, .mdi,
    .busy, .done, .mdc, .mdo, .mdo_en, .rdata);
endmodule
