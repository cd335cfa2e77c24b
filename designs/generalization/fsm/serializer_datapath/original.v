module ser(input clk, input rst, input start, input [7:0] data, output reg sout, output reg busy);
  localparam [2:0] IDLE = 3'b001, SHIFT = 3'b010, STOP = 3'b100;
  reg [2:0] state;
  reg [7:0] sh;
  reg [3:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      state <= IDLE; sh <= 8'd0; cnt <= 4'd0; sout <= 1'b1; busy <= 1'b0;
    end else begin
      case (state)
        IDLE: begin
          sout <= 1'b1; busy <= 1'b0;
          if (start) begin state <= SHIFT; sh <= data; cnt <= 4'd0; busy <= 1'b1; sout <= 1'b0; end
        end
        SHIFT: begin
          sout <= sh[0]; sh <= {1'b0, sh[7:1]}; cnt <= cnt + 4'd1;
          if (cnt == 4'd7) state <= STOP;
        end
        STOP: begin sout <= 1'b1; busy <= 1'b0; state <= IDLE; end
        default: state <= IDLE;
      endcase
    end
  end
endmodule
