// A bench-only node: integer arithmetic for a fixed number of steps, with no allocation and
// no data in or out. Four of them side by side are the most CPU-bound flow there is: what
// the pool can make of independent branches when nothing is copied and nothing is collected.
export default {
  type: 'bench/spin',
  async processLogic(_inputs, context) {
    const steps = Number(context.config.steps) || 0;
    let x = 1;
    for (let i = 0; i < steps; i++) x = (Math.imul(x, 1103515245) + 12345) | 0;
    return { value: x };
  },
};
