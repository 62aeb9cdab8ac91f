// A third-party node pack, as its authors would publish it: manifests (plain data, no
// code) that the editor registers up front, and one module per node that it imports only
// when the node runs. The same path the built-in library takes.
export const acmePack = [
  {
    type: 'acme/convert-currency',
    version: 1,
    category: 'transform',
    title: 'Convert currency',
    description: 'Converts an amount column with a fixed rate table.',
    keywords: ['money', 'fx', 'exchange', 'eur', 'usd'],
    icon: '💱',
    inputs: { rows: { type: 'table' } },
    outputs: { rows: { type: 'table' } },
    config: {
      column: { type: 'string', default: 'total', label: 'Amount column' },
      to: { type: 'enum', options: ['EUR', 'GBP', 'JPY'], default: 'EUR', label: 'Convert to' },
    },
    module: new URL('./nodes/convert-currency.js', import.meta.url),
  },
];
