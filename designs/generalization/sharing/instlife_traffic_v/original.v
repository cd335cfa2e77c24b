// Pedestrian crossing light: green for the cars until a request, then amber, then a walk phase,
// then a clearance phase. Each timed phase has its own segment timer instance (different lengths),
// armed by a one-cycle 'go' when the phase is entered.
module seg_timer #(
    parameter LEN = 8,
    parameter CW  = 4
) (
    input  clk,
    input  rst_n,
    input  go,
    output tmo
);
    reg [CW-1:0] left;
    reg          armed;
    always @(posedge clk) begin
        if (!rst_n) begin
            left  <= {CW{1'b0}};
            armed <= 1'b0;
        end else if (go) begin
            left  <= LEN - 1;
            armed <= 1'b1;
        end else if (armed) begin
            if (left == 0) armed <= 1'b0;
            else           left  <= left - 1'b1;
        end
    end
    assign tmo = armed & (left == 0);
endmodule

module xing_ctrl (
    input        clk,
    input        rst_n,
    input        req,
    output [2:0] car,   // {red, amber, green}
    output       walk
);
    localparam GO = 2'd0, AMB = 2'd1, WLK = 2'd2, CLR = 2'd3;
    reg [1:0] ph;
    wire t_amb, t_wlk, t_clr;
    wire go_amb = (ph == GO) & req;
    wire go_wlk = (ph == AMB) & t_amb;
    wire go_clr = (ph == WLK) & t_wlk;

    seg_timer #(.LEN(4),  .CW(3)) u_amb (.clk(clk), .rst_n(rst_n), .go(go_amb), .tmo(t_amb));
    seg_timer #(.LEN(12), .CW(4)) u_wlk (.clk(clk), .rst_n(rst_n), .go(go_wlk), .tmo(t_wlk));
    seg_timer #(.LEN(6),  .CW(3)) u_clr (.clk(clk), .rst_n(rst_n), .go(go_clr), .tmo(t_clr));

    always @(posedge clk) begin
        if (!rst_n) ph <= GO;
        else case (ph)
            GO:  if (req)   ph <= AMB;
            AMB: if (t_amb) ph <= WLK;
            WLK: if (t_wlk) ph <= CLR;
            CLR: if (t_clr) ph <= GO;
        endcase
    end
    assign car  = (ph == GO) ? 3'b001 : (ph == AMB) ? 3'b010 : 3'b100;
    assign walk = (ph == WLK);
endmodule
