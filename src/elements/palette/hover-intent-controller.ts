import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hoverIntent, type HoverIntent, type HoverIntentOptions } from '../../runtime/hover-intent.js';

type Host = ReactiveControllerHost & { renderRoot: Node };

/**
 * Hosts the hover-intent helper on an element's render root: created on connect,
 * destroyed on disconnect, so no listener or timer outlives the element.
 */
export class HoverIntentController implements ReactiveController {
  private _intent: HoverIntent | undefined;

  constructor(
    private readonly _host: Host,
    private readonly _options: HoverIntentOptions,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._intent = hoverIntent(this._host.renderRoot, this._options);
  }

  hostDisconnected(): void {
    this._intent?.destroy();
    this._intent = undefined;
  }
}
