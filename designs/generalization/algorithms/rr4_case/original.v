// 4-way round-robin arbiter: the grant for every pointer value spelled out in a case table.
module rr4_case (
    input  wire       clk,
    input  wire       rst_n,
    input  wire [3:0] req,
    output reg  [3:0] gnt
);
    reg [1:0] last;   // index of the previous winner
    always @* begin
        gnt = 4'b0000;
        case (last)
            2'd0: if (req[1]) gnt = 4'b0010; else if (req[2]) gnt = 4'b0100;
                  else if (req[3]) gnt = 4'b1000; else if (req[0]) gnt = 4'b0001;
            2'd1: if (req[2]) gnt = 4'b0100; else if (req[3]) gnt = 4'b1000;
                  else if (req[0]) gnt = 4'b0001; else if (req[1]) gnt = 4'b0010;
            2'd2: if (req[3]) gnt = 4'b1000; else if (req[0]) gnt = 4'b0001;
                  else if (req[1]) gnt = 4'b0010; else if (req[2]) gnt = 4'b0100;
            default: if (req[0]) gnt = 4'b0001; else if (req[1]) gnt = 4'b0010;
                  else if (req[2]) gnt = 4'b0100; else if (req[3]) gnt = 4'b1000;
        endcase
    end
    always @(posedge clk or negedge rst_n) begin
        if (!rst_n)    last <= 2'd3;
        else if (|req) last <= {gnt[3] | gnt[2], gnt[3] | gnt[1]};
    end
endmodule
