// Error status block: sticky error flags (set by events, cleared by a
// write-1-to-clear), an enable register, and a registered alert line.
// The registers reset with '0 and a parameter expression.
module err_status #(
    parameter int W = 10
) (
    input  logic         clk,
    input  logic         rst_n,
    input  logic [W-1:0] err_set,
    input  logic         clr_we,
    input  logic         en_we,
    input  logic [W-1:0] wdata,
    output logic [W-1:0] status,
    output logic [W-1:0] enable,
    output logic         alert
);
    logic [W-1:0] status_d, enable_d;

    always_comb begin
        status_d = status | err_set;
        if (clr_we) status_d &= ~wdata;
        enable_d = en_we ? wdata : enable;
    end

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            status <= '0;
            enable <= W'(0);
        end else begin
            status <= status_d;
            enable <= enable_d;
        end
    end

    assign alert = |(status & enable);
endmodule
