// SV: a small CAM; each stored word and the probe go through a salted byte-swap hash child in a
// generate loop (packed 2-D array), a hit per entry and the probe's hash as an output.
module salt_hash #(parameter int W = 16) (
    input  logic [W-1:0] v,
    input  logic [W-1:0] salt,
    output logic [W-1:0] h
);
    logic [W-1:0] s;
    always_comb begin
        s = v + salt;
        h = {s[W/2-1:0], s[W-1:W/2]};
    end
endmodule

module cam_gen_sv #(parameter int N = 4) (
    input  logic [15:0]        probe,
    input  logic [N-1:0][15:0] word,
    input  logic [15:0]        salt,
    output logic [15:0]        probe_h,
    output logic [N-1:0]       hit
);
    salt_hash #(.W(16)) u_probe (.v(probe), .salt(salt), .h(probe_h));
    for (genvar e = 0; e < N; e++) begin : g_e
        logic [15:0] wh;
        salt_hash #(.W(16)) u_w (.v(word[e]), .salt(salt), .h(wh));
        assign hit[e] = (wh == probe_h);
    end
endmodule
