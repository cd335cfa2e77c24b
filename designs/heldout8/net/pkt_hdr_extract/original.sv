// Ethernet header field extractor on a byte stream.
module hdr_extract #(parameter int HDR_LEN = 20) (
  input  logic        clk,
  input  logic        rst,
  input  logic        in_valid,
  input  logic        in_sop,
  input  logic [7:0]  in_data,
  output logic [47:0] dst_mac,
  output logic [15:0] ethertype,
  output logic        in_hdr
);
  int idx;
  always_ff @(posedge clk) begin
    if (rst) begin
      idx       <= HDR_LEN;
      in_hdr    <= 1'b0;
      dst_mac   <= '0;
      ethertype <= '0;
    end else if (in_valid) begin
      if (in_sop) begin
        idx             <= 1;
        in_hdr          <= 1'b1;
        dst_mac[47:40]  <= in_data;
      end else begin
        if (idx < HDR_LEN) idx <= idx + 1;
        in_hdr <= (idx + 1 < HDR_LEN);
        case (idx)
          1:  dst_mac[39:32]  <= in_data;
          2:  dst_mac[31:24]  <= in_data;
          3:  dst_mac[23:16]  <= in_data;
          4:  dst_mac[15:8]   <= in_data;
          5:  dst_mac[7:0]    <= in_data;
          12: ethertype[15:8] <= in_data;
          13: ethertype[7:0]  <= in_data;
          default: ;
        endcase
      end
    end
  end
endmodule

module eth_hdr_top (
  input  logic        clk,
  input  logic        rst,
  input  logic        in_valid,
  input  logic        in_sop,
  input  logic [7:0]  in_data,
  output logic [47:0] dst_mac,
  output logic [15:0] ethertype,
  output logic        in_hdr
);
  hdr_extract #(.HDR_LEN(14)) u_hdr (.*);
endmodule
