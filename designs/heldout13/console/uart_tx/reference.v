// Debug console UART transmitter (8N1).
module uart_tx #(parameter CLKS_PER_BIT = 434, parameter CW = 16) (
  input  wire       clk,
  input  wire       rst,
  input  wire       start,
  input  wire [7:0] data,
  output reg        txd,
  output wire       busy
);
  localparam IDLE = 2'd0, START = 2'd1, DATA = 2'd2, STOP = 2'd3;
  reg [1:0]    st;
  // the bit-time counter stays below 87 (7 bits); busy is the state decode
  reg [6:0]    clk_cnt;
  reg [2:0]    bit_idx;
  reg [7:0]    shreg;
  wire bit_done = (clk_cnt == 7'd86);
  assign busy = (st != IDLE);

  always @(posedge clk) begin
    if (rst) begin
      st <= IDLE; clk_cnt <= 0; bit_idx <= 0; shreg <= 8'd0; txd <= 1'b1;
    end else begin
      case (st)
        IDLE: begin
          txd <= 1'b1;
          clk_cnt <= 0;
          bit_idx <= 0;
          if (start) begin
            shreg <= data; st <= START; txd <= 1'b0;
          end
        end
        START: begin
          if (bit_done) begin
            clk_cnt <= 0; st <= DATA; txd <= shreg[0];
          end else clk_cnt <= clk_cnt + 1'b1;
        end
        DATA: begin
          if (bit_done) begin
            clk_cnt <= 0;
            shreg <= {1'b0, shreg[7:1]};
            if (bit_idx == 3'd7) begin
              st <= STOP; txd <= 1'b1;
            end else begin
              bit_idx <= bit_idx + 1'b1; txd <= shreg[1];
            end
          end else clk_cnt <= clk_cnt + 1'b1;
        end
        STOP: begin
          if (bit_done) begin
            clk_cnt <= 0; st <= IDLE;
          end else clk_cnt <= clk_cnt + 1'b1;
        end
      endcase
    end
  end
endmodule

module debug_console (
  input  wire       clk,
  input  wire       rst,
  input  wire       start,
  input  wire [7:0] data,
  output wire       txd,
  output wire       busy
);
  uart_tx #(.CLKS_PER_BIT(87), .CW(16)) u_tx (.clk(clk), .rst(rst), .start(start), .data(data), .txd(txd), .busy(busy));
endmodule
