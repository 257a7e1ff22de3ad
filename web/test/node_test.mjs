// The web build under Node, no browser needed: the WebAssembly engine renders
// a compiled session exactly as `stillpoint render` writes it, its command
// names are the engine's vocabulary (and stillpoint.d.ts's), and a damaged
// compiled session is refused with the place and the cause.
//
//   node web/test/node_test.mjs STILLPOINT OUT_DIR [NATIVE_RENDER]
// NATIVE_RENDER (tests/web/native_render.cpp): the same C ABI built natively,
// whose floats the wasm engine's must equal bit for bit.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  nativeRender = undefined] = process.argv.slice(2);
const session = path.join(web, 'test', 'sessions', 'web-test.yaml');
const compiled = path.join(outDir, 'node-test');
mkdirSync(outDir, { recursive: true });
execFileSync(stillpoint, ['compile', session, '-o', compiled, '--quiet']);
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
    (error) => /^session\.json: narration\.steps\[\d+\]\[0\]\.samples: \d+ is out of range/.test(error.message));
});

console.log(failures.length ? `${failures.length} failed: ${failures.join('; ')}` : 'all passed');
process.exit(failures.length ? 1 : 0);
