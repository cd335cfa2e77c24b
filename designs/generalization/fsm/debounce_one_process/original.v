module debounce(input clk, input rst, input btn, output reg pressed, output reg level);
  localparam [3:0] S_UP = 4'b0001, S_DOWNWAIT = 4'b0010, S_DOWN = 4'b0100, S_UPWAIT = 4'b1000;
  reg [3:0] state;
  reg [5:0] cnt;
  always @(posedge clk) begin
    if (rst) begin
      state <= S_UP; cnt <= 6'd0; pressed <= 1'b0; level <= 1'b0;
    end else begin
      pressed <= 1'b0;
      case (state)
        S_UP: if (btn) begin state <= S_DOWNWAIT; cnt <= 6'd0; end
        S_DOWNWAIT: begin
          if (!btn) state <= S_UP;
          else if (cnt == 6'd40) begin state <= S_DOWN; pressed <= 1'b1; level <= 1'b1; end
          else cnt <= cnt + 6'd1;
        end
        S_DOWN: if (!btn) begin state <= S_UPWAIT; cnt <= 6'd0; end
        S_UPWAIT: begin
          if (btn) state <= S_DOWN;
          else if (cnt == 6'd40) begin state <= S_UP; level <= 1'b0; end
          else cnt <= cnt + 6'd1;
        end
        default: state <= S_UP;
      endcase
    end
  end
endmodule
