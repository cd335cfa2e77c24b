// Job status word: {overflow, error, busy, done}; busy and done are set and cleared with the state
// changes (they decode the state), the two error bits are sticky flags cleared by 'clr'.
module job_stat (
    input  wire       clk,
    input  wire       rst,
    input  wire       go,
    input  wire       fin,
    input  wire       err,
    input  wire       ack,
    input  wire       clr,
    output reg  [3:0] status
);
    localparam IDLE = 2'd0, RUN = 2'd1, DONE = 2'd2;
    reg [1:0] st;
    always @(posedge clk) begin
        if (rst) begin
            st <= IDLE;
            status <= 4'b0000;
        end else begin
            if (clr) status[3:2] <= 2'b00;
            case (st)
                IDLE: if (go) begin st <= RUN; status[1] <= 1'b1; end
                RUN: begin
                    if (err) status[2] <= 1'b1;
                    if (err && status[2]) status[3] <= 1'b1;
                    if (fin) begin st <= DONE; status[1:0] <= 2'b01; end
                end
                DONE: if (ack) begin st <= IDLE; status[0] <= 1'b0; end
                default: st <= IDLE;
            endcase
        end
    end
endmodule
