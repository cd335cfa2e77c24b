// Push-button conditioner: a key counts as held once it was sampled high on
// each of the last 8 sample strobes; a run counter of consecutive high samples
// saturating at 8 replaces the 8-bit history.
module key_cond (
    input  logic clk,
    input  logic rst,
    input  logic smp,
    input  logic key_raw,
    input  logic ack,
    output logic held,
    output logic long_press
);
    logic [3:0] run;
    logic       held_q;

    always_ff @(posedge clk) begin
        if (rst)
            run <= 4'd8;
        else if (smp)
            run <= key_raw ? (run == 4'd8 ? run : run + 4'd1) : 4'd0;
    end

    assign held = (run == 4'd8);

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
