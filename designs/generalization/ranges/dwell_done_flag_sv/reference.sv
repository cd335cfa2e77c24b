// Settling timer: after 'start', count cycles up to SETTLE-1 and raise 'done' (a register of its own).
module settle_timer (
  input  logic clk,
  input  logic rst,
  input  logic start,
  input  logic abort,
  output logic done
);
  localparam int SETTLE = 37;
  logic [5:0] cyc;   // 0..SETTLE (37)

  always_ff @(posedge clk) begin
    if (rst) begin
      cyc  <= '0;
      done <= 1'b1;
    end else if (start || abort) begin
      cyc  <= '0;
      done <= abort;
    end else if (!done) begin
      cyc <= cyc + 6'd1;
      if (cyc == SETTLE - 1) done <= 1'b1;
    end
  end
endmodule
