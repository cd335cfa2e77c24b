// Background memory scrubber: walks every word, checks even parity and
// rewrites words whose parity bit is wrong.  One-process FSM.
module mem_scrub #(
    parameter int AW = 10,
    parameter int DW = 16
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          start,
    input  logic [DW:0]   rd_data,     // {parity, data}
    output logic [AW-1:0] addr,
    output logic          rd_en,
    output logic          wr_en,
    output logic [DW:0]   wr_data,
    output logic          busy,
    output logic          done,
    output logic [AW-1:0] progress,
    output logic [7:0]    err_count
);
    typedef enum logic [2:0] {IDLE, READ, WAIT, CHECK, FIX, NEXT} st_t;
    st_t           st;
    logic [AW-1:0] words;   // words scrubbed in this pass

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st        <= IDLE;
            addr      <= '0;
            words     <= '0;
            rd_en     <= 1'b0;
            wr_en     <= 1'b0;
            wr_data   <= '0;
            done      <= 1'b0;
            err_count <= '0;
        end else begin
            rd_en <= 1'b0;
            wr_en <= 1'b0;
            done  <= 1'b0;
            unique case (st)
                IDLE: if (start) begin
                    addr  <= '0;
                    words <= '0;
                    st    <= READ;
                end
                READ: begin
                    rd_en <= 1'b1;
                    st    <= WAIT;
                end
                WAIT: st <= CHECK;
                CHECK: begin
                    if (^rd_data) begin
                        wr_data <= {^rd_data[DW-1:0], rd_data[DW-1:0]};
                        st      <= FIX;
                    end else
                        st <= NEXT;
                end
                FIX: begin
                    wr_en     <= 1'b1;
                    err_count <= (err_count == 8'hFF) ? err_count : err_count + 8'd1;
                    st        <= NEXT;
                end
                NEXT: begin
                    addr  <= addr + 1'b1;
                    words <= words + 1'b1;
                    if (addr == '1) begin
                        done <= 1'b1;
                        st   <= IDLE;
                    end else
                        st <= READ;
                end
                default: st <= IDLE;
            endcase
        end
    end

    assign busy     = (st != IDLE);
    assign progress = words;
endmodule

module scrub_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       start,
    input  logic [8:0] rd_data,
    output logic [4:0] addr,
    output logic       rd_en,
    output logic       wr_en,
    output logic [8:0] wr_data,
    output logic       busy,
    output logic       done,
    output logic [4:0] progress,
    output logic [7:0] err_count
);
    mem_scrub #(.AW(5), .DW(8)) u_scrub (.*);
endmodule
