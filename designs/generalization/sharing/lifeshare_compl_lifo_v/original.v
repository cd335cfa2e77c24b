// LIFO replay: a burst is written into a buffer at ascending addresses, then
// read back at descending addresses (last in, first out). Two-process FSM:
// the write pointer runs only while loading, the read pointer only while
// draining; between bursts the address bus shows the last write address.
module lifo_replay (clk, rst_n, go, addr, wr_en, rd_en, busy, done);
    parameter AW = 4;
    input               clk;
    input               rst_n;
    input               go;
    output [AW-1:0]     addr;
    output              wr_en;
    output              rd_en;
    output              busy;
    output reg          done;

    localparam S_IDLE  = 2'd0;
    localparam S_LOAD  = 2'd1;
    localparam S_DRAIN = 2'd2;
    localparam S_END   = 2'd3;

    reg [1:0]    state, nstate;
    reg [AW-1:0] wp;
    reg [AW-1:0] rp;

    // next-state logic
    always @(*) begin
        nstate = state;
        case (state)
            S_IDLE:  if (go) nstate = S_LOAD;
            S_LOAD:  if (wp == {AW{1'b1}}) nstate = S_DRAIN;
            S_DRAIN: if (rp == {AW{1'b0}}) nstate = S_END;
            S_END:   nstate = S_IDLE;
            default: nstate = S_IDLE;
        endcase
    end

    always @(posedge clk or negedge rst_n)
        if (!rst_n) state <= S_IDLE;
        else        state <= nstate;

    // the two pointers
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            wp   <= {AW{1'b0}};
            rp   <= {AW{1'b0}};
            done <= 1'b0;
        end else begin
            done <= (state == S_END);
            case (state)
                S_IDLE:  if (go) wp <= {AW{1'b0}};
                S_LOAD:  if (wp == {AW{1'b1}}) rp <= {AW{1'b1}};
                         else                  wp <= wp + 1'b1;
                S_DRAIN: if (rp != {AW{1'b0}}) rp <= rp - 1'b1;
                default: ;
            endcase
        end
    end

    assign addr  = (state == S_DRAIN) ? rp : wp;
    assign wr_en = (state == S_LOAD);
    assign rd_en = (state == S_DRAIN);
    assign busy  = (state != S_IDLE);
endmodule
