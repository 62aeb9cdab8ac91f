// The floor: the bench glue (common.js) and nothing else. It waits for the graph like every
// editor page does, renders nothing, then settles the same way: what "painted and
// interactive" costs before any editor code runs.
window.benchEditor = {
  name: 'Blank page',
  ready: (async () => {
    const graph = await window.benchGraph;
    const readyAt = await window.benchPerf.settle();
    return { readyAt, rendered: graph.nodes.length * 0 };
  })(),
};
