import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { FormController, type FormHost } from '../../../../src/elements/editor/form-controller.js';
import { defineHost, sleep } from './hosts.js';

/** A form-associated host whose value, emptiness and required state a test sets directly. */
class TestFormHost extends LitElement implements FormHost {
  static formAssociated = true;
  value = 'first';
  name = 'flow';
  disabled = false;
  required = false;
  empty = false;
  updates = 0;
  readonly form = new FormController(this);

  get canvas(): HTMLElement | null {
    return this;
  }

  formDisabledCallback(disabled: boolean) {
    this.form.formDisabled = disabled;
  }

  override updated() {
    this.updates++;
  }
}
const tag = defineHost('test-form-host', TestFormHost);

async function inForm(): Promise<{ form: HTMLFormElement; host: TestFormHost; fieldset: HTMLFieldSetElement }> {
  const form = await fixture<HTMLFormElement>(html`<form novalidate><fieldset></fieldset></form>`);
  const fieldset = form.querySelector('fieldset')!;
  const host = document.createElement(tag) as TestFormHost;
  host.setAttribute('name', host.name); // the browser names a form-associated element's entry by its attribute
  fieldset.append(host);
  await host.updateComplete;
  return { form, host, fieldset };
}

/** The value the form had published before FormData's own flush (a capturing listener runs first). */
function publishedValue(form: HTMLFormElement, name: string): FormDataEntryValue | null {
  let seen: FormDataEntryValue | null = null;
  const read = (event: Event) => (seen = (event as FormDataEvent).formData.get(name));
  document.addEventListener('formdata', read, { capture: true, once: true });
  new FormData(form);
  return seen;
}

describe('FormController', () => {
  it('publishes value and validity 100 ms after the last change of a burst, not before', async () => {
    const { form, host } = await inForm();
    host.required = true;
    host.value = 'empty graph';
    host.empty = true;
    const start = performance.now();
    host.form.sync();
    await sleep(60);
    host.form.sync();
    await sleep(60);
    expect(host.form.internals.validity.valid, '120 ms in, the burst is still coalescing').to.equal(true);
    await waitUntil(() => host.form.internals.validity.valueMissing, 'published after the burst');
    expect(performance.now() - start, 'about 100 ms after the last change').to.be.at.least(60 + 95);
    expect(publishedValue(form, 'flow')).to.equal('empty graph');
  });

  it('moves wait until the gesture has been quiet for 500 ms, then for an idle moment', async () => {
    const { host } = await inForm();
    host.required = true;
    host.empty = true;
    host.form.sync(false, true);
    await sleep(300);
    host.form.sync(false, true);
    const last = performance.now();
    await sleep(400);
    expect(host.form.internals.validity.valid, '400 ms after the last move: still waiting').to.equal(true);
    await waitUntil(() => host.form.internals.validity.valueMissing, 'published once quiet and idle', { timeout: 4000 });
    expect(performance.now() - last).to.be.at.least(495);
  });

  it('new FormData(form) and a submission get the value as it is now, even with a publish pending', async () => {
    const { form, host } = await inForm();
    host.value = 'dragged';
    host.form.sync(false, true);
    expect(new FormData(form).get('flow'), 'formdata flushes').to.equal('dragged');

    host.required = true;
    host.empty = true;
    host.form.sync(false, true);
    let validAtSubmit: boolean | undefined;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      validAtSubmit = host.form.internals.validity.valid;
    });
    form.requestSubmit();
    expect(validAtSubmit, 'validity is fresh when the submission starts').to.equal(false);
  });

  it('is invalid while required and empty, pointing at the canvas with a message', async () => {
    const { form, host } = await inForm();
    host.required = true;
    host.empty = true;
    host.form.sync(true);
    expect(host.form.internals.checkValidity(), 'required and empty').to.equal(false);
    expect(host.form.internals.validationMessage).to.equal('Add at least one node to the flow');
    expect(form.checkValidity(), 'the form sees it').to.equal(false);

    host.empty = false;
    host.form.sync(true);
    expect(host.form.internals.validity.valid, 'a node makes it valid').to.equal(true);
    host.empty = true;
    host.required = false;
    host.form.sync(true);
    expect(host.form.internals.validity.valid, 'empty but optional is valid').to.equal(true);
  });

  it('a disabled fieldset sets formDisabled (the host renders again) and keeps the value out', async () => {
    const { form, host, fieldset } = await inForm();
    const updatesBefore = host.updates;
    fieldset.disabled = true;
    expect(host.form.formDisabled, 'from formDisabledCallback').to.equal(true);
    await host.updateComplete;
    expect(host.updates, 'the host renders its disabled state').to.be.greaterThan(updatesBefore);
    expect(new FormData(form).has('flow'), 'no entry while the fieldset is disabled').to.equal(false);

    fieldset.disabled = false;
    expect(host.form.formDisabled).to.equal(false);
    expect(new FormData(form).get('flow')).to.equal('first');

    host.disabled = true;
    host.setAttribute('disabled', ''); // as the editor reflects it
    expect(new FormData(form).has('flow'), 'a disabled host (the attribute the editor reflects) is left out too').to.equal(false);
  });

  it('a removed host publishes nothing more and listens to its new form after a move', async () => {
    const { form, host } = await inForm();
    host.required = true;
    host.empty = true;
    host.form.sync();
    host.remove();
    await sleep(200);
    expect(host.form.internals.validity.valid, 'the pending publish was cancelled').to.equal(true);

    const other = await fixture<HTMLFormElement>(html`<form></form>`);
    other.append(host);
    host.value = 'moved';
    expect(new FormData(other).get('flow'), 'flushed by the new form').to.equal('moved');
    expect(new FormData(form).has('flow'), 'gone from the old form').to.equal(false);
  });
});
