// Serial word sender: a one-hot select walks from the LSB to the MSB, one data bit per cycle; a bit
// index register and an 'active' flag are kept beside it (the index decides the last bit).
module ser_send #(parameter W = 8, parameter IW = 3) (
  input  wire         clk,
  input  wire         rst_n,
  input  wire         load,
  input  wire [W-1:0] din,
  output reg          txd,
  output reg          done,
  output reg          active
);
  reg [W-1:0]  sel;
  reg [W-1:0]  data;
  reg [IW-1:0] idx;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      sel <= {W{1'b0}};
      data <= {W{1'b0}};
      idx <= {IW{1'b0}};
      active <= 1'b0;
      done <= 1'b0;
      txd <= 1'b1;
    end else begin
      done <= 1'b0;
      if (load && !active) begin
        sel <= {{(W-1){1'b0}}, 1'b1};
        data <= din;
        idx <= {IW{1'b0}};
        active <= 1'b1;
      end else if (active) begin
        txd <= |(data & sel);
        sel <= sel << 1;
        if (idx == W - 1) begin
          idx <= {IW{1'b0}};
          active <= 1'b0;
          done <= 1'b1;
        end else begin
          idx <= idx + 1'b1;
        end
      end
    end
  end
endmodule

module ser_top (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       load,
  input  wire [5:0] din,
  output wire       txd,
  output wire       done,
  output wire       active
);
  ser_send #(.W(6), .IW(3)) u_tx (
    .clk(clk), .rst_n(rst_n), .load(load), .din(din), .txd(txd), .done(done), .active(active)
  );
endmodule
