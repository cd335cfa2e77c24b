// Skid buffer for a 32-bit stream with an optional byte-enable lane. With KEEP_EN = 0 the
// byte enables are tied to all ones, but the buffered copy still starts at zero after reset.
module skid_keep #(parameter KEEP_EN = 0) (
    input  wire        clk,
    input  wire        rst,
    input  wire [31:0] s_data,
    input  wire [3:0]  s_keep,
    input  wire        s_valid,
    output wire        s_ready,
    output reg  [31:0] m_data,
    output reg  [3:0]  m_keep,
    output reg         m_valid,
    input  wire        m_ready
);
    wire [3:0] keep_in = KEEP_EN ? s_keep : 4'hF;

    reg [31:0] buf_data;
    reg [3:0]  buf_keep;
    reg        buf_v;

    assign s_ready = !buf_v;

    always @(posedge clk) begin
        if (rst) begin
            buf_v    <= 1'b0;
            buf_keep <= 4'h0;
            buf_data <= 32'd0;
            m_data   <= 32'd0;
            m_valid  <= 1'b0;
            m_keep   <= 4'h0;
        end else if (!m_valid || m_ready) begin
            // output register free: take the buffered beat first, else the input
            m_data  <= buf_v ? buf_data : s_data;
            m_keep  <= buf_v ? (KEEP_EN ? buf_keep : 4'hF) : keep_in;
            m_valid <= buf_v || s_valid;
            buf_v   <= 1'b0;
        end else if (s_valid && s_ready) begin
            buf_data <= s_data;
            buf_keep <= keep_in;
            buf_v    <= 1'b1;
        end
    end
endmodule
