/** What a hover-intent helper reports: a pointer rested on an item, or focus reached it. */
export type HoverIntentKind = 'hover' | 'focus';

export interface HoverIntentOptions {
  /** Called once the pointer has rested on an item long enough, or at once on keyboard focus. */
  onIntent(type: string, kind: HoverIntentKind): void;
  /** Rest delays in ms per pointer type; default mouse and pen 200, touch 400. */
  delays?: Partial<Record<'mouse' | 'pen' | 'touch', number>>;
  /** Attribute naming an item's node type (default `data-v2u-type`). */
  attribute?: string;
}

export interface HoverIntent {
  update(options: Partial<HoverIntentOptions>): void;
  destroy(): void;
}

const DEFAULT_DELAYS = { mouse: 200, pen: 200, touch: 400 };

/**
 * Watches `root` (an element or shadow root) for a pointer resting on an item (any
 * element with `data-v2u-type`) and for keyboard focus on one. Leaving the item before
 * the delay cancels. Returns `{ update, destroy }`, to be hosted in a Lit controller.
 *
 * @example
 * const intent = hoverIntent(this.renderRoot, { onIntent: (type) => loader.intent(type, 'hover') });
 * // later: intent.destroy();
 */
export function hoverIntent(root: Node, initial: HoverIntentOptions): HoverIntent {
  let options = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingType: string | undefined;

  const typeOf = (target: EventTarget | null): string | undefined => {
    const item = target instanceof Element ? target.closest(`[${options.attribute ?? 'data-v2u-type'}]`) : null;
    return item?.getAttribute(options.attribute ?? 'data-v2u-type') ?? undefined;
  };
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
    pendingType = undefined;
  };
  const handleOver = (event: Event) => {
    const { pointerType, target } = event as PointerEvent;
    const type = typeOf(target);
    if (type === pendingType) return;
    cancel();
    if (!type) return;
    const delays = { ...DEFAULT_DELAYS, ...options.delays };
    pendingType = type;
    timer = setTimeout(() => {
      cancel();
      options.onIntent(type, 'hover');
    }, delays[pointerType as keyof typeof delays] ?? delays.mouse);
  };
  const handleOut = (event: Event) => {
    if (typeOf((event as PointerEvent).relatedTarget) !== pendingType) cancel();
  };
  const handleFocus = (event: Event) => {
    const type = typeOf(event.target);
    if (type) options.onIntent(type, 'focus');
  };

  const listeners: [string, EventListener][] = [
    ['pointerover', handleOver], ['pointerout', handleOut], ['pointercancel', cancel], ['focusin', handleFocus],
  ];
  for (const [name, listener] of listeners) root.addEventListener(name, listener);
  return {
    update: (next) => void (options = { ...options, ...next }),
    destroy: () => {
      cancel();
      for (const [name, listener] of listeners) root.removeEventListener(name, listener);
    },
  };
}
