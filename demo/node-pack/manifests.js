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
    // The pack's own icon, as geometry on a 24×24 stroke grid (no markup, no font).
    icon: [
      ['circle', { cx: 8, cy: 8, r: 6 }],
      ['path', { d: 'M18.09 10.37A6 6 0 1 1 10.34 18' }],
      ['path', { d: 'M7 6h1v4' }],
      ['path', { d: 'm16.71 13.88.7.71-2.82 2.82' }],
    ],
    inputs: { rows: { type: 'table' } },
    outputs: { rows: { type: 'table' } },
    config: {
      column: { type: 'string', default: 'total', label: 'Amount column' },
      to: { type: 'enum', options: ['EUR', 'GBP', 'JPY'], default: 'EUR', label: 'Convert to' },
    },
    module: new URL('./nodes/convert-currency.js', import.meta.url),
  },
];
