import { LIMITS, type Point, type Rect, type Viewport } from '../../core/index.js';

/**
 * Viewport math, pure: `x`/`y` is where the graph origin sits on screen (CSS pixels in the
 * canvas) and `zoom` scales graph units to screen pixels.
 */
export interface ZoomLimits {
  min: number;
  max: number;
}

export function toGraph(viewport: Viewport, screen: Point): Point {
  return { x: (screen.x - viewport.x) / viewport.zoom, y: (screen.y - viewport.y) / viewport.zoom };
}

export function toScreen(viewport: Viewport, point: Point): Point {
  return { x: point.x * viewport.zoom + viewport.x, y: point.y * viewport.zoom + viewport.y };
}

/** The part of the graph a canvas of `size` shows, grown by `margin` screen pixels on each side. */
export function visibleRect(viewport: Viewport, size: { width: number; height: number }, margin = 0): Rect {
  const z = viewport.zoom;
  return { x: (-viewport.x - margin) / z, y: (-viewport.y - margin) / z, width: (size.width + 2 * margin) / z, height: (size.height + 2 * margin) / z };
}

/** Within the element's limits and the document's (a `min-zoom` of 0 must not save a zoom of 0). */
export function clampZoom(zoom: number, limits: ZoomLimits): number {
  return Math.min(limits.max, LIMITS.zoomMax, Math.max(limits.min, LIMITS.zoomMin, zoom));
}

/** Zooms by `factor` keeping the graph point under `screen` fixed. */
export function zoomAround(viewport: Viewport, screen: Point, factor: number, limits: ZoomLimits): Viewport {
  const zoom = clampZoom(viewport.zoom * factor, limits);
  const anchor = toGraph(viewport, screen);
  return { zoom, x: screen.x - anchor.x * zoom, y: screen.y - anchor.y * zoom };
}

/** The viewport that shows `bounds` whole and centred, with `padding` pixels around it. */
export function fitRect(bounds: Rect, size: { width: number; height: number }, limits: ZoomLimits, padding = 40): Viewport {
  const zoom = clampZoom(
    Math.min((size.width - 2 * padding) / Math.max(bounds.width, 1), (size.height - 2 * padding) / Math.max(bounds.height, 1)),
    { min: limits.min, max: Math.min(limits.max, 1) },
  );
  return {
    zoom,
    x: size.width / 2 - (bounds.x + bounds.width / 2) * zoom,
    y: size.height / 2 - (bounds.y + bounds.height / 2) * zoom,
  };
}

/**
 * Fits `bounds` to the whole canvas: the minimap, which would cover its corner, shows only
 * while part of the graph is out of view (`V2uMinimap`), so a fitted graph has the canvas to itself.
 */
export function fitCanvas(bounds: Rect, size: { width: number; height: number }, limits: ZoomLimits): Viewport {
  return fitRect(bounds, size, limits, 24);
}

/** Moves the viewport so graph point `center` sits in the middle of the canvas. */
export function centerOn(viewport: Viewport, center: Point, size: { width: number; height: number }): Viewport {
  return { zoom: viewport.zoom, x: size.width / 2 - center.x * viewport.zoom, y: size.height / 2 - center.y * viewport.zoom };
}
