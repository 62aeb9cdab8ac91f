import { css } from 'lit';

/** The autosave banner, adopted when the autosave chunk loads. */
export const bannerStyles = css`
  .banner {
    display: flex;
    align-items: center;
    gap: 8px;
    padding: 6px 10px;
    background: color-mix(in srgb, var(--_accent) 15%, var(--_panel));
    border-bottom: 1px solid var(--_accent);
  }
  .banner button {
    font: inherit;
    color: inherit;
  }
  .banner span {
    flex: 1;
  }
`;
