// Vue 3 with its ESM browser build, which compiles string templates at runtime. Editor a
// uses the documented v-model wrapper; editor b binds `:graph.prop` and `@v2u-change` directly.
import { expect, fixture, html } from '@open-wc/testing';
import { createApp, defineComponent, markRaw, reactive, ref, shallowRef, watch } from 'vue/dist/vue.esm-browser.js';
import type { GraphDocument } from '../../src/core/index.js';
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';
import type { V2uChangeDetail } from '../../src/elements/shared/events.js';
import { describeFrameworkApp, EDITOR_STYLE, summarize, testManifests, twoGraphs, type MountApp } from './framework-scenarios.js';

/**
 * `<graph-editor v-model="graph">`, the v-model pattern (its tag must not start with `v2u-`:
 * the app treats those as custom elements). The editor reports edits with
 * `v2u-change`; a graph from the parent is set only when it is not the one the editor just
 * reported, so an edit does not reload the editor (which would clear its undo history).
 */
const GraphEditor = defineComponent({
  props: { modelValue: { type: Object, required: true } },
  emits: ['update:modelValue'],
  setup(props) {
    const editor = ref<V2uEditor>();
    watch([() => props.modelValue, editor], ([graph, el]) => {
      if (el && graph !== el.graph) el.graph = graph as GraphDocument;
    });
    return { editor };
  },
  template: `<v2u-editor ref="editor" @v2u-change="$emit('update:modelValue', $event.detail.graph)"></v2u-editor>`,
});

const App = defineComponent({
  components: { GraphEditor },
  props: { graphs: { type: Object, required: true } },
  setup(props) {
    // shallowRef: the editor wants plain JSON data, not a deep reactive proxy.
    const graphA = shallowRef(props.graphs.a as GraphDocument);
    const graphB = shallowRef(props.graphs.b as GraphDocument);
    const changes = ref({ a: 0, b: 0 });
    const locked = ref(false);
    const onChangeB = (event: CustomEvent<V2uChangeDetail>) => {
      graphB.value = event.detail.graph;
      changes.value.b++;
    };
    return { graphA, initialB: props.graphs.b, graphB, changes, locked, onChangeB, summarize, manifests: testManifests, style: EDITOR_STYLE };
  },
  template: `
    <graph-editor class="a" :style="style" no-library no-palette :manifests.prop="manifests" :readonly="locked"
      v-model="graphA" @update:model-value="changes.a++"></graph-editor>
    <output class="seen-a">{{ summarize(graphA, changes.a) }}</output>
    <v2u-editor class="b" :style="style" no-library no-palette :manifests.prop="manifests"
      :graph.prop="initialB" @v2u-change="onChangeB"></v2u-editor>
    <output class="seen-b">{{ summarize(graphB, changes.b) }}</output>`,
});

const mountVue: MountApp = (root, graphs) => {
  const app = createApp(App, { graphs });
  app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('v2u-');
  const vm = app.mount(root) as unknown as { graphA: GraphDocument; locked: boolean };
  return {
    load: (doc) => void (vm.graphA = doc),
    setReadonly: (on) => void (vm.locked = on),
    unmount: () => app.unmount(),
  };
};

describeFrameworkApp('Vue 3', mountVue);

describe('<v2u-editor> and Vue reactivity', () => {
  it('takes a deep reactive proxy as well as the same graph marked raw, copying it', async () => {
    const el = await fixture<V2uEditor>(html`<v2u-editor no-library no-palette .manifests=${testManifests}></v2u-editor>`);
    const graph = structuredClone(twoGraphs().a);
    const proxy = reactive(graph) as GraphDocument;
    el.graph = proxy;
    expect(el.store.state.nodeCount, 'the reactive graph loads').to.equal(4);
    proxy.nodes[0].position.x = 999;
    expect(el.graph.nodes[0].position.x, 'the editor keeps its own copy').to.not.equal(999);
    el.graph = markRaw(structuredClone(twoGraphs().b));
    expect(el.store.state.nodeCount, 'the raw object loads').to.equal(twoGraphs().b.nodes.length);
  });
});
