// Debounced door lock: a registered state-change flag clears the hold counter on the first cycle
// of each state; HOLD counts enabled cycles and is left when the count reaches LIM.
module entry_timer_chgflag_sv #(
    parameter int LIM = 9
) (
    input  logic clk,
    input  logic rst_n,
    input  logic en,
    input  logic req,
    input  logic abort,
    output logic locked
);
    typedef enum logic [1:0] {OPEN, ARM, HOLD, LOCK} st_t;
    st_t st, st_n;
    logic chg;
    logic [3:0] cnt;

    always_comb begin
        st_n = st;
        unique case (st)
            OPEN: if (req) st_n = ARM;
            ARM:  st_n = abort ? OPEN : HOLD;
            HOLD: if (abort) st_n = OPEN;
                  else if (en && cnt == LIM) st_n = LOCK;
            LOCK: if (!req) st_n = OPEN;
        endcase
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            st  <= OPEN;
            chg <= 1'b0;
            cnt <= '0;
        end else begin
            st  <= st_n;
            chg <= (st_n != st);
            if (chg) cnt <= '0;
            else if (en && st == HOLD) cnt <= cnt + 4'd1;
        end
    end

    assign locked = (st == LOCK);
endmodule
