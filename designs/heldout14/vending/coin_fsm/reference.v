// Snack vending controller, hand-optimized for the refund-less cabinet:
// REFUND cannot be reached (return_all is 0), and dispense, change5 and the
// credit display are decodes of the state instead of registers.
module coin_fsm #(
    parameter CRW = 8
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           coin5,
    input  wire           coin10,
    input  wire           refund_btn,
    output wire           dispense,
    output wire           change5,
    output wire           return_all,
    output reg  [CRW-1:0] credit
);
    localparam IDLE   = 3'd0;
    localparam CR5    = 3'd1;
    localparam CR10   = 3'd2;
    localparam CR15   = 3'd3;
    localparam VEND   = 3'd4;
    localparam CHANGE = 3'd5;

    reg [2:0] state;

    always @(posedge clk) begin
        if (rst) begin
            state <= IDLE;
        end else begin
            case (state)
                IDLE:   if (coin5) state <= CR5;  else if (coin10) state <= CR10;
                CR5:    if (coin5) state <= CR10; else if (coin10) state <= CR15;
                CR10:   if (coin5) state <= CR15; else if (coin10) state <= VEND;
                CR15:   if (coin5) state <= VEND; else if (coin10) state <= CHANGE;
                CHANGE: state <= VEND;
                default: state <= IDLE;
            endcase
        end
    end

    assign dispense   = (state == VEND);
    assign change5    = (state == CHANGE);
    assign return_all = 1'b0;

    always @(*) begin
        case (state)
            CR5:     credit = 5;
            CR10:    credit = 10;
            CR15:    credit = 15;
            VEND:    credit = 20;
            CHANGE:  credit = 25;
            default: credit = 0;
        endcase
    end
endmodule

module snack_vend (
    input  wire       clk,
    input  wire       rst,
    input  wire       coin5,
    input  wire       coin10,
    output wire       dispense,
    output wire       change5,
    output wire       return_all,
    output wire [5:0] credit
);
    // this cabinet has no refund button
    coin_fsm #(.CRW(6)) u_fsm (
        .clk(clk), .rst(rst), .coin5(coin5), .coin10(coin10), .refund_btn(1'b0),
        .dispense(dispense), .change5(change5), .return_all(return_all), .credit(credit)
    );
endmodule
