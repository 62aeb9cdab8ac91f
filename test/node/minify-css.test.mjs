// The build's squeezing of Lit `css` templates (scripts/lib/minify-css.mjs).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minifyCss } from '../../scripts/lib/minify-css.mjs';

test('drops whitespace, comments, quotes around plain attribute values and zeros before a decimal point', () => {
  const css = `/* c */ .port[data-side='in'] .dot { opacity: 0.6; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
    :host([theme="dark"]) { width: 10.5px; font-size: 1.08em; }`;
  assert.equal(minifyCss(css), '.port[data-side=in] .dot{opacity:.6;box-shadow:0 1px 3px rgb(0 0 0 / .12)}:host([theme=dark]){width:10.5px;font-size:1.08em}');
});

test('keeps what the browser would read differently', () => {
  // Values that are not plain names keep their quotes; strings, URLs and interpolations are left alone.
  const css = `[x='a b'] [y='1a'] [z='--v'] { content: '0.5'; background: url(0.5.png); margin: \${gap}; }`;
  assert.equal(minifyCss(css), `[x='a b'] [y='1a'] [z='--v']{content:'0.5';background:url(0.5.png);margin:\${gap}}`);
});
