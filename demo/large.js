// A generated graph of thousands of nodes (about 1.2 edges per node): pan, zoom and drag
// stay smooth because only what is on screen is in the DOM.
import { generateGraph } from './generate-graph.js';

const editor = document.getElementById('editor');
const size = document.getElementById('size');
const stats = document.getElementById('stats');

async function load() {
  const started = performance.now();
  editor.graph = generateGraph(Number(size.value));
  // Drawn with every type resolved (v2u-ready), then the frame that shows it.
  await editor.whenReady();
  await new Promise(requestAnimationFrame);
  const shown = editor.shadowRoot.querySelectorAll('[data-node]').length;
  stats.textContent = `${size.value} nodes drawn in ${Math.round(performance.now() - started)} ms; ${shown} in the DOM (those on screen or just beyond it)`;
}

size.addEventListener('change', load);
load();
