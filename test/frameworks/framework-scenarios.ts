// The checks every framework test runs: a framework app with two <v2u-editor>s binds a
// graph to each, a person edits one with the mouse, and the app's own state (what it
// renders) shows the change while the other editor stays untouched.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import '../../src/elements/editor/editor.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { GraphDocument } from '../../src/core/index.js';
import { centerOf, drag, nodeHeader, smallGraph, testManifests } from '../elements/editor-helpers.js';

export { testManifests };

/** What each app renders in `<output class="seen-a">` and `seen-b`: its own view of the graph. */
export function summarize(doc: GraphDocument | undefined, changes: number): string {
  const num = doc?.nodes.find((n) => n.id === 'num');
  return `${changes} changes, ${doc?.nodes.length ?? 0} nodes, num at ${num?.position.x},${num?.position.y}`;
}

/** Two different graphs, one per editor: the same node ids, so a mix-up would show. */
export function twoGraphs(): { a: GraphDocument; b: GraphDocument } {
  const a = structuredClone(smallGraph) as unknown as GraphDocument;
  const b = structuredClone(a);
  b.nodes[0].position = { x: 60, y: 20 };
  return { a, b };
}

/** Both editors sit in one column at the top-left of the page, 480×300 each. */
export const EDITOR_STYLE = 'width: 480px; height: 300px';

/** The handle a test gets from a mounted app; the setters change the app's state. */
export interface MountedApp {
  /** Replaces editor a's graph in the app's state (a "load" button would do this). */
  load(doc: GraphDocument): void | Promise<void>;
  /** Turns the app's `readonly` state for editor a on or off. */
  setReadonly(on: boolean): void | Promise<void>;
  unmount(): void;
}

/** Mounts the app into `root`, each editor bound to its graph of `graphs`. */
export type MountApp = (root: HTMLElement, graphs: { a: GraphDocument; b: GraphDocument }) => MountedApp | Promise<MountedApp>;

interface Fixture {
  root: HTMLElement;
  app: MountedApp;
  graphs: { a: GraphDocument; b: GraphDocument };
  editor(which: 'a' | 'b'): V2uEditor;
  seen(which: 'a' | 'b'): string;
}

async function mount(mountApp: MountApp): Promise<Fixture> {
  await resetMouse();
  const root = document.createElement('div');
  root.style.cssText = 'position: fixed; left: 0; top: 0; width: 500px';
  document.body.append(root);
  const graphs = twoGraphs();
  const app = await mountApp(root, graphs);
  const editor = (which: 'a' | 'b') => root.querySelector<V2uEditor>(`v2u-editor.${which}`)!;
  await waitUntil(() => editor('a')?.canvasSize.width > 0 && editor('b')?.canvasSize.width > 0, 'the framework renders both editors');
  for (const which of ['a', 'b'] as const) {
    await editor(which).whenEditable();
    await editor(which).updateComplete;
  }
  const seen = (which: 'a' | 'b') => root.querySelector(`output.seen-${which}`)?.textContent?.trim() ?? '';
  return { root, app, graphs, editor, seen };
}

const positionOf = (el: V2uEditor, id: string) => el.store.state.getNode(id)?.position;

/** Defines the shared tests for one framework; `mountApp` builds that framework's app. */
export function describeFrameworkApp(name: string, mountApp: MountApp): void {
  describe(`<v2u-editor> in ${name}`, () => {
    let fx: Fixture | undefined;
    afterEach(() => {
      fx?.app.unmount();
      fx?.root.remove();
      fx = undefined;
    });

    it('binds each graph as a property, not an attribute', async () => {
      fx = await mount(mountApp);
      expect(positionOf(fx.editor('a'), 'num'), 'editor a got graph a').to.deep.equal({ x: 40, y: 40 });
      expect(positionOf(fx.editor('b'), 'num'), 'editor b got graph b').to.deep.equal({ x: 60, y: 20 });
      expect(fx.editor('a').hasAttribute('graph'), 'no [object Object] attribute').to.equal(false);
      expect(fx.editor('a').manifests, 'manifests bound as a property').to.equal(testManifests);
      expect(fx.editor('a').noLibrary && fx.editor('b').noLibrary, 'the no-library attribute arrives').to.equal(true);
      expect(fx.seen('a')).to.equal('0 changes, 4 nodes, num at 40,40');
    });

    it('shows a mouse edit in its own state, and the other editor stays untouched', async () => {
      fx = await mount(mountApp);
      const before = fx.editor('b').exportGraph();
      const [x, y] = centerOf(nodeHeader(fx.editor('a'), 'num'));
      // The graph is fitted to the canvas: 100 × 50 screen pixels move it that far at its zoom.
      const { zoom } = fx.editor('a').liveViewport;
      await drag([x, y], [x + 100, y + 50]);
      const moved = positionOf(fx.editor('a'), 'num')!;
      expect(moved.x, 'the drag moved the node across').to.be.closeTo(40 + 100 / zoom, 1e-6);
      expect(moved.y, 'the drag moved the node down').to.be.closeTo(40 + 50 / zoom, 1e-6);
      await waitUntil(() => fx!.seen('a').endsWith(`num at ${moved.x},${moved.y}`), `the app sees the move (it shows "${fx.seen('a')}")`);
      expect(fx.seen('b'), 'the app saw nothing from editor b').to.equal('0 changes, 4 nodes, num at 60,20');
      expect(fx.editor('b').exportGraph(), 'editor b keeps its graph').to.deep.equal(before);
      expect(fx.editor('b').store.canUndo, 'editor b has no edit to undo').to.equal(false);
    });

    it('sees commands and undo as changes too', async () => {
      fx = await mount(mountApp);
      fx.editor('a').store.addNode({ type: 'create/number', position: { x: 300, y: 200 } });
      await waitUntil(() => fx!.seen('a').includes('5 nodes'), `the app sees the new node (it shows "${fx.seen('a')}")`);
      fx.editor('a').undo();
      await waitUntil(() => fx!.seen('a').startsWith('2 changes, 4 nodes'), `the app sees the undo (it shows "${fx.seen('a')}")`);
      expect(fx.editor('b').store.state.nodeCount, 'editor b is untouched').to.equal(4);
    });

    it('sends its state down: a new graph and readonly', async () => {
      fx = await mount(mountApp);
      const next = structuredClone(fx.graphs.a);
      next.nodes = next.nodes.slice(0, 2);
      await fx.app.load(next);
      await waitUntil(() => fx!.editor('a').store.state.nodeCount === 2, 'editor a gets the new graph');
      expect(fx.editor('b').store.state.nodeCount, 'editor b keeps its graph').to.equal(4);
      await fx.app.setReadonly(true);
      await waitUntil(() => fx!.editor('a').readonly, 'editor a becomes readonly');
      await fx.editor('a').updateComplete;
      const [x, y] = centerOf(nodeHeader(fx.editor('a'), 'num'));
      await drag([x, y], [x + 100, y + 50]);
      expect(positionOf(fx.editor('a'), 'num'), 'a readonly editor does not move nodes').to.deep.equal({ x: 40, y: 40 });
      expect(fx.editor('b').readonly, 'editor b stays editable').to.equal(false);
    });

    it('leaves nothing behind when the app unmounts', async () => {
      fx = await mount(mountApp);
      const editors = [fx.editor('a'), fx.editor('b')];
      fx.app.unmount();
      expect(editors.map((e) => e.isConnected), 'both editors are gone').to.deep.equal([false, false]);
      expect(fx.root.querySelector('v2u-editor')).to.equal(null);
      fx.root.remove();
      fx = undefined;
    });
  });
}
