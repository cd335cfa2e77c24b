// Write-data pipeline stage of an SRAM controller with byte parity: the data,
// the byte enables, one even-parity bit per byte and a whole-word parity bit
// (for the legacy checker) are registered together.
module wr_stage #(
    parameter NB = 4                  // bytes per word
) (
    input  wire            clk,
    input  wire            rst_n,
    input  wire            we,
    input  wire [8*NB-1:0] wdata,
    input  wire [NB-1:0]   wstrb,
    output reg  [8*NB-1:0] q_data,
    output reg  [NB-1:0]   q_strb,
    output reg  [NB-1:0]   q_par,     // per-byte parity
    output reg             q_wpar,    // parity of the whole word
    output reg             q_we
);
    integer i;
    reg [NB-1:0] par;

    always @(*) begin
        for (i = 0; i < NB; i = i + 1)
            par[i] = ^wdata[8*i +: 8];
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            q_data <= {8*NB{1'b0}};
            q_strb <= {NB{1'b0}};
            q_par  <= {NB{1'b0}};
            q_wpar <= 1'b0;
            q_we   <= 1'b0;
        end else begin
            q_we <= we;
            if (we) begin
                q_data <= wdata;
                q_strb <= wstrb;
                q_par  <= par;
                q_wpar <= ^wdata;
            end
        end
    end
endmodule

module sram_wr (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        we,
    input  wire [23:0] wdata,
    input  wire [2:0]  wstrb,
    output wire [23:0] q_data,
    output wire [2:0]  q_strb,
    output wire [2:0]  q_par,
    output wire        q_wpar,
    output wire        q_we
);
    wr_stage #(.NB(3)) u_ws (.clk(clk), .rst_n(rst_n), .we(we), .wdata(wdata), .wstrb(wstrb),
        .q_data(q_data), .q_strb(q_strb), .q_par(q_par), .q_wpar(q_wpar), .q_we(q_we));
endmodule
