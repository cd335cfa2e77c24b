// Line-buffer controller: a pixel counter per line and an even/odd line flag, plus a
// separately written bank-select output for the buffer writer that toggles at every
// line end exactly like the odd-line flag (same reset): a duplicate register.
module line_ctl #(
    parameter PW = 10,
    parameter PIX = 640
) (
    input  wire clk,
    input  wire rst,
    input  wire pix_en,
    output reg  odd,
    output reg  bank,
    output wire line_end
);
    reg [PW-1:0] px;
    assign line_end = pix_en && (px == PIX - 1);

    always @(posedge clk) begin
        if (rst) begin
            px  <= {PW{1'b0}};
            odd <= 1'b0;
        end else if (pix_en) begin
            if (px == PIX - 1) begin
                px  <= {PW{1'b0}};
                odd <= ~odd;
            end else begin
                px <= px + 1'b1;
            end
        end
    end

    // bank select for the writer: flips at every line end
    always @(posedge clk)
        if (rst)           bank <= 1'b0;
        else if (line_end) bank <= ~bank;
endmodule

module lbuf_top (
    input  wire clk,
    input  wire rst,
    input  wire pix_en,
    output wire odd,
    output wire bank,
    output wire line_end
);
    line_ctl #(.PW(4), .PIX(12)) u_ctl (
        .clk(clk), .rst(rst), .pix_en(pix_en), .odd(odd), .bank(bank), .line_end(line_end)
    );
endmodule
