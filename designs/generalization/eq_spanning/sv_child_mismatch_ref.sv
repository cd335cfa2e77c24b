module voter_alarm (
    input  logic [3:0][9:0] rep,
    input  logic [4:0]      tag_a,
    input  logic [4:0]      tag_b,
    output logic            alarm
);
    assign alarm = (rep[0] != rep[1]) | (rep[0] != rep[2]) | (rep[0] != rep[3]) | (tag_a != tag_b);
endmodule
