// Divider < 4 (2 bits), bit counter < 64 (6 bits, wraps after the last bit), busy = (state != IDLE).
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
  typedef enum logic [1:0] {IDLE, SHIFT, DONE} state_t;
  state_t      st;
  logic [1:0]  div_cnt;
  logic [5:0]  bit_cnt;
  logic [63:0] sh;

  always_ff @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= IDLE; div_cnt <= '0; bit_cnt <= '0; sh <= '0; mdc <= 1'b0;
    end else begin
      case (st)
        IDLE: if (start) begin
                sh      <= {32'hFFFF_FFFF, 2'b01, 2'b01, phy, regad, 2'b10, wdata};
                st      <= SHIFT;
                bit_cnt <= '0;
                div_cnt <= '0;
                mdc     <= 1'b0;
              end
        SHIFT: begin
                div_cnt <= div_cnt + 2'd1;
                if (div_cnt == 2'd3) begin
                  mdc <= ~mdc;
                  if (mdc) begin
                    sh <= {sh[62:0], 1'b0};
                    if (bit_cnt == 6'd63) st <= DONE;
                    bit_cnt <= bit_cnt + 6'd1;
                  end
                end
              end
        DONE: st <= IDLE;
        default: st <= IDLE;
      endcase
    end
  end
  assign mdio_o = sh[63];
  assign busy   = (st != IDLE);
endmodule
