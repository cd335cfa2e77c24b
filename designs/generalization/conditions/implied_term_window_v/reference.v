// Registered load data with store forwarding (Verilog-2005, a function called from a clocked block):
// addresses below the window base read RAM; a pending store to the same address forwards its data;
// else the device register. The store's own window test, !(s_addr < lo), repeats what the branch
// above and the address match already give.
module implied_term_window_v (
  input             clk,
  input             rst,
  input      [15:0] win_lo,
  input      [15:0] ld_addr,
  input             st_valid,
  input      [15:0] st_addr,
  input      [15:0] st_data,
  input      [15:0] ram_q,
  input      [15:0] dev_q,
  output reg [15:0] ld_q
);
  function [15:0] pick;
    input [15:0] a;
    input [15:0] lo;
    input        s_valid;
    input [15:0] s_addr;
    input [15:0] s_data;
    input [15:0] m_data;
    input [15:0] d_data;
    begin
      if (a < lo)
        pick = m_data;
      else if (s_valid & (s_addr == a))
        pick = s_data;
      else
        pick = d_data;
    end
  endfunction

  always @(posedge clk) begin
    if (rst)
      ld_q <= 16'h0000;
    else
      ld_q <= pick(ld_addr, win_lo, st_valid, st_addr, st_data, ram_q, dev_q);
  end
endmodule
