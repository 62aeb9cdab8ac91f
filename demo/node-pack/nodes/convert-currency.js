// The logic of acme/convert-currency. Isomorphic: it imports only the V2U core, so it runs in
// a worker, on the main thread and in Node (v2u-editor run --library demo/node-pack/nodes).
import { defineNode } from '../../../dist/core.js';
import { acmePack } from '../manifests.js';

const RATES = { EUR: 0.92, GBP: 0.79, JPY: 151.3 };
const { module: _module, ...manifest } = acmePack[0];

export default defineNode({
  ...manifest,
  processLogic({ rows }, { config }) {
    if (!Array.isArray(rows)) throw new Error('Convert currency: input "rows" is not connected');
    const rate = RATES[config.to];
    const column = config.column;
    return { rows: rows.map((row) => ({ ...row, [`${column}_${config.to}`]: Math.round(Number(row[column]) * rate * 100) / 100 })) };
  },
});
