// Tone generator: a parameterized period counter (declared WIDTH bits) and a threshold compare
// against a full-width input; the top uses a 100-cycle period.
module tone_gen #(parameter WIDTH = 24, parameter [WIDTH-1:0] LAST = 24'd9999) (
    input  wire             clk,
    input  wire             rst,
    input  wire [WIDTH-1:0] level,
    output wire             hi,
    output reg              wrap
);
    reg [WIDTH-1:0] phase;

    always @(posedge clk or posedge rst) begin
        if (rst) begin
            phase <= {WIDTH{1'b0}};
            wrap  <= 1'b0;
        end else begin
            phase <= (phase == LAST) ? {WIDTH{1'b0}} : phase + 1'b1;
            wrap  <= (phase == LAST);
        end
    end

    assign hi = level > phase;
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
