// March-test address generator of a memory BIST controller: an ascending pass followed by a
// descending pass over a 1K-word SRAM. The ascending and descending addresses come from two
// counters that are reset together and stepped together.
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
  reg [9:0] dn_addr;

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      up_addr    <= 10'd0;
      dn_addr    <= 10'h3FF;
      descending <= 1'b0;
      done       <= 1'b0;
    end else if (start) begin
      up_addr    <= 10'd0;
      dn_addr    <= 10'h3FF;
      descending <= 1'b0;
      done       <= 1'b0;
    end else if (step && !done) begin
      up_addr <= up_addr + 10'd1;
      dn_addr <= dn_addr - 10'd1;
      if (up_addr == 10'h3FF) begin
        if (descending) done <= 1'b1;
        descending <= ~descending;
      end
    end
  end

  assign addr = descending ? dn_addr : up_addr;
endmodule
