// Two TDM slot pointers over 16 slots: the transmit side and the receive side
// each keep their own pointer, stepped on the same frame strobe; the receive
// pointer starts 5 slots behind (11 = -5 mod 16), so rx == tx - 5 always.
module slot_ptr #(
    parameter logic [3:0] START = 4'd0  /* reset slot */
) (
    input  logic       clk,
    input  logic       rst_n,
    input  logic       strobe,
    input  logic       hold,
    input  logic [3:0] mine,
    output logic       own   // registered: this slot is ours
);
    logic [3:0] slot;

    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)                slot <= START;
        else if (strobe && !hold)  slot <= slot + 4'd1;
    end

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
    slot_ptr #(.START(4'd0))  u_tx (.clk, .rst_n, .strobe(frame), .hold(pause), .mine(tx_id), .own(tx_own));
    slot_ptr #(.START(4'd11)) u_rx (.clk, .rst_n, .strobe(frame), .hold(pause), .mine(rx_id), .own(rx_own));
endmodule
