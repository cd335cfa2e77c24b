// skid_empty == ~skid_full and s_ready == ~skid_full from reset on: one state bit is enough.
module skid_buf (
    input  wire        clk,
    input  wire        rst_n,
    input  wire        s_valid,
    output wire        s_ready,
    input  wire [31:0] s_data,
    output wire        m_valid,
    input  wire        m_ready,
    output wire [31:0] m_data
);
    reg [31:0] skid;
    reg        skid_full;
    wire       catch = s_valid & ~m_ready & ~skid_full;
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)                      skid_full <= 1'b0;
        else if (catch)                  skid_full <= 1'b1;
        else if (m_ready)                skid_full <= 1'b0;
    end
    always @(posedge clk) begin
        if (catch) skid <= s_data;
    end
    assign s_ready = ~skid_full;
    assign m_valid = skid_full | s_valid;
    assign m_data  = skid_full ? skid : s_data;
endmodule
