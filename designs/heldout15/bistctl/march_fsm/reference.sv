// Memory BIST controller, March C- style, one address counter: the down
// elements use the complemented count.
module march_bist #(
    parameter int AW = 8,
    parameter int DW = 8
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          start,
    input  logic [DW-1:0] rdata,
    output logic [AW-1:0] addr,
    output logic          we,
    output logic          re,
    output logic [DW-1:0] wdata,
    output logic          done,
    output logic          fail
);
    typedef enum logic [3:0] {IDLE, M0W, M1R, M1W, M2R, M2W, M3R, FIN} st_t;
    st_t           st;
    logic [AW-1:0] a;
    logic          last;

    assign last = (a == '1);

    always_ff @(posedge clk) begin
        if (rst) begin
            st   <= IDLE;
            a    <= '0;
            fail <= 1'b0;
            done <= 1'b0;
        end else begin
            done <= 1'b0;
            case (st)
                IDLE: if (start) begin
                    a    <= '0;
                    fail <= 1'b0;
                    st   <= M0W;
                end
                M0W: begin
                    a <= a + 1'b1;
                    if (last) st <= M1R;
                end
                M1R: begin
                    if (rdata != '0) fail <= 1'b1;
                    st <= M1W;
                end
                M1W: begin
                    a  <= a + 1'b1;
                    st <= last ? M2R : M1R;
                end
                M2R: begin
                    if (rdata != '1) fail <= 1'b1;
                    st <= M2W;
                end
                M2W: begin
                    a  <= a + 1'b1;
                    st <= last ? M3R : M2R;
                end
                M3R: begin
                    if (rdata != '0) fail <= 1'b1;
                    if (last) st <= FIN;
                    else      a  <= a + 1'b1;
                end
                FIN: begin
                    done <= 1'b1;
                    st   <= IDLE;
                end
                default: st <= IDLE;
            endcase
        end
    end

    always_comb begin
        addr  = (st == M2R || st == M2W || st == M3R) ? ~a : a;
        we    = (st == M0W || st == M1W || st == M2W);
        re    = (st == M1R || st == M2R || st == M3R);
        wdata = (st == M1W) ? '1 : '0;
    end
endmodule

module sram_bist (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic [3:0] rdata,
    output logic [4:0] addr,
    output logic       we,
    output logic       re,
    output logic [3:0] wdata,
    output logic       done,
    output logic       fail
);
    march_bist #(.AW(5), .DW(4)) u_bist (.*);
endmodule
