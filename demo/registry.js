// The registry demo: the palette paints from IndexedDB on a second visit, node elements are
// defined only on intent (rest the pointer on an item), and a dev panel shows the metrics.
import { loadPaletteKit, NodeRegistry, RegistryPersistence } from '../dist/v2u-editor.js';

const { LazyElementLoader, PALETTE_DRAG_TYPE } = await loadPaletteKit();

const LIBRARIES = ['../dist/nodes/bundles/index.json', '../dist/test/fixtures/bundled/bundles/index.json'];
const started = performance.now();
const cache = new RegistryPersistence();
const registry = new NodeRegistry({ cache });
const loader = new LazyElementLoader({ registry, onUsage: (type, event) => registry.recordUsage(type, event) });
const palette = document.querySelector('#palette');
const canvas = document.querySelector('#canvas');
palette.source = registry;
palette.loader = loader;

const paint = { restored: 0, firstPaint: undefined };
registry.addEventListener('change', () => palette.updateComplete.then(() => (paint.firstPaint ??= Math.round(performance.now() - started))));
paint.restored = await registry.restore();
registerLibrary();

/** The first library that answers: the built-in one, else the test fixtures' (no HEAD probe first). */
async function registerLibrary() {
  for (const url of LIBRARIES) {
    const index = new URL(url, import.meta.url);
    try {
      await registry.registerIndex(index);
    } catch {
      continue;
    }
    document.querySelector('#source').textContent = `Library: ${index.pathname}`;
    return registry.preload();
  }
}

async function place(type) {
  const manifest = registry.get(type);
  const shell = document.createElement('div');
  shell.className = 'shell';
  shell.append(Object.assign(document.createElement('strong'), { textContent: manifest?.title ?? type }), document.createElement('br'));
  canvas.append(shell);
  registry.recordUsage(type);
  const element = await loader.use(type).catch(() => undefined);
  if (element) shell.append(document.createElement(loader.tagFor(type)));
  else if (loader.state(type) === 'error') shell.append(retryButton(type, shell));
}

function retryButton(type, shell) {
  const button = document.createElement('button');
  button.textContent = `${loader.error(type)}: retry`;
  button.onclick = () => loader.retry(type).then(() => (button.remove(), shell.append(document.createElement(loader.tagFor(type)))), () => {});
  return button;
}

palette.addEventListener('v2u-palette-pick', (event) => place(event.detail.type));
canvas.addEventListener('dragover', (event) => (event.preventDefault(), canvas.classList.add('over')));
canvas.addEventListener('dragleave', () => canvas.classList.remove('over'));
canvas.addEventListener('drop', (event) => {
  event.preventDefault();
  canvas.classList.remove('over');
  const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
  if (type) place(type);
});
document.querySelector('#forget').addEventListener('click', async () => {
  for (const key of await cache.store.keys()) await cache.store.delete(key);
  location.reload();
});

const defined = () => registry.list().map((m) => loader.tagFor(m.type)).filter((tag) => customElements.get(tag));
setInterval(() => {
  const snapshot = { paint, registry: registry.metrics, lazy: loader.metrics, storage: cache.store.usage, defined: defined() };
  document.querySelector('#metrics').textContent = JSON.stringify(snapshot, null, 1);
}, 500);
