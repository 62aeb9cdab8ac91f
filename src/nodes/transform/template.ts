import { defineNode } from '../../core/define-node.js';
import { compileExpression, type Expression } from '../shared/expression.js';
import { configError } from '../shared/inputs.js';
import { eachIndex } from '../shared/loop.js';

const TITLE = 'Template text';

type Part = string | Expression;

/**
 * Fills a text template: each {{ expression }} is evaluated against the input (an object or
 * value); a table gives one text per row, joined by the separator.
 */
export default defineNode({
  type: 'transform/template',
  version: 1,
  category: 'transform',
  title: TITLE,
  description: 'Builds text from a template such as "Dear {{name}}, you owe {{$formatNumber(total, \'#,##0.00\')}}".',
  keywords: ['text', 'string', 'format', 'message', 'email', 'interpolate', 'mustache'],
  icon: 'file-text',
  inputs: { data: { type: 'any' } },
  outputs: { text: { type: 'string' } },
  config: {
    template: { type: 'text', default: 'Hello {{name}}!', label: 'Template' },
    separator: { type: 'string', default: '\n', label: 'Between rows' },
  },
  performance: { cacheStrategy: 'aggressive' },
  async processLogic(inputs, context, reportProgress) {
    const parts = parseTemplate(String(context.config.template ?? ''));
    const data = inputs.data;
    if (!Array.isArray(data)) return { text: await fill(parts, data ?? {}, 0) };
    const texts = new Array<string>(data.length);
    await eachIndex(data.length, context, reportProgress, async (i) => void (texts[i] = await fill(parts, data[i], i)));
    return { text: texts.join(String(context.config.separator ?? '\n')) };
  },
});

function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  let rest = 0;
  for (const match of template.matchAll(/\{\{([\s\S]*?)\}\}/g)) {
    parts.push(template.slice(rest, match.index));
    const offset = match.index + 2;
    parts.push(compileExpression(match[1], { node: TITLE, field: 'template', offset, source: template }));
    rest = offset + match[1].length + 2;
  }
  if (template.indexOf('{{', rest) >= 0) throw configError(TITLE, 'template', `has a "{{" at position ${template.indexOf('{{', rest) + 1} without its "}}"`);
  parts.push(template.slice(rest));
  return parts;
}

async function fill(parts: Part[], data: unknown, index: number): Promise<string> {
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      const value = await part.evaluate(data, { index }, `item ${index}`);
      text += value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  }
  return text;
}
