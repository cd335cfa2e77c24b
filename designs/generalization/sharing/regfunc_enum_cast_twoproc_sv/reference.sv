// Reference: the valve flags are decodes of the registered phase.
typedef enum logic [1:0] {P_OFF = 2'd0, P_FILL = 2'd1, P_DRAIN = 2'd2} phase_e;

module tank_seq (
    input  wire  clk,
    input  wire  rst,
    input  wire  go,
    input  wire  full,
    input  wire  empty,
    output logic fill_v,
    output logic drain_v
);
    phase_e ph, ph_n;

    always_comb begin
        ph_n = ph;
        unique case (ph)
            P_OFF:   if (go) ph_n = P_FILL;
            P_FILL:  if (full) ph_n = P_DRAIN;
            P_DRAIN: if (empty) ph_n = P_OFF;
            default: ph_n = P_OFF;
        endcase
    end

    always_ff @(posedge clk) begin
        if (rst) ph <= P_OFF;
        else     ph <= ph_n;
    end

    assign fill_v  = (ph == P_FILL);
    assign drain_v = (ph == P_DRAIN);
endmodule
