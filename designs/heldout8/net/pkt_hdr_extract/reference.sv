// Byte index saturates at 14 (4 bits); in_hdr = (idx < 14).
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
  logic [3:0] idx;
  always_ff @(posedge clk) begin
    if (rst) begin
      idx       <= 4'd14;
      dst_mac   <= '0;
      ethertype <= '0;
    end else if (in_valid) begin
      if (in_sop) begin
        idx            <= 4'd1;
        dst_mac[47:40] <= in_data;
      end else begin
        if (idx != 4'd14) idx <= idx + 4'd1;
        case (idx)
          4'd1:  dst_mac[39:32]  <= in_data;
          4'd2:  dst_mac[31:24]  <= in_data;
          4'd3:  dst_mac[23:16]  <= in_data;
          4'd4:  dst_mac[15:8]   <= in_data;
          4'd5:  dst_mac[7:0]    <= in_data;
          4'd12: ethertype[15:8] <= in_data;
          4'd13: ethertype[7:0]  <= in_data;
          default: ;
        endcase
      end
    end
  end
  assign in_hdr = (idx != 4'd14);
endmodule
