// Gray-coded FSM with an asynchronous active-low reset written in one block, Moore output
// through a continuous assign. No redundant states (4 -> 4).
module fsm_async (
    input  wire aclk,
    input  wire arst_n,
    input  wire step,
    input  wire dir,
    output wire [1:0] pos
);
    localparam P0 = 2'b00, P1 = 2'b01, P2 = 2'b11, P3 = 2'b10;
    reg [1:0] ph;
    always @(posedge aclk or negedge arst_n) begin
        if (!arst_n) begin
            ph <= P0;
        end else if (step) begin
            case (ph)
                P0: ph <= dir ? P1 : P3;
                P1: ph <= dir ? P2 : P0;
                P2: ph <= dir ? P3 : P1;
                P3: ph <= dir ? P0 : P2;
            endcase
        end
    end
    assign pos = (ph == P0) ? 2'd0 : (ph == P1) ? 2'd1 : (ph == P2) ? 2'd2 : 2'd3;
endmodule
