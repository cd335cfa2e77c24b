// AXI-Stream skid buffer (register slice with a one-entry skid register).
module axis_skid #(parameter DATA_WIDTH = 32) (
  input  wire                  clk,
  input  wire                  rst,
  input  wire [DATA_WIDTH-1:0] s_axis_tdata,
  input  wire                  s_axis_tvalid,
  output wire                  s_axis_tready,
  output reg  [DATA_WIDTH-1:0] m_axis_tdata,
  output reg                   m_axis_tvalid,
  input  wire                  m_axis_tready
);
  reg [DATA_WIDTH-1:0] skid_data;
  reg                  skid_valid;
  // the back-pressure flag is the skid register's valid bit
  assign s_axis_tready = !skid_valid;

  always @(posedge clk) begin
    if (rst) begin
      m_axis_tvalid <= 1'b0;
      m_axis_tdata  <= {DATA_WIDTH{1'b0}};
      skid_valid    <= 1'b0;
      skid_data     <= {DATA_WIDTH{1'b0}};
    end else begin
      // skid register catches a beat accepted while the output is stalled
      if (s_axis_tvalid && s_axis_tready && m_axis_tvalid && !m_axis_tready) begin
        skid_valid <= 1'b1;
        skid_data  <= s_axis_tdata;
      end else if (m_axis_tready) begin
        skid_valid <= 1'b0;
      end
      // output register
      if (m_axis_tready || !m_axis_tvalid) begin
        if (skid_valid) begin
          m_axis_tdata  <= skid_data;
          m_axis_tvalid <= 1'b1;
        end else begin
          m_axis_tdata  <= s_axis_tdata;
          m_axis_tvalid <= s_axis_tvalid;
        end
      end
    end
  end
endmodule

module axis_slice_top (
  input  wire        clk,
  input  wire        rst,
  input  wire [11:0] s_tdata,
  input  wire        s_tvalid,
  output wire        s_tready,
  output wire [11:0] m_tdata,
  output wire        m_tvalid,
  input  wire        m_tready
);
  axis_skid #(.DATA_WIDTH(12)) u_skid (
    .clk(clk), .rst(rst),
    .s_axis_tdata(s_tdata), .s_axis_tvalid(s_tvalid), .s_axis_tready(s_tready),
    .m_axis_tdata(m_tdata), .m_axis_tvalid(m_tvalid), .m_axis_tready(m_tready));
endmodule
