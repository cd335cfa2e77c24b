// Six sensor words are each saturated-gained by one instance of a small
// combinational module (a generate loop); a host register read picks one word.
module sat_gain #(
    parameter int G = 5
) (
    input  logic [9:0]  v,
    output logic [11:0] y
);
    logic [14:0] s;
    always_comb begin
        s = v * G;
        y = (s > 15'd4095) ? 12'hfff : s[11:0];
    end
endmodule

module hoist_genloop_pick_sv (
    input  logic            clk,
    input  logic [5:0][9:0] raw,
    input  logic [2:0]      addr,
    input  logic            rd,
    output logic [11:0]     rdata
);
    logic [5:0][11:0] scaled;
    for (genvar i = 0; i < 6; i++) begin : g_sc
        sat_gain #(.G(5)) u_sc (.v(raw[i]), .y(scaled[i]));
    end
    always_ff @(posedge clk)
        if (rd) rdata <= (addr < 3'd6) ? scaled[addr] : 12'h000;
endmodule
