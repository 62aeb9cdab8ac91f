// Angular 21 in JIT mode: '@angular/compiler' compiles the string template in the browser,
// zoneless change detection, a standalone component with CUSTOM_ELEMENTS_SCHEMA binding
// [graph] and (v2u-change). No decorators: the component metadata is applied as JIT does.
// Angular maps a `[readonly]` binding to the DOM property `readOnly` (as for <input>), which
// the editor does not have: bind the attribute, `[attr.readonly]`, instead.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, inject, InjectionToken, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { GraphDocument } from '../../src/core/index.js';
import type { V2uChangeDetail } from '../../src/elements/shared/events.js';
import { describeFrameworkApp, EDITOR_STYLE, summarize, testManifests, type MountApp } from './framework-scenarios.js';

const GRAPHS = new InjectionToken<{ a: GraphDocument; b: GraphDocument }>('graphs');

class FlowsComponent {
  private readonly graphs = inject(GRAPHS);
  /** What the app binds down: editor a's graph can be replaced; b's stays. */
  readonly graphA = signal(this.graphs.a);
  readonly graphB = this.graphs.b;
  readonly locked = signal(false);
  /** What the app has seen come up through `v2u-change`. */
  readonly seen = { a: signal({ graph: this.graphs.a, changes: 0 }), b: signal({ graph: this.graphs.b, changes: 0 }) };
  readonly manifests = testManifests;
  readonly style = EDITOR_STYLE;

  onChange(which: 'a' | 'b', event: CustomEvent<V2uChangeDetail>): void {
    this.seen[which].update((s) => ({ graph: event.detail.graph, changes: s.changes + 1 }));
  }

  summary(which: 'a' | 'b'): string {
    const { graph, changes } = this.seen[which]();
    return summarize(graph, changes);
  }
}

Component({
  selector: 'v2u-test-flows',
  standalone: true,
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <v2u-editor class="a" [style]="style" no-library no-palette [manifests]="manifests"
      [graph]="graphA()" [attr.readonly]="locked() ? '' : null" (v2u-change)="onChange('a', $event)"></v2u-editor>
    <output class="seen-a">{{ summary('a') }}</output>
    <v2u-editor class="b" [style]="style" no-library no-palette [manifests]="manifests"
      [graph]="graphB" (v2u-change)="onChange('b', $event)"></v2u-editor>
    <output class="seen-b">{{ summary('b') }}</output>`,
})(FlowsComponent);

const mountAngular: MountApp = async (root, graphs) => {
  root.append(document.createElement('v2u-test-flows'));
  const appRef = await bootstrapApplication(FlowsComponent, {
    providers: [provideZonelessChangeDetection(), { provide: GRAPHS, useValue: graphs }],
  });
  const flows = appRef.components[0].instance as FlowsComponent;
  return {
    load: (doc) => flows.graphA.set(doc),
    setReadonly: (on) => flows.locked.set(on),
    unmount: () => appRef.destroy(),
  };
};

describeFrameworkApp('Angular (JIT)', mountAngular);
