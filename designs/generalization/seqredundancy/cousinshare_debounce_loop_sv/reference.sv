// Key debouncer array, hand-optimized: one sample-tick prescaler for the
// array, its tick fed to every key cell.
module db_tick #(
    parameter int DIV = 10,
    parameter int TW  = 8
) (
    input  logic clk,
    input  logic rst_n,
    input  logic scan_en,
    output logic tick
);
    logic [TW-1:0] div;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)
            div <= '0;
        else if (scan_en)
            div <= (div == TW'(DIV - 1)) ? '0 : div + 1'b1;
    end

    assign tick = scan_en && (div == TW'(DIV - 1));
endmodule

module key_cell #(
    parameter int DIV = 10
) (
    input  logic clk,
    input  logic rst_n,
    input  logic tick,
    input  logic raw,
    output logic level
);
    logic [2:0] hist;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            hist  <= '0;
            level <= 1'b0;
        end else if (tick) begin
            hist <= {hist[1:0], raw};
            if (hist == 3'b111)
                level <= 1'b1;
            else if (hist == 3'b000)
                level <= 1'b0;
        end
    end
endmodule

module key_array #(
    parameter int NK  = 4,
    parameter int DIV = 10
) (
    input  logic          clk,
    input  logic          rst_n,
    input  logic          scan_en,
    input  logic [NK-1:0] raw,
    output logic [NK-1:0] level
);
    logic tick;

    db_tick #(.DIV(DIV)) u_tk (.*);

    for (genvar k = 0; k < NK; k++) begin : g_key
        key_cell #(.DIV(DIV)) u_cell (
            .clk(clk), .rst_n(rst_n), .tick(tick), .raw(raw[k]), .level(level[k])
        );
    end
endmodule

module keys_top (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       scan_en,
    input  logic [3:0] raw,
    output logic [3:0] level
);
    key_array #(.NK(4), .DIV(12)) u_keys (.*);
endmodule
