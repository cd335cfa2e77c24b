module fill_level (
  input      [4:0] count,
  output reg       below_thresh,
  output reg       at_limit
);
  always @* begin
    case (count)
      5'd0, 5'd1, 5'd2, 5'd3, 5'd4, 5'd5,
      5'd6, 5'd7, 5'd8, 5'd9, 5'd10, 5'd11: below_thresh = 1'b1;
      default:                              below_thresh = 1'b0;
    endcase
  end
  always @* begin
    case (count)
      5'd24, 5'd25, 5'd26, 5'd27, 5'd28: at_limit = 1'b1;
      default:                           at_limit = 1'b0;
    endcase
  end
endmodule
