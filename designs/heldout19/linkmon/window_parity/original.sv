// Serial link monitor: delays the received stream to align it with the framer
// and reports the parity of the bits currently in the window.
module bit_window #(
    parameter int N = 8
) (
    input  logic         clk,
    input  logic         rst,
    input  logic         en,
    input  logic         din,
    output logic [N-1:0] win,
    output logic         dout
);
    always_ff @(posedge clk) begin
        if (rst)     win <= '0;
        else if (en) win <= {win[N-2:0], din};
    end
    assign dout = win[N-1];
endmodule

module win_parity #(
    parameter int N = 8
) (
    input  logic [N-1:0] win,
    output logic         par
);
    always_comb begin
        par = 1'b0;
        for (int i = 0; i < N; i++) par ^= win[i];
    end
endmodule

module link_monitor (
    input  logic clk,
    input  logic rst,
    input  logic en,
    input  logic din,
    output logic dout,
    output logic par,
    output logic par_err
);
    logic [15:0] win;
    bit_window #(.N(16)) u_win (.*);
    win_parity #(.N(16)) u_par (.*);
    always_ff @(posedge clk) begin
        if (rst)     par_err <= 1'b0;
        else if (en) par_err <= par ^ din;
    end
endmodule
