// Real input the stock @web/test-runner-commands lacks: wheel, double-click and
// multi-touch, sent through the DevTools protocol like sendMouse, never synthesised in the page.

const sessions = new WeakMap();

async function sessionOf(page) {
  let client = sessions.get(page);
  if (!client) sessions.set(page, (client = await page.createCDPSession()));
  return client;
}

/** A native HTML drag and drop: press, move until Chromium hands over the drag data, drop it. */
async function dragAndDrop(client, [x1, y1], [x2, y2]) {
  await client.send('Input.setInterceptDrags', { enabled: true });
  try {
    const intercepted = new Promise((resolve) => client.once('Input.dragIntercepted', (event) => resolve(event.data)));
    const mouse = (type, x, y) => client.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1 });
    await mouse('mouseMoved', x1, y1);
    await mouse('mousePressed', x1, y1);
    await mouse('mouseMoved', (x1 + x2) / 2, (y1 + y2) / 2);
    await mouse('mouseMoved', x2, y2);
    const data = await Promise.race([intercepted, new Promise((_, reject) => setTimeout(() => reject(new Error('no drag started')), 3000))]);
    for (const type of ['dragEnter', 'dragOver', 'drop']) await client.send('Input.dispatchDragEvent', { type, x: x2, y: y2, data });
    await mouse('mouseReleased', x2, y2);
  } finally {
    await client.send('Input.setInterceptDrags', { enabled: false });
  }
}

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
        case 'v2u-drag-drop':
          await dragAndDrop(await sessionOf(page), payload.from, payload.to);
          return true;
        case 'v2u-touch': {
          // A touch sequence must go through one protocol session from start to end.
          const client = await sessionOf(page);
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
