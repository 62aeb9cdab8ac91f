// What the LiteGraph bench page loads: the editor core (litegraph.core.js, without the
// bundled node library), exposed as ES exports.
import litegraph from 'litegraph.js/build/litegraph.core.js';

export const { LiteGraph, LGraph, LGraphCanvas } = litegraph;
