import { defineNode } from '../../core/define-node.js';

/** The current date and time, read when the node runs (never cached). */
export default defineNode({
  type: 'create/now',
  version: 1,
  category: 'create',
  title: 'Now',
  description: 'The current date and time.',
  keywords: ['date', 'time', 'timestamp', 'today', 'clock'],
  icon: 'clock',
  inputs: {},
  outputs: { value: { type: 'any' } },
  config: {
    format: { type: 'enum', options: ['iso', 'date', 'time', 'epoch-ms'], default: 'iso', label: 'Format (UTC)' },
  },
  performance: { cacheStrategy: 'none' },
  processLogic(_inputs, { config }) {
    const now = new Date();
    const iso = now.toISOString();
    const formats: Record<string, unknown> = { iso, date: iso.slice(0, 10), time: iso.slice(11, 19), 'epoch-ms': now.getTime() };
    return { value: formats[String(config.format)] ?? iso };
  },
});
