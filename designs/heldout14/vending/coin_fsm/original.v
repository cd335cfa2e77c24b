// Snack vending controller: accepts 5 and 10 coins for a 20 item, vends,
// returns 5 change on 25, and (on models with the button) refunds.
// One-process FSM; outputs and the credit display are registered in the arms.
module coin_fsm #(
    parameter CRW = 8
) (
    input  wire           clk,
    input  wire           rst,
    input  wire           coin5,
    input  wire           coin10,
    input  wire           refund_btn,
    output reg            dispense,
    output reg            change5,
    output reg            return_all,
    output reg  [CRW-1:0] credit
);
    localparam IDLE   = 3'd0;
    localparam CR5    = 3'd1;
    localparam CR10   = 3'd2;
    localparam CR15   = 3'd3;
    localparam VEND   = 3'd4;
    localparam CHANGE = 3'd5;
    localparam REFUND = 3'd6;

    reg [2:0] state;

    always @(posedge clk) begin
        if (rst) begin
            state      <= IDLE;
            dispense   <= 1'b0;
            change5    <= 1'b0;
            return_all <= 1'b0;
            credit     <= {CRW{1'b0}};
        end else begin
            dispense   <= 1'b0;
            change5    <= 1'b0;
            return_all <= 1'b0;
            case (state)
                IDLE: begin
                    if (coin5) begin
                        state <= CR5;  credit <= credit + 5;
                    end else if (coin10) begin
                        state <= CR10; credit <= credit + 10;
                    end
                end
                CR5: begin
                    if (refund_btn) begin
                        state <= REFUND; return_all <= 1'b1;
                    end else if (coin5) begin
                        state <= CR10; credit <= credit + 5;
                    end else if (coin10) begin
                        state <= CR15; credit <= credit + 10;
                    end
                end
                CR10: begin
                    if (refund_btn) begin
                        state <= REFUND; return_all <= 1'b1;
                    end else if (coin5) begin
                        state <= CR15; credit <= credit + 5;
                    end else if (coin10) begin
                        state <= VEND; credit <= credit + 10; dispense <= 1'b1;
                    end
                end
                CR15: begin
                    if (refund_btn) begin
                        state <= REFUND; return_all <= 1'b1;
                    end else if (coin5) begin
                        state <= VEND; credit <= credit + 5; dispense <= 1'b1;
                    end else if (coin10) begin
                        state <= CHANGE; credit <= credit + 10; change5 <= 1'b1;
                    end
                end
                CHANGE: begin
                    state <= VEND; credit <= credit - 5; dispense <= 1'b1;
                end
                VEND: begin
                    state <= IDLE; credit <= {CRW{1'b0}};
                end
                REFUND: begin
                    state <= IDLE; credit <= {CRW{1'b0}};
                end
                default: begin
                    state <= IDLE; credit <= {CRW{1'b0}};
                end
            endcase
        end
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
