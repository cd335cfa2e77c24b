// Two-slot stall buffer: incoming beats shift through two slots while the consumer is not
// stalled; the head pointer names the slot the consumer sees (1 while a beat waits behind a stall).
module stall_buf2 #(parameter W = 16) (
    input  wire         clk,
    input  wire         rst_n,
    input  wire [W-1:0] in_data,
    input  wire         in_vld,
    output wire         in_rdy,
    output wire [W-1:0] out_data,
    output wire         out_vld,
    input  wire         out_rdy
);
    reg [W-1:0] slot   [0:1];
    reg         slot_v [0:1];
    reg         head;
    integer     i;

    assign in_rdy   = !head;      // a stall holds exactly while a beat waits behind the head
    assign out_data = slot[head];
    assign out_vld  = head | slot_v[0];   // slot 1 is always valid while head names it

    always @(posedge clk) begin
        if (!head) begin
            slot[0] <= in_data;
            for (i = 1; i < 2; i = i + 1)
                slot[i] <= slot[i-1];
        end
    end

    always @(posedge clk or negedge rst_n) begin
        if (!rst_n) begin
            head  <= 1'b0;
            for (i = 0; i < 2; i = i + 1)
                slot_v[i] <= 1'b0;
        end else begin
            if (!head) begin
                slot_v[0] <= in_vld;
                for (i = 1; i < 2; i = i + 1)
                    slot_v[i] <= slot_v[i-1];
                head <= slot_v[0];
            end
            if (out_rdy)
                head <= 1'b0;
        end
    end
endmodule
