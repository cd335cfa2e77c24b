// Two TDM slot pointers over 16 slots: one pointer, the receive side compares
// against it minus 5.
module slot_cmp (
    input  logic       clk,
    input  logic       rst_n,
    input  logic [3:0] slot,
    input  logic [3:0] mine,
    output logic       own   // registered: this slot is ours
);
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n) own <= 1'b0;
        else        own <= (slot == mine);
    end
endmodule

module tdm_pair (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       frame,
    input  logic       pause,
    input  logic [3:0] tx_id,
    input  logic [3:0] rx_id,
    output logic       tx_own,
    output logic       rx_own
);
    logic [3:0] slot;
    logic [3:0] rx_slot;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)               slot <= 4'd0;
        else if (frame && !pause) slot <= slot + 4'd1;
    end
    assign rx_slot = slot - 4'd5;

    slot_cmp u_tx (.clk, .rst_n, .slot,          .mine(tx_id), .own(tx_own));
    slot_cmp u_rx (.clk, .rst_n, .slot(rx_slot), .mine(rx_id), .own(rx_own));
endmodule
