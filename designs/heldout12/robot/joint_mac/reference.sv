// Joint-torque feed-forward of a 3-axis arm: a small sequencer accumulates
// kx*ex + ky*ey + kz*ez over three cycles and latches the result.
module ff_mac #(
    parameter int W  = 8,
    parameter int AW = 18
) (
    input  logic                clk,
    input  logic                rst,
    input  logic                start,
    input  logic signed [W-1:0] kx, ky, kz,
    input  logic signed [W-1:0] ex, ey, ez,
    output logic signed [AW-1:0] tau,
    output logic                done
);
    typedef enum logic [1:0] {IDLE, SX, SY, SZ} st_t;
    st_t st;
    logic signed [AW-1:0] acc;

    // the three products are needed in different states: one multiplier-adder
    logic signed [W-1:0]  mk, me;
    logic signed [AW-1:0] sum;
    always_comb begin
        unique case (st)
            SX:      begin mk = kx; me = ex; end
            SY:      begin mk = ky; me = ey; end
            default: begin mk = kz; me = ez; end
        endcase
        sum = acc + mk * me;
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            st   <= IDLE;
            acc  <= '0;
            tau  <= '0;
            done <= 1'b0;
        end else begin
            done <= 1'b0;
            unique case (st)
                IDLE: if (start) begin acc <= '0; st <= SX; end
                SX:   begin acc <= sum; st <= SY; end
                SY:   begin acc <= sum; st <= SZ; end
                SZ:   begin
                          tau  <= sum;
                          done <= 1'b1;
                          st   <= IDLE;
                      end
            endcase
        end
    end
endmodule

module arm_ff (
    input  logic               clk,
    input  logic               rst,
    input  logic               start,
    input  logic signed [5:0]  kx, ky, kz,
    input  logic signed [5:0]  ex, ey, ez,
    output logic signed [13:0] tau,
    output logic               done
);
    ff_mac #(.W(6), .AW(14)) u_mac (.*);
endmodule
