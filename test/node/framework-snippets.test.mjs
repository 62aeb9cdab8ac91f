// The framework quick starts of docs/frameworks.md, copied from the doc at test time and built
// the way a person's own build would: Vue's single-file components by vue/compiler-sfc (`v2u-`
// tags as custom elements), the Angular component and the React TSX by TypeScript, each app
// bundled by rollup with its framework. Only the app around each snippet is ours: `./my-flow`
// is a real flow, and a tiny entry mounts the snippet and reads the state it keeps (`latest`,
// the v-model's `flow`). The package itself is `dist/v2u-editor.js`, through an import map.
// Each app must show the flow's nodes under their real titles, with no error, carry an edit
// up to the app's state through `v2u-change`, and keep undo when that graph is bound back.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import ts from 'typescript';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import { fencedBlocks, openPage, settledNodeErrors, startUserPaths } from '../fixtures/user-paths.mjs';

const DOC = readFileSync('docs/frameworks.md', 'utf8');
const FLOW = JSON.parse(readFileSync('demo/flows/order-analytics.json', 'utf8'));
const OUT = 'dist/test/framework-snippets';
/** Where the app's modules would be on disk (they are only in memory), so `vue` and the rest resolve from node_modules. */
const SRC = resolve('test/node/framework-snippets');

const [vueFlow, vueGraphEditor, vueModelUse] = fencedBlocks(DOC, '## Vue 3', 'vue');
const angularComponent = fencedBlocks(DOC, '## Angular', 'ts')[0];
const reactFlow = fencedBlocks(DOC, '## React 19', 'tsx')[0];

/** One SFC, compiled as @vitejs/plugin-vue does in development. */
function compileVue(source, filename) {
  const { descriptor, errors } = parse(source, { filename });
  assert.deepEqual(errors, [], `${filename} parses`);
  const compilerOptions = { isCustomElement: (tag) => tag.startsWith('v2u-') };
  const script = compileScript(descriptor, { id: filename, genDefaultAs: '_sfc_main', templateOptions: { compilerOptions } });
  const template = compileTemplate({ source: descriptor.template.content, filename, id: filename, compilerOptions: { ...compilerOptions, bindingMetadata: script.bindings } });
  assert.deepEqual(template.errors, [], `${filename}'s template compiles`);
  return `${script.content}\n${template.code}\n_sfc_main.render = render;\nexport default _sfc_main;\n`;
}

/** TypeScript as an Angular CLI or a React (Vite) project compiles it: types and type-only imports erased. */
function compileTs(source, fileName, options = {}) {
  const { outputText, diagnostics } = ts.transpileModule(source, {
    fileName,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, ...options },
  });
  assert.deepEqual(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')), [], `${fileName} transpiles`);
  return outputText;
}

// Each entry mounts one snippet and sets `window.snippet`: `latest()` is the graph the app's
// state holds from the editor, `bindBack()` hands that graph down again (a controlled binding).
const MODULES = {
  'my-flow.js': `export const myFlow = ${JSON.stringify(FLOW)};`,
  'Flow.vue': compileVue(vueFlow, 'Flow.vue'),
  'GraphEditor.vue': compileVue(vueGraphEditor, 'GraphEditor.vue'),
  'App.vue': compileVue(
    `<script setup>
import { shallowRef } from 'vue';
import GraphEditor from './GraphEditor.vue';
import { myFlow } from './my-flow.js';
const flow = shallowRef(myFlow);
</script>
<template>${vueModelUse}</template>`,
    'App.vue',
  ),
  'vue-setup.js': `import { createApp, nextTick } from 'vue';
import Flow from './Flow.vue';
const state = createApp(Flow).mount('#app').$.setupState;
window.snippet = { latest: () => state.latest, bindBack: () => ((state.initial = state.latest), nextTick()) };`,
  // The wrapper binds the reported graph back itself: bindBack only waits for Vue's watch.
  'vue-model.js': `import { createApp, nextTick } from 'vue';
import App from './App.vue';
const state = createApp(App).mount('#app').$.setupState;
window.snippet = { latest: () => state.flow, bindBack: () => nextTick() };`,
  'flow.component.js': compileTs(angularComponent, 'flow.component.ts', { experimentalDecorators: true, useDefineForClassFields: false }),
  'angular.js': `import '@angular/compiler';
import { provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { FlowComponent } from './flow.component.js';
document.body.append(document.createElement('app-flow'));
const app = await bootstrapApplication(FlowComponent, { providers: [provideZonelessChangeDetection()] });
const flow = app.components[0].instance;
window.snippet = { latest: () => flow.latest(), bindBack: () => (flow.initial.set(flow.latest()), app.tick()) };`,
  'flow.js': compileTs(reactFlow, 'flow.tsx', { jsx: ts.JsxEmit.ReactJSX }),
  // React keeps \`latest\` in Flow's first hook: read from the root's current fiber tree.
  'react.js': `import { createElement, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { Flow } from './flow.js';
import { myFlow } from './my-flow.js';
let setInitial;
function App() {
  const [initial, set] = useState(myFlow);
  setInitial = set;
  return createElement(Flow, { initial });
}
createRoot(document.getElementById('app')).render(createElement(App));
function latest() {
  const container = document.getElementById('app');
  let fiber = container[Object.keys(container).find((k) => k.startsWith('__reactContainer$'))].stateNode.current;
  while (fiber.type !== Flow) fiber = fiber.child;
  return fiber.memoizedState.memoizedState;
}
window.snippet = { latest, bindBack: () => flushSync(() => setInitial(latest())) };`,
};
const APPS = { 'Vue 3 (<script setup>, .prop and @v2u-change)': 'vue-setup', 'Vue 3 (the GraphEditor v-model wrapper)': 'vue-model', Angular: 'angular', 'React 19': 'react' };

/** Resolves the app's relative imports to MODULES (`./my-flow` as `./my-flow.js`) and `vue` to its browser ESM build. */
function snippetModules() {
  const file = (source) => Object.keys(MODULES).find((name) => source === `./${name}` || source === `./${name.replace(/\.js$/, '')}`);
  return {
    name: 'framework-snippets',
    resolveId(source, importer) {
      if (source === 'vue') return resolve('node_modules/vue/dist/vue.runtime.esm-browser.js');
      if (importer?.startsWith(SRC) && file(source)) return `${SRC}/${file(source)}`;
      if (!importer) return `${SRC}/${source}`;
      return null;
    },
    load: (id) => (id.startsWith(SRC) ? MODULES[id.slice(SRC.length + 1)] : null),
  };
}

async function buildApps() {
  rmSync(OUT, { recursive: true, force: true });
  const bundle = await rollup({
    input: Object.fromEntries(Object.values(APPS).map((name) => [name, `${name}.js`])),
    external: ['v2u-editor'],
    plugins: [
      snippetModules(),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('development') } }),
      nodeResolve({ browser: true }),
      commonjs(),
    ],
    onwarn(warning, warn) {
      if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
    },
  });
  await bundle.write({ dir: OUT, format: 'es', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  mkdirSync(OUT, { recursive: true });
  for (const name of Object.values(APPS))
    writeFileSync(
      `${OUT}/${name}.html`,
      `<!doctype html><meta charset="utf-8"><title>${name}</title><link rel="icon" href="data:,">
<script type="importmap">{ "imports": { "v2u-editor": "/dist/v2u-editor.js" } }</script>
<script type="module" src="./${name}.js"></script>
<div id="app"></div>`,
    );
}

describe('the framework quick starts of docs/frameworks.md, as written', () => {
  let env;
  before(async () => {
    assert.ok(vueModelUse.startsWith('<GraphEditor v-model="flow"') && vueGraphEditor.startsWith('<!-- GraphEditor.vue -->'), 'the Vue section still has its three blocks');
    await buildApps();
    env = await startUserPaths();
  });
  after(() => env?.close());

  for (const [title, name] of Object.entries(APPS))
    test(title, async () => {
      const opened = await openPage(env.browser, `${env.origin}/${OUT}/${name}.html`);
      const { page } = opened;
      try {
        await opened.waitFor(() => window.snippet && document.querySelector('v2u-editor'));
        const nodeErrors = await settledNodeErrors(page);
        // What a person reads on each node: its title, then its type's title (or "unknown type").
        const shown = await page.evaluate(() =>
          [...document.querySelector('v2u-editor').shadowRoot.querySelectorAll('[data-node]')].map((n) => `${n.dataset.node}: ${n.getAttribute('aria-label')}`),
        );
        // Every finding at once: the titles, an edit reaching the app's state, undo kept when
        // that graph is bound back, undo reaching the app too, and nothing going wrong.
        const wrongTitles = FLOW.nodes
          .map((node) => [node, shown.find((s) => s.startsWith(`${node.id}: `))])
          .filter(([node, label]) => !label?.startsWith(`${node.id}: ${node.label ?? ''}`) || label.includes('unknown type'))
          .map(([node, label]) => label ?? `${node.id}: not drawn`);
        const { id, position } = FLOW.nodes[0];
        const at = (x) => opened.waitFor(`window.snippet.latest()?.nodes.find((n) => n.id === ${JSON.stringify(id)}).position.x === ${x}`, 5000).then(() => true, () => false);
        const moved = { x: position.x + 40, y: position.y + 30 };
        await page.evaluate((id, moved) => document.querySelector('v2u-editor').store.moveNodes([{ id, position: moved }]), id, moved);
        const editReported = await at(moved.x);
        const boundBack = await page.evaluate(async () => {
          await window.snippet.bindBack();
          const editor = document.querySelector('v2u-editor');
          return { canUndo: editor.store.canUndo, sameGraph: editor.graph === window.snippet.latest() };
        });
        await page.evaluate(() => document.querySelector('v2u-editor').undo());
        const undoReported = await at(position.x);
        const warnings = opened.console.filter((m) => m.type === 'warn' || m.type === 'warning').map((m) => m.text);
        assert.deepEqual(
          { drawn: shown.length, wrongTitles, editReported, boundBack, undoReported, problems: opened.problems, nodeErrors, warnings },
          { drawn: FLOW.nodes.length, wrongTitles: [], editReported: true, boundBack: { canUndo: true, sameGraph: true }, undoReported: true, problems: [], nodeErrors: [], warnings: [] },
        );
      } finally {
        await opened.close();
      }
    });
});
