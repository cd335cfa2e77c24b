// Two 4-entry buffers filled and drained in alternate phases of one controller; the "draining"
// flag is decoded from the state register's low bit (a continuous assign outside the case).
module pingpong_drain (
  input            clk,
  input            rst,
  input            go,
  input      [7:0] d,
  input      [1:0] a,
  output reg [7:0] q,
  output           draining
);
  reg [7:0] buf_a [0:3];
  reg [7:0] buf_b [0:3];
  reg [2:0] state;
  integer i;

  assign draining = state[0];

  always @(posedge clk) begin
    if (rst) begin
      state <= 3'd0;
      q <= 8'd0;
    end else begin
      case (state)
        3'd0: if (go) begin
          for (i = 0; i < 4; i = i + 1) buf_a[i] <= d + i;
          state <= 3'd1;
        end
        3'd1: begin
          q <= buf_a[a];
          state <= 3'd2;
        end
        3'd2: if (go) begin
          for (i = 0; i < 4; i = i + 1) buf_b[i] <= d + i;
          state <= 3'd3;
        end
        3'd3: begin
          q <= buf_b[a];
          state <= 3'd0;
        end
        default: state <= 3'd0;
      endcase
    end
  end
endmodule
