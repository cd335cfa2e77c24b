// IEEE 802.3 clause-22 MDIO write frame generator (MDC = clk / (2*DIV)).
module mdio_wr #(parameter int DIV = 10) (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        start,
  input  logic [4:0]  phy,
  input  logic [4:0]  regad,
  input  logic [15:0] wdata,
  output logic        mdc,
  output logic        mdio_o,
  output logic        busy
);
  typedef enum logic [1:0] {IDLE, SHIFT, DONE} state_t;
  state_t      st;
  int          div_cnt;
  int          bit_cnt;
  logic [63:0] sh;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; div_cnt <= 0; bit_cnt <= 0; sh <= '0; mdc <= 1'b0; busy <= 1'b0;
    end else begin
      case (st)
        IDLE: if (start) begin
                sh      <= {32'hFFFF_FFFF, 2'b01, 2'b01, phy, regad, 2'b10, wdata};
                st      <= SHIFT;
                busy    <= 1'b1;
                bit_cnt <= 0;
                div_cnt <= 0;
                mdc     <= 1'b0;
              end
        SHIFT: begin
                if (div_cnt == DIV - 1) begin
                  div_cnt <= 0;
                  mdc     <= ~mdc;
                  if (mdc) begin
                    sh <= {sh[62:0], 1'b0};
                    if (bit_cnt == 63) st <= DONE;
                    bit_cnt <= bit_cnt + 1;
                  end
                end else begin
                  div_cnt <= div_cnt + 1;
                end
              end
        DONE: begin st <= IDLE; busy <= 1'b0; end
        default: st <= IDLE;
      endcase
    end
  end
  assign mdio_o = sh[63];
endmodule

module mdio_top (
  input  logic        clk,
  input  logic        rst_n,
  input  logic        start,
  input  logic [4:0]  phy,
  input  logic [4:0]  regad,
  input  logic [15:0] wdata,
  output logic        mdc,
  output logic        mdio_o,
  output logic        busy
);
  mdio_wr #(.DIV(4)) u_mdio (.*);
endmodule
