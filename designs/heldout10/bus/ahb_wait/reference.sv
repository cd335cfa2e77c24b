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
    logic [$clog2(WAIT+1)-1:0] wcnt;
    logic          accept, done;

    assign accept = hsel && htrans[1] && hready_in;
    assign done   = active && wcnt == '0;
    // ready whenever no data phase is waiting
    assign hready = !active || wcnt == '0;
    assign hrdata = regs[addr_q];

    always_ff @(posedge hclk or negedge hresetn) begin
        if (!hresetn) begin
            active   <= 1'b0;
            write_q  <= 1'b0;
            addr_q   <= '0;
            wcnt     <= '0;
            for (int i = 0; i < 4; i++) regs[i] <= '0;
        end else begin
            if (done && write_q)
                regs[addr_q] <= hwdata;
            if (accept) begin
                active   <= 1'b1;
                write_q  <= hwrite;
                addr_q   <= haddr[3:2];
                wcnt     <= WAIT;
            end else if (done) begin
                active   <= 1'b0;
            end else if (active) begin
                wcnt     <= wcnt - 1'b1;
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
