// The web build's leg of the conformance scenario (tests/conformance): a
// compiled session played from its start by WasmPlayer as the worklet plays
// it (128-frame quanta, waiting at check-ins), each command sent before the
// block that starts at its output sample (a quantum split there, as the C
// API's adapter splits its blocks), until it has finished.
//
//   node web/test/conformance_driver.mjs COMPILED_DIR ACTIONS SNAPSHOTS
// ACTIONS: JSON [{"sample": N, "command": "pause", "value": 0}, ...], the
// command named by the engine's vocabulary, in order of sample. SNAPSHOTS:
// JSON [N, ...], output samples at which to read the state (before the block
// starting there). The dist comes from STILLPOINT_WEB_DIST (else web/dist).
//
// Prints one JSON object: {"events": [{"type", "code", "index", "sample"}],
// "snapshots": [{"sample", "state": {the state's fields}}], "finished"}; a
// refused command or a session that would not load exits 1 with the reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EVENT_TYPES, WasmPlayer, instantiateEngine } from '../src/wasm_player.js';

const QUANTUM = 128; // an AudioWorklet's render quantum
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.STILLPOINT_WEB_DIST ?? path.join(web, 'dist');

function fail(message) {
  process.stderr.write(`conformance_driver: ${message}\n`);
  process.exit(1);
}

const [compiled, actionsJson, snapshotsJson] = process.argv.slice(2);
if (!compiled || !actionsJson || !snapshotsJson) {
  fail('usage: node conformance_driver.mjs COMPILED_DIR ACTIONS_JSON SNAPSHOTS_JSON');
}
const actions = JSON.parse(actionsJson);
const moments = JSON.parse(snapshotsJson);
const codeOf = Object.fromEntries(Object.entries(EVENT_TYPES).map(([code, name]) => [name, +code]));

const engine = await instantiateEngine(readFileSync(path.join(dist, 'stillpoint.wasm')));
const player = new WasmPlayer(engine, readFileSync(path.join(compiled, 'session.json'), 'utf8'),
  new Uint8Array(readFileSync(path.join(compiled, 'clips.pcm'))), { maxBlockFrames: QUANTUM });
// As StillpointPlayer's default: a listener is there, so a check-in waits for Continue.
if (player.setParameter('waitAtCheckins', 1) !== 0) fail('waitAtCheckins was refused');

const events = [];
const snapshots = [];
const limit = 60 * player.sampleRate; // a bound: the scenario ends well before
let finished = false;
let next = 0;
let snapshot = 0;
for (let at = 0; !(finished && snapshot === moments.length) && at < limit;) {
  for (; next < actions.length && actions[next].sample <= at; ++next) {
    const { command, value = 0 } = actions[next];
    const result = player.command(command, value);
    if (result !== 0) fail(`'${command}' at sample ${actions[next].sample} refused: sp_result ${result}`);
  }
  if (snapshot < moments.length && moments[snapshot] <= at) {
    snapshots.push({ sample: moments[snapshot], state: player.state() });
    ++snapshot;
  }
  // Up to the next action's (or snapshot's) sample, so it lands exactly there.
  let frames = QUANTUM;
  if (next < actions.length) frames = Math.min(frames, actions[next].sample - at);
  if (snapshot < moments.length) frames = Math.min(frames, moments[snapshot] - at);
  player.process(frames);
  at += frames;
  for (const event of player.pollEvents()) {
    events.push({ type: event.type, code: codeOf[event.type] ?? Number(event.type.slice(5)),
      index: event.index, sample: event.sample });
    finished ||= event.type === 'finished';
  }
}
player.destroy();
process.stdout.write(`${JSON.stringify({ events, snapshots, finished })}\n`);
