// Skid buffer: registered ready, one extra entry catches the beat in flight.
module skid_buf (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        s_valid,
    output reg         s_ready,
    input  wire [31:0] s_data,
    output wire        m_valid,
    input  wire        m_ready,
    output wire [31:0] m_data
);
    reg [31:0] skid;
    reg        skid_full;
    reg        skid_empty;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            s_ready    <= 1'b1;
            skid_full  <= 1'b0;
            skid_empty <= 1'b1;
        end else begin
            if (s_valid && s_ready && !m_ready && skid_empty) begin
                skid_full  <= 1'b1;
                skid_empty <= 1'b0;
                s_ready    <= 1'b0;
            end else if (m_ready && skid_full) begin
                skid_full  <= 1'b0;
                skid_empty <= 1'b1;
                s_ready    <= 1'b1;
            end
        end
    end
    always @(posedge clk) begin
        if (s_valid && s_ready && !m_ready && skid_empty) skid <= s_data;
    end
    assign m_valid = skid_full | s_valid;
    assign m_data  = skid_full ? skid : s_data;
endmodule
