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
    output reg [7:0] count,
    output           full,
    output           empty
);
    reg [7:0]    mem [0:DEPTH-1];
    reg [AW-1:0] wp, rp;

    assign full  = (count == DEPTH);
    assign empty = (count == 8'd0);
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
            wp    <= {AW{1'b0}};
            rp    <= {AW{1'b0}};
            count <= 8'd0;
        end else begin
            if (do_wr) wp <= wp + 1'b1;
            if (do_rd) rp <= rp + 1'b1;
            case ({do_wr, do_rd})
                2'b10:   count <= count + 8'd1;
                2'b01:   count <= count - 8'd1;
                default: count <= count;
            endcase
        end
    end
endmodule

module mbox_doorbell (
    input      clk,
    input      rst,
    input      post,          // accepted write
    input      take,          // accepted read
    input      last,          // the read takes the only message
    output reg irq
);
    always @(posedge clk) begin
        if (rst)
            irq <= 1'b0;
        else if (post)
            irq <= 1'b1;
        else if (take && last)
            irq <= 1'b0;
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

    mbox_doorbell u_bell (
        .clk(clk), .rst(rst),
        .post(a_wr && !a_full),
        .take(b_rd && !empty),
        .last(b_count == 8'd1),
        .irq(b_irq)
    );
endmodule
