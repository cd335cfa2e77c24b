module mulfsm (
  input             clk, rst, start,
  input      [7:0]  a, b, c, d,
  output reg [15:0] p1, p2,
  output reg        done
);
  localparam S_IDLE = 2'd0, S_M1 = 2'd1, S_M2 = 2'd2;
  reg [1:0] st;
  always @(posedge clk) begin
    if (rst) begin
      st <= S_IDLE; p1 <= 16'd0; p2 <= 16'd0; done <= 1'b0;
    end else begin
      done <= 1'b0;
      case (st)
        S_IDLE: if (start) st <= S_M1;
        S_M1: begin p1 <= a * b; st <= S_M2; end
        S_M2: begin p2 <= c * d; st <= S_IDLE; done <= 1'b1; end
        default: st <= S_IDLE;
      endcase
    end
  end
endmodule
