// AXI4-Lite control/status register slave for a small peripheral:
// write and read channel handlers, a register file and an event counter.
// The channel handlers keep their own busy flags for flow control.

module axil_wr_ch #(
    parameter AW = 4,
    parameter DW = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [AW-1:0] s_awaddr,
    input  wire          s_awvalid,
    output wire          s_awready,
    input  wire [DW-1:0] s_wdata,
    input  wire          s_wvalid,
    output wire          s_wready,
    output reg           s_bvalid,
    input  wire          s_bready,
    output reg           we,
    output reg  [AW-1:0] waddr,
    output reg  [DW-1:0] wdata
);
    reg  wr_busy;
    wire accept = s_awvalid && s_wvalid && !wr_busy;

    assign s_awready = accept;
    assign s_wready  = accept;

    always @(posedge clk) begin
        if (rst) begin
            s_bvalid <= 1'b0;
            wr_busy  <= 1'b0;
            we       <= 1'b0;
            waddr    <= {AW{1'b0}};
            wdata    <= {DW{1'b0}};
        end else begin
            we <= accept;
            if (accept) begin
                waddr <= s_awaddr;
                wdata <= s_wdata;
            end
            if (accept)
                s_bvalid <= 1'b1;
            else if (s_bready)
                s_bvalid <= 1'b0;
            case ({accept, s_bvalid && s_bready})
                2'b10:   wr_busy <= 1'b1;
                2'b01:   wr_busy <= 1'b0;
                default: wr_busy <= wr_busy;
            endcase
        end
    end
endmodule

module axil_rd_ch #(
    parameter AW = 4,
    parameter DW = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [AW-1:0] s_araddr,
    input  wire          s_arvalid,
    output wire          s_arready,
    output reg  [DW-1:0] s_rdata,
    output reg           s_rvalid,
    input  wire          s_rready,
    output wire [AW-1:0] raddr,
    input  wire [DW-1:0] rdata
);
    reg  rd_busy;
    wire accept = s_arvalid && !rd_busy;

    assign s_arready = accept;
    assign raddr     = s_araddr;

    always @(posedge clk) begin
        if (rst) begin
            s_rvalid <= 1'b0;
            s_rdata  <= {DW{1'b0}};
            rd_busy  <= 1'b0;
        end else begin
            if (accept) begin
                s_rvalid <= 1'b1;
                s_rdata  <= rdata;
            end else if (s_rready) begin
                s_rvalid <= 1'b0;
            end
            if (accept)
                rd_busy <= 1'b1;
            else if (s_rvalid && s_rready)
                rd_busy <= 1'b0;
        end
    end
endmodule

module evt_counter #(
    parameter CW = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          clr,
    input  wire          evt,
    output reg  [CW-1:0] count
);
    always @(posedge clk) begin
        if (rst || clr)
            count <= {CW{1'b0}};
        else if (evt)
            count <= count + 1'b1;
    end
endmodule

module csr_file #(
    parameter AW = 4,
    parameter DW = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          we,
    input  wire [AW-1:0] waddr,
    input  wire [DW-1:0] wdata,
    input  wire [AW-1:0] raddr,
    output reg  [DW-1:0] rdata,
    input  wire [DW-1:0] evt_count,
    input  wire [3:0]    status,
    output reg  [7:0]    ctrl,
    output reg  [15:0]   clkdiv,
    output wire          evt_clr
);
    reg [DW-1:0] scratch;

    always @(posedge clk) begin
        if (rst) begin
            ctrl    <= 8'h00;
            clkdiv  <= 16'd0;
            scratch <= {DW{1'b0}};
        end else if (we) begin
            case (waddr)
                4'h0: ctrl    <= wdata[7:0];
                4'h1: clkdiv  <= wdata[15:0];
                4'h2: scratch <= wdata;
                default: ;
            endcase
        end
    end

    assign evt_clr = we && (waddr == 4'h3);

    always @(*) begin
        case (raddr)
            4'h0:    rdata = {{DW-8{1'b0}}, ctrl};
            4'h1:    rdata = {{DW-16{1'b0}}, clkdiv};
            4'h2:    rdata = scratch;
            4'h3:    rdata = evt_count;
            4'h4:    rdata = {{DW-4{1'b0}}, status};
            default: rdata = {DW{1'b0}};
        endcase
    end
endmodule

module periph_csr #(
    parameter AW = 4,
    parameter DW = 32
) (
    input  wire          clk,
    input  wire          rst,
    input  wire [AW-1:0] s_awaddr,
    input  wire          s_awvalid,
    output wire          s_awready,
    input  wire [DW-1:0] s_wdata,
    input  wire          s_wvalid,
    output wire          s_wready,
    output wire          s_bvalid,
    input  wire          s_bready,
    input  wire [AW-1:0] s_araddr,
    input  wire          s_arvalid,
    output wire          s_arready,
    output wire [DW-1:0] s_rdata,
    output wire          s_rvalid,
    input  wire          s_rready,
    input  wire          evt,
    input  wire [3:0]    status,
    output wire [7:0]    ctrl,
    output wire [15:0]   clkdiv
);
    wire          we, evt_clr;
    wire [AW-1:0] waddr, raddr;
    wire [DW-1:0] wdata, rdata, evt_count;

    axil_wr_ch #(.AW(AW), .DW(DW)) u_wr (
        .clk(clk), .rst(rst), .s_awaddr(s_awaddr), .s_awvalid(s_awvalid), .s_awready(s_awready),
        .s_wdata(s_wdata), .s_wvalid(s_wvalid), .s_wready(s_wready),
        .s_bvalid(s_bvalid), .s_bready(s_bready), .we(we), .waddr(waddr), .wdata(wdata)
    );
    axil_rd_ch #(.AW(AW), .DW(DW)) u_rd (
        .clk(clk), .rst(rst), .s_araddr(s_araddr), .s_arvalid(s_arvalid), .s_arready(s_arready),
        .s_rdata(s_rdata), .s_rvalid(s_rvalid), .s_rready(s_rready), .raddr(raddr), .rdata(rdata)
    );
    evt_counter #(.CW(DW)) u_evt (
        .clk(clk), .rst(rst), .clr(evt_clr), .evt(evt), .count(evt_count)
    );
    csr_file #(.AW(AW), .DW(DW)) u_csr (
        .clk(clk), .rst(rst), .we(we), .waddr(waddr), .wdata(wdata), .raddr(raddr), .rdata(rdata),
        .evt_count(evt_count), .status(status), .ctrl(ctrl), .clkdiv(clkdiv), .evt_clr(evt_clr)
    );
endmodule

module uart_csr_if (
    input  wire        clk,
    input  wire        rst,
    input  wire [3:0]  s_awaddr,
    input  wire        s_awvalid,
    output wire        s_awready,
    input  wire [23:0] s_wdata,
    input  wire        s_wvalid,
    output wire        s_wready,
    output wire        s_bvalid,
    input  wire        s_bready,
    input  wire [3:0]  s_araddr,
    input  wire        s_arvalid,
    output wire        s_arready,
    output wire [23:0] s_rdata,
    output wire        s_rvalid,
    input  wire        s_rready,
    input  wire        evt,
    input  wire [3:0]  status,
    output wire [7:0]  ctrl,
    output wire [15:0] clkdiv
);
    periph_csr #(.AW(4), .DW(24)) u_csr (
        .clk(clk), .rst(rst),
        .s_awaddr(s_awaddr), .s_awvalid(s_awvalid), .s_awready(s_awready),
        .s_wdata(s_wdata), .s_wvalid(s_wvalid), .s_wready(s_wready),
        .s_bvalid(s_bvalid), .s_bready(s_bready),
        .s_araddr(s_araddr), .s_arvalid(s_arvalid), .s_arready(s_arready),
        .s_rdata(s_rdata), .s_rvalid(s_rvalid), .s_rready(s_rready),
        .evt(evt), .status(status), .ctrl(ctrl), .clkdiv(clkdiv)
    );
endmodule
