// Serial link deserialiser and word sink: the sink holds each received
// word for one cycle and flags commas.
module deser #(parameter W = 10) (
  input clk, input rst_n, input sdata, input bit_en,
  output [W-1:0] word, output reg word_valid
);
  reg [W-1:0] sh;
  reg [3:0] cnt;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      sh <= {W{1'b0}}; cnt <= 4'd0; word_valid <= 1'b0;
    end else begin
      word_valid <= 1'b0;
      if (bit_en) begin
        sh <= {sh[W-2:0], sdata};
        if (cnt == W - 1) begin cnt <= 4'd0; word_valid <= 1'b1; end
        else cnt <= cnt + 1'b1;
      end
    end
  assign word = sh;
endmodule

module word_sink #(parameter W = 10, parameter [W-1:0] COMMA = 10'b0011111010) (
  input clk, input rst_n,
  input [W-1:0] word, input word_valid,
  output [W-1:0] dout, output dv, output comma
);
  reg [W-1:0] hold;
  reg v;
  always @(posedge clk or negedge rst_n)
    if (!rst_n) begin
      hold <= {W{1'b0}}; v <= 1'b0;
    end else begin
      v <= word_valid;
      if (word_valid) hold <= word;
    end
  assign dout  = v ? hold : {W{1'b0}};
  assign dv    = v;
  assign comma = v && ((hold == COMMA) || (hold == ~COMMA));
endmodule

module link_rx (
  input clk, input rst_n, input rx, input rx_en,
  output [9:0] data, output data_valid, output k28
);
  wire [9:0] w;
  wire wv;
  deser #(.W(10)) u_des (.clk(clk), .rst_n(rst_n), .sdata(rx), .bit_en(rx_en), .word(w), .word_valid(wv));
  word_sink #(.W(10), .COMMA(10'b1100000101)) u_sink (.clk(clk), .rst_n(rst_n), .word(w), .word_valid(wv),
    .dout(data), .dv(data_valid), .comma(k28));
endmodule
