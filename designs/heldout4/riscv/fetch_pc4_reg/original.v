// Instruction fetch PC register of a small RV32 pipeline. The sequential PC (pc + 4) is
// registered next to the PC for the decode stage's link address.
module fetch_pc #(
  parameter [31:0] RESET_PC = 32'h0000_0000
) (
  input  wire        clk,
  input  wire        resetn,
  input  wire        stall,
  input  wire        redirect,
  input  wire [31:0] redirect_pc,
  output reg  [31:0] pc,
  output reg  [31:0] pc_plus4
);
  wire [31:0] pc_next = redirect ? redirect_pc : (pc + 32'd4);

  always @(posedge clk) begin
    if (!resetn) begin
      pc       <= RESET_PC;
      pc_plus4 <= RESET_PC + 32'd4;
    end else if (!stall || redirect) begin
      pc       <= pc_next;
      pc_plus4 <= pc_next + 32'd4;
    end
  end
endmodule

module fetch_top (
  input  wire        clk,
  input  wire        resetn,
  input  wire        stall,
  input  wire        redirect,
  input  wire [31:0] redirect_pc,
  output wire [31:0] pc,
  output wire [31:0] link
);
  fetch_pc #(.RESET_PC(32'h8000_0000)) u_pc (.clk(clk), .resetn(resetn), .stall(stall), .redirect(redirect),
                                              .redirect_pc(redirect_pc), .pc(pc), .pc_plus4(link));
endmodule
