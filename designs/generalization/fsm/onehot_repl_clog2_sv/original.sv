// Frame builder: one-hot phase vector (int localparam bit positions, unique case (1'b1)); the
// word register is loaded with replications sized by parameter expressions.
module framer_core #(
    parameter int W     = 12,
    parameter int DEPTH = 8
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         start,
    input  logic         din,
    input  logic         stop,
    output logic [W-1:0] word,
    output logic         active
);
    localparam int P_IDLE = 0, P_HDR = 1, P_BODY = 2, P_TAIL = 3;
    logic [3:0] ph;

    always_ff @(posedge clk) begin
        if (rst) ph <= 4'b0001;
        else begin
            unique case (1'b1)
                ph[P_IDLE]: ph <= start ? 4'b0010 : 4'b0001;
                ph[P_HDR]:  ph <= 4'b0100;
                ph[P_BODY]: ph <= stop ? 4'b1000 : 4'b0100;
                ph[P_TAIL]: ph <= 4'b0001;
                default:    ph <= 4'b0001;
            endcase
        end
    end

    always_ff @(posedge clk) begin
        if (rst) word <= '0;
        else if (ph[P_HDR])  word <= {{(W - $clog2(DEPTH) - 1){1'b0}}, {($clog2(DEPTH) + 1){1'b1}}};
        else if (ph[P_BODY]) word <= {word[W-2:0], din};
        else if (ph[P_TAIL]) word <= {{(W/4){din}}, word[W-W/4-1:0]};
    end

    assign active = !ph[P_IDLE];
endmodule

module framer (
    input  logic        clk,
    input  logic        rst,
    input  logic        start,
    input  logic        din,
    input  logic        stop,
    output logic [15:0] word,
    output logic        active
);
    framer_core #(.W(16), .DEPTH(16)) u_core (.*);
endmodule
