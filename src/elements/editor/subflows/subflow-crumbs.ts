import { css, html, nothing } from 'lit';

/**
 * The breadcrumb bar of opened subflows: "Flow › Orders cleanup › …". Every crumb but the
 * last is a button back out to that level; the last names where the canvas is. Titles are
 * user strings and render as text; `after` follows them (the settings toggle). Nothing
 * renders while the flow itself is shown.
 */
export function renderCrumbs(titles: string[], back: (depth: number) => void, after?: unknown): unknown {
  if (!titles.length) return nothing;
  const crumbs = ['Flow', ...titles];
  return html`<nav class="crumbs" part="breadcrumbs" aria-label="Subflow path">
    <ol>
      ${crumbs.map((title, depth) =>
        depth === titles.length
          ? html`<li aria-current="location">${title}</li>`
          : html`<li><button type="button" data-depth=${depth} title="Back to ${title}" @click=${() => back(depth)}>${title}</button><span aria-hidden="true">›</span></li>`,
      )}
    </ol>
    ${after ?? nothing}
  </nav>`;
}

/** The bar sits on a row of its own above the toolbar's buttons. */
export const crumbStyles = css`
  .crumbs {
    display: flex;
    align-items: center;
    gap: 12px;
    flex-basis: 100%;
    font-size: 0.92em;
  }
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .crumbs li {
    display: inline-flex;
    align-items: center;
    gap: 4px;
  }
  .crumbs li[aria-current] {
    font-weight: 600;
  }
  .toolbar .crumbs button {
    height: 24px;
    color: var(--_accent);
    text-decoration: underline;
  }
`;
