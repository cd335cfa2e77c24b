// Storage-controller command queue: the host pushes command descriptors,
// the back end pops them; head/tail pointers index a small array and an
// occupancy counter gives the full and empty flags.
module cq_store #(
    parameter DEPTH = 16,
    parameter AW    = 4,
    parameter DW    = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          wr,
    input  wire [AW-1:0] waddr,
    input  wire [DW-1:0] wdata,
    input  wire [AW-1:0] raddr,
    output wire [DW-1:0] rdata
);
    reg [DW-1:0] mem [0:DEPTH-1];
    integer i;
    always @(posedge clk) begin
        if (rst) begin
            for (i = 0; i < DEPTH; i = i + 1) mem[i] <= {DW{1'b0}};
        end else if (wr) begin
            mem[waddr] <= wdata;
        end
    end
    assign rdata = mem[raddr];
endmodule

module cq_ctrl #(
    parameter DEPTH = 16,
    parameter AW    = 4
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          push,
    input  wire          pop,
    output reg  [AW-1:0] head,
    output reg  [AW-1:0] tail,
    output wire          full,
    output wire          empty,
    output wire          do_push,
    output wire          do_pop
);
    reg [AW:0] count;
    assign full    = (count == DEPTH);
    assign empty   = (count == 0);
    assign do_push = push && !full;
    assign do_pop  = pop && !empty;
    always @(posedge clk) begin
        if (rst) begin
            head <= {AW{1'b0}}; tail <= {AW{1'b0}}; count <= {(AW+1){1'b0}};
        end else begin
            if (do_push) tail <= tail + 1'b1;
            if (do_pop)  head <= head + 1'b1;
            case ({do_push, do_pop})
                2'b10:   count <= count + 1'b1;
                2'b01:   count <= count - 1'b1;
                default: count <= count;
            endcase
        end
    end
endmodule

module cmd_queue (
    input  wire        clk,
    input  wire        rst,
    input  wire        push,
    input  wire [11:0] cmd_in,
    input  wire        pop,
    output wire [11:0] cmd_out,
    output wire        full,
    output wire        empty
);
    wire [2:0] head, tail;
    wire do_push, do_pop;
    cq_ctrl  #(.DEPTH(8), .AW(3))           u_ctl (.clk(clk), .rst(rst), .push(push), .pop(pop), .head(head), .tail(tail),
                                                   .full(full), .empty(empty), .do_push(do_push), .do_pop(do_pop));
    cq_store #(.DEPTH(8), .AW(3), .DW(12))  u_mem (.clk(clk), .rst(rst), .wr(do_push), .waddr(tail), .wdata(cmd_in),
                                                   .raddr(head), .rdata(cmd_out));
endmodule
