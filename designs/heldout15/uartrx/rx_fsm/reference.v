// UART receiver: the parity state only exists when PARITY_EN; tick and bit
// counters sized from OVS and DBITS.
module uart_rx #(
    parameter OVS       = 16,
    parameter DBITS     = 8,
    parameter PARITY_EN = 1,
    parameter ODD       = 0
) (
    input                  clk,
    input                  rst_n,
    input                  tick,
    input                  rxd,
    output reg [DBITS-1:0] data,
    output reg             valid,
    output reg             perr,
    output reg             ferr
);
    localparam TW = (OVS <= 2) ? 1 : $clog2(OVS);
    localparam BW = (DBITS <= 2) ? 1 : $clog2(DBITS);

    localparam S_IDLE  = 3'd0,
               S_START = 3'd1,
               S_DATA  = 3'd2,
               S_PAR   = 3'd3,
               S_STOP  = 3'd4;

    reg [2:0]       state, nstate;
    reg [TW-1:0]    tcnt;
    reg [BW-1:0]    bidx;
    reg [DBITS-1:0] sh;
    reg             par;

    wire mid  = (tcnt == OVS/2 - 1);
    wire last = (tcnt == OVS - 1);

    always @(posedge clk or negedge rst_n)
        if (!rst_n) state <= S_IDLE;
        else        state <= nstate;

    always @(*) begin
        nstate = state;
        case (state)
            S_IDLE:  if (tick && !rxd) nstate = S_START;
            S_START: if (tick && mid)  nstate = rxd ? S_IDLE : S_DATA;
            S_DATA:  if (tick && last && bidx == DBITS-1)
                         nstate = PARITY_EN ? S_PAR : S_STOP;
            S_PAR:   if (PARITY_EN && tick && last) nstate = S_STOP;
            S_STOP:  if (tick && last) nstate = S_IDLE;
            default: nstate = S_IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            tcnt  <= {TW{1'b0}};
            bidx  <= {BW{1'b0}};
            sh    <= {DBITS{1'b0}};
            par   <= 1'b0;
            data  <= {DBITS{1'b0}};
            valid <= 1'b0;
            perr  <= 1'b0;
            ferr  <= 1'b0;
        end else begin
            valid <= 1'b0;
            if (tick) begin
                if (nstate != state || last) tcnt <= {TW{1'b0}};
                else                         tcnt <= tcnt + 1'b1;
                case (state)
                    S_START: bidx <= {BW{1'b0}};
                    S_DATA: if (last) begin
                        sh   <= {rxd, sh[DBITS-1:1]};
                        bidx <= (bidx == DBITS-1) ? {BW{1'b0}} : bidx + 1'b1;
                    end
                    S_STOP: if (last) begin
                        data  <= sh;
                        valid <= 1'b1;
                        ferr  <= ~rxd;
                    end
                    default: ;
                endcase
                if (PARITY_EN) begin
                    if (state == S_START) par <= ODD[0];
                    if (state == S_DATA && last) par <= par ^ rxd;
                    if (state == S_PAR && last) perr <= par ^ rxd;
                end
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
