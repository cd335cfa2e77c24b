// Two-phase energy accumulator: I*I in one state, Q*Q in the next, each product a named wire.
module iq_energy (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        go,
    input  wire [11:0] i_s,
    input  wire [11:0] q_s,
    output reg  [24:0] energy,
    output reg         valid
);
    localparam [1:0] S_IDLE = 2'd0, S_I = 2'd1, S_Q = 2'd2, S_OUT = 2'd3;
    reg [1:0] state;

    wire [23:0] i_sq = i_s * i_s;
    wire [23:0] q_sq = q_s * q_s;

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            state  <= S_IDLE;
            energy <= 25'd0;
            valid  <= 1'b0;
        end else begin
            valid <= 1'b0;
            case (state)
                S_IDLE: if (go) begin energy <= 25'd0; state <= S_I; end
                S_I:    begin energy <= energy + i_sq; state <= S_Q; end
                S_Q:    begin energy <= energy + q_sq; state <= S_OUT; end
                S_OUT:  begin valid <= 1'b1; state <= S_IDLE; end
            endcase
        end
    end
endmodule
