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
    int slot;   // -1: idle

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            slot <= -1;
        end else begin
            case (1'b1)
                abort:                 slot <= -1;
                slot == -1 && req:     slot <= 0;
                slot >= SLOTS - 1:     slot <= -1;
                slot > -1:             slot <= slot + 1;
                default:               slot <= slot;
            endcase
        end
    end

    assign busy  = slot != -1;
    assign grant = slot == GRANT_AT;
    assign last  = slot >= SLOTS - 1;
endmodule
