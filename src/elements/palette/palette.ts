import { V2uPalette, type V2uPalettePickDetail } from './palette.component.js';

export { V2uPalette, PALETTE_DRAG_TYPE, type ManifestListing, type V2uPalettePickDetail } from './palette.component.js';

if (!customElements.get('v2u-palette')) customElements.define('v2u-palette', V2uPalette);

declare global {
  interface HTMLElementTagNameMap {
    'v2u-palette': V2uPalette;
  }
  interface HTMLElementEventMap {
    'v2u-palette-pick': CustomEvent<V2uPalettePickDetail>;
  }
}
