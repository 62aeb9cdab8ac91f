// What both strict-CSP pages do first: collect violations, load the bundled editor, and give
// the page's <v2u-editor id="editor"> the test fixtures' node library.
import type { V2uEditor } from '../../src/elements/editor/editor.component.js';

export const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective}: ${e.blockedURI || e.sample}`));

/** The page's editor, from the built bundle, editable, with the fixture library registering. */
export async function bundledEditor(): Promise<{ editor: V2uEditor; library: Promise<void> }> {
  await import(new URL('../../v2u-editor.js', import.meta.url).href);
  const editor = document.getElementById('editor') as V2uEditor;
  await customElements.whenDefined('v2u-editor');
  await editor.whenEditable();
  return { editor, library: editor.registry.registerIndex(new URL('../fixtures/bundled/bundles/index.json', import.meta.url)).then(() => undefined) };
}
