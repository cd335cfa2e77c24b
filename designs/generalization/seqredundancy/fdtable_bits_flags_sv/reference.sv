// Link monitor: 'up' decoded from the state; only the lost-frame count registered.
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
    logic [3:0] nlost;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st <= SEARCH; hits <= 2'd0;
        end else begin
            unique case (st)
                SEARCH: if (sync) begin st <= LOCK; hits <= 2'd0; end
                LOCK:   if (!sync) st <= SEARCH; else if (hits == 2'd2) st <= LINKED; else hits <= hits + 2'd1;
                LINKED: if (lost && nlost == 4'hF) st <= SEARCH;
                default: st <= SEARCH;
            endcase
        end
    end
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) nlost <= 4'd0;
        else if (st == LOCK && sync && hits == 2'd2) nlost <= 4'd0;
        else if (st == LINKED && lost && nlost != 4'hF) nlost <= nlost + 4'd1;
    end
    assign flags = {nlost, st == LINKED};
endmodule
