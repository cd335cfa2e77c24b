// Bus transaction controller. Read and write go through the same address/data/done states
// (they behave identically); one-hot-free 2-bit phase encoding.
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
    // phase: 00 idle, 01 address, 11 data, 10 done
    reg [1:0] ph;

    always @(posedge clk) begin
        if (rst) ph <= 2'b00;
        else case (ph)
            2'b00: if (rd_req | wr_req) ph <= 2'b01;
            2'b01: if (ready) ph <= 2'b11;
            2'b11: if (ready) ph <= 2'b10;
            default: ph <= 2'b00;
        endcase
    end

    always @(*) begin
        busy       = |ph;
        addr_phase = ph == 2'b01;
        data_phase = ph == 2'b11;
        done       = ph == 2'b10;
    end
endmodule
