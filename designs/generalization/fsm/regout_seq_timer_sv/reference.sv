// Reference: heat/fan/done decoded from the state, the soak timer 5 bits (< 24).
module kiln_ramp #(
    parameter int RAMP_T = 200,
    parameter int SOAK_T = 900
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       go,
    input  logic       abort,
    output logic [1:0] heat,
    output logic       fan,
    output logic       done
);
    typedef enum logic [1:0] {OFF, RAMP, SOAK, COOL} st_t;
    st_t st, nx;
    logic [4:0] tm;

    always_comb begin
        nx = st;
        unique case (st)
            OFF:  if (go) nx = RAMP;
            RAMP: if (abort) nx = COOL; else if (tm == 5'(RAMP_T - 1)) nx = SOAK;
            SOAK: if (abort || tm == 5'(SOAK_T - 1)) nx = COOL;
            COOL: if (!go) nx = OFF;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= OFF; tm <= '0;
        end else begin
            st <= nx;
            tm <= (nx == st && (st == RAMP || st == SOAK)) ? tm + 5'd1 : '0;
        end
    end

    assign heat = (st == RAMP) ? 2'd3 : (st == SOAK) ? 2'd1 : 2'd0;
    assign fan  = (st == COOL);
    assign done = (st == COOL);
endmodule

module kiln (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       go,
    input  logic       abort,
    output logic [1:0] heat,
    output logic       fan,
    output logic       done
);
    kiln_ramp #(.RAMP_T(9), .SOAK_T(24)) u_ramp (.*);
endmodule
