import { defineNode } from '../../core/define-node.js';
import type { Row } from '../shared/inputs.js';
import { configError } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

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

type Random = () => number;

/** Seeded and deterministic: the same seed and row count always give the same rows. */
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
    const random = mulberry32(Number(context.config.seed) || 0);
    const make = MAKERS[String(context.config.dataset)] ?? MAKERS.orders;
    const rows: Row[] = new Array(count);
    await eachIndex(count, context, reportProgress, (i) => void (rows[i] = make(i, random)));
    return { rows };
  },
});

/** A small, fast, well-distributed 32-bit PRNG; good for demo data, not for secrets. */
function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[], random: Random): T => list[Math.floor(random() * list.length)];
const cents = (value: number) => Math.round(value * 100) / 100;
/** Four years of ISO dates, made once: formatting a Date per row was most of the run time. */
const DATES = Array.from({ length: 1460 }, (_, day) => new Date(START + day * DAY).toISOString().slice(0, 10));
const date = (random: Random, days: number) => DATES[Math.floor(random() * days)];
const id = (prefix: string, n: number) => `${prefix}-${String(n + 1).padStart(7, '0')}`;

const MAKERS: Record<string, (i: number, random: Random) => Row> = {
  orders(i, random) {
    const quantity = 1 + Math.floor(random() * 9);
    const unitPrice = cents(5 + random() * 995);
    const product = pick(ITEMS, random);
    return {
      orderId: id('O', i), date: date(random, 730), customerId: id('C', Math.floor(random() * 50_000)),
      region: pick(REGIONS, random), product, category: pick(CATEGORIES, random),
      quantity, unitPrice, total: cents(quantity * unitPrice), status: pick(STATUSES, random),
    };
  },
  customers(i, random) {
    const first = Math.floor(random() * FIRST.length);
    const last = Math.floor(random() * LAST.length);
    return {
      customerId: id('C', i), name: `${FIRST[first]} ${LAST[last]}`,
      email: `${FIRST_ASCII[first]}.${LAST_ASCII[last]}.${i + 1}@example.com`,
      country: pick(COUNTRIES, random), segment: pick(SEGMENTS, random),
      signupDate: date(random, 1460), lifetimeValue: cents(random() ** 2 * 50_000),
    };
  },
  products(i, random) {
    const category = pick(CATEGORIES, random);
    return {
      productId: id('P', i), name: `${pick(ITEMS, random)} ${String.fromCharCode(65 + (i % 26))}${(i % 900) + 100}`,
      category, price: cents(5 + random() ** 1.5 * 2000), stock: Math.floor(random() * 1000),
      rating: Math.round((2.5 + random() * 2.5) * 10) / 10,
    };
  },
};
