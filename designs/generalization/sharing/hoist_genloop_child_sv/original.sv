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
    input  logic [7:0][7:0] chars,
    output logic [7:0]      tx,
    output logic            sof
);
    logic [2:0] k;
    always_ff @(posedge clk)
        if (rst) k <= '0;
        else     k <= k + 3'd1;
    always_ff @(posedge clk) begin
        tx  <= chars[k];
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
    logic [7:0][7:0] asc;
    for (genvar i = 0; i < 8; i++) begin : g_cv
        hex_ascii u_cv (.nib(code[i]), .ch(asc[i]));
    end
    char_ser u_ser (.clk(clk), .rst(rst), .chars(asc), .tx(tx), .sof(sof));
endmodule
