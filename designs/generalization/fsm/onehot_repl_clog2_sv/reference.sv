// Reference: the one-hot phase vector as a 2-bit binary enum.
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
    typedef enum logic [1:0] {IDLE, HDR, BODY, TAIL} ph_t;
    ph_t ph;

    always_ff @(posedge clk) begin
        if (rst) ph <= IDLE;
        else begin
            unique case (ph)
                IDLE: ph <= start ? HDR : IDLE;
                HDR:  ph <= BODY;
                BODY: ph <= stop ? TAIL : BODY;
                TAIL: ph <= IDLE;
            endcase
        end
    end

    always_ff @(posedge clk) begin
        if (rst) word <= '0;
        else if (ph == HDR)  word <= {{(W - $clog2(DEPTH) - 1){1'b0}}, {($clog2(DEPTH) + 1){1'b1}}};
        else if (ph == BODY) word <= {word[W-2:0], din};
        else if (ph == TAIL) word <= {{(W/4){din}}, word[W-W/4-1:0]};
    end

    assign active = (ph != IDLE);
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
