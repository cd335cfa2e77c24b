// One-hot FSM written with case (1'b1) on state bits (indices as localparams); SLOW_A and SLOW_B
// are equivalent (4 -> 3 states).
module fsm_onehot (
    input  wire clk,
    input  wire rst,
    input  wire req,
    input  wire fast,
    output reg  grant
);
    localparam I_IDLE = 0, I_FAST = 1, I_SLOW_A = 2, I_SLOW_B = 3;
    reg [3:0] state, next;

    always @(posedge clk or posedge rst)
        if (rst) state <= 4'b0001;
        else     state <= next;

    always @(*) begin
        next  = 4'b0000;
        grant = 1'b0;
        case (1'b1) // synopsys parallel_case
            state[I_IDLE]:   if (req) begin
                                 if (fast) next[I_FAST] = 1'b1; else next[I_SLOW_A] = 1'b1;
                             end else next[I_IDLE] = 1'b1;
            state[I_FAST]:   begin grant = 1'b1; next[I_IDLE] = 1'b1; end
            state[I_SLOW_A]: if (req) next[I_SLOW_B] = 1'b1; else next[I_FAST] = 1'b1;
            state[I_SLOW_B]: if (req) next[I_SLOW_A] = 1'b1; else next[I_FAST] = 1'b1;
        endcase
    end
endmodule
