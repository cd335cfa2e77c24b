// Reference: the reverse-carry counter always holds the bit reversal of the
// natural counter (same clear, same step), so the read address is a wiring.
module agu_top (
    input  logic       clk,
    input  logic       rst,
    input  logic       start,
    input  logic       step,
    output logic [5:0] wr_addr,
    output logic [5:0] rd_addr,
    output logic       last
);
    always_ff @(posedge clk) begin
        if (rst || start) wr_addr <= '0;
        else if (step)    wr_addr <= wr_addr + 1'b1;
    end
    always_comb
        for (int b = 0; b < 6; b++) rd_addr[b] = wr_addr[5 - b];
    assign last = &wr_addr;
endmodule
