// Vue 3: two editors in one app. The left one uses the v-model wrapper below, the right one
// binds `:graph.prop` and listens to `@v2u-change` directly. Each stays independent.
import { createApp, defineComponent, ref, shallowRef, watch } from 'vue';
import 'v2u-editor'; // defines <v2u-editor>
import { describeFlow, sampleFlow } from '../framework-sample.js';

/**
 * `<graph-editor v-model="graph">`. The editor reports edits with `v2u-change`; a graph
 * from the parent is handed to the editor only when it is not the one the editor just
 * reported, so an edit never reloads the editor (which would clear its undo history).
 */
const GraphEditor = defineComponent({
  props: { modelValue: { type: Object, required: true } },
  emits: ['update:modelValue'],
  setup(props) {
    const editor = ref();
    watch([() => props.modelValue, editor], ([graph, el]) => {
      if (el && graph !== el.graph) el.graph = graph;
    });
    return { editor };
  },
  template: `<v2u-editor ref="editor" @v2u-change="$emit('update:modelValue', $event.detail.graph)"></v2u-editor>`,
});

const App = defineComponent({
  components: { GraphEditor },
  setup() {
    // shallowRef, not ref: the editor wants plain JSON data, not a deep reactive proxy.
    const left = shallowRef(sampleFlow('v-model'));
    const rightInitial = shallowRef(sampleFlow(':graph.prop'));
    const right = shallowRef(rightInitial.value);
    const changes = ref({ left: 0, right: 0 });
    const locked = ref(false);
    const onRightChange = (event) => {
      right.value = event.detail.graph;
      changes.value.right++;
    };
    const reset = () => {
      left.value = sampleFlow('v-model');
      rightInitial.value = right.value = sampleFlow(':graph.prop');
      changes.value = { left: 0, right: 0 };
    };
    return { left, rightInitial, right, changes, locked, onRightChange, reset, describeFlow };
  },
  template: `
    <header>
      <h1>V2U editor in Vue 3</h1>
      <label><input type="checkbox" v-model="locked" /> Read-only</label>
      <button type="button" @click="reset">Reset both flows</button>
    </header>
    <p class="note">Drag nodes in either editor: the lines below are Vue state. Editing one editor leaves the other alone.</p>
    <main class="flows">
      <section>
        <graph-editor v-model="left" @update:model-value="changes.left++" no-palette :readonly="locked"></graph-editor>
        <output>v-model: {{ describeFlow(left, changes.left) }}</output>
      </section>
      <section>
        <v2u-editor no-palette :graph.prop="rightInitial" :readonly="locked" @v2u-change="onRightChange"></v2u-editor>
        <output>:graph.prop + @v2u-change: {{ describeFlow(right, changes.right) }}</output>
      </section>
    </main>`,
});

const app = createApp(App);
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('v2u-');
app.mount('#app');
