// Byte-level controller for an I2C-like master: START, address, then a read or write byte, ACK, STOP.
module i2c_ctl (
  input  wire clk,
  input  wire rst_n,
  input  wire go,
  input  wire rw,          // 1: read
  input  wire byte_done,
  input  wire ack_in,
  output reg  start_cond,
  output reg  stop_cond,
  output reg  shift_en,
  output reg  sample_ack,
  output reg  nack_err,
  output reg  idle
);
  localparam [3:0] S_IDLE   = 4'd0,
                   S_START  = 4'd1,
                   S_ADDR   = 4'd2,
                   S_WR     = 4'd3,
                   S_RD     = 4'd4,
                   S_WR_ACK = 4'd5,
                   S_RD_ACK = 4'd6,
                   S_WR_STP = 4'd7,
                   S_RD_STP = 4'd8;
  reg [3:0] st;
  reg       rd_q;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      st         <= S_IDLE;
      rd_q       <= 1'b0;
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
            rd_q       <= rw;
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
        S_ADDR: if (byte_done) st <= rd_q ? S_RD : S_WR;
        S_WR: if (byte_done) begin
          shift_en   <= 1'b0;
          sample_ack <= 1'b1;
          st         <= S_WR_ACK;
        end
        S_RD: if (byte_done) begin
          shift_en   <= 1'b0;
          sample_ack <= 1'b1;
          st         <= S_RD_ACK;
        end
        S_WR_ACK: begin
          if (!ack_in) nack_err <= 1'b1;
          st <= S_WR_STP;
        end
        S_RD_ACK: begin
          if (!ack_in) nack_err <= 1'b1;
          st <= S_RD_STP;
        end
        S_WR_STP: begin
          stop_cond <= 1'b1;
          st        <= S_IDLE;
        end
        S_RD_STP: begin
          stop_cond <= 1'b1;
          st        <= S_IDLE;
        end
        default: st <= S_IDLE;
      endcase
    end
  end
endmodule
