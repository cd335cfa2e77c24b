// Inter-processor mailbox: CPU A posts 8-bit messages into a small FIFO,
// CPU B reads them; a doorbell interrupt to B is raised while messages wait.
module mbox_fifo #(
    parameter DEPTH = 16,
    parameter AW    = 4
) (
    input            clk,
    input            rst,
    input            wr,
    input      [7:0] wdata,
    input            rd,
    output     [7:0] rdata,
    output     [7:0] count,
    output           full,
    output           empty
);
    localparam CW = $clog2(DEPTH + 1);
    reg [7:0]    mem [0:DEPTH-1];
    reg [AW-1:0] wp, rp;
    reg [CW-1:0] cnt;

    assign count = {{(8-CW){1'b0}}, cnt};
    assign full  = (cnt == DEPTH);
    assign empty = (cnt == {CW{1'b0}});
    assign rdata = mem[rp];

    wire do_wr = wr && !full;
    wire do_rd = rd && !empty;

    integer i;
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < DEPTH; i = i + 1)
                mem[i] <= 8'd0;
        end else if (do_wr)
            mem[wp] <= wdata;
    end

    always @(posedge clk) begin
        if (rst) begin
            wp  <= {AW{1'b0}};
            rp  <= {AW{1'b0}};
            cnt <= {CW{1'b0}};
        end else begin
            if (do_wr) wp <= wp + 1'b1;
            if (do_rd) rp <= rp + 1'b1;
            case ({do_wr, do_rd})
                2'b10:   cnt <= cnt + 1'b1;
                2'b01:   cnt <= cnt - 1'b1;
                default: cnt <= cnt;
            endcase
        end
    end
endmodule

module mailbox (
    input        clk,
    input        rst,
    input        a_wr,
    input  [7:0] a_wdata,
    output       a_full,
    input        b_rd,
    output [7:0] b_rdata,
    output [7:0] b_count,
    output       b_irq
);
    wire empty;

    mbox_fifo #(.DEPTH(4), .AW(2)) u_fifo (
        .clk(clk), .rst(rst), .wr(a_wr), .wdata(a_wdata),
        .rd(b_rd), .rdata(b_rdata), .count(b_count),
        .full(a_full), .empty(empty)
    );

    // the doorbell is set by every accepted post and cleared when the last
    // message is taken: it is exactly "FIFO not empty"
    assign b_irq = !empty;
endmodule
