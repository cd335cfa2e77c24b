// Turnstile tally: a direction sensor child raises 'enter' or 'leave' from the two arms of one
// if/else (never both); the tally machine still has a CONFLICT state and an error counter for both.
module dir_sense (
    input  logic clk, rst,
    input  logic a, b,
    output logic enter, leave
);
    logic pa, pb;
    always_ff @(posedge clk) begin
        if (rst) begin
            pa <= 1'b0; pb <= 1'b0; enter <= 1'b0; leave <= 1'b0;
        end else begin
            pa <= a; pb <= b;
            enter <= 1'b0; leave <= 1'b0;
            if (a && !pa && pb) enter <= 1'b1;
            else if (b && !pb && pa) leave <= 1'b1;
        end
    end
endmodule

module tally_fsm (
    input  logic       clk, rst,
    input  logic       enter, leave,
    output logic [7:0] count,
    output logic [3:0] errors,
    output logic       busy
);
    typedef enum logic [1:0] {IDLE, HOLD, CONFLICT} st_e;
    st_e st, nx;
    always_comb begin
        nx = st;
        case (st)
            IDLE:     if (enter && leave) nx = CONFLICT;
                      else if (enter || leave) nx = HOLD;
            HOLD:     if (enter && leave) nx = CONFLICT;
                      else if (!enter && !leave) nx = IDLE;
            CONFLICT: nx = IDLE;
            default:  nx = IDLE;
        endcase
    end
    always_ff @(posedge clk) begin
        if (rst) begin
            st <= IDLE; count <= '0; errors <= '0;
        end else begin
            st <= nx;
            if (nx == CONFLICT) begin
                if (errors != 4'hF) errors <= errors + 4'd1;
            end else if (enter) count <= count + 8'd1;
            else if (leave && count != 8'd0) count <= count - 8'd1;
        end
    end
    assign busy = (st != IDLE);
endmodule

module tally_excl (
    input  logic       clk, rst,
    input  logic       a, b,
    output logic [7:0] count,
    output logic [3:0] errors,
    output logic       busy
);
    logic enter, leave;
    dir_sense u_s (.clk, .rst, .a, .b, .enter, .leave);
    tally_fsm u_f (.clk, .rst, .enter, .leave, .count, .errors, .busy);
endmodule
