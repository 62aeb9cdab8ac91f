// `node --max-old-space-size=4096 scripts/node-bench.mjs [rows]` (after `npm run build`):
// run time of the heavy node modules on generated orders, in Node, one node at a time.
// A benchmark, not a test: it prints a markdown table and asserts nothing.
const rowCount = Number(process.argv[2] ?? 1_000_000);
const load = async (path) => (await import(new URL(`../dist/src/nodes/${path}.js`, import.meta.url))).default;
const context = (node, config) => ({
  signal: new AbortController().signal,
  config: { ...Object.fromEntries(Object.entries(node.config ?? {}).map(([key, field]) => [key, field.default])), ...config },
  nodeId: 'bench',
  log() {},
});

async function time(node, inputs, config) {
  const start = performance.now();
  const outputs = await node.processLogic(inputs, context(node, config), () => {});
  return { ms: Math.round(performance.now() - start), outputs };
}

const sample = await load('create/sample-data');
const made = await time(sample, {}, { rows: rowCount });
const orders = made.outputs.rows;
const customers = (await time(sample, {}, { rows: 50_000, dataset: 'customers' })).outputs.rows;
const cases = [
  ['transform/sort', { keys: 'region, total desc' }, { rows: orders }],
  ['transform/group', { groupBy: 'region, category', aggregations: 'n = count()\nrevenue = sum(total)\nbuyers = distinct(customerId)' }, { rows: orders }],
  ['transform/join', { leftKeys: 'customerId' }, { left: orders, right: customers }],
  ['transform/pivot', { rowKeys: 'region', pivotColumn: 'category', valueColumn: 'total' }, { rows: orders }],
  ['transform/deduplicate', { columns: 'customerId' }, { rows: orders }],
  ['transform/filter', { expression: 'total > 500 and status = "paid"' }, { rows: orders }],
  ['transform/compute', { column: 'net', expression: 'total * 0.8' }, { rows: orders }],
  ['utility/hash', { column: 'customerId' }, { value: orders.slice(0, 100_000) }],
];
console.log(`| node | rows | ms |\n| --- | ---: | ---: |\n| create/sample-data (orders) | ${rowCount} | ${made.ms} |`);
for (const [path, config, inputs] of cases) {
  const { ms } = await time(await load(path), inputs, config);
  console.log(`| ${path} | ${(inputs.rows ?? inputs.left ?? inputs.value).length} | ${ms} |`);
}
