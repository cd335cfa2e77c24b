// Packet tagger, 4 modules (SV, .* connections): each hop stage holds a "hole" flag (reset 1) next to
// its word; a sibling module delays the accept strobe through a shift vector (reset 0, a loop)
// whose first two taps are always the inverses of the first two holes (the third hole is unread).
// Reference: the holes are the inverted taps, the unread third hop is gone.
module hop #(parameter int W = 8) (
    input  logic         clk,
    input  logic         rst,
    input  logic [W-1:0] w_in,
    input  logic         hole_in,
    output logic [W-1:0] w_out,
    input  logic         hole_now,
    output logic         hole_out
);
    assign hole_out = hole_now;
    always_ff @(posedge clk) begin
        if (rst) begin
            w_out    <= '0;
        end else begin
            w_out    <= hole_in ? '0 : (w_in ^ {w_in[W-2:0], 1'b0});
        end
    end
endmodule

module acc_delay #(parameter int N = 3) (
    input  logic clk,
    input  logic rst,
    input  logic acc,
    output logic acc_q,
    output logic [N-1:0] taps
);
    logic [N-1:0] a;
    always_ff @(posedge clk) begin
        if (rst) a <= '0;
        else begin
            a[0] <= acc;
            for (int k = 1; k < N; k++) a[k] <= a[k-1];
        end
    end
    assign acc_q = a[N-1];
    assign taps  = a;
endmodule

module tag_sink (
    input  logic       clk,
    input  logic       rst,
    input  logic [7:0] w,
    input  logic       take,
    output logic [7:0] cnt
);
    always_ff @(posedge clk)
        if (rst)       cnt <= '0;
        else if (take) cnt <= cnt + w;
endmodule

module tagger (
    input  logic       clk,
    input  logic       rst,
    input  logic       acc,
    input  logic [7:0] word,
    output logic [7:0] cnt,
    output logic       acc_q
);
    logic [7:0] w1, w2;
    logic       h1, h2;
    logic [2:0] taps;
    hop u_h1 (.clk, .rst, .w_in(word), .hole_in(~acc), .hole_now(~taps[0]), .w_out(w1), .hole_out(h1));
    hop u_h2 (.clk, .rst, .w_in(w1), .hole_in(h1), .hole_now(~taps[1]), .w_out(w2), .hole_out(h2));
    acc_delay u_d (.*);
    tag_sink u_s (.clk, .rst, .w(w2), .take(~h2), .cnt);
endmodule
