// Burst slot timer: a request opens a window of SLOTS slots; 'slot' is the
// current slot, -1 while idle. The grant is given in slot GRANT_AT.
module slot_timer #(
    parameter int SLOTS = 40,
    parameter int GRANT_AT = 25
) (
    input  logic clk,
    input  logic rst_n,
    input  logic req,
    input  logic abort,
    output logic busy,
    output logic grant,
    output logic last
);
    // hand reference: a run flag and a 6-bit slot count (0..SLOTS-1)
    logic       run;
    logic [5:0] slot;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            run  <= 1'b0;
            slot <= '0;
        end else if (abort) begin
            run  <= 1'b0;
        end else if (!run && req) begin
            run  <= 1'b1;
            slot <= '0;
        end else if (run && slot >= SLOTS - 1) begin
            run  <= 1'b0;
        end else if (run) begin
            slot <= slot + 1'b1;
        end
    end

    assign busy  = run;
    assign grant = run && slot == GRANT_AT;
    assign last  = run && slot >= SLOTS - 1;
endmodule
