// Real input the stock @web/test-runner-commands lacks: wheel, double-click and
// multi-touch, sent through the DevTools protocol like sendMouse, never synthesised in the page.

const sessions = new WeakMap();

/** @returns {import('@web/test-runner-core').TestRunnerPlugin} */
export function inputPlugin() {
  return {
    name: 'v2u-input',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('v2u-')) return undefined;
      const page = session.browser.getPage(session.id);
      switch (command) {
        case 'v2u-wheel':
          await page.mouse.move(payload.x, payload.y);
          await page.mouse.wheel({ deltaX: payload.deltaX ?? 0, deltaY: payload.deltaY ?? 0 });
          return true;
        case 'v2u-dblclick':
          await page.mouse.click(payload.x, payload.y, { count: 2 });
          return true;
        case 'v2u-touch': {
          // A touch sequence must go through one protocol session from start to end.
          let client = sessions.get(page);
          if (!client) sessions.set(page, (client = await page.createCDPSession()));
          await client.send('Input.dispatchTouchEvent', {
            type: { start: 'touchStart', move: 'touchMove', end: 'touchEnd' }[payload.type],
            touchPoints: payload.points.map((p) => ({ x: p.x, y: p.y, id: p.id, radiusX: 1, radiusY: 1, force: 1 })),
          });
          return true;
        }
        default:
          throw new Error(`Unknown command ${command}`);
      }
    },
  };
}
