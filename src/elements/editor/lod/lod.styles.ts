import { css } from 'lit';

/**
 * Levels of detail (see `level.ts`): below the readable zoom, node text is not drawn (boxes,
 * title bars and ports keep their size and place, so nothing moves), and status and previews
 * skip rendering while keeping their state for when the person zooms back in.
 */
export const lodStyles = css`
  :is(.lod-simple, .lod-canvas) :is(.header, .port-label) {
    color: transparent;
  }
  :is(.lod-simple, .lod-canvas) :is(.status, .body) {
    content-visibility: hidden;
  }
  .canvas-layer {
    position: absolute;
    pointer-events: none;
  }
`;
