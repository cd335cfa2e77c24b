// Line mirror with one column counter: it counts down while capturing and on
// through the replay, where the replay column is its complement.
module line_mirror #(
    parameter int CW = 4
) (
    input  logic          clk,
    input  logic          rst,
    input  logic          sol,      // start of line
    input  logic          pix_ok,   // a pixel is stored / taken this cycle
    output logic [CW-1:0] col,
    output logic          cap,
    output logic          play,
    output logic          line_done
);
    typedef enum logic [1:0] {WAIT = 2'b00, CAPT = 2'b01, PLAY = 2'b11, GAP = 2'b10} ph_t;
    localparam logic [CW-1:0] LASTC = {CW{1'b1}};

    ph_t           ph, ph_n;
    logic [CW-1:0] wcol;
    logic [CW-1:0] rcol;

    assign rcol = ~wcol;

    always_comb begin
        ph_n = ph;
        unique case (ph)
            WAIT: if (sol) ph_n = CAPT;
            CAPT: if (pix_ok && wcol == '0) ph_n = PLAY;
            PLAY: if (pix_ok && rcol == LASTC) ph_n = GAP;
            GAP:  ph_n = WAIT;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) begin
            ph   <= WAIT;
            wcol <= '0;
        end else begin
            ph <= ph_n;
            unique case (ph)
                WAIT: if (sol) wcol <= LASTC;
                CAPT: if (pix_ok) wcol <= wcol - 1'b1;
                PLAY: if (pix_ok && wcol != '0) wcol <= wcol - 1'b1;
                default: ;
            endcase
        end
    end

    always_comb begin
        col       = (ph == PLAY) ? rcol : wcol;
        cap       = (ph == CAPT);
        play      = (ph == PLAY);
        line_done = (ph == GAP);
    end
endmodule
