// DMX512 lighting-console transmitter: break, mark-after-break, the start
// code and N channel slots, each slot sent by a UART framer. The slot data
// source (start-code register or channel memory) is selected by the
// sequencer and captured by the framer only on its load strobe.
module dmx_uart #(
    parameter int BT = 16      // clocks per bit
) (
    input  logic       clk,
    input  logic       rst,
    input  logic       load,
    input  logic [7:0] din,
    output logic       txd,
    output logic       done
);
    logic [10:0] sh;
    logic [3:0]  nb;
    logic [7:0]  bc;
    logic        act;
    always_ff @(posedge clk) begin
        if (rst) begin
            sh <= '1; nb <= '0; bc <= '0; act <= 1'b0; done <= 1'b0;
        end else begin
            done <= 1'b0;
            if (load) begin
                sh <= {2'b11, din, 1'b0}; nb <= '0; bc <= '0; act <= 1'b1;
            end else if (act) begin
                if (bc == 8'(BT - 1)) begin
                    bc <= '0; sh <= {1'b1, sh[10:1]};
                    if (nb == 4'd10) begin act <= 1'b0; done <= 1'b1; end
                    else nb <= nb + 1'b1;
                end else bc <= bc + 1'b1;
            end
        end
    end
    assign txd = sh[0] | ~act;
endmodule

module dmx_seq #(
    parameter int NSLOT = 512,
    parameter int SW    = 10,
    parameter int BT    = 16,
    parameter int TW    = 12
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          go,
    input  logic          udone,
    output logic          brk,
    output logic          load,
    output logic          src,      // 0 start code, 1 channel memory
    output logic [SW-1:0] slot,
    output logic          busy
);
    typedef enum logic [2:0] {IDLE, BREAK, MAB, SC, WAIT_SC, SLOT, WAIT_SL} st_t;
    st_t st;
    logic [TW-1:0] t;
    always_ff @(posedge clk) begin
        if (rst) begin
            st <= IDLE; t <= '0; slot <= '0;
        end else begin
            unique case (st)
                IDLE:    if (go) begin st <= BREAK; t <= '0; end
                BREAK:   if (t == TW'(BT * 22 - 1)) begin st <= MAB; t <= '0; end else t <= t + 1'b1;
                MAB:     if (t == TW'(BT * 2 - 1)) begin st <= SC; t <= '0; end else t <= t + 1'b1;
                SC:      begin st <= WAIT_SC; slot <= '0; end
                WAIT_SC: if (udone) st <= (slot == SW'(NSLOT)) ? IDLE : SLOT;
                SLOT:    begin st <= WAIT_SL; slot <= slot + 1'b1; end
                WAIT_SL: if (udone) st <= (slot == SW'(NSLOT)) ? IDLE : SLOT;
                default: st <= IDLE;
            endcase
        end
    end
    always_comb begin
        brk = (st == BREAK);
        load = (st == SC) || (st == SLOT);
        unique case (st)
            SLOT, WAIT_SL: src = 1'b1;
            default:       src = 1'b0;
        endcase
        busy = (st != IDLE);
    end
endmodule

module dmx_tx (
    input  logic       clk,
    input  logic       rst,
    input  logic       go,
    input  logic [7:0] start_code,
    input  logic [7:0] chan_data,
    output logic [3:0] chan_addr,
    output logic       line,
    output logic       busy
);
    logic brk, load, src, udone, txd;
    logic [3:0] slot;
    logic [7:0] byte_d;
    dmx_seq  #(.NSLOT(6), .SW(4), .BT(2), .TW(6)) u_seq (.clk, .rst, .go, .udone, .brk, .load, .src, .slot, .busy);
    assign chan_addr = slot;
    assign byte_d    = src ? chan_data : start_code;
    dmx_uart #(.BT(2)) u_uart (.clk, .rst, .load, .din(byte_d), .txd, .done(udone));
    assign line = brk ? 1'b0 : txd;
endmodule
