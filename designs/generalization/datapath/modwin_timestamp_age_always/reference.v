// Fresh == the modular age (now - stamp) mod 4096 is below 100: one subtraction, one compare each.
module replay_guard (
  input      [11:0] now,
  input      [11:0] data_stamp,
  input      [11:0] ctrl_stamp,
  output reg        data_fresh,
  output reg        ctrl_fresh
);
  localparam [11:0] AGE = 12'd100;
  wire [11:0] data_age = now - data_stamp;
  wire [11:0] ctrl_age = now - ctrl_stamp;

  always @* begin
    data_fresh = data_age < AGE;
    ctrl_fresh = ctrl_age < AGE;
  end
endmodule
