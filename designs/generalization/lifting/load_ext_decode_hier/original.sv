// Load data extension of a load/store unit: a decoder instance turns the 5-bit memory micro-op
// (plain, locked and uncached variants of each load) into a load kind; the parent extends the
// loaded byte / halfword by that kind.
typedef enum logic [2:0] {LD_B, LD_H, LD_W, LD_BU, LD_HU, LD_BAD} ld_kind_e;

module ld_decode (
  input  logic [4:0] uop,
  output ld_kind_e   kind
);
  always_comb begin
    case (uop)
      5'h00, 5'h08, 5'h10:         kind = LD_B;
      5'h01, 5'h09:                kind = LD_H;
      5'h02, 5'h0a, 5'h12, 5'h1a:  kind = LD_W;
      5'h04, 5'h14:                kind = LD_BU;
      5'h05, 5'h15:                kind = LD_HU;
      default:                     kind = LD_BAD;
    endcase
  end
endmodule

module ld_extend (
  input  logic [4:0]  uop,
  input  logic [31:0] rdata,
  output logic [31:0] value
);
  ld_kind_e kind;
  ld_decode u_dec (.uop(uop), .kind(kind));

  always_comb begin
    case (kind)
      LD_B:    value = {{24{rdata[7]}}, rdata[7:0]};
      LD_H:    value = {{16{rdata[15]}}, rdata[15:0]};
      LD_W:    value = rdata;
      LD_BU:   value = {24'd0, rdata[7:0]};
      LD_HU:   value = {16'd0, rdata[15:0]};
      default: value = 32'd0;
    endcase
  end
endmodule
