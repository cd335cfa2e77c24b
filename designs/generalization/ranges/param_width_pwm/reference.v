// Tone generator: the counter only needs 7 bits for LAST = 99; the compare checks the upper
// level bits separately.
module tone_gen #(parameter WIDTH = 24, parameter [WIDTH-1:0] LAST = 24'd9999) (
    input  wire             clk,
    input  wire             rst,
    input  wire [WIDTH-1:0] level,
    output wire             hi,
    output reg              wrap
);
    reg [6:0] phase;

    always @(posedge clk or posedge rst) begin
        if (rst) begin
            phase <= 7'd0;
            wrap  <= 1'b0;
        end else begin
            phase <= (phase == LAST[6:0]) ? 7'd0 : phase + 7'd1;
            wrap  <= (phase == LAST[6:0]);
        end
    end

    assign hi = (|level[WIDTH-1:7]) | (level[6:0] > phase);
endmodule

module tone_top (
    input  wire        clk,
    input  wire        rst,
    input  wire [23:0] level,
    output wire        hi,
    output wire        wrap
);
    tone_gen #(.WIDTH(24), .LAST(24'd99)) u_gen (
        .clk(clk), .rst(rst), .level(level), .hi(hi), .wrap(wrap));
endmodule
