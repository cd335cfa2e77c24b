// SPI-like pair: a clock generator and a sampler (different modules, async
// active-low reset) each divide the clock with their own 10-bit counter.
module sclk_gen #(parameter int HALF = 6) (
    input  logic clk,
    input  logic rst_n,
    input  logic en,
    output logic sclk
);
    logic [9:0] div;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            div  <= '0;
            sclk <= 1'b0;
        end else if (div == 10'(HALF - 1)) begin
            div  <= '0;
            sclk <= en ? ~sclk : 1'b0;
        end else begin
            div  <= div + 10'd1;
        end
    end
endmodule

module miso_smp #(parameter int HALF = 6) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       miso,
    output logic [3:0] bits
);
    logic [9:0] cnt;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            cnt  <= '0;
            bits <= '0;
        end else begin
            cnt <= (cnt == 10'(HALF - 1)) ? '0 : cnt + 10'd1;
            if (cnt == 10'(HALF / 2)) bits <= {bits[2:0], miso};
        end
    end
endmodule

module spi_pair (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic       miso,
    output logic       sclk,
    output logic [3:0] bits
);
    sclk_gen #(.HALF(6)) u_gen (.clk, .rst_n, .en, .sclk);
    miso_smp #(.HALF(6)) u_smp (.clk, .rst_n, .miso, .bits);
endmodule
