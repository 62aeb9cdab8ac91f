// Angular: a standalone component with CUSTOM_ELEMENTS_SCHEMA binds [graph] and listens to
// (v2u-change) on two editors. Compiled in the page (JIT); with the Angular CLI write the
// same metadata as an @Component decorator.
import '@angular/compiler';
import { Component, CUSTOM_ELEMENTS_SCHEMA, enableProdMode, provideZonelessChangeDetection, signal } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import 'v2u-editor'; // defines <v2u-editor>
import { describeFlow, sampleFlow } from '../framework-sample.js';

class FlowsComponent {
  /** What the app hands down; a new object loads a new flow. */
  flows = signal([sampleFlow('left'), sampleFlow('right')]);
  /** What the editors reported. Kept apart from `flows`, so an edit is never handed back
   *  to the editor (that would reload it and clear its undo history). */
  seen = [signal({ graph: this.flows()[0], changes: 0 }), signal({ graph: this.flows()[1], changes: 0 })];
  locked = signal(false);

  onChange(i, event) {
    this.seen[i].update((s) => ({ graph: event.detail.graph, changes: s.changes + 1 }));
  }

  reset() {
    this.flows.set([sampleFlow('left'), sampleFlow('right')]);
    this.flows().forEach((graph, i) => this.seen[i].set({ graph, changes: 0 }));
  }

  describe(i) {
    const { graph, changes } = this.seen[i]();
    return describeFlow(graph, changes);
  }
}

Component({
  selector: 'v2u-demo-flows',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // [attr.readonly], not [readonly]: Angular maps `readonly` to the DOM property `readOnly`.
  template: `
    <header>
      <h1>V2U editor in Angular</h1>
      <label><input type="checkbox" [checked]="locked()" (change)="locked.set($any($event.target).checked)" /> Read-only</label>
      <button type="button" (click)="reset()">Reset both flows</button>
    </header>
    <p class="note">Drag nodes in either editor: the lines below are Angular state. Editing one editor leaves the other alone.</p>
    <main class="flows">
      @for (graph of flows(); track $index) {
        <section>
          <v2u-editor no-palette [graph]="graph" [attr.readonly]="locked() ? '' : null"
            (v2u-change)="onChange($index, $event)"></v2u-editor>
          <output>{{ $index ? 'right' : 'left' }}: {{ describe($index) }}</output>
        </section>
      }
    </main>`,
})(FlowsComponent);

enableProdMode();
bootstrapApplication(FlowsComponent, { providers: [provideZonelessChangeDetection()] }).catch((error) => console.error(error));
