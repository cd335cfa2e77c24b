// Bus transaction controller. The state codes are parameters so that an integrator can pick
// the encoding. A read and a write each get their own address/data/done states.
module bus_ctrl #(
    parameter [2:0] S_IDLE  = 3'd0,
    parameter [2:0] S_RADDR = 3'd1,
    parameter [2:0] S_RDATA = 3'd2,
    parameter [2:0] S_WADDR = 3'd3,
    parameter [2:0] S_WDATA = 3'd4,
    parameter [2:0] S_RDONE = 3'd5,
    parameter [2:0] S_WDONE = 3'd6
) (
    input  wire clk,
    input  wire rst,
    input  wire rd_req,
    input  wire wr_req,
    input  wire ready,
    output reg  busy,
    output reg  addr_phase,
    output reg  data_phase,
    output reg  done
);
    reg [2:0] state, next;

    always @(*) begin
        next = state;
        case (state)
            S_IDLE:  if (rd_req) next = S_RADDR; else if (wr_req) next = S_WADDR;
            S_RADDR: if (ready) next = S_RDATA;
            S_RDATA: if (ready) next = S_RDONE;
            S_WADDR: if (ready) next = S_WDATA;
            S_WDATA: if (ready) next = S_WDONE;
            S_RDONE: next = S_IDLE;
            S_WDONE: next = S_IDLE;
            default: next = S_IDLE;
        endcase
    end

    always @(posedge clk) begin
        if (rst) state <= S_IDLE;
        else     state <= next;
    end

    always @(*) begin
        busy       = (state != S_IDLE);
        addr_phase = (state == S_RADDR) || (state == S_WADDR);
        data_phase = (state == S_RDATA) || (state == S_WDATA);
        done       = (state == S_RDONE) || (state == S_WDONE);
    end
endmodule
