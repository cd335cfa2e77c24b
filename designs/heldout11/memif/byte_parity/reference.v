// Reference: the word parity flop is loaded with ^wdata whenever the byte
// parity flops are loaded with the byte parities (same enable, same reset
// value), so it always equals ^q_par: an XOR of three flops instead of a flop
// and a 24-input XOR tree.
module sram_wr (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        we,
    input  wire [23:0] wdata,
    input  wire [2:0]  wstrb,
    output reg  [23:0] q_data,
    output reg  [2:0]  q_strb,
    output reg  [2:0]  q_par,
    output wire        q_wpar,
    output reg         q_we
);
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            q_data <= 24'd0;
            q_strb <= 3'd0;
            q_par  <= 3'd0;
            q_we   <= 1'b0;
        end else begin
            q_we <= we;
            if (we) begin
                q_data <= wdata;
                q_strb <= wstrb;
                q_par  <= {^wdata[23:16], ^wdata[15:8], ^wdata[7:0]};
            end
        end
    end

    assign q_wpar = ^q_par;
endmodule
