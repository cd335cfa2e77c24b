// Audio sample scaler: gain, offset and saturation in three register stages.
// Every register has the asynchronous active-high reset; the output bus is
// forced to zero unless the sample is valid, and the level meter only adds
// valid samples.
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

    always @(posedge clk or posedge areset) begin
        if (areset) begin
            v0 <= 1'b0;
            p0 <= 12'd0;
        end else begin
            v0 <= s_valid;
            p0 <= s_data * gain;
        end
    end

    always @(posedge clk or posedge areset) begin
        if (areset) begin
            v1 <= 1'b0;
            p1 <= 13'd0;
            v2 <= 1'b0;
            p2 <= 10'd0;
        end else begin
            v1 <= v0;
            p1 <= p0 + 13'd100;
            v2 <= v1;
            if (p1 > 13'd1023)
                p2 <= 10'h3ff;
            else
                p2 <= p1[9:0];
        end
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
