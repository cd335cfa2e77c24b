// Pump controller: the valve word decoded from the state and one registered 'open' flag.
module pump_ctl (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       start,
    input  logic       full,
    input  logic       inhibit,
    output logic [2:0] valves,
    output logic       running
);
    typedef enum logic [1:0] {IDLE, FILL, MIX, DRAIN} state_t;
    state_t st, st_n;
    logic [2:0] cnt;
    logic open_q;
    always_comb begin
        st_n = st;
        unique case (st)
            IDLE:  if (start) st_n = FILL;
            FILL:  if (full) st_n = MIX;
            MIX:   if (cnt == 3'd7) st_n = DRAIN;
            DRAIN: if (!full && cnt == 3'd3) st_n = IDLE;
        endcase
    end
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) st <= IDLE;
        else        st <= st_n;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n)            cnt <= 3'd0;
        else if (st_n != st)   cnt <= 3'd0;
        else                   cnt <= cnt + 3'd1;
    always_ff @(posedge clk or negedge rst_n)
        if (!rst_n) open_q <= 1'b0;
        else        open_q <= !inhibit;
    always_comb begin
        valves = 3'b000;
        if (open_q) unique case (st)
            IDLE:  valves = 3'b100;
            FILL:  valves = 3'b001;
            MIX:   valves = 3'b011;
            DRAIN: valves = 3'b110;
        endcase
    end
    assign running = (st != IDLE);
endmodule
