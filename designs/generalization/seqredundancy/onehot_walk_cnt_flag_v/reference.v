// Serial word sender: a one-hot select walks from the LSB to the MSB, one data bit per cycle;
// active is sel != 0 and the last bit is sel[W-1] (no index register, no flag register).
module ser_send #(parameter W = 8, parameter IW = 3) (
  input  wire         clk,
  input  wire         rst_n,
  input  wire         load,
  input  wire [W-1:0] din,
  output reg          txd,
  output reg          done,
  output wire         active
);
  reg [W-1:0]  sel;
  reg [W-1:0]  data;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      sel <= {W{1'b0}};
      data <= {W{1'b0}};
      done <= 1'b0;
      txd <= 1'b1;
    end else begin
      done <= 1'b0;
      if (load && !active) begin
        sel <= {{(W-1){1'b0}}, 1'b1};
        data <= din;
      end else if (active) begin
        txd <= |(data & sel);
        sel <= sel << 1;
        if (sel[W-1])
          done <= 1'b1;
      end
    end
  end
  assign active = |sel;
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
