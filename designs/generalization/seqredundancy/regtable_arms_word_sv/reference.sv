// Parking-meter fare accumulator, optimized: the fare is a table of the state. One-process enum FSM; the fare shown on the
// display is updated in the arms (+25 per coin step, cleared when the ticket
// prints), so it is always a function of the state.
module fare_meter (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       coin,
    input  logic       print,
    input  logic       timeout,
    output logic [7:0] fare,
    output logic       ticket
);
    typedef enum logic [2:0] {
        F_NONE  = 3'd0,
        F_Q1    = 3'd1,
        F_Q2    = 3'd2,
        F_Q3    = 3'd3,
        F_FULL  = 3'd4,
        F_PRINT = 3'd6
    } fare_t;

    fare_t st;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= F_NONE;
        end else begin
            unique case (st)
                F_NONE:  if (coin) st <= F_Q1;
                F_Q1:    if (coin) st <= F_Q2; else if (print) st <= F_PRINT;
                F_Q2:    if (coin) st <= F_Q3; else if (print) st <= F_PRINT;
                F_Q3:    if (coin) st <= F_FULL; else if (print) st <= F_PRINT;
                F_FULL:  if (print || timeout) st <= F_PRINT;
                default: st <= F_NONE;
            endcase
        end
    end

    always_comb begin
        unique case (st)
            F_Q1:    fare = 8'd25;
            F_Q2:    fare = 8'd50;
            F_Q3:    fare = 8'd75;
            F_FULL:  fare = 8'd100;
            default: fare = 8'd0;
        endcase
    end

    assign ticket = (st == F_PRINT);
endmodule
