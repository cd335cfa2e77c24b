// Parking-meter fare accumulator. One-process enum FSM; the fare shown on the
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
            st   <= F_NONE;
            fare <= '0;
        end else begin
            unique case (st)
                F_NONE: if (coin) begin st <= F_Q1; fare <= fare + 8'd25; end
                F_Q1:   if (coin) begin st <= F_Q2; fare <= fare + 8'd25; end
                        else if (print) begin st <= F_PRINT; fare <= '0; end
                F_Q2:   if (coin) begin st <= F_Q3; fare <= fare + 8'd25; end
                        else if (print) begin st <= F_PRINT; fare <= '0; end
                F_Q3:   if (coin) begin st <= F_FULL; fare <= fare + 8'd25; end
                        else if (print) begin st <= F_PRINT; fare <= '0; end
                F_FULL: if (print || timeout) begin st <= F_PRINT; fare <= '0; end
                F_PRINT: begin st <= F_NONE; fare <= '0; end
                default: begin st <= F_NONE; fare <= '0; end
            endcase
        end
    end

    assign ticket = (st == F_PRINT);
endmodule
