// Preemption logic of a nested interrupt controller: a pending source may preempt the
// running handler when its priority is higher than the current one; among the eligible
// sources the highest priority wins (lowest index on ties).
module irq_preempt #(
  parameter int N  = 8,
  parameter int PW = 3,
  localparam int IW = $clog2(N)
) (
  input  logic [N-1:0]         pending,
  input  logic [N-1:0][PW-1:0] prio,
  input  logic [PW-1:0]        cur_prio,
  output logic                 preempt,
  output logic [IW-1:0]        id,
  output logic [PW-1:0]        new_prio
);
  logic [N-1:0] eligible;
  always_comb begin
    for (int i = 0; i < N; i++)
      eligible[i] = pending[i] && (prio[i] > cur_prio);
    preempt  = 1'b0;
    id       = '0;
    new_prio = '0;
    for (int i = 0; i < N; i++) begin
      if (eligible[i] && (!preempt || prio[i] > new_prio)) begin
        preempt  = 1'b1;
        id       = IW'(i);
        new_prio = prio[i];
      end
    end
  end
endmodule

module irq_preempt_top (
  input  logic [11:0]      pending,
  input  logic [47:0]      prio,
  input  logic [3:0]       cur_prio,
  output logic             preempt,
  output logic [3:0]       id,
  output logic [3:0]       new_prio
);
  irq_preempt #(.N(12), .PW(4)) u_pre (.*);
endmodule
