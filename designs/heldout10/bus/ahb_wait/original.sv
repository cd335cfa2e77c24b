// AHB-Lite slave with four data registers and WAIT wait states per transfer.
module ahb_regs #(
    parameter int DW   = 32,
    parameter int WAIT = 1
) (
    input  logic          hclk,
    input  logic          hresetn,
    input  logic          hsel,
    input  logic [1:0]    htrans,
    input  logic          hwrite,
    input  logic [3:0]    haddr,
    input  logic [DW-1:0] hwdata,
    input  logic          hready_in,
    output logic [DW-1:0] hrdata,
    output logic          hready
);
    logic [DW-1:0] regs [4];
    logic          active, write_q;
    logic [1:0]    addr_q;
    logic [7:0]    wcnt;
    logic          hready_q;
    logic          accept, done;

    assign accept = hsel && htrans[1] && hready_in;
    assign done   = active && wcnt == 8'd0;
    assign hready = hready_q;
    assign hrdata = regs[addr_q];

    always_ff @(posedge hclk or negedge hresetn) begin
        if (!hresetn) begin
            active   <= 1'b0;
            write_q  <= 1'b0;
            addr_q   <= '0;
            wcnt     <= '0;
            hready_q <= 1'b1;
            for (int i = 0; i < 4; i++) regs[i] <= '0;
        end else begin
            if (done && write_q)
                regs[addr_q] <= hwdata;
            if (accept) begin
                active   <= 1'b1;
                write_q  <= hwrite;
                addr_q   <= haddr[3:2];
                wcnt     <= 8'(WAIT);
                hready_q <= (WAIT == 0);
            end else if (done) begin
                active   <= 1'b0;
                hready_q <= 1'b1;
            end else if (active) begin
                wcnt     <= wcnt - 8'd1;
                hready_q <= (wcnt == 8'd1);
            end
        end
    end
endmodule

module ahb_periph (
    input  logic       hclk,
    input  logic       hresetn,
    input  logic       hsel,
    input  logic [1:0] htrans,
    input  logic       hwrite,
    input  logic [3:0] haddr,
    input  logic [7:0] hwdata,
    output logic [7:0] hrdata,
    output logic       hready
);
    logic hready_in;
    assign hready_in = hready;   // single slave: the bus ready is our own
    ahb_regs #(.DW(8), .WAIT(2)) u_regs (.*);
endmodule
