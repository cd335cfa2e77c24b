// Byte-level controller for an I2C-like master: the read and write data/ACK/STOP states are merged
// (their behaviour never depends on the direction), leaving 6 states in 3 bits.
module i2c_ctl (
  input  wire clk,
  input  wire rst_n,
  input  wire go,
  input  wire rw,
  input  wire byte_done,
  input  wire ack_in,
  output reg  start_cond,
  output reg  stop_cond,
  output reg  shift_en,
  output reg  sample_ack,
  output reg  nack_err,
  output reg  idle
);
  localparam [2:0] S_IDLE  = 3'd0,
                   S_START = 3'd1,
                   S_ADDR  = 3'd2,
                   S_DATA  = 3'd3,
                   S_ACK   = 3'd4,
                   S_STP   = 3'd5;
  reg [2:0] st;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st         <= S_IDLE;
      start_cond <= 1'b0;
      stop_cond  <= 1'b0;
      shift_en   <= 1'b0;
      sample_ack <= 1'b0;
      nack_err   <= 1'b0;
      idle       <= 1'b1;
    end else begin
      start_cond <= 1'b0;
      stop_cond  <= 1'b0;
      sample_ack <= 1'b0;
      case (st)
        S_IDLE: begin
          idle <= 1'b1;
          if (go) begin
            st         <= S_START;
            start_cond <= 1'b1;
            idle       <= 1'b0;
            nack_err   <= 1'b0;
          end
        end
        S_START: begin
          shift_en <= 1'b1;
          st       <= S_ADDR;
        end
        S_ADDR: if (byte_done) st <= S_DATA;
        S_DATA: if (byte_done) begin
          shift_en   <= 1'b0;
          sample_ack <= 1'b1;
          st         <= S_ACK;
        end
        S_ACK: begin
          if (!ack_in) nack_err <= 1'b1;
          st <= S_STP;
        end
        S_STP: begin
          stop_cond <= 1'b1;
          st        <= S_IDLE;
        end
        default: st <= S_IDLE;
      endcase
    end
  end
endmodule
