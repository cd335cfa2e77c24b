// rtlopt: a ripple-carry $lcu for the algebraic equivalence engine (rtlopt/verify/_algebra.py).
// Yosys's default $lcu is a Brent-Kung prefix tree, whose carries make backward rewriting blow up;
// the carry chain below has the same function (CO[i] = G[i] | P[i] & CO[i-1], CO[-1] = CI).
(* techmap_celltype = "$lcu" *)
module _80_rtlopt_lcu_ripple (P, G, CI, CO);
	parameter WIDTH = 2;
	(* force_downto *)
	input [WIDTH-1:0] P, G;
	input CI;
	(* force_downto *)
	output [WIDTH-1:0] CO;
	genvar i;
	generate
		for (i = 0; i < WIDTH; i = i + 1) begin : c
			if (i == 0)
				assign CO[0] = G[0] | (P[0] & CI);
			else
				assign CO[i] = G[i] | (P[i] & CO[i-1]);
		end
	endgenerate
endmodule
