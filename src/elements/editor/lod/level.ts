/**
 * Levels of detail of the canvas, by zoom:
 * - `full`: every node is a DOM shell with its title, port labels, status and body.
 * - `simple` (below `SIMPLE_BELOW`): the same shells keep their boxes, title bar and ports,
 *   but text that would be under about 7 px on screen, status and previews are not drawn.
 * - `canvas` (below `CANVAS_BELOW`): nodes and edges are painted on one canvas; only the
 *   focused node keeps a DOM shell, so keyboard and screen-reader access stay.
 */
export type LodLevel = 'full' | 'simple' | 'canvas';

/**
 * Node text is 13 to 14 px: below this zoom it is under 7 px on screen. The same zoom as the
 * fit floor (a loaded graph is fitted only when it reads), so a fitted graph shows in full.
 */
export const SIMPLE_BELOW = 0.5;
/** Below this zoom a screen holds hundreds of nodes, too small to read or aim at one by one. */
export const CANVAS_BELOW = 0.35;
/** Going back up a level takes this much more zoom, so a zoom resting on a threshold does not flicker. */
const HYSTERESIS = 1.05;

/** The level at `zoom`, coming from `previous`. */
export function lodLevel(zoom: number, previous: LodLevel = 'full'): LodLevel {
  const rank = previous === 'canvas' ? 2 : previous === 'simple' ? 1 : 0;
  const below = (threshold: number, level: number) => zoom < threshold * (rank >= level ? HYSTERESIS : 1);
  if (below(CANVAS_BELOW, 2)) return 'canvas';
  return below(SIMPLE_BELOW, 1) ? 'simple' : 'full';
}
