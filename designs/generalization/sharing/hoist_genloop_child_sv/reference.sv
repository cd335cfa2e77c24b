// A status panel: eight 4-bit channel codes are each turned into an ASCII hex
// character by one converter per channel (a generate loop), and a serializer
// module steps through the characters one per cycle.
module hex_ascii (
    input  logic [3:0] nib,
    output logic [7:0] ch
);
    always_comb
        if (nib < 4'd10) ch = 8'h30 + {4'd0, nib};
        else             ch = 8'h37 + {4'd0, nib};
endmodule

module char_ser (
    input  logic            clk,
    input  logic            rst,
    input  logic [7:0][3:0] codes,
    output logic [7:0]      tx,
    output logic            sof
);
    logic [2:0] k;
    logic [7:0] c;
    hex_ascii u_cv (.nib(codes[k]), .ch(c));   // select the code, convert once
    always_ff @(posedge clk)
        if (rst) k <= '0;
        else     k <= k + 3'd1;
    always_ff @(posedge clk) begin
        tx  <= c;
        sof <= (k == 3'd0);
    end
endmodule

module hoist_genloop_child_sv (
    input  logic            clk,
    input  logic            rst,
    input  logic [7:0][3:0] code,
    output logic [7:0]      tx,
    output logic            sof
);
    char_ser u_ser (.clk(clk), .rst(rst), .codes(code), .tx(tx), .sof(sof));
endmodule
