// AXI-Stream width upsizer: N byte beats -> one N*8-bit beat
module axis_upsize #(parameter N = 4) (
  input clk, input rstn,
  input [7:0] s_tdata, input s_tvalid, output s_tready, input s_tlast,
  output reg [N*8-1:0] m_tdata, output reg m_tvalid, input m_tready, output reg m_tlast
);
  reg [$clog2(N)-1:0] beat;
  reg [N-1:0] lane;               // one-hot byte lane being filled
  wire take = s_tvalid && s_tready;
  assign s_tready = !m_tvalid || m_tready;
  integer i;
  always @(posedge clk or negedge rstn) begin
    if (!rstn) begin
      beat <= 0; lane <= {{(N-1){1'b0}}, 1'b1};
      m_tvalid <= 1'b0; m_tlast <= 1'b0; m_tdata <= 0;
    end else begin
      if (m_tvalid && m_tready) m_tvalid <= 1'b0;
      if (take) begin
        for (i = 0; i < N; i = i + 1)
          if (lane[i]) m_tdata[i*8 +: 8] <= s_tdata;
        if (beat == N-1 || s_tlast) begin
          beat <= 0; lane <= {{(N-1){1'b0}}, 1'b1};
          m_tvalid <= 1'b1; m_tlast <= s_tlast;
        end else begin
          beat <= beat + 1'b1; lane <= {lane[N-2:0], 1'b0};
        end
      end
    end
  end
endmodule

module axis_up64 (
  input clk, input rstn,
  input [7:0] s_tdata, input s_tvalid, output s_tready, input s_tlast,
  output [63:0] m_tdata, output m_tvalid, input m_tready, output m_tlast
);
  axis_upsize #(.N(8)) u_up (.clk(clk), .rstn(rstn), .s_tdata(s_tdata), .s_tvalid(s_tvalid), .s_tready(s_tready),
    .s_tlast(s_tlast), .m_tdata(m_tdata), .m_tvalid(m_tvalid), .m_tready(m_tready), .m_tlast(m_tlast));
endmodule
