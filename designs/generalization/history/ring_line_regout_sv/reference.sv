// Video line delay for a vertical filter: the ring read at its write pointer is
// a DEPTH-stage shift register read at its oldest stage.
module line_ring #(
    parameter int DEPTH = 4,
    parameter int PW    = 12
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          pix_en,
    input  logic [PW-1:0] pix,
    output logic [PW-1:0] pix_dly
);
    logic [PW*DEPTH-1:0] sr;

    always_ff @(posedge clk) begin
        if (rst) begin
            sr      <= '0;
            pix_dly <= '0;
        end else if (pix_en) begin
            pix_dly <= sr[PW*(DEPTH-1) +: PW];
            sr      <= {sr[PW*(DEPTH-1)-1:0], pix};
        end
    end
endmodule

module vfilt (
    input  logic        clk,
    input  logic        rst,
    input  logic        pix_en,
    input  logic [11:0] pix,
    output logic [12:0] avg2
);
    logic [11:0] above;
    line_ring #(.DEPTH(5), .PW(12)) u_line (.clk(clk), .rst(rst), .pix_en(pix_en), .pix(pix), .pix_dly(above));
    assign avg2 = pix + above;
endmodule
