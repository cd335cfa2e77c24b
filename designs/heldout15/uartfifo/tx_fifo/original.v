// Memory-mapped UART transmitter with a transmit FIFO.
//   tx_csr    : register interface (0: data, 1: status)
//   sync_fifo : flop FIFO with an occupancy counter
//   baud_gen  : bit-rate tick
//   uart_tx   : 8N1 serializer
//   uart_tx_top

module baud_gen #(
    parameter DIV = 868,
    parameter W   = 16
) (
    input      clk,
    input      rst,
    output reg tick
);
    reg [W-1:0] cnt;
    always @(posedge clk) begin
        if (rst) begin
            cnt  <= {W{1'b0}};
            tick <= 1'b0;
        end else if (cnt == DIV - 1) begin
            cnt  <= {W{1'b0}};
            tick <= 1'b1;
        end else begin
            cnt  <= cnt + 1'b1;
            tick <= 1'b0;
        end
    end
endmodule

module sync_fifo #(
    parameter DW = 8,
    parameter AW = 4
) (
    input               clk,
    input               rst,
    input               wr,
    input  [DW-1:0]     wdata,
    input               rd,
    output [DW-1:0]     rdata,
    output              full,
    output              empty,
    output reg [AW:0]   count
);
    localparam DEPTH = 1 << AW;

    reg [DW-1:0] mem [0:DEPTH-1];
    reg [AW-1:0] wptr, rptr;

    wire do_wr = wr & ~full;
    wire do_rd = rd & ~empty;

    integer k;
    always @(posedge clk) begin
        if (rst) begin
            for (k = 0; k < DEPTH; k = k + 1)
                mem[k] <= {DW{1'b0}};
        end else if (do_wr)
            mem[wptr] <= wdata;
    end

    always @(posedge clk) begin
        if (rst) begin
            wptr  <= {AW{1'b0}};
            rptr  <= {AW{1'b0}};
            count <= {(AW+1){1'b0}};
        end else begin
            if (do_wr) wptr <= wptr + 1'b1;
            if (do_rd) rptr <= rptr + 1'b1;
            case ({do_wr, do_rd})
                2'b10:   count <= count + 1'b1;
                2'b01:   count <= count - 1'b1;
                default: count <= count;
            endcase
        end
    end

    assign full  = (count == DEPTH);
    assign empty = (count == 0);
    assign rdata = mem[rptr];
endmodule

module uart_tx #(
    parameter DBITS = 8
) (
    input              clk,
    input              rst,
    input              tick,
    input              empty,
    input  [DBITS-1:0] din,
    output             rd,
    output reg         txd,
    output             busy
);
    localparam IDLE = 2'd0, START = 2'd1, DATA = 2'd2, STOP = 2'd3;

    reg [1:0]       st;
    reg [DBITS-1:0] sh;
    reg [3:0]       n;

    assign rd   = (st == IDLE) && !empty;
    assign busy = (st != IDLE);

    always @(posedge clk) begin
        if (rst) begin
            st  <= IDLE;
            sh  <= {DBITS{1'b0}};
            n   <= 4'd0;
            txd <= 1'b1;
        end else begin
            case (st)
                IDLE: if (!empty) begin
                    sh <= din;
                    st <= START;
                end
                START: if (tick) begin
                    txd <= 1'b0;
                    n   <= 4'd0;
                    st  <= DATA;
                end
                DATA: if (tick) begin
                    txd <= sh[0];
                    sh  <= sh >> 1;
                    n   <= n + 4'd1;
                    if (n == DBITS - 1) st <= STOP;
                end
                STOP: if (tick) begin
                    txd <= 1'b1;
                    st  <= IDLE;
                end
            endcase
        end
    end
endmodule

module tx_csr #(
    parameter AW = 4
) (
    input            clk,
    input            rst,
    input            bus_we,
    input            bus_re,
    input            bus_addr,
    input      [7:0] bus_wdata,
    output reg [7:0] bus_rdata,
    output           fifo_wr,
    output     [7:0] fifo_wdata,
    input            full,
    input            empty,
    input            busy,
    input   [AW:0]   count
);
    assign fifo_wr    = bus_we && (bus_addr == 1'b0);
    assign fifo_wdata = bus_wdata;

    always @(posedge clk) begin
        if (rst)
            bus_rdata <= 8'd0;
        else if (bus_re)
            bus_rdata <= bus_addr ? ({busy, full, empty, 5'd0} | count) : 8'd0;
    end
endmodule

module uart_tx_top (
    input        clk,
    input        rst,
    input        bus_we,
    input        bus_re,
    input        bus_addr,
    input  [7:0] bus_wdata,
    output [7:0] bus_rdata,
    output       txd
);
    wire       tick, full, empty, busy, rd, wr;
    wire [7:0] wdata, rdata;
    wire [1:0] count;

    baud_gen #(.DIV(5)) u_baud (.clk(clk), .rst(rst), .tick(tick));

    sync_fifo #(.DW(8), .AW(1)) u_fifo (
        .clk(clk), .rst(rst), .wr(wr), .wdata(wdata), .rd(rd), .rdata(rdata),
        .full(full), .empty(empty), .count(count)
    );

    uart_tx #(.DBITS(8)) u_tx (
        .clk(clk), .rst(rst), .tick(tick), .empty(empty), .din(rdata),
        .rd(rd), .txd(txd), .busy(busy)
    );

    tx_csr #(.AW(1)) u_csr (
        .clk(clk), .rst(rst), .bus_we(bus_we), .bus_re(bus_re), .bus_addr(bus_addr),
        .bus_wdata(bus_wdata), .bus_rdata(bus_rdata), .fifo_wr(wr), .fifo_wdata(wdata),
        .full(full), .empty(empty), .busy(busy), .count(count)
    );
endmodule
