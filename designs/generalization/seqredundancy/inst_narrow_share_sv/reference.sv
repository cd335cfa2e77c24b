// Reference: one 3-bit mod-5 slot counter serves both masks.
module tdm_gates (
    input  logic clk,
    input  logic rst_n,
    input  logic fsync,
    input  logic sstb,
    output logic voice_en,
    output logic data_en
);
    logic [2:0] slot;
    always_ff @(posedge clk or negedge rst_n) begin
        if (!rst_n)      slot <= '0;
        else if (fsync)  slot <= '0;
        else if (sstb)   slot <= (slot == 3'd4) ? '0 : slot + 1'b1;
    end
    assign voice_en = (slot < 3'd2);
    assign data_en  = (slot >= 3'd2);
endmodule
