// `node bench/lod-switch.mjs [nodes]`: what crossing the 0.5 level-of-detail threshold costs
// in style and layout. Loads the V2U bench page (default 10,000 nodes), zooms out by real
// ctrl+wheel steps to just above 0.5, then in the page switches the layer's class between
// `lod-full` and `lod-simple` and forces style and layout (offsetWidth), 20 times each way:
// as built, without the `content-visibility` rule (text colour only), and with a class no
// rule reads (the floor). Paint is not included. Run from the repository root after `npm run build`.
import { openV2uPage } from './lib/v2u-page.mjs';

const [nodes = '10000'] = process.argv.slice(2);
const { page, close } = await openV2uPage(nodes);
try {
  await page.mouse.move(640, 400);
  await page.keyboard.down('Control');
  while ((await page.evaluate(() => window.benchEditor.viewport().zoom)) > 0.56) await page.mouse.wheel({ deltaY: 100 });
  await page.keyboard.up('Control');
  await page.evaluate(() => window.benchPerf.settle());
  const figures = await page.evaluate(() => {
    const root = document.getElementById('editor').shadowRoot;
    const layer = root.querySelector('.layer');
    const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const time = (from, to) => {
      const t = performance.now();
      layer.classList.replace(from, to);
      void layer.offsetWidth;
      return performance.now() - t;
    };
    const both = (from, to) => {
      const [down, up] = [[], []];
      for (let i = 0; i < 20; i++) {
        down.push(time(from, to));
        up.push(time(to, from));
      }
      return { down: median(down), up: median(up) };
    };
    const asBuilt = both('lod-full', 'lod-simple');
    const colourOnly = new CSSStyleSheet();
    colourOnly.replaceSync(':is(.lod-simple, .lod-canvas) :is(.status, .body) { content-visibility: visible }');
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, colourOnly];
    const textOnly = both('lod-full', 'lod-simple');
    root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== colourOnly);
    const floor = both('lod-full', 'lod-unused');
    return { zoom: window.benchEditor.viewport().zoom, shells: root.querySelectorAll('[data-node]').length, asBuilt, textOnly, floor };
  });
  const ms = ({ down, up }) => `${down.toFixed(2)} ms down / ${up.toFixed(2)} ms up`;
  console.log(`${nodes} nodes, zoom ${figures.zoom.toFixed(2)}, ${figures.shells} node shells in the DOM; style + layout of one switch (median of 20):`);
  console.log(`  as built (text colour + content-visibility): ${ms(figures.asBuilt)}`);
  console.log(`  text colour only:                            ${ms(figures.textOnly)}`);
  console.log(`  a class no rule reads (floor):               ${ms(figures.floor)}`);
} finally {
  await close();
}
