// React 19 sets custom element properties and listens to custom events natively:
// <v2u-editor graph={graph} onv2u-change={...}>. React ships CommonJS; the test server
// turns it into ESM (test/plugins/frameworks-plugin.mjs). No JSX here: tsc compiles the tests.
import React from 'react';
import * as client from 'react-dom/client';
import type { GraphDocument } from '../../src/core/index.js';
import type { V2uChangeDetail } from '../../src/elements/shared/events.js';
import { describeFrameworkApp, EDITOR_STYLE, summarize, testManifests, type MountApp } from './framework-scenarios.js';

// CommonJS seen from ESM has only a default export (the `module.exports` object).
const { createRoot } = (client as unknown as { default?: typeof client }).default ?? client;
const h = React.createElement;
const style = Object.fromEntries(EDITOR_STYLE.split(';').map((rule) => rule.split(':').map((s) => s.trim())));

interface Controls {
  load?: (doc: GraphDocument) => void;
  setReadonly?: (on: boolean) => void;
}

/** One editor and the app's view of it: the graph it last reported, and how many changes. */
function Flow(props: { which: 'a' | 'b'; graph: GraphDocument; readonly: boolean }) {
  const [latest, setLatest] = React.useState<{ graph: GraphDocument; changes: number }>({ graph: props.graph, changes: 0 });
  const onChange = (event: CustomEvent<V2uChangeDetail>) => setLatest((s) => ({ graph: event.detail.graph, changes: s.changes + 1 }));
  return h(
    React.Fragment,
    null,
    h('v2u-editor', {
      className: props.which,
      style,
      'no-library': true,
      'no-palette': true,
      manifests: testManifests,
      graph: props.graph,
      readonly: props.readonly,
      'onv2u-change': onChange,
    }),
    h('output', { className: `seen-${props.which}` }, summarize(latest.graph, latest.changes)),
  );
}

function App(props: { graphs: { a: GraphDocument; b: GraphDocument }; controls: Controls }) {
  const [graphA, setGraphA] = React.useState(props.graphs.a);
  const [locked, setLocked] = React.useState(false);
  props.controls.load = setGraphA;
  props.controls.setReadonly = setLocked;
  return h('div', null, h(Flow, { which: 'a', graph: graphA, readonly: locked }), h(Flow, { which: 'b', graph: props.graphs.b, readonly: false }));
}

const mountReact: MountApp = (root, graphs) => {
  const controls: Controls = {};
  const reactRoot = createRoot(root);
  reactRoot.render(h(App, { graphs, controls }));
  return {
    load: (doc) => controls.load!(doc),
    setReadonly: (on) => controls.setReadonly!(on),
    unmount: () => reactRoot.unmount(),
  };
};

describeFrameworkApp('React 19', mountReact);
