// Real input through the DevTools protocol (Input.dispatchMouseEvent via puppeteer's
// mouse): drags along a circle that ends where it began, and wheel sweeps. Every loop is
// bounded in time and in steps. `check` runs once, at the far side of the first circle,
// so a caller can verify that the gesture really moved something.

const STEP = 0.12; // radians per mouse move: about 18 px on a 150 px radius
const MAX_STEPS = 20_000;

/** The point on a circle of `radius` through `start` (angle 0 is the start itself). */
function onCircle(start, radius, angle) {
  return { x: start.x + radius - radius * Math.cos(angle), y: start.y + radius * Math.sin(angle) };
}

/** Presses at `start`, circles for about `ms`, returns to `start`, releases. */
export async function dragCircle(page, start, { ms, radius = 150, check }) {
  const mouse = page.mouse;
  let verdict;
  await mouse.move(start.x, start.y);
  await mouse.down();
  const until = Date.now() + ms;
  let angle = 0;
  for (let step = 0; step < MAX_STEPS && (Date.now() < until || angle < Math.PI + STEP); step++) {
    angle += STEP;
    const p = onCircle(start, radius, angle);
    await mouse.move(p.x, p.y);
    if (verdict === undefined && angle >= Math.PI && check) verdict = await check();
  }
  await mouse.move(start.x, start.y, { steps: 4 });
  await mouse.up();
  return verdict;
}

/** Wheel steps at `at`: `ticks` one way then back, repeated for about `ms`. */
export async function wheelSweep(page, at, { ms, ticks = 8, deltaY = 100, modifier, check }) {
  const mouse = page.mouse;
  let verdict;
  await mouse.move(at.x, at.y);
  if (modifier) await page.keyboard.down(modifier);
  try {
    const until = Date.now() + ms;
    for (let round = 0, steps = 0; steps < MAX_STEPS && (round === 0 || Date.now() < until); round++) {
      for (const sign of [1, -1])
        for (let i = 0; i < ticks; i++, steps++) {
          await mouse.wheel({ deltaY: sign * deltaY });
          if (verdict === undefined && sign === 1 && i === ticks - 1 && check) verdict = await check();
        }
    }
  } finally {
    if (modifier) await page.keyboard.up(modifier);
  }
  return verdict;
}

/** Wheel scrolling around a circle (a trackpad-style pan), back to where it began. */
export async function wheelCircle(page, at, { ms, radius = 150, check }) {
  let verdict;
  await page.mouse.move(at.x, at.y);
  const until = Date.now() + ms;
  let angle = 0;
  let last = onCircle({ x: 0, y: 0 }, radius, 0);
  for (let step = 0; step < MAX_STEPS && (Date.now() < until || angle < Math.PI + STEP); step++) {
    angle += STEP;
    const p = onCircle({ x: 0, y: 0 }, radius, angle);
    await page.mouse.wheel({ deltaX: p.x - last.x, deltaY: p.y - last.y });
    last = p;
    if (verdict === undefined && angle >= Math.PI && check) verdict = await check();
  }
  await page.mouse.wheel({ deltaX: -last.x, deltaY: -last.y });
  return verdict;
}
