// React 19: two editors in one app. React 19 sets `graph` and `manifests` as properties
// and listens to `onv2u-change`. Plain createElement so the page needs no JSX step; in a
// JSX app write <v2u-editor graph={graph} onv2u-change={onChange} />.
import { createElement as h, Fragment, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'v2u-editor'; // defines <v2u-editor>
import { describeFlow, sampleFlow } from '../framework-sample.js';

/**
 * One editor and what the app knows of it. `graph` is what the app hands down (a new
 * object loads a new flow); `latest` is what the editor reported. Keeping them apart means
 * an edit is never handed back to the editor, which would reload it and clear its undo.
 */
function Flow({ title, graph, readonly }) {
  const [latest, setLatest] = useState({ graph, changes: 0 });
  const onChange = (event) => setLatest((s) => ({ graph: event.detail.graph, changes: s.changes + 1 }));
  return h(
    'section',
    null,
    h('v2u-editor', { 'no-palette': true, graph, readonly, 'onv2u-change': onChange }),
    h('output', null, `${title}: ${describeFlow(latest.graph, latest.changes)}`),
  );
}

function App() {
  // A reset bumps `round`: the keys change, so each Flow starts over with its new graph.
  const [{ flows, round }, setFlows] = useState(() => ({ flows: [sampleFlow('left'), sampleFlow('right')], round: 0 }));
  const [locked, setLocked] = useState(false);
  return h(
    Fragment,
    null,
    h(
      'header',
      null,
      h('h1', null, 'V2U editor in React 19'),
      h('label', null, h('input', { type: 'checkbox', checked: locked, onChange: (e) => setLocked(e.target.checked) }), ' Read-only'),
      h('button', { type: 'button', onClick: () => setFlows((s) => ({ flows: [sampleFlow('left'), sampleFlow('right')], round: s.round + 1 })) }, 'Reset both flows'),
    ),
    h('p', { className: 'note' }, 'Drag nodes in either editor: the lines below are React state. Editing one editor leaves the other alone.'),
    h('main', { className: 'flows' }, ...['left', 'right'].map((title, i) => h(Flow, { key: `${title}-${round}`, title, graph: flows[i], readonly: locked }))),
  );
}

createRoot(document.getElementById('app')).render(h(App));
