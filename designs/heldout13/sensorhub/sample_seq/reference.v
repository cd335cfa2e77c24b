// Sensor hub sampler: visits NCH sensor channels in turn; each conversion takes CONV_T cycles.
module sample_seq #(parameter NCH = 4, parameter CW = 2, parameter CONV_T = 64, parameter TW = 8) (
  input  wire           clk,
  input  wire           rst,
  input  wire           en,
  output reg  [CW-1:0]  chan,
  output wire [NCH-1:0] sel,
  output wire           strobe
);
  // the one-hot select is the decode of chan
  reg [TW-1:0] t;
  assign sel = {{(NCH-1){1'b0}}, 1'b1} << chan;
  assign strobe = en && (t == CONV_T - 1);
  always @(posedge clk) begin
    if (rst) begin
      t    <= 0;
      chan <= 0;
    end else if (en) begin
      if (strobe) begin
        t <= 0;
        if (chan == NCH - 1) begin
          chan <= 0;
        end else begin
          chan <= chan + 1'b1;
        end
      end else begin
        t <= t + 1'b1;
      end
    end
  end
endmodule

module sensor_hub (
  input  wire       clk,
  input  wire       rst,
  input  wire       en,
  output wire [2:0] chan,
  output wire [5:0] mux_sel,
  output wire       conv_done
);
  sample_seq #(.NCH(6), .CW(3), .CONV_T(40), .TW(8)) u_seq (.clk(clk), .rst(rst), .en(en), .chan(chan),
    .sel(mux_sel), .strobe(conv_done));
endmodule
