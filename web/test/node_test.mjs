// The web build under Node, no browser needed: the WebAssembly engine renders
// a compiled session exactly as `stillpoint render` writes it, its command
// names are the engine's vocabulary (and stillpoint.d.ts's), a damaged
// compiled session is refused with the place and the cause, and a heart's
// beats show in the state as the C API's sp_status shows them.
//
//   node web/test/node_test.mjs STILLPOINT OUT_DIR [NATIVE_RENDER [CAPI_HEART]]
// NATIVE_RENDER (tests/web/native_render.cpp): the same C ABI built natively,
// whose floats the wasm engine's must equal bit for bit. CAPI_HEART
// (tests/web/capi_heart.c): the C API's heart driven by the same script.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeClipFile } from '../src/stillpoint.js';
import { WasmPlayer, instantiateEngine } from '../src/wasm_player.js';
import { renderCompiled } from './render_offline.mjs';
import { compareWithWav, readWav24 } from './wav.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// web/dist, or where STILLPOINT_WEB_DIST put it (web/scripts/build.sh).
const dist = process.env.STILLPOINT_WEB_DIST ?? path.join(web, 'dist');
const root = path.resolve(web, '..');
// Defaults for `npm test` after a dev build: build/dev's command, and build/web-test for the files.
const [stillpoint = path.join(root, 'build/dev/cli/stillpoint'),
  outDir = path.join(root, 'build/web-test'),
  nativeRender = undefined, capiHeart = undefined] = process.argv.slice(2);
const session = path.join(web, 'test', 'sessions', 'web-test.yaml');
const compiled = path.join(outDir, 'node-test');
mkdirSync(outDir, { recursive: true });
// Raw clips: Node has no audio decoder for FLAC.
execFileSync(stillpoint, ['compile', session, '-o', compiled, '--clips', 'pcm', '--quiet']);
execFileSync(stillpoint, ['render', session, '-o', `${compiled}.wav`, '--quiet']);
const json = readFileSync(path.join(compiled, 'session.json'), 'utf8');
const clips = new Uint8Array(readFileSync(path.join(compiled, 'clips.pcm')));
const engine = await instantiateEngine(readFileSync(path.join(dist, 'stillpoint.wasm')));

const failures = [];
function check(name, body) {
  try {
    body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`not ok - ${name}\n  ${String(error.stack ?? error).split('\n').join('\n  ')}`);
  }
}

check('the WebAssembly engine renders what `stillpoint render` writes', () => {
  const wav = readWav24(new Uint8Array(readFileSync(`${compiled}.wav`)));
  const started = performance.now();
  const rendered = renderCompiled(engine, json, clips);
  const ms = performance.now() - started;
  assert.equal(rendered.channels, wav.channels);
  assert.ok(rendered.samples.length >= wav.samples.length);
  assert.deepEqual(compareWithWav(rendered.samples, wav.samples), { differing: 0, first: -1 });
  // Past the file's end the engine writes only silence.
  assert.ok(rendered.samples.subarray(wav.samples.length).every((s) => s === 0));
  const seconds = wav.samples.length / wav.channels / wav.rate;
  const quanta = rendered.samples.length / rendered.channels / 128;
  console.log(`MEASURE node render: ${seconds.toFixed(1)} s in ${ms.toFixed(0)} ms ` +
    `(${(seconds * 1000 / ms).toFixed(0)}x real time), ${(ms * 1000 / quanta).toFixed(1)} us per 128-frame quantum`);
});

check('the WebAssembly engine\'s floats are the native engine\'s, bit for bit, commands and all', () => {
  if (!nativeRender) {
    console.log('  (no native renderer given: only the 24-bit comparison above ran)');
    return;
  }
  const schedule = [{ at: 128 * 300, name: 'next' }, { at: 128 * 1200, name: 'pause' },
    { at: 128 * 2600, name: 'resume' }, { at: 128 * 3000, name: 'pace', value: 4.5 }];
  for (const commands of [[], schedule]) {
    const vocabulary = new WasmPlayer(engine, json, clips).vocabulary.commands;
    const out = path.join(outDir, 'native.f32');
    execFileSync(nativeRender, [compiled, out,
      ...commands.map((c) => `${c.at}:${vocabulary[c.name]}:${c.value ?? 0}`)]);
    const bytes = readFileSync(out);
    const native = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    const wasm = renderCompiled(engine, json, clips, commands).samples;
    assert.equal(wasm.length, native.length, `${commands.length} commands`);
    const differ = wasm.findIndex((s, i) => s !== native[i]);
    assert.equal(differ, -1, `sample ${differ}: wasm ${wasm[differ]}, native ${native[differ]}`);
  }
});

check('each line is heard from the sample its caption starts to its end, and nowhere else', () => {
  const program = JSON.parse(json);
  const rate = program.sampleRate;
  const voiced = renderCompiled(engine, json, clips);
  for (const step of program.narration.steps) for (const line of step) line.gain = 0; // the voice silent
  const silent = renderCompiled(engine, JSON.stringify(program), clips);
  const lines = voiced.events.filter((e) => e.type === 'lineSpoken').map((e) => {
    const line = program.narration.steps[e.index][e.value];
    const clipFrames = line.samples + line.rests.reduce((sum, [, frames]) => sum + frames, 0);
    return { caption: line.caption, start: e.sample, end: e.sample + Math.ceil(clipFrames * rate / line.clipRate) };
  });
  assert.equal(lines.length, 4);
  const channels = voiced.channels;
  const heard = (frame) => voiced.samples[frame * channels] !== silent.samples[frame * channels];
  const frames = voiced.samples.length / channels;
  let first = -1;
  for (let frame = 0; frame < frames; ++frame) {
    if (!heard(frame)) continue;
    const line = lines.find((l) => frame >= l.start && frame <= l.end + 1);
    assert.ok(line, `the voice sounds at frame ${frame}, outside every captioned line`);
    if (first < 0) first = frame;
  }
  for (const line of lines) {
    let onset = line.start;
    while (onset < line.end && !heard(onset)) ++onset;
    assert.ok(onset - line.start < 0.05 * rate,
      `"${line.caption}" is captioned from ${line.start}, its voice starts at ${onset}`);
  }
});

check('command names are the engine vocabulary, as stillpoint.d.ts types them', () => {
  const player = new WasmPlayer(engine, json, clips);
  const names = Object.keys(player.vocabulary.commands).filter((n) => player.vocabulary.commands[n] >= 0);
  const typed = readFileSync(path.join(web, 'src', 'stillpoint.d.ts'), 'utf8')
    .match(/export type CommandName =([^;]*);/)[1].match(/'([a-z]+)'/g).map((q) => q.slice(1, -1));
  assert.deepEqual([...typed].sort(), [...names].sort());
  assert.equal(player.command('pace', 0.2), -2, 'a pace below 1 breath/min is refused');
  assert.equal(player.command('volume', -10), -2, 'volume is a parameter, not a command');
  assert.equal(player.setParameter('bed', -30), 0);
  assert.equal(player.setParameter('bed', 20), -2, 'a layer above +6 dB is refused');
  assert.ok(player.vocabulary.presets.includes('box'));
  player.destroy();
});

check('a damaged compiled session is refused with the place and the cause', () => {
  assert.throws(() => new WasmPlayer(engine, json.replace('"channels": 2', '"channels": 7'), clips),
    { message: 'session.json: channels: 7 is out of range; expected 1 to 2' });
  assert.throws(() => new WasmPlayer(engine, json.slice(0, 40), clips),
    (error) => /^session\.json:\d+:\d+: syntax error/.test(error.message));
  assert.throws(() => new WasmPlayer(engine, json, clips.subarray(0, 1000)),
    (error) => /^session\.json: clips\[0\]\.samples: \d+ samples, but clips\.pcm holds 500; compile the session again$/.test(error.message));
});

const refusal = (promise) => promise.then(() => 'decoded', (error) => error.message);
const flacInNode = await refusal(decodeClipFile(
  { file: 'clips-16000.flac', encoding: 'flac', sampleRate: 16000, samples: 4 }, new ArrayBuffer(8)));
const shortPcm = await refusal(decodeClipFile(
  { file: 'clips.pcm', encoding: 'pcm', samples: 10 }, new ArrayBuffer(8)));
const pcm = await decodeClipFile({ file: 'clips.pcm', encoding: 'pcm', samples: clips.length / 2 },
  clips.slice().buffer);
check('the loader takes clips.pcm as it is and names a clip file it cannot use', () => {
  assert.deepEqual(pcm, clips);
  assert.equal(flacInNode, 'clips-16000.flac: there is no audio decoder here (no ' +
    'OfflineAudioContext); compile the session with --clips pcm for this player');
  assert.equal(shortPcm, 'clips.pcm: holds 4 samples, session.json says 10; compile the session again');
});

// The heart's script (tests/web/capi_heart.c's operations): the status test's
// beats (tests/capi/status_test.c), a strap's notification, a malformed one,
// then 40 s of a steady 60 bpm swinging with a 10 s breath, out-of-range
// intervals and a jump among them, and the strap gone.
const RSA_BEATS = 40;
const heartScript = ['status', 'attach', 'rr:1000', 'rr:1000', 'rr:250', 'rr:1000', 'update:3', 'status',
  // flags 0x11: 16-bit heart rate (60), RR intervals present: 1024 and 1024 (1/1024 s), 1000 ms each
  'ble:113c0000040004', 'update:5', 'status',
  'ble:1101', // flags announce a 16-bit rate, one byte follows
  'ble:103c000401', // an RR field of 3 bytes
];
{
  let t = 5;
  for (let beat = 0; beat < RSA_BEATS; ++beat) {
    const rr = Math.round(1000 + 60 * Math.sin(2 * Math.PI * beat / 10));
    heartScript.push(`rr:${rr}`);
    if (beat === 12) heartScript.push('rr:250', 'rr:2600'); // out of range, both refused
    if (beat === 25) heartScript.push('rr:1400'); // 40 % from the last: a jump, refused
    t += rr / 1000;
    heartScript.push(`update:${t}`);
  }
  // The refused intervals moved the beats on by 4.25 s, so 20 s on is well past 5 s without a beat.
  heartScript.push('status', `update:${t + 20}`, 'status', 'detach', 'status');
}
const HEART_FIELDS = ['heartConnected', 'heartLive', 'heartRateBpm', 'coherenceValid', 'coherence',
  'heartBeats', 'heartArtefacts', 'heartFollowedPaceBpm'];

/** The script played on the web player: what capi_heart.c prints for it. */
function webHeart(script) {
  const player = new WasmPlayer(engine, json, clips);
  const out = [];
  for (const op of script) {
    const [name, arg] = op.split(':');
    if (name === 'attach' || name === 'detach') {
      assert.equal(player.attachHeart(name === 'attach'), 0);
    } else if (name === 'rr') {
      out.push({ op: 'rr', result: player.pushRR(Number(arg)) });
    } else if (name === 'ble') {
      const bytes = Uint8Array.from(arg.match(/../g), (h) => parseInt(h, 16));
      out.push({ op: 'ble', ...player.pushHeartMeasurement(bytes) });
    } else if (name === 'update') {
      assert.equal(player.updateHeart(Number(arg)), 0);
    } else {
      player.process(128);
      const state = player.state();
      out.push({ op: 'status', ...Object.fromEntries(HEART_FIELDS.map((f) => [f, state[f]])) });
    }
  }
  player.destroy();
  return out;
}

check('a heart\'s beats show in the state as the C API\'s sp_status shows them', () => {
  const web = webHeart(heartScript);
  const statuses = web.filter((o) => o.op === 'status');
  const heart = (connected, live, bpm, valid, beats, artefacts) => ({ op: 'status',
    heartConnected: connected, heartLive: live, heartRateBpm: bpm, coherenceValid: valid,
    heartBeats: beats, heartArtefacts: artefacts, heartFollowedPaceBpm: 0 }); // no resonance step: no follow
  const withoutCoherence = ({ coherence, ...rest }) => rest;
  assert.deepEqual(withoutCoherence(statuses[0]), heart(0, 0, 0, 0, 0, 0), 'before any beat');
  // status_test.c's figures: 60 bpm, 3 beats, the 250 ms one refused
  assert.deepEqual(withoutCoherence(statuses[1]), heart(1, 1, 60, 0, 3, 1));
  assert.deepEqual(withoutCoherence(statuses[2]), heart(1, 1, 60, 0, 5, 1), 'the notification\'s two beats');
  assert.deepEqual(web.filter((o) => o.op === 'ble').map((o) => o.result), [0, -2, -2]);
  assert.match(web.filter((o) => o.op === 'ble')[1].message,
    /^heart rate measurement \(0x2A37\): 2 bytes, but its flags announce 3 /);
  assert.match(web.filter((o) => o.op === 'ble')[2].message, /the RR field from byte 2 has 3 bytes, an odd count/);
  // 40 beats more (3 refused), a breath-long swing: coherence measured, above white noise's 0.1-0.45
  const [swinging, lost, detached] = statuses.slice(3);
  assert.equal(swinging.heartBeats, 5 + RSA_BEATS);
  assert.equal(swinging.heartArtefacts, 1 + 3);
  assert.equal(swinging.coherenceValid, 1);
  assert.ok(swinging.coherence > 0.5 && swinging.coherence <= 1, `coherence ${swinging.coherence}`);
  assert.equal(lost.heartLive, 0, 'no beat for over 5 s: the stream is lost');
  assert.deepEqual(detached, { op: 'status', ...heart(0, 0, 0, 0, 0, 0), coherence: 0 });
  if (!capiHeart) {
    console.log('  (no C API program given: the figures were not compared with sp_status\'s)');
    return;
  }
  const capi = execFileSync(capiHeart, heartScript, { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(web, capi);
  console.log(`  ${capi.length} reports the same as the C API's; coherence of the swing ${swinging.coherence}`);
});

// The live follow of the heart: a resonance step at 6.5/min, a heart whose
// rate swings at 5.5/min (its resonance) for two minutes, then no beats.
const FOLLOW_RESONANCE = 6.5;
const FOLLOW_LOSE_AT = 120;
const FOLLOW_BLOCK = 1024;
const followSession = path.join(web, 'test', 'sessions', 'resonance-follow.yaml');
const followCompiled = path.join(outDir, 'resonance-follow');
const followBeatsFile = path.join(outDir, 'resonance-follow-beats.txt');
const followBeats = [];
for (let t = 0; t < 240;) {
  const rr = 60000 / (66 + 6 * Math.cos(2 * Math.PI * 5.5 / 60 * t));
  t += rr / 1000;
  followBeats.push([t, rr]);
}
writeFileSync(followBeatsFile, followBeats.map(([t, rr]) => `${t} ${rr}\n`).join(''));

/**
 * The follow on the web player, as capi_heart.c's follow mode plays it through
 * the C API; the heart's clock `heartAhead` seconds ahead of the output's, as
 * the worklet's audio-context clock is when the strap came before play.
 */
function webFollow(heartAhead = 0) {
  execFileSync(stillpoint, ['compile', followSession, '-o', followCompiled, '--clips', 'pcm',
    '--rate', '48000', '--resonance', String(FOLLOW_RESONANCE), '--quiet']);
  const player = new WasmPlayer(engine, readFileSync(path.join(followCompiled, 'session.json'), 'utf8'),
    new Uint8Array(readFileSync(path.join(followCompiled, 'clips.pcm'))), { maxBlockFrames: FOLLOW_BLOCK });
  const out = [];
  assert.equal(player.attachHeart(true), 0);
  let next = 0;
  let followed = 0;
  let breathing = 0; // the last pace heard while breathing
  let state = player.state();
  for (let block = 0; !state.finished; ++block) {
    player.process(FOLLOW_BLOCK);
    player.pollEvents(); // the follow hears the engine's events as they are handed out
    const now = player.state().outputSample / player.sampleRate; // the output clock, as sp_get_position's
    for (; next < followBeats.length && followBeats[next][0] <= now && followBeats[next][0] < FOLLOW_LOSE_AT; ++next) {
      assert.equal(player.pushRR(followBeats[next][1]), 0);
    }
    assert.equal(player.updateHeart(now + heartAhead), 0);
    state = player.state();
    if (state.paceBpm > 0) breathing = state.paceBpm;
    if (state.heartFollowedPaceBpm !== followed) {
      followed = state.heartFollowedPaceBpm;
      out.push({ op: 'pace', block, paceBpm: followed });
    }
    if (state.finished) out.push({ op: 'end', blocks: block + 1, paceBpm: breathing });
  }
  player.destroy();
  return out;
}

check('the web player follows the heart as the C API does, within the limits', () => {
  const web = webFollow();
  const paces = web.filter((o) => o.op === 'pace');
  const seconds = (block) => (block + 1) * FOLLOW_BLOCK / 48000;
  assert.ok(paces.length > 5, `${paces.length} paces set`);
  let last = FOLLOW_RESONANCE;
  for (const { block, paceBpm } of paces.slice(0, -1)) {
    assert.ok(paceBpm >= 4.5 && paceBpm <= 7, `${paceBpm} at ${seconds(block)} s`);
    assert.ok(Math.abs(paceBpm - last) <= 0.05 + 1e-9, `a step of ${paceBpm - last} at ${seconds(block)} s`);
    last = paceBpm;
  }
  assert.ok(seconds(paces[0].block) > 32, 'nothing before 32 s of beats');
  const handedBack = paces.at(-1);
  assert.equal(handedBack.paceBpm, 0, 'handed back once the beats stopped');
  assert.ok(seconds(handedBack.block) > FOLLOW_LOSE_AT + 5);
  assert.ok(Math.abs(web.at(-1).paceBpm - FOLLOW_RESONANCE) < 1e-9, 'the step\'s own pace in its last breaths');
  // The heart on a clock of its own: the same paces at the same blocks (to
  // rounding: the phase is measured from times 8 s further from zero).
  const shifted = webFollow(8);
  assert.deepEqual(shifted.map((o) => [o.op, o.block ?? o.blocks]), web.map((o) => [o.op, o.block ?? o.blocks]));
  shifted.forEach((o, i) => assert.ok(Math.abs(o.paceBpm - web[i].paceBpm) < 1e-9, `${o.paceBpm} vs ${web[i].paceBpm}`));
  if (!capiHeart) {
    console.log('  (no C API program given: the paces were not compared with sp_status\'s)');
    return;
  }
  const capi = execFileSync(capiHeart, ['follow', followSession, String(FOLLOW_RESONANCE), followBeatsFile,
    String(FOLLOW_LOSE_AT)], { encoding: 'utf8' }).trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(web, capi);
  const furthest = Math.max(...paces.slice(0, -1).map((p) => Math.abs(p.paceBpm - FOLLOW_RESONANCE)));
  console.log(`  ${paces.length} pace changes the same as the C API's, at the same blocks; furthest ${furthest.toFixed(2)}/min from ${FOLLOW_RESONANCE}`);
});

check('the state\'s fields are stillpoint.d.ts\'s, the heart\'s named as sp_status names them', () => {
  const fields = new WasmPlayer(engine, json, clips).vocabulary.stateFields;
  const typed = readFileSync(path.join(web, 'src', 'stillpoint.d.ts'), 'utf8')
    .match(/export interface SessionState \{([^}]*)\}/)[1].match(/^ {2}([a-zA-Z]+):/gm).map((f) => f.trim().slice(0, -1));
  assert.deepEqual(typed, fields);
  const header = readFileSync(path.join(root, 'capi', 'include', 'stillpoint', 'stillpoint.h'), 'utf8');
  const status = header.match(/typedef struct sp_status \{([^}]*)\} sp_status;/)[1];
  const heart = [...status.slice(status.lastIndexOf('\n', status.indexOf('heart_connected'))).matchAll(/^\s*\w+\s+([a-z_]+);/gm)]
    .map((m) => m[1].replace(/_([a-z])/g, (_, c) => c.toUpperCase()));
  assert.deepEqual([...heart].sort(), [...HEART_FIELDS].sort());
  assert.deepEqual(fields.slice(-HEART_FIELDS.length), HEART_FIELDS);
});

console.log(failures.length ? `${failures.length} failed: ${failures.join('; ')}` : 'all passed');
process.exit(failures.length ? 1 : 0);
