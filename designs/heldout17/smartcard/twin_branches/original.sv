// ISO 7816 smart-card interface activation and ATR sequencer: power, clock
// and reset are applied in order, then the initial character TS selects the
// direct or the inverse convention; each convention has its own path of
// states that waits for T0 and the interface bytes before the card is ready.
module sc_timer #(
    parameter int TW = 12
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          clr,
    output logic [TW-1:0] t
);
    always_ff @(posedge clk) begin
        if (rst || clr) t <= '0;
        else            t <= t + 1'b1;
    end
endmodule

module sc_seq #(
    parameter int TW     = 12,
    parameter int T_VCC  = 200,
    parameter int T_CLK  = 100,
    parameter int T_RST  = 400,
    parameter int T_ATR  = 4000
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       insert,
    input  logic       rx_vld,
    input  logic [7:0] rx_byte,
    output logic       vcc_en,
    output logic       clk_en,
    output logic       card_rst_n,
    output logic       ready,
    output logic       err,
    output logic       inv_conv
);
    typedef enum logic [3:0] {
        S_OFF, S_VCC, S_CLK, S_RST, S_TS,
        S_D_T0, S_D_IF, S_D_HIST,
        S_I_T0, S_I_IF, S_I_HIST,
        S_READY, S_ERR
    } st_t;
    st_t st, nst;
    logic [TW-1:0] t;
    logic [3:0]    nb;      // bytes still expected in this phase

    sc_timer #(.TW(TW)) u_tmr (.clk, .rst, .clr(nst != st), .t);

    // state register
    always_ff @(posedge clk) begin
        if (rst) st <= S_OFF;
        else     st <= nst;
    end

    // next state
    always_comb begin
        nst = st;
        unique case (st)
            S_OFF:    if (insert) nst = S_VCC;
            S_VCC:    if (t == TW'(T_VCC)) nst = S_CLK;
            S_CLK:    if (t == TW'(T_CLK)) nst = S_RST;
            S_RST:    if (t == TW'(T_RST)) nst = S_TS;
            S_TS:     if (rx_vld) nst = (rx_byte == 8'h3B) ? S_D_T0 :
                                        (rx_byte == 8'h3F) ? S_I_T0 : S_ERR;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_D_T0:   if (rx_vld) nst = (rx_byte[7:4] == 4'h0) ? S_D_HIST : S_D_IF;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_D_IF:   if (rx_vld && nb == 4'd1) nst = S_D_HIST;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_D_HIST: if (rx_vld && nb == 4'd1) nst = S_READY;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_I_T0:   if (rx_vld) nst = (rx_byte[7:4] == 4'h0) ? S_I_HIST : S_I_IF;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_I_IF:   if (rx_vld && nb == 4'd1) nst = S_I_HIST;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_I_HIST: if (rx_vld && nb == 4'd1) nst = S_READY;
                      else if (t == TW'(T_ATR)) nst = S_ERR;
            S_READY:  if (!insert) nst = S_OFF;
            S_ERR:    if (!insert) nst = S_OFF;
            default:  nst = S_OFF;
        endcase
        if (!insert && st != S_OFF) nst = S_OFF;
    end

    // outputs
    always_comb begin
        vcc_en = 1'b0; clk_en = 1'b0; card_rst_n = 1'b0; ready = 1'b0; err = 1'b0;
        unique case (st)
            S_OFF:   ;
            S_VCC:   vcc_en = 1'b1;
            S_CLK:   begin vcc_en = 1'b1; clk_en = 1'b1; end
            S_RST:   begin vcc_en = 1'b1; clk_en = 1'b1; end
            S_READY: begin vcc_en = 1'b1; clk_en = 1'b1; card_rst_n = 1'b1; ready = 1'b1; end
            S_ERR:   begin err = 1'b1; end
            default: begin vcc_en = 1'b1; clk_en = 1'b1; card_rst_n = 1'b1; end
        endcase
    end

    // datapath: convention flag and byte counts
    always_ff @(posedge clk) begin
        if (rst) begin
            inv_conv <= 1'b0; nb <= '0;
        end else begin
            if (st == S_TS && rx_vld) inv_conv <= (rx_byte == 8'h3F);
            if ((st == S_D_T0 || st == S_I_T0) && rx_vld)
                nb <= (rx_byte[7:4] == 4'h0) ? rx_byte[3:0] : 4'd1 + rx_byte[7] + rx_byte[6] + rx_byte[5] + rx_byte[4] - 4'd1;
            else if ((st == S_D_IF || st == S_I_IF) && rx_vld && nb == 4'd1)
                nb <= 4'd3;
            else if (rx_vld && nb != 4'd0)
                nb <= nb - 4'd1;
        end
    end
endmodule

module sc_reader (
    input  logic       clk,
    input  logic       rst,
    input  logic       insert,
    input  logic       rx_vld,
    input  logic [7:0] rx_byte,
    output logic       vcc_en,
    output logic       clk_en,
    output logic       card_rst_n,
    output logic       ready,
    output logic       err,
    output logic       inv_conv
);
    sc_seq #(.TW(6), .T_VCC(3), .T_CLK(2), .T_RST(5), .T_ATR(40)) u_seq (.*);
endmodule
