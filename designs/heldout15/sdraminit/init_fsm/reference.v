// SDRAM power-up initialisation sequencer.  cmd / sa / init_done are
// decodes of the state (they were registered on every transition into it),
// and the wait timer is sized from the longest wait.
module sdram_init #(
    parameter        T_INIT = 20000,   // power-up wait (clocks)
    parameter        T_RP   = 3,
    parameter        T_RFC  = 9,
    parameter        T_MRD  = 2,
    parameter [12:0] MODE   = 13'h033,
    parameter        TW     = 16
) (
    input             clk,
    input             rst_n,
    output reg [3:0]  cmd,        // {cs_n, ras_n, cas_n, we_n}
    output reg [12:0] sa,
    output reg        init_done
);
    localparam [3:0] C_INH = 4'b1111, C_NOP = 4'b0111, C_PRE = 4'b0010,
                     C_REF = 4'b0001, C_MRS = 4'b0000;

    localparam [3:0] S_WAIT = 4'd0, S_PRE = 4'd1, S_TRP  = 4'd2,
                     S_REF1 = 4'd3, S_RFC1 = 4'd4, S_REF2 = 4'd5,
                     S_RFC2 = 4'd6, S_MRS = 4'd7, S_TMRD = 4'd8,
                     S_DONE = 4'd9;

    localparam M1   = (T_INIT > T_RP) ? T_INIT : T_RP;
    localparam M2   = (M1 > T_RFC) ? M1 : T_RFC;
    localparam MAXT = (M2 > T_MRD) ? M2 : T_MRD;
    localparam MW   = (MAXT <= 2) ? 1 : $clog2(MAXT);

    reg [3:0]    state;
    reg [MW-1:0] timer;

    always @(*) begin
        case (state)
            S_WAIT:  cmd = C_INH;
            S_PRE:   cmd = C_PRE;
            S_REF1,
            S_REF2:  cmd = C_REF;
            S_MRS:   cmd = C_MRS;
            default: cmd = C_NOP;
        endcase
        sa        = (state == S_PRE) ? 13'h0400 : (state == S_MRS) ? MODE : 13'd0;
        init_done = (state == S_DONE);
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state     <= S_WAIT;
            timer     <= {MW{1'b0}};
        end else begin
            case (state)
                S_WAIT:
                    if (timer == T_INIT - 1) begin
                        timer <= {MW{1'b0}};
                        state <= S_PRE;
                    end else
                        timer <= timer + 1'b1;
                S_PRE: begin
                    state <= S_TRP;
                end
                S_TRP:
                    if (timer == T_RP - 1) begin
                        timer <= {MW{1'b0}};
                        state <= S_REF1;
                    end else
                        timer <= timer + 1'b1;
                S_REF1: begin
                    state <= S_RFC1;
                end
                S_RFC1:
                    if (timer == T_RFC - 1) begin
                        timer <= {MW{1'b0}};
                        state <= S_REF2;
                    end else
                        timer <= timer + 1'b1;
                S_REF2: begin
                    state <= S_RFC2;
                end
                S_RFC2:
                    if (timer == T_RFC - 1) begin
                        timer <= {MW{1'b0}};
                        state <= S_MRS;
                    end else
                        timer <= timer + 1'b1;
                S_MRS: begin
                    state <= S_TMRD;
                end
                S_TMRD:
                    if (timer == T_MRD - 1) begin
                        timer     <= {MW{1'b0}};
                        state     <= S_DONE;
                    end else
                        timer <= timer + 1'b1;
                default: ;
            endcase
        end
    end
endmodule

module sdram_boot (
    input         clk,
    input         rst_n,
    output [3:0]  sd_cmd,
    output [12:0] sd_addr,
    output        ready
);
    sdram_init #(.T_INIT(40), .T_RP(2), .T_RFC(6), .T_MRD(3), .MODE(13'h027)) u_init (
        .clk(clk), .rst_n(rst_n), .cmd(sd_cmd), .sa(sd_addr), .init_done(ready)
    );
endmodule
