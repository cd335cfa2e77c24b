// casez on the inputs (priority arbiter style); the two grant-hold states are equivalent.
module fsm_casez (
    input  wire       clk,
    input  wire       rst,
    input  wire [2:0] req,
    output reg  [1:0] gnt
);
    localparam IDLE = 2'd0, G0 = 2'd1, G1 = 2'd2, G1B = 2'd3;
    reg [1:0] state, next_state;
    always @(posedge clk or posedge rst)
        if (rst) state <= IDLE; else state <= next_state;
    always @(*) begin
        next_state = state;
        gnt = 2'b00;
        case (state)
            IDLE: casez (req)
                3'b??1: next_state = G0;
                3'b?10: next_state = G1;
                3'b100: next_state = G1B;
                default: next_state = IDLE;
            endcase
            G0: begin gnt = 2'b01; if (!req[0]) next_state = IDLE; end
            G1: begin gnt = 2'b10; if (req[0]) next_state = G0; else if (req[2:1] == 2'b00) next_state = IDLE; end
            G1B: begin gnt = 2'b10; if (req[0]) next_state = G0; else if (req[2:1] == 2'b00) next_state = IDLE; end
        endcase
    end
endmodule
