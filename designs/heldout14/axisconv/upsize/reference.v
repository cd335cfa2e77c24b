// AXI4-Stream width upsizer (verilog-axis style): packs RATIO narrow beats
// into one wide beat, little-endian lanes, tkeep marks the filled lanes, an
// early tlast closes a partial word. Hand-optimized: the beat counter has
// only the bits RATIO needs and the lane select is decoded from it.
module axis_upsizer #(
    parameter IN_W  = 16,
    parameter RATIO = 2,
    parameter CW    = 8
) (
    input  wire                  clk,
    input  wire                  rst,
    input  wire [IN_W-1:0]       s_axis_tdata,
    input  wire                  s_axis_tvalid,
    output wire                  s_axis_tready,
    input  wire                  s_axis_tlast,
    output wire [IN_W*RATIO-1:0] m_axis_tdata,
    output wire [RATIO-1:0]      m_axis_tkeep,
    output wire                  m_axis_tvalid,
    input  wire                  m_axis_tready,
    output wire                  m_axis_tlast
);
    localparam BW = (RATIO > 1) ? $clog2(RATIO) : 1;

    reg [BW-1:0]         beat_reg;
    wire [RATIO-1:0]     lane_reg = {{RATIO-1{1'b0}}, 1'b1} << beat_reg;
    reg [IN_W*RATIO-1:0] data_reg;
    reg [RATIO-1:0]      keep_reg;
    reg                  valid_reg;
    reg                  last_reg;

    wire accept = s_axis_tvalid && s_axis_tready;
    wire close  = s_axis_tlast || (beat_reg == RATIO - 1);

    assign s_axis_tready = !valid_reg || m_axis_tready;
    assign m_axis_tdata  = data_reg;
    assign m_axis_tkeep  = keep_reg;
    assign m_axis_tvalid = valid_reg;
    assign m_axis_tlast  = last_reg;

    integer i;
    always @(posedge clk) begin
        if (rst) begin
            beat_reg  <= {BW{1'b0}};
            data_reg  <= {IN_W*RATIO{1'b0}};
            keep_reg  <= {RATIO{1'b0}};
            valid_reg <= 1'b0;
            last_reg  <= 1'b0;
        end else begin
            if (m_axis_tready)
                valid_reg <= 1'b0;
            if (accept) begin
                for (i = 0; i < RATIO; i = i + 1)
                    if (lane_reg[i])
                        data_reg[i*IN_W +: IN_W] <= s_axis_tdata;
                if (beat_reg == 0)
                    keep_reg <= lane_reg;
                else
                    keep_reg <= keep_reg | lane_reg;
                if (close) begin
                    valid_reg <= 1'b1;
                    last_reg  <= s_axis_tlast;
                    beat_reg  <= {BW{1'b0}};
                end else begin
                    beat_reg  <= beat_reg + 1'b1;
                end
            end
        end
    end
endmodule

module cam_axis_pack (
    input  wire        clk,
    input  wire        rst,
    input  wire [7:0]  s_axis_tdata,
    input  wire        s_axis_tvalid,
    output wire        s_axis_tready,
    input  wire        s_axis_tlast,
    output wire [31:0] m_axis_tdata,
    output wire [3:0]  m_axis_tkeep,
    output wire        m_axis_tvalid,
    input  wire        m_axis_tready,
    output wire        m_axis_tlast
);
    axis_upsizer #(.IN_W(8), .RATIO(4)) u_up (
        .clk(clk), .rst(rst),
        .s_axis_tdata(s_axis_tdata), .s_axis_tvalid(s_axis_tvalid), .s_axis_tready(s_axis_tready),
        .s_axis_tlast(s_axis_tlast),
        .m_axis_tdata(m_axis_tdata), .m_axis_tkeep(m_axis_tkeep), .m_axis_tvalid(m_axis_tvalid),
        .m_axis_tready(m_axis_tready), .m_axis_tlast(m_axis_tlast)
    );
endmodule
