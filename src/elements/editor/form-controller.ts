import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { cancelIdle, onIdle } from '../../registry/idle.js';

/** What form association needs from its element. */
export interface FormHost extends ReactiveControllerHost, HTMLElement {
  /** The form value: the graph as JSON text. */
  readonly value: string;
  readonly name: string;
  readonly disabled: boolean;
  readonly required: boolean;
  /** Whether the graph has no node (invalid when required). */
  readonly empty: boolean;
  /** Where the browser points when it reports the control invalid. */
  readonly canvas: HTMLElement | null;
}

/** A gesture is over when its changes have stopped for this long. */
const GESTURE_QUIET_MS = 500;

/**
 * Form association: the form value and validity through `ElementInternals`, the form's
 * disabled state, and a fresh value right before a submission or `new FormData(form)`.
 * Modelled on Shoelace's form control controller.
 */
export class FormController implements ReactiveController {
  readonly internals: ElementInternals;
  private _formDisabled = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _idle: number | undefined;
  private _form: HTMLFormElement | null = null;

  constructor(private readonly _host: FormHost) {
    this.internals = _host.attachInternals();
    _host.addController(this);
  }

  hostConnected(): void {
    this._form = this.internals.form;
    this._form?.addEventListener('submit', this._flush, true);
    this._form?.addEventListener('formdata', this._flush);
  }

  hostDisconnected(): void {
    this._cancelPending();
    this._form?.removeEventListener('submit', this._flush, true);
    this._form?.removeEventListener('formdata', this._flush);
    this._form = null;
  }

  /** Disabled by a disabled fieldset or form. */
  get formDisabled(): boolean {
    return this._formDisabled;
  }

  set formDisabled(disabled: boolean) {
    this._formDisabled = disabled;
    this._host.requestUpdate();
  }

  /**
   * Publishes the graph to the form, coalescing bursts of changes into one. Loads, moves and
   * viewport changes (drags, pans, zooms: many per second) wait until the changes have been
   * quiet for a while and then for an idle moment, since serialising a 10,000-node graph
   * takes tens of milliseconds (an idle callback alone fires between the frames of a drag);
   * submit and formdata flush the value anyway, so a form never sends a stale one.
   */
  sync(now = false, whenIdle = false): void {
    this._cancelPending();
    if (now) this._apply();
    else if (whenIdle) this._timer = setTimeout(() => (this._idle = onIdle(() => this._apply(), 2000)), GESTURE_QUIET_MS);
    else this._timer = setTimeout(() => this._apply(), 100);
  }

  private _apply() {
    const json = this._host.value;
    this.internals.setFormValue(json, json);
    if (this._host.required && this._host.empty)
      this.internals.setValidity({ valueMissing: true }, 'Add at least one node to the flow', this._host.canvas ?? undefined);
    else this.internals.setValidity({});
  }

  private _cancelPending() {
    clearTimeout(this._timer);
    cancelIdle(this._idle);
    this._idle = undefined;
  }

  /** Before a submission or `new FormData(form)` reads entries: the graph as it is now. */
  private _flush = (event: Event) => {
    this.sync(true);
    const data = (event as FormDataEvent).formData;
    const { name, disabled } = this._host;
    if (data && name && !disabled && !this._formDisabled) data.set(name, this._host.value);
  };
}

