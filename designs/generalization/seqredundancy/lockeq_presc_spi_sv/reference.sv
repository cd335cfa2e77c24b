// SPI-like pair: one divider, the sampler reads its count.
module sclk_gen (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       en,
    input  logic [9:0] div,
    output logic       sclk
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)             sclk <= 1'b0;
        else if (div == 10'd5)  sclk <= en ? ~sclk : 1'b0;
    end
endmodule

module miso_smp (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [9:0] cnt,
    input  logic       miso,
    output logic [3:0] bits
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            bits <= '0;
        else if (cnt == 10'd3) bits <= {bits[2:0], miso};
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
    logic [9:0] div;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)            div <= '0;
        else if (div == 10'd5) div <= '0;
        else                   div <= div + 10'd1;
    end
    sclk_gen u_gen (.clk, .rst_n, .en, .div, .sclk);
    miso_smp u_smp (.clk, .rst_n, .cnt(div), .miso, .bits);
endmodule
