// Asynchronous sample-rate converter, output-side phase accumulator: the
// phase advances by 'step' (< 2^SW) per output sample modulo L; the wrap
// marks that a new input sample must be consumed.
module src_phase #(
    parameter L  = 441,
    parameter SW = 8,
    parameter PW = 12
) (
    input  wire          clk,
    input  wire          rst,
    input  wire          en,
    input  wire [SW-1:0] step,
    output wire [PW-1:0] phase,
    output reg           consume
);
    // phase < L and step < 2^SW <= L: the remainder is at most one subtraction
    // of L, and $clog2(L) bits hold the phase
    localparam RW = $clog2(L);
    reg  [RW-1:0] ph;
    wire [RW:0]   nxt = ph + step;
    always @(posedge clk) begin
        if (rst) begin
            ph      <= {RW{1'b0}};
            consume <= 1'b0;
        end else if (en) begin
            ph      <= (nxt >= L) ? nxt - L : nxt[RW-1:0];
            consume <= (nxt >= L);
        end
    end
    assign phase = {{(PW-RW){1'b0}}, ph};
endmodule

module src_out (
    input  wire       clk,
    input  wire       rst,
    input  wire       en,
    input  wire [7:0] step,
    output wire [8:0] phase,
    output wire       consume
);
    wire [11:0] ph;
    src_phase #(.L(300), .SW(8), .PW(12)) u_ph (.clk(clk), .rst(rst), .en(en), .step(step),
                                              .phase(ph), .consume(consume));
    assign phase = ph[8:0];
endmodule
