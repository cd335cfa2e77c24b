// Espresso machine sequencer: heat, grind, pre-infuse, brew, drip-stop;
// a separate cleaning cycle; a fault state on an empty water tank.
module brew_ctrl #(
    parameter int T_GRIND = 50,
    parameter int T_PRE   = 30,
    parameter int T_BREW  = 250,
    parameter int T_DRIP  = 80,
    parameter int T_CLEAN = 400
) (
    input  logic clk,
    input  logic rst_n,
    input  logic btn_start,
    input  logic btn_clean,
    input  logic btn_reset,
    input  logic temp_ok,
    input  logic no_water,
    output logic heater,
    output logic grinder,
    output logic pump,
    output logic drip_valve,
    output logic ready,
    output logic fault
);
    typedef enum logic [7:0] {
        IDLE   = 8'b0000_0001,
        HEAT   = 8'b0000_0010,
        GRIND  = 8'b0000_0100,
        PREINF = 8'b0000_1000,
        BREW   = 8'b0001_0000,
        DRIP   = 8'b0010_0000,
        CLEAN  = 8'b0100_0000,
        FAULT  = 8'b1000_0000
    } state_t;

    state_t      st;
    logic [11:0] tmr;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st  <= IDLE;
            tmr <= '0;
        end else begin
            unique case (st)
                IDLE:   begin
                            tmr <= '0;
                            if (btn_start)      st <= HEAT;
                            else if (btn_clean) st <= CLEAN;
                        end
                HEAT:   if (no_water) st <= FAULT;
                        else if (temp_ok) st <= GRIND;
                GRIND:  if (tmr == 12'(T_GRIND - 1)) begin st <= PREINF; tmr <= '0; end
                        else tmr <= tmr + 12'd1;
                PREINF: if (tmr == 12'(T_PRE - 1)) begin st <= BREW; tmr <= '0; end
                        else tmr <= tmr + 12'd1;
                BREW:   if (no_water) begin st <= FAULT; tmr <= '0; end
                        else if (tmr == 12'(T_BREW - 1)) begin st <= DRIP; tmr <= '0; end
                        else tmr <= tmr + 12'd1;
                DRIP:   if (tmr == 12'(T_DRIP - 1)) begin st <= IDLE; tmr <= '0; end
                        else tmr <= tmr + 12'd1;
                CLEAN:  if (tmr == 12'(T_CLEAN - 1)) begin st <= IDLE; tmr <= '0; end
                        else tmr <= tmr + 12'd1;
                FAULT:  if (btn_reset) st <= IDLE;
                default: st <= IDLE;
            endcase
        end
    end

    always_comb begin
        heater     = (st == HEAT) || (st == PREINF) || (st == BREW);
        grinder    = (st == GRIND);
        pump       = (st == PREINF) || (st == BREW) || (st == CLEAN);
        drip_valve = (st == DRIP) || (st == CLEAN);
        ready      = (st == IDLE);
        fault      = (st == FAULT);
    end
endmodule

module espresso (
    input  logic clk,
    input  logic rst_n,
    input  logic btn_start,
    input  logic btn_clean,
    input  logic btn_reset,
    input  logic temp_ok,
    input  logic no_water,
    output logic heater,
    output logic grinder,
    output logic pump,
    output logic drip_valve,
    output logic ready,
    output logic fault
);
    brew_ctrl #(.T_GRIND(40), .T_PRE(25), .T_BREW(200), .T_DRIP(60), .T_CLEAN(300)) u_ctrl (.*);
endmodule
