import { EditorAttributes } from './editor-attributes.js';
import { FormController } from './form-controller.js';

/**
 * The form control part of `<v2u-editor>`: the members browsers and forms call on a
 * form-associated element, answered by its `FormController`. The graph JSON is the value.
 */
export abstract class EditorForm extends EditorAttributes {
  /** Takes part in forms: the graph JSON is the form value. */
  static formAssociated = true;

  /** The form value: the graph as JSON text. */
  abstract get value(): string;

  /**
   * Whether the graph has no node (invalid when `required`).
   * @internal
   */
  abstract get empty(): boolean;

  /**
   * The canvas, where the browser points when it reports the control invalid.
   * @internal
   */
  abstract get canvas(): HTMLElement | null;

  protected readonly formControl = new FormController(this);

  /** Form reset: back to the graph the page gave. */
  protected abstract resetGraph(): void;

  /** Browser form restore: the graph JSON it saved. */
  protected abstract restoreGraph(json: string): void;

  /** False when readonly, disabled, or in a disabled fieldset or form: no edits. */
  get editable(): boolean {
    return !this.readonly && !this.disabled && !this.formControl.formDisabled;
  }

  /** The form this editor belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.formControl.internals.form;
  }

  /** Form validity, as for any form control. */
  get validity(): ValidityState {
    return this.formControl.internals.validity;
  }

  get validationMessage(): string {
    return this.formControl.internals.validationMessage;
  }

  checkValidity(): boolean {
    return this.formControl.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.formControl.internals.reportValidity();
  }

  /** Form reset: back to the graph the page gave. */
  formResetCallback(): void {
    this.resetGraph();
  }

  /** Browser form restore (back/forward, session restore). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.restoreGraph(state);
  }

  formDisabledCallback(disabled: boolean): void {
    this.formControl.formDisabled = disabled;
  }
}
