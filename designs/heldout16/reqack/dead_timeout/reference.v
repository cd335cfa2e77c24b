// Four-phase req/ack bridge: the on-chip store always acknowledges within
// LAT+1 cycles and releases one cycle after req drops, so the watchdog can
// never expire; the error state and the watchdog are removed.
module hs_bridge #(
    parameter DW = 8,
    parameter TO = 255
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          send,
    input  wire [DW-1:0] din,
    input  wire          ack,
    input  wire          clr_err,
    output reg           req,
    output reg  [DW-1:0] dq,
    output wire          ready,
    output wire          err
);
    localparam IDLE = 2'd0, W_ACK = 2'd1, W_REL = 2'd2;
    reg [1:0] state, nxt;

    always @(posedge clk)
        if (rst) state <= IDLE;
        else     state <= nxt;

    always @* begin
        nxt = state;
        case (state)
            IDLE:  if (send) nxt = W_ACK;
            W_ACK: if (ack) nxt = W_REL;
            W_REL: if (!ack) nxt = IDLE;
            default: nxt = IDLE;
        endcase
    end

    always @(posedge clk)
        if (rst) begin
            req <= 1'b0; dq <= {DW{1'b0}};
        end else begin
            if (state == IDLE && send) begin
                req <= 1'b1; dq <= din;
            end
            if (state == W_ACK && ack)
                req <= 1'b0;
        end

    assign ready = (state == IDLE);
    assign err   = 1'b0;
endmodule

module coef_store #(
    parameter DW  = 8,
    parameter LAT = 2
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          req,
    input  wire [DW-1:0] d,
    output reg           ack,
    output reg  [DW-1:0] q,
    output reg           upd
);
    reg [3:0] lat;
    always @(posedge clk)
        if (rst) begin
            ack <= 1'b0; lat <= 4'd0; q <= {DW{1'b0}}; upd <= 1'b0;
        end else begin
            upd <= 1'b0;
            if (req && !ack) begin
                if (lat == LAT) begin
                    ack <= 1'b1; q <= d; upd <= 1'b1; lat <= 4'd0;
                end else
                    lat <= lat + 4'd1;
            end else if (!req)
                ack <= 1'b0;
        end
endmodule

module coef_link (
    input  wire       clk,
    input  wire       rst,
    input  wire       send,
    input  wire [6:0] din,
    input  wire       clr_err,
    output wire       ready,
    output wire       err,
    output wire [6:0] coef,
    output wire       coef_upd
);
    wire       req, ack;
    wire [6:0] dq;
    hs_bridge  #(.DW(7), .TO(20)) u_br (.clk(clk), .rst(rst), .send(send), .din(din), .ack(ack),
                                        .clr_err(clr_err), .req(req), .dq(dq), .ready(ready), .err(err));
    coef_store #(.DW(7), .LAT(3)) u_st (.clk(clk), .rst(rst), .req(req), .d(dq), .ack(ack),
                                        .q(coef), .upd(coef_upd));
endmodule
