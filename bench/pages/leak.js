// Mounts and unmounts a <v2u-editor> holding the bench graph, again and again, so the
// harness can compare the heap (after a forced GC) before and after.
import { ManifestMap } from '/dist/v2u-editor.js';
import { toV2uDocument, v2uManifests } from './v2u-graph.js';

const manifests = new ManifestMap(v2uManifests());

window.benchLeak = {
  ready: window.benchGraph.then(toV2uDocument),
  /** One cycle: create, load the graph, wait until painted, remove. Returns ms taken. */
  async cycles(count) {
    const doc = await this.ready;
    const started = performance.now();
    for (let i = 0; i < count; i++) {
      const editor = document.createElement('v2u-editor');
      editor.manifests = manifests;
      editor.graph = doc;
      document.body.append(editor);
      await editor.updateComplete;
      await window.benchPerf.nextFrame();
      editor.remove();
    }
    return performance.now() - started;
  },
};
