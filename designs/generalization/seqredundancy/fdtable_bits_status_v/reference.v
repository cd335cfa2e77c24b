// Job status word: busy and done decoded from the state, only the sticky error bits registered.
module job_stat (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire       fin,
    input  wire       err,
    input  wire       ack,
    input  wire       clr,
    output wire [3:0] status
);
    localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
    reg [1:0] st;
    reg [1:0] errs;
    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE;
            errs <= 2'b00;
        end else begin
            if (clr) errs <= 2'b00;
            case (st)
                IDLE: if (go) st <= RUN;
                RUN: begin
                    if (err) errs[0] <= 1'b1;
                    if (err && errs[0]) errs[1] <= 1'b1;
                    if (fin) st <= DONE;
                end
                DONE: if (ack) st <= IDLE;
                default: st <= IDLE;
            endcase
        end
    end
    assign status = {errs, st == RUN, st == DONE};
endmodule
