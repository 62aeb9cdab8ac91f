// The CLI's progress line: on a terminal, for long runs only; never anywhere else.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { progressLine } from '../../bin/lib/progress.mjs';

function fakeStream(isTTY, columns = 120) {
  const writes = [];
  return { isTTY, columns, writes, write: (text) => writes.push(text) };
}

function feed(progress, clock, steps) {
  for (const [at, event] of steps) {
    clock.t = at;
    progress.onEvent(event);
  }
}

const running = (nodeId) => ({ type: 'node-status', runId: 1, nodeId, state: { status: 'running', progress: 0 } });
const done = (nodeId) => ({ type: 'node-status', runId: 1, nodeId, state: { status: 'done', progress: 1 } });

test('on a terminal, a run longer than the delay shows one redrawn line, cleared at the end', () => {
  const stream = fakeStream(true);
  const clock = { t: 0 };
  const progress = progressLine(stream, { delayMs: 500, everyMs: 100, now: () => clock.t });
  feed(progress, clock, [
    [0, { type: 'run-start', runId: 1, nodes: ['a', 'b', 'c'] }],
    [10, running('a')],
    [300, done('a')],
  ]);
  assert.deepEqual(stream.writes, [], 'nothing before the delay');
  feed(progress, clock, [
    [600, running('b')],
    [650, { type: 'node-progress', runId: 1, nodeId: 'b', progress: 0.5 }],
    [900, { type: 'node-progress', runId: 1, nodeId: 'b', progress: 0.75 }],
  ]);
  progress.done();
  assert.equal(stream.writes.length, 3, `redrawn at most every 100 ms, then cleared: ${JSON.stringify(stream.writes)}`);
  assert.match(stream.writes[0], /^\r\x1b\[2Kv2u-editor: 1\/3 nodes finished · running b · 0\.6 s$/);
  assert.match(stream.writes[1], /running b 75%/);
  assert.equal(stream.writes[2], '\r\x1b[2K', 'the line is cleared');
});

test('the line fits the terminal width', () => {
  const stream = fakeStream(true, 30);
  const clock = { t: 1000 };
  const progress = progressLine(stream, { delayMs: 0, now: () => clock.t });
  progress.onEvent({ type: 'run-start', runId: 1, nodes: ['a-very-long-node-id', 'another-long-node-id'] });
  progress.onEvent(running('a-very-long-node-id'));
  progress.done();
  assert.ok(stream.writes[0].replace('\r\x1b[2K', '').length < 30, stream.writes[0]);
});

test('when stderr is not a terminal, nothing is written', () => {
  const stream = fakeStream(undefined);
  const clock = { t: 0 };
  const progress = progressLine(stream, { delayMs: 0, now: () => clock.t });
  feed(progress, clock, [
    [0, { type: 'run-start', runId: 1, nodes: ['a'] }],
    [5000, running('a')],
    [9000, done('a')],
  ]);
  progress.done();
  assert.deepEqual(stream.writes, []);
});
