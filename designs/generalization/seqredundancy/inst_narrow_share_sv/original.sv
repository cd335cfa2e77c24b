// TDM slot decoder: the voice and the data framer each count the same 5 slots
// of a frame in their own 6-bit slot counter (same frame sync, same slot
// strobe) and own a different slot mask.
module slot_gate #(
    parameter int NSLOT = 8,
    parameter logic [NSLOT-1:0] MASK = '1
) (
    input  logic clk,
    input  logic rst_n,
    input  logic fsync,
    input  logic sstb,
    output logic mine
);
    logic [5:0] slot;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)      slot <= '0;
        else if (fsync)  slot <= '0;
        else if (sstb)   slot <= (slot == 6'(NSLOT - 1)) ? '0 : slot + 1'b1;
    end
    assign mine = MASK[slot];
endmodule

module tdm_gates (
    input  logic clk,
    input  logic rst_n,
    input  logic fsync,
    input  logic sstb,
    output logic voice_en,
    output logic data_en
);
    slot_gate #(.NSLOT(5), .MASK(5'b00011)) u_voice (.clk, .rst_n, .fsync, .sstb, .mine(voice_en));
    slot_gate #(.NSLOT(5), .MASK(5'b11100)) u_data  (.clk, .rst_n, .fsync, .sstb, .mine(data_en));
endmodule
