// Transfer engine + completion counter: the engine raises `done` for the cycle
// after a burst's last beat and then waits at least one idle cycle, so `done`
// is never high two cycles in a row; the counter nevertheless detects its
// rising edge with a delay flip-flop (bitwise spelling).
module xfer_engine (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       start,
    input  logic [3:0] beats,
    output logic       done,
    output logic       busy
);
    typedef enum logic [1:0] {S_IDLE, S_RUN, S_END} st_t;
    st_t st;
    logic [3:0] left;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st   <= S_IDLE;
            left <= '0;
            done <= 1'b0;
        end else begin
            done <= 1'b0;
            case (st)
                S_IDLE: if (start) begin st <= S_RUN; left <= beats; end
                S_RUN:  if (left == 0) begin st <= S_END; done <= 1'b1; end
                        else left <= left - 1'b1;
                S_END:  st <= S_IDLE;
                default: st <= S_IDLE;
            endcase
        end
    end
    assign busy = (st != S_IDLE);
endmodule

module done_counter (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       clear,
    input  logic       strobe,
    output logic [7:0] count
);
    logic strobe_d;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            strobe_d <= 1'b0;
            count    <= '0;
        end else begin
            strobe_d <= strobe;
            if (clear)                   count <= '0;
            else if (strobe & ~strobe_d) count <= count + 8'd1;
        end
    end
endmodule

module xfer_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       start,
    input  logic [3:0] beats,
    input  logic       clear,
    output logic       busy,
    output logic [7:0] count
);
    logic fin;
    xfer_engine  u_eng (.clk, .rst_n, .start, .beats, .done(fin), .busy);
    done_counter u_cnt (.clk, .rst_n, .clear, .strobe(fin), .count);
endmodule
