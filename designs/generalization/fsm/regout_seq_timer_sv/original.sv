// Kiln ramp controller: SV enum, next state in always_comb, outputs and the soak timer in an
// always_ff that loads them on each state change (constants of the state entered).
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
    typedef enum logic [2:0] {OFF, RAMP, SOAK, COOL} st_t;
    st_t st, nx;
    logic [15:0] tm;

    always_comb begin
        nx = st;
        unique case (st)
            OFF:  if (go) nx = RAMP;
            RAMP: if (abort) nx = COOL; else if (tm == 16'(RAMP_T - 1)) nx = SOAK;
            SOAK: if (abort || tm == 16'(SOAK_T - 1)) nx = COOL;
            COOL: if (!go) nx = OFF;
            default: nx = OFF;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= OFF; tm <= '0; heat <= 2'd0; fan <= 1'b0; done <= 1'b0;
        end else begin
            st <= nx;
            tm <= (nx == st && (st == RAMP || st == SOAK)) ? tm + 16'd1 : '0;
            if (nx != st) begin
                unique case (nx)
                    OFF:  begin heat <= 2'd0; fan <= 1'b0; done <= 1'b0; end
                    RAMP: begin heat <= 2'd3; fan <= 1'b0; done <= 1'b0; end
                    SOAK: begin heat <= 2'd1; fan <= 1'b0; done <= 1'b0; end
                    COOL: begin heat <= 2'd0; fan <= 1'b1; done <= 1'b1; end
                    default: ;
                endcase
            end
        end
    end
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
