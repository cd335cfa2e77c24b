// Push-button conditioner: a key counts as held once it was sampled high on
// each of the last 8 sample strobes (history shifted down, new sample at the
// top); a long-press flag is latched when the held key is released.
module key_cond (
    input  logic clk,
    input  logic rst,
    input  logic smp,
    input  logic key_raw,
    input  logic ack,
    output logic held,
    output logic long_press
);
    logic [7:0] hist;
    logic       held_q;

    always_ff @(posedge clk) begin
        if (rst)
            hist <= 8'hFF;
        else if (smp)
            hist <= {key_raw, hist[7:1]};
    end

    assign held = (hist == 8'hFF);

    always_ff @(posedge clk) begin
        if (rst) begin
            held_q     <= 1'b0;
            long_press <= 1'b0;
        end else begin
            held_q <= held;
            if (held_q && !held) long_press <= 1'b1;
            else if (ack)        long_press <= 1'b0;
        end
    end
endmodule
