// Load data extension: the kinds are decoded straight from the micro-op and the extension is an
// AND-OR of the five forms (synthesis merges the terms bit by bit: one field per source).
module ld_extend (
  input  logic [4:0]  uop,
  input  logic [31:0] rdata,
  output logic [31:0] value
);
  logic is_b, is_h, is_w, is_bu, is_hu;
  assign is_b  = (uop == 5'h00) | (uop == 5'h08) | (uop == 5'h10);
  assign is_h  = (uop == 5'h01) | (uop == 5'h09);
  assign is_w  = (uop[2:0] == 3'b010);                 // 02, 0a, 12, 1a
  assign is_bu = (uop == 5'h04) | (uop == 5'h14);
  assign is_hu = (uop == 5'h05) | (uop == 5'h15);
  assign value = ({32{is_b}}  & {{24{rdata[7]}}, rdata[7:0]}) |
                 ({32{is_h}}  & {{16{rdata[15]}}, rdata[15:0]}) |
                 ({32{is_w}}  & rdata) |
                 ({32{is_bu}} & {24'd0, rdata[7:0]}) |
                 ({32{is_hu}} & {16'd0, rdata[15:0]});
endmodule
