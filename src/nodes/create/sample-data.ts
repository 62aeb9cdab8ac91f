import { defineNode } from '../../core/define-node.js';
import { columnTable, type Column, type ColumnTable, type Dictionary, type NumberedText } from '../../core/table/column-table.js';
import { columnFrom } from '../../core/table/encode.js';
import { configError } from '../shared/inputs.js';
import { BLOCK, eachBlock } from '../shared/loop.js';

const MAX_ROWS = 1_000_000;
const REGIONS = ['North America', 'Europe', 'Asia Pacific', 'Latin America', 'Middle East'];
const COUNTRIES = ['United States', 'Germany', 'Japan', 'Brazil', 'France', 'India', 'Canada', 'Australia', 'Mexico', 'Spain'];
const SEGMENTS = ['Consumer', 'Small business', 'Enterprise'];
const STATUSES = ['pending', 'paid', 'shipped', 'delivered', 'returned'];
const CATEGORIES = ['Office', 'Electronics', 'Furniture', 'Software', 'Services'];
const ITEMS = ['Desk', 'Chair', 'Monitor', 'Laptop', 'Headset', 'Printer', 'License', 'Support plan', 'Lamp', 'Dock'];
const FIRST = ['Ana', 'Ben', 'Chen', 'Dara', 'Eli', 'Fatima', 'Goran', 'Hana', 'Ivan', 'Jade', 'Kofi', 'Léa', 'Mateo', 'Noor', 'Omar', 'Priya'];
const LAST = ['Smith', 'García', 'Müller', 'Tanaka', 'Silva', 'Kowalski', 'Okafor', 'Nguyen', 'Rossi', 'Haddad', 'Ivanova', 'Patel'];
const toAscii = (name: string) => name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const FIRST_ASCII = FIRST.map(toAscii);
const LAST_ASCII = LAST.map(toAscii);
const DAY = 86_400_000;
const START = Date.UTC(2023, 0, 1);

/** Writes the generator's next `count` numbers in [0, 1) into `out`, in order. */
type Fill = (out: Float64Array, count: number) => void;
/** Runs `block` over rows 0…`rows`-1 a block at a time, with `draws` random numbers per row in `r`, in row order. */
type Blocks = (rows: number, draws: number, block: (from: number, to: number, r: Float64Array) => void) => Promise<void>;

/** Seeded and deterministic: the same seed and row count always give the same rows. Made as columns. */
export default defineNode({
  type: 'create/sample-data',
  version: 1,
  category: 'create',
  title: 'Sample data',
  description: 'Realistic orders, customers or products, up to 1,000,000 rows, the same for the same seed.',
  keywords: ['demo', 'fake', 'generate', 'random', 'orders', 'customers', 'products', 'benchmark'],
  icon: 'dices',
  inputs: {},
  outputs: { rows: { type: 'table' } },
  config: {
    dataset: { type: 'enum', options: ['orders', 'customers', 'products'], default: 'orders', label: 'Data set' },
    rows: { type: 'number', default: 1000, min: 0, max: MAX_ROWS, label: 'Rows' },
    seed: { type: 'number', default: 42, label: 'Seed' },
  },
  performance: { backgroundProcessing: true, cacheStrategy: 'aggressive' },
  async processLogic(_inputs, context, reportProgress) {
    const count = Number(context.config.rows);
    if (!Number.isInteger(count) || count < 0 || count > MAX_ROWS) throw configError('Sample data', 'rows', `must be a whole number from 0 to ${MAX_ROWS.toLocaleString('en')}`);
    const fill = mulberry32(Number(context.config.seed) || 0);
    const make = MAKERS[String(context.config.dataset)] ?? MAKERS.orders;
    const blocks: Blocks = (rows, draws, block) => {
      const r = new Float64Array(BLOCK * draws);
      return eachBlock(rows, context, reportProgress, (from, to) => {
        fill(r, (to - from) * draws);
        block(from, to, r);
      });
    };
    return { rows: await make(count, blocks) };
  },
});

/**
 * mulberry32, a small, fast, well-distributed 32-bit PRNG (good for demo data, not for
 * secrets), drawn a block at a time: one tight loop per block instead of a call per number
 * (a million orders draw eight million), the same numbers in the same order.
 */
function mulberry32(seed: number): Fill {
  let state = seed >>> 0;
  return (out, count) => {
    let s = state;
    for (let k = 0; k < count; k++) {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = Math.imul(s ^ (s >>> 15), s | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      out[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    state = s;
  };
}

const cents = (value: number) => Math.round(value * 100) / 100;
/** Four years of ISO dates, made once: formatting a Date per row was most of the run time. */
const DATES = Array.from({ length: 1460 }, (_, day) => new Date(START + day * DAY).toISOString().slice(0, 10));

/** Text codes into a fixed list (`dictionary`), and a column of them. */
const codes = (count: number) => new Uint32Array(count);
const text = (dictionary: Dictionary, values: Uint32Array): Column => ({ kind: 'string', codes: values, dictionary });
const numbers = (values: Float64Array): Column => ({ kind: 'number', values });
/** One string per row (emails, names): the dictionary is the strings, in row order. */
function unique(count: number, make: (i: number) => string): Column {
  const dictionary: string[] = new Array(count);
  for (let i = 0; i < count; i++) dictionary[i] = make(i);
  return text(dictionary, rowOrder(count));
}
function rowOrder(count: number): Uint32Array {
  const order = codes(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}
/** Ids `<prefix>-0000001`… for codes 0…count-1, kept as their recipe (`NumberedText`), not as strings. */
const ids = (prefix: string, count: number): NumberedText => ({ numbered: 1, prefix: `${prefix}-`, start: 1, width: 7, length: count });
/** One id per row, in row order (O-0000001 for the first row). */
const idColumn = (prefix: string, count: number) => text(ids(prefix, count), rowOrder(count));
/** The entry of `list` a draw `x` picks. */
const indexIn = (list: readonly unknown[], x: number) => Math.floor(x * list.length);
const CUSTOMER_IDS = 50_000;

/**
 * Each data set as columns, made straight into typed arrays (no row objects). Each row uses
 * its draws (`r[k]`, `r[k + 1]`, …) in the order rows always drew them, so a seed gives the
 * same table as before.
 */
const MAKERS: Record<string, (count: number, blocks: Blocks) => Promise<ColumnTable>> = {
  async orders(n, blocks) {
    const [quantity, unitPrice, total] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    const [day, customer, region, product, category, status] = [codes(n), codes(n), codes(n), codes(n), codes(n), codes(n)];
    await blocks(n, 8, (from, to, r) => {
      for (let i = from, k = 0; i < to; i++, k += 8) {
        quantity[i] = 1 + Math.floor(r[k] * 9);
        unitPrice[i] = cents(5 + r[k + 1] * 995);
        product[i] = indexIn(ITEMS, r[k + 2]);
        day[i] = Math.floor(r[k + 3] * 730);
        customer[i] = Math.floor(r[k + 4] * CUSTOMER_IDS);
        region[i] = indexIn(REGIONS, r[k + 5]);
        category[i] = indexIn(CATEGORIES, r[k + 6]);
        total[i] = cents(quantity[i] * unitPrice[i]);
        status[i] = indexIn(STATUSES, r[k + 7]);
      }
    });
    return columnTable(n, ['orderId', 'date', 'customerId', 'region', 'product', 'category', 'quantity', 'unitPrice', 'total', 'status'], [
      idColumn('O', n), text(DATES, day), text(ids('C', n ? CUSTOMER_IDS : 0), customer), text(REGIONS, region), text(ITEMS, product),
      text(CATEGORIES, category), numbers(quantity), numbers(unitPrice), numbers(total), text(STATUSES, status),
    ]);
  },
  async customers(n, blocks) {
    const [name, country, segment, signup] = [codes(n), codes(n), codes(n), codes(n)];
    const email: string[] = new Array(n);
    const lifetimeValue = new Float64Array(n);
    await blocks(n, 6, (from, to, r) => {
      for (let i = from, k = 0; i < to; i++, k += 6) {
        const first = indexIn(FIRST, r[k]);
        const last = indexIn(LAST, r[k + 1]);
        name[i] = first * LAST.length + last;
        email[i] = `${FIRST_ASCII[first]}.${LAST_ASCII[last]}.${i + 1}@example.com`;
        country[i] = indexIn(COUNTRIES, r[k + 2]);
        segment[i] = indexIn(SEGMENTS, r[k + 3]);
        signup[i] = Math.floor(r[k + 4] * 1460);
        lifetimeValue[i] = cents(r[k + 5] ** 2 * 50_000);
      }
    });
    const names = FIRST.flatMap((first) => LAST.map((last) => `${first} ${last}`));
    return columnTable(n, ['customerId', 'name', 'email', 'country', 'segment', 'signupDate', 'lifetimeValue'], [
      idColumn('C', n), text(names, name), unique(n, (i) => email[i]), text(COUNTRIES, country), text(SEGMENTS, segment), text(DATES, signup), numbers(lifetimeValue),
    ]);
  },
  async products(n, blocks) {
    const category = codes(n);
    const name: string[] = new Array(n);
    const [price, stock, rating] = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    await blocks(n, 5, (from, to, r) => {
      for (let i = from, k = 0; i < to; i++, k += 5) {
        category[i] = indexIn(CATEGORIES, r[k]);
        name[i] = `${ITEMS[indexIn(ITEMS, r[k + 1])]} ${String.fromCharCode(65 + (i % 26))}${(i % 900) + 100}`;
        price[i] = cents(5 + r[k + 2] ** 1.5 * 2000);
        stock[i] = Math.floor(r[k + 3] * 1000);
        rating[i] = Math.round((2.5 + r[k + 4] * 2.5) * 10) / 10;
      }
    });
    return columnTable(n, ['productId', 'name', 'category', 'price', 'stock', 'rating'], [
      idColumn('P', n), columnFrom(name), text(CATEGORIES, category), numbers(price), numbers(stock), numbers(rating),
    ]);
  },
};
