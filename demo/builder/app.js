// A flow with two groups, a subflow ("Big orders") and a node type made in the node builder
// ("Price with VAT"). The builder-made type arrives as a node pack, like any library: its
// logic is data (two expressions), so nothing in it is code the page runs.
const editor = document.getElementById('editor');
await editor.registry.registerBundle(new URL('./price-with-vat.bundle.json', import.meta.url));
editor.graph = await (await fetch('./flow.json')).json();
