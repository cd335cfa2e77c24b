// Two-wire byte receiver, hand-optimized: the bit counter is 3 bits and wraps from 7 to 0 after the
// last data bit (the original goes on to 8); it is read only as cnt == 7 and cleared on every start.
module tw_byte_rx (
  input            clk,
  input            rst_n,
  input            scl,
  input            sda,
  input            start,
  output reg [7:0] byte_o,
  output reg       done
);
  localparam S_IDLE = 2'd0, S_BITS = 2'd1, S_ACK = 2'd2;
  reg [1:0] st;
  reg       scl_d;
  reg [2:0] cnt;
  reg [7:0] sr;
  wire rise = scl & ~scl_d;
  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st <= S_IDLE; scl_d <= 1'b0; cnt <= 3'd0; sr <= 8'd0; byte_o <= 8'd0; done <= 1'b0;
    end else begin
      scl_d <= scl;
      done  <= 1'b0;
      case (st)
        S_IDLE: if (start) begin st <= S_BITS; cnt <= 3'd0; end
        S_BITS: if (rise) begin
          sr  <= {sr[6:0], sda};
          cnt <= cnt + 3'd1;
          if (cnt == 3'd7) st <= S_ACK;
        end
        S_ACK: if (rise) begin byte_o <= sr; done <= 1'b1; st <= S_IDLE; end
        default: st <= S_IDLE;
      endcase
    end
  end
endmodule
