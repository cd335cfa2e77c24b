// Audio sample scaler: only the valid bits and the level meter are reset; the
// data stages are plain flip-flops (their value is used only with valid).
module scale_pipe (
    input  wire        clk,
    input  wire        areset,
    input  wire        s_valid,
    input  wire [7:0]  s_data,
    input  wire [3:0]  gain,
    output wire        m_valid,
    output wire [9:0]  m_data,
    output reg  [13:0] level
);
    reg        v0, v1, v2;
    reg [11:0] p0;
    reg [12:0] p1;
    reg [9:0]  p2;

    always @(posedge clk or posedge areset)
        if (areset) begin
            v0 <= 1'b0;
            v1 <= 1'b0;
            v2 <= 1'b0;
        end else begin
            v0 <= s_valid;
            v1 <= v0;
            v2 <= v1;
        end

    always @(posedge clk) begin
        p0 <= s_data * gain;
        p1 <= p0 + 13'd100;
        p2 <= (p1 > 13'd1023) ? 10'h3ff : p1[9:0];
    end

    always @(posedge clk or posedge areset) begin
        if (areset)
            level <= 14'd0;
        else if (v2)
            level <= level + p2;
    end

    assign m_valid = v2;
    assign m_data  = m_valid ? p2 : 10'd0;
endmodule
