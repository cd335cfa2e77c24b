// March-test address generator of a memory BIST controller: an ascending pass followed by a
// descending pass over a 1K-word SRAM. The descending address is always 1023 - up = ~up:
// one counter and an inverter.
module bist_agen (
  input  wire       clk,
  input  wire       rst_n,
  input  wire       start,
  input  wire       step,
  output wire [9:0] addr,
  output reg        descending,
  output reg        done
);
  reg [9:0] up_addr;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      up_addr    <= 10'd0;
      descending <= 1'b0;
      done       <= 1'b0;
    end else if (start) begin
      up_addr    <= 10'd0;
      descending <= 1'b0;
      done       <= 1'b0;
    end else if (step && !done) begin
      up_addr <= up_addr + 10'd1;
      if (up_addr == 10'h3FF) begin
        if (descending) done <= 1'b1;
        descending <= ~descending;
      end
    end
  end

  assign addr = descending ? ~up_addr : up_addr;
endmodule
