// UART receiver, oversampled, optional parity. Three-process FSM.
module uart_rx #(
    parameter OVS       = 16,   // oversampling ticks per bit
    parameter DBITS     = 8,    // data bits
    parameter PARITY_EN = 1,    // 1: parity bit after the data
    parameter ODD       = 0     // parity sense
) (
    input                  clk,
    input                  rst_n,
    input                  tick,     // OVS x baud enable
    input                  rxd,
    output reg [DBITS-1:0] data,
    output reg             valid,
    output reg             perr,
    output reg             ferr
);
    localparam S_IDLE  = 3'd0,
               S_START = 3'd1,
               S_DATA  = 3'd2,
               S_PAR   = 3'd3,
               S_STOP  = 3'd4;

    reg [2:0]       state, nstate;
    reg [15:0]      tcnt;
    integer         bidx;
    reg [DBITS-1:0] sh;
    reg             par;

    wire mid  = (tcnt == OVS/2 - 1);
    wire last = (tcnt == OVS - 1);

    // state register
    always @(posedge clk or negedge rst_n)
        if (!rst_n) state <= S_IDLE;
        else        state <= nstate;

    // next state
    always @(*) begin
        nstate = state;
        case (state)
            S_IDLE:  if (tick && !rxd) nstate = S_START;
            S_START: if (tick && mid)  nstate = rxd ? S_IDLE : S_DATA;
            S_DATA:  if (tick && last && bidx == DBITS-1)
                         nstate = PARITY_EN ? S_PAR : S_STOP;
            S_PAR:   if (tick && last) nstate = S_STOP;
            S_STOP:  if (tick && last) nstate = S_IDLE;
            default: nstate = S_IDLE;
        endcase
    end

    // datapath
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            tcnt  <= 16'd0;
            bidx  <= 0;
            sh    <= {DBITS{1'b0}};
            par   <= 1'b0;
            data  <= {DBITS{1'b0}};
            valid <= 1'b0;
            perr  <= 1'b0;
            ferr  <= 1'b0;
        end else begin
            valid <= 1'b0;
            if (tick) begin
                if (nstate != state || last) tcnt <= 16'd0;
                else                         tcnt <= tcnt + 16'd1;
                case (state)
                    S_START: begin
                        bidx <= 0;
                        par  <= ODD[0];
                    end
                    S_DATA: if (last) begin
                        sh   <= {rxd, sh[DBITS-1:1]};
                        par  <= par ^ rxd;
                        bidx <= (bidx == DBITS-1) ? 0 : bidx + 1;
                    end
                    S_PAR: if (last) perr <= par ^ rxd;
                    S_STOP: if (last) begin
                        data  <= sh;
                        valid <= 1'b1;
                        ferr  <= ~rxd;
                    end
                    default: ;
                endcase
            end
        end
    end
endmodule

module uart_rx_top (
    input        clk,
    input        rst_n,
    input        tick,
    input        rxd,
    output [6:0] data,
    output       valid,
    output       perr,
    output       ferr
);
    uart_rx #(.OVS(8), .DBITS(7), .PARITY_EN(0)) u_rx (
        .clk(clk), .rst_n(rst_n), .tick(tick), .rxd(rxd),
        .data(data), .valid(valid), .perr(perr), .ferr(ferr)
    );
endmodule
