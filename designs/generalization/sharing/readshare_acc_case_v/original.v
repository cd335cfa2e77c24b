// Two-address accumulator core, one module: a 4-entry register file read for the ALU operand
// (rf[ra]) and for the store-to-port path (rf[rb]); no opcode reads both.
module readshare_acc_case_v (
    input  wire        clk,
    input  wire        rst,
    input  wire [2:0]  op,      // 0 nop, 1 load imm, 2 add, 3 sub, 4 mov acc<-r, 5 put port<-r, 6 store r<-acc
    input  wire [1:0]  rd,
    input  wire [1:0]  ra,
    input  wire [1:0]  rb,
    input  wire [11:0] imm,
    output reg  [11:0] acc,
    output reg  [11:0] port,
    output reg         port_stb
);
    reg [11:0] rf [0:3];
    integer k;

    always @(posedge clk) begin
        if (rst) begin
            for (k = 0; k < 4; k = k + 1) rf[k] <= 12'd0;
            acc      <= 12'd0;
            port     <= 12'd0;
            port_stb <= 1'b0;
        end else begin
            port_stb <= 1'b0;
            case (op)
                3'd1: rf[rd] <= imm;
                3'd2: acc <= acc + rf[ra];
                3'd3: acc <= acc - rf[ra];
                3'd4: acc <= rf[ra];
                3'd5: begin port <= rf[rb]; port_stb <= 1'b1; end
                3'd6: rf[rd] <= acc;
                default: ;
            endcase
        end
    end
endmodule
