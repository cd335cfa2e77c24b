module ser(input clk, input rst, input start, input [7:0] data, output reg sout, output reg busy);
  reg [1:0] state;  // 0 idle, 1 shift, 2 stop
  reg [7:0] sh;
  reg [2:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      state <= 2'd0; sh <= 8'd0; cnt <= 3'd0; sout <= 1'b1; busy <= 1'b0;
    end else begin
      case (state)
        2'd0: begin
          sout <= ~start; busy <= start;
          if (start) begin state <= 2'd1; sh <= data; cnt <= 3'd0; end
        end
        2'd1: begin
          sout <= sh[0]; sh <= {1'b0, sh[7:1]}; cnt <= cnt + 3'd1;
          if (&cnt) state <= 2'd2;
        end
        default: begin sout <= 1'b1; busy <= 1'b0; state <= 2'd0; end
      endcase
    end
  end
endmodule
