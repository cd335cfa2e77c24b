// Rotate unit for a small DSP: rotate left by 0..15.
module rotl16 (
    input  wire [15:0] x,
    input  wire [3:0]  amt,
    output reg  [15:0] y
);
    always @* begin
        case (amt)
            4'd0:  y = x;
            4'd1:  y = {x[14:0], x[15]};
            4'd2:  y = {x[13:0], x[15:14]};
            4'd3:  y = {x[12:0], x[15:13]};
            4'd4:  y = {x[11:0], x[15:12]};
            4'd5:  y = {x[10:0], x[15:11]};
            4'd6:  y = {x[9:0],  x[15:10]};
            4'd7:  y = {x[8:0],  x[15:9]};
            4'd8:  y = {x[7:0],  x[15:8]};
            4'd9:  y = {x[6:0],  x[15:7]};
            4'd10: y = {x[5:0],  x[15:6]};
            4'd11: y = {x[4:0],  x[15:5]};
            4'd12: y = {x[3:0],  x[15:4]};
            4'd13: y = {x[2:0],  x[15:3]};
            4'd14: y = {x[1:0],  x[15:2]};
            default: y = {x[0], x[15:1]};
        endcase
    end
endmodule
