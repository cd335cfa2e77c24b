// Half-duplex modem front end: the link either transmits or receives.
//   mode_ctl  : IDLE / TX / RX turn-around controller (guard time between)
//   gain_mul  : signed sample x unsigned gain, Q-format rounding shift
//   tx_path   : TX digital gain
//   rx_path   : RX AGC gain
//   rx_meter  : RX peak-magnitude meter with decay
//   hdx_front (top): TX and RX are never on together, so one gain_mul
//              serves both, its operands selected by the mode

module mode_ctl #(
    parameter GUARD = 8,
    parameter GW    = 4
) (
    input      clk,
    input      rst,
    input      tx_req,
    input      rx_req,
    output     tx_on,
    output     rx_on
);
    localparam IDLE = 2'd0, TX = 2'd1, RX = 2'd2, TURN = 2'd3;
    reg [1:0]    st;
    reg [GW-1:0] g;

    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE;
            g  <= {GW{1'b0}};
        end else begin
            case (st)
                IDLE: if (tx_req)      st <= TX;
                      else if (rx_req) st <= RX;
                TX:   if (!tx_req) begin st <= TURN; g <= {GW{1'b0}}; end
                RX:   if (!rx_req) begin st <= TURN; g <= {GW{1'b0}}; end
                TURN: if (g == GUARD - 1) st <= IDLE;
                      else g <= g + 1'b1;
            endcase
        end
    end
    assign tx_on = (st == TX);
    assign rx_on = (st == RX);
endmodule

module gain_mul #(
    parameter W  = 12,
    parameter GW = 8,
    parameter SH = 6
) (
    input  signed [W-1:0]  x,
    input         [GW-1:0] g,
    output signed [W-1:0]  y
);
    wire signed [W+GW:0] p = x * $signed({1'b0, g});
    assign y = p[SH+W-1:SH];
endmodule

module tx_path #(
    parameter W = 12, parameter GW = 8, parameter SH = 6
) (
    input                 clk,
    input                 rst,
    input                 en,
    input  signed [W-1:0] scaled,
    output reg signed [W-1:0] dout
);
    always @(posedge clk) begin
        if (rst)     dout <= {W{1'b0}};
        else if (en) dout <= scaled;
    end
endmodule

module rx_path #(
    parameter W = 12, parameter GW = 8, parameter SH = 6
) (
    input                 clk,
    input                 rst,
    input                 en,
    input  signed [W-1:0] scaled,
    output reg signed [W-1:0] dout,
    output reg            clip
);
    always @(posedge clk) begin
        if (rst) begin
            dout <= {W{1'b0}};
            clip <= 1'b0;
        end else if (en) begin
            dout <= scaled;
            clip <= (scaled == {1'b0, {(W-1){1'b1}}}) || (scaled == {1'b1, {(W-1){1'b0}}});
        end
    end
endmodule

module rx_meter #(
    parameter W     = 12,
    parameter DECAY = 4
) (
    input                 clk,
    input                 rst,
    input                 en,
    input  signed [W-1:0] x,
    output reg    [W-1:0] peak
);
    reg  [DECAY-1:0] dc;
    wire [W-1:0]     mag = x[W-1] ? -x : x;
    always @(posedge clk) begin
        if (rst) begin
            peak <= {W{1'b0}};
            dc   <= {DECAY{1'b0}};
        end else if (en) begin
            dc <= dc + 1'b1;
            if (mag > peak)
                peak <= mag;
            else if (&dc && peak != 0)
                peak <= peak - 1'b1;
        end
    end
endmodule

module hdx_front (
    input               clk,
    input               rst,
    input               tx_req,
    input               rx_req,
    input  signed [9:0] tx_in,
    input        [5:0]  tx_gain,
    input  signed [9:0] rx_in,
    input        [5:0]  rx_agc,
    output signed [9:0] dac,
    output signed [9:0] rx_out,
    output              rx_clip,
    output              tx_on,
    output              rx_on,
    output       [9:0]  rx_peak
);
    rx_meter #(.W(10), .DECAY(3)) u_meter (
        .clk(clk), .rst(rst), .en(rx_on), .x(rx_out), .peak(rx_peak)
    );
    mode_ctl #(.GUARD(5), .GW(3)) u_mode (
        .clk(clk), .rst(rst), .tx_req(tx_req), .rx_req(rx_req), .tx_on(tx_on), .rx_on(rx_on)
    );
    wire signed [9:0] scaled;
    gain_mul #(.W(10), .GW(6), .SH(4)) u_mul (
        .x(tx_on ? tx_in : rx_in), .g(tx_on ? tx_gain : rx_agc), .y(scaled)
    );
    tx_path #(.W(10), .GW(6), .SH(4)) u_tx (
        .clk(clk), .rst(rst), .en(tx_on), .scaled(scaled), .dout(dac)
    );
    rx_path #(.W(10), .GW(6), .SH(4)) u_rx (
        .clk(clk), .rst(rst), .en(rx_on), .scaled(scaled), .dout(rx_out), .clip(rx_clip)
    );
endmodule
