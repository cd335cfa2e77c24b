// Link monitor: an enum state machine in one always_ff and a 5-bit flag register in another:
// flags[0] is 'up' (set on entering LINKED, cleared on leaving it), flags[4:1] count lost frames
// (saturating) while linked.
module link_mon (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       sync,
    input  logic       lost,
    output logic [4:0] flags
);
    typedef enum logic [1:0] {SEARCH, LOCK, LINKED} st_t;
    st_t st;
    logic [1:0] hits;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= SEARCH; hits <= 2'd0;
        end else begin
            unique case (st)
                SEARCH: if (sync) begin st <= LOCK; hits <= 2'd0; end
                LOCK:   if (!sync) st <= SEARCH; else if (hits == 2'd2) st <= LINKED; else hits <= hits + 2'd1;
                LINKED: if (lost && flags[4:1] == 4'hF) st <= SEARCH;
                default: st <= SEARCH;
            endcase
        end
    end
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) flags <= 5'd0;
        else begin
            if (st == LOCK && sync && hits == 2'd2) begin
                flags[0] <= 1'b1;
                flags[4:1] <= 4'd0;
            end else if (st == LINKED) begin
                if (lost && flags[4:1] == 4'hF) flags[0] <= 1'b0;
                else if (lost) flags[4:1] <= flags[4:1] + 4'd1;
            end
        end
    end
endmodule
