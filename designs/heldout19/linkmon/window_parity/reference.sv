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
    output logic         dout,
    output logic         par
);
    // parity of the window, updated by the bit entering and the bit leaving
    always_ff @(posedge clk) begin
        if (rst) begin
            win <= '0;
            par <= 1'b0;
        end else if (en) begin
            win <= {win[N-2:0], din};
            par <= par ^ din ^ win[N-1];
        end
    end
    assign dout = win[N-1];
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
    always_ff @(posedge clk) begin
        if (rst)     par_err <= 1'b0;
        else if (en) par_err <= par ^ din;
    end
endmodule
