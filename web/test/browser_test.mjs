// The web build in headless Chromium: an OfflineAudioContext render of a
// compiled session equals `stillpoint render` of the session, commands land
// at the frames they are given, captions follow the voice, the example
// page works with the keyboard alone (a screenshot is kept), and a
// heart-rate strap connected through Web Bluetooth (a stand-in for the
// browser's, which needs a real device) shows its heart on the page.
//
//   node web/test/browser_test.mjs STILLPOINT OUT_DIR
// STILLPOINT: the native command; OUT_DIR: where the compiled session, the
// renders and the screenshot go. Needs web/dist, or STILLPOINT_WEB_DIST
// naming where web/scripts/build.sh put it.
// Exit 0 all passed, 1 a check failed, 77 Chromium cannot start here.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiateEngine } from '../src/wasm_player.js';
import { renderCompiled } from './render_offline.mjs';
import { serve } from './static_server.mjs';
import { compareWithWav, readWav24 } from './wav.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// web/dist, or where STILLPOINT_WEB_DIST put it (web/scripts/build.sh).
const dist = process.env.STILLPOINT_WEB_DIST ?? path.join(web, 'dist');
const root = path.resolve(web, '..');
// Defaults for `npm test` after a dev build: build/dev's command, and build/web-test for the files.
const [stillpoint = path.join(root, 'build/dev/cli/stillpoint'),
  outDir = path.join(root, 'build/web-test')] = process.argv.slice(2);
if (!existsSync(path.join(dist, 'stillpoint.wasm'))) {
  console.error(`${dist}/stillpoint.wasm is missing: build it first with web/scripts/build.sh`);
  process.exit(1);
}
const SKIP = 77;
const session = path.join(web, 'test', 'sessions', 'web-test.yaml');
const compiled = path.join(outDir, 'web-test');
// The same session with raw clips, for the engine run straight under Node (no FLAC decoder there).
const compiledPcm = path.join(outDir, 'web-test-pcm');
const wavPath = path.join(outDir, 'web-test.wav');
mkdirSync(outDir, { recursive: true });
rmSync(compiled, { recursive: true, force: true });
execFileSync(stillpoint, ['compile', session, '-o', compiled, '--quiet']); // FLAC clips, the default
execFileSync(stillpoint, ['compile', session, '-o', compiledPcm, '--clips', 'pcm', '--quiet']);
const compiledOpus = path.join(outDir, 'web-test-opus');
execFileSync(stillpoint, ['compile', session, '-o', compiledOpus, '--clips', 'opus', '--quiet']);
execFileSync(stillpoint, ['render', session, '-o', wavPath, '--quiet']);

let playwright;
try {
  playwright = await import('playwright-core');
} catch {
  console.log('SKIP: playwright-core is not installed (run `npm ci` in web/)');
  process.exit(SKIP);
}
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
let browser;
try {
  browser = await playwright.chromium.launch({
    executablePath, headless: true,
    args: ['--autoplay-policy=no-user-gesture-required', '--no-sandbox'],
  });
} catch (error) {
  console.log(`SKIP: Chromium cannot start (${executablePath}): ${String(error.message).split('\n')[0]}`);
  process.exit(SKIP);
}

const { server, origin } = await serve({ '/': web, '/dist/': dist, '/compiled/': outDir });
const json = readFileSync(path.join(compiledPcm, 'session.json'), 'utf8');
const clips = new Uint8Array(readFileSync(path.join(compiledPcm, 'clips.pcm')));
// A copy whose FLAC file is damaged, for the loader's error.
const damaged = path.join(outDir, 'web-test-damaged');
rmSync(damaged, { recursive: true, force: true });
cpSync(compiled, damaged, { recursive: true });
const flacName = JSON.parse(readFileSync(path.join(compiled, 'session.json'), 'utf8')).clips[0].file;
writeFileSync(path.join(damaged, flacName), readFileSync(path.join(compiled, flacName)).subarray(0, 30));
const engine = await instantiateEngine(readFileSync(path.join(dist, 'stillpoint.wasm')));
const reference = readWav24(new Uint8Array(readFileSync(wavPath)));
const frames = reference.samples.length / reference.channels;
const failures = [];

async function check(name, body) {
  try {
    await body();
    console.log(`ok - ${name}`);
  } catch (error) {
    failures.push(name);
    console.log(`not ok - ${name}\n  ${String(error.stack ?? error).split('\n').join('\n  ')}`);
  }
}

function floats(base64) {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
}

/** `samples` cut or padded with silence (the engine writes silence once finished) to `length`. */
function sized(samples, length) {
  const out = new Float32Array(length);
  out.set(samples.subarray(0, length));
  return out;
}

function firstDifference(a, b) {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ++i) if (a[i] !== b[i]) return i; // 0 and -0 alike: silence either way
  return a.length === b.length ? -1 : n;
}

const page = await browser.newPage();
page.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
await page.goto(`${origin}/test/harness.html`);
await page.waitForFunction(() => window.harnessReady === true);
const render = (schedule) => page.evaluate(
  ([folder, length, commands]) => window.renderOffline(folder, length, commands),
  [`${origin}/compiled/web-test/`, frames, schedule]);

await check('the session\'s clips travel as FLAC, smaller than raw', async () => {
  assert.equal(flacName, 'clips-16000.flac');
  assert.ok(!existsSync(path.join(compiled, 'clips.pcm')));
  const flacBytes = readFileSync(path.join(compiled, flacName)).length;
  assert.ok(flacBytes < clips.length, `${flacBytes} bytes of FLAC, ${clips.length} of PCM`);
  console.log(`MEASURE clips: ${clips.length} bytes PCM, ${flacBytes} bytes FLAC`);
});

await check('a FLAC file the browser cannot decode is named in the error', async () => {
  const message = await page.evaluate(async (folder) => {
    const { fetchCompiledSession } = await import('/dist/stillpoint.js');
    try {
      await fetchCompiledSession(folder);
      return 'loaded';
    } catch (error) {
      return error.message;
    }
  }, `${origin}/compiled/web-test-damaged/`);
  assert.match(message, new RegExp(`^${origin}/compiled/web-test-damaged/clips-16000\\.flac: ` +
    'the browser cannot decode this FLAC file \\(.*\\); compile the session again, or with --clips pcm$'));
});

await check('an OfflineAudioContext render of the FLAC-clipped session equals `stillpoint render`', async () => {
  const browserRender = await render([]);
  const samples = floats(browserRender.samples);
  assert.equal(browserRender.channels, reference.channels);
  assert.equal(samples.length, reference.samples.length);
  // Bit for bit at the WAV's 24 bits: every sample stored as libsndfile stores it.
  assert.deepEqual(compareWithWav(samples, reference.samples), { differing: 0, first: -1 });
  // And bit for bit in float with the same engine run straight under Node.
  const direct = renderCompiled(engine, json, clips);
  assert.equal(firstDifference(samples, sized(direct.samples, samples.length)), -1);
  const quanta = frames / 128;
  console.log(`MEASURE browser offline render: ${(frames / reference.rate).toFixed(1)} s of audio in ` +
    `${browserRender.renderMs.toFixed(0)} ms (${(frames / reference.rate / browserRender.renderMs * 1000).toFixed(0)}x real time), ` +
    `${(browserRender.renderMs * 1000 / quanta).toFixed(1)} us per 128-frame quantum`);
});

// Opus is lossy: its render is the native one but for the voice's coding
// error, bounded here and in docs/web.md (measured: peak -13.5 dBFS, 19.8 dB).
await check('an Opus-clipped session renders within its bound of `stillpoint render`', async () => {
  const browserRender = await page.evaluate(([folder, length]) => window.renderOffline(folder, length, []),
    [`${origin}/compiled/web-test-opus/`, frames]);
  const samples = floats(browserRender.samples);
  assert.equal(samples.length, reference.samples.length);
  let worst = 0; let errorPower = 0; let signalPower = 0;
  for (let i = 0; i < samples.length; ++i) {
    const d = samples[i] - reference.samples[i];
    worst = Math.max(worst, Math.abs(d));
    errorPower += d * d;
    signalPower += reference.samples[i] * reference.samples[i];
  }
  const snr = 10 * Math.log10(signalPower / errorPower);
  const peakDb = 20 * Math.log10(worst);
  console.log(`MEASURE opus render vs native: difference peak ${peakDb.toFixed(1)} dBFS, ` +
    `signal to difference ${snr.toFixed(1)} dB; opus ${readFileSync(path.join(compiledOpus, 'clips-16000.opus')).length} bytes`);
  assert.ok(snr > 16, `signal to difference ${snr} dB, the bound is 16 dB`);
  assert.ok(peakDb < -10, `difference peak ${peakDb} dBFS, the bound is -10 dBFS`);
});

await check('commands land at the frames they are given', async () => {
  const nextAt = 128 * 300; // during the first section
  const pauseAt = 128 * 1200;
  const resumeAt = 128 * 2600; // after the pause's fade has ended
  const schedule = [{ at: nextAt, name: 'next' }, { at: pauseAt, name: 'pause' },
    { at: resumeAt, name: 'resume' }];
  const browserRender = await render(schedule);
  const commanded = floats(browserRender.samples);
  const direct = renderCompiled(engine, json, clips, schedule);
  // The worklet applied each command at the quantum the engine run straight applies it.
  assert.equal(firstDifference(commanded, sized(direct.samples, commanded.length)), -1);
  const summary = (events) => events.filter((e) => e.type !== 'phaseChanged' && e.type !== 'stepStarted')
    .map((e) => `${e.type}:${e.index}@${e.sample}`);
  assert.deepEqual(summary(browserRender.events), summary(direct.events.filter((e) => e.sample < frames)));
  // Nothing changes before the first command can act; the section moves on after it.
  const plain = floats((await render([])).samples);
  const changed = firstDifference(plain, commanded) / reference.channels;
  assert.ok(changed >= nextAt, `the sound changed at frame ${changed}, before the command at ${nextAt}`);
  const jump = browserRender.events.find((e) => e.type === 'sectionStarted' && e.index === 1);
  assert.ok(jump && jump.sample > nextAt && jump.sample < nextAt + 3 * reference.rate,
    `section 1 began at ${jump?.sample}, the next command was at ${nextAt}`);
  const paused = browserRender.events.find((e) => e.type === 'paused');
  const resumed = browserRender.events.find((e) => e.type === 'resumed');
  assert.ok(paused && paused.sample >= pauseAt && resumed && resumed.sample >= resumeAt,
    `paused at ${paused?.sample} (asked at ${pauseAt}), resumed at ${resumed?.sample} (asked at ${resumeAt})`);
  // The session clock stood still while paused.
  assert.ok(resumed.sample - resumed.sessionSample >= resumeAt - paused.sample,
    `resumed at output ${resumed.sample}, session ${resumed.sessionSample}`);
});

const live = await browser.newPage({ viewport: { width: 900, height: 900 } });
live.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
await live.goto(`${origin}/example/index.html?session=${encodeURIComponent('/compiled/web-test/')}`);
await live.evaluate(() => window.stillpointPage.sessionReady);

await check('the example page works with the keyboard alone', async () => {
  await live.keyboard.press('Tab');
  assert.equal(await live.evaluate(() => document.activeElement.id), 'play');
  await live.keyboard.press('Enter');
  await live.waitForFunction(() => window.stillpointPage.player?.state?.started === 1, null, { timeout: 10000 });
  // The captions log: what the page shows beside the line the engine says it speaks.
  await live.evaluate(() => {
    window.captionLog = [];
    window.stillpointPage.player.addEventListener('state', ({ detail }) => {
      window.captionLog.push({ shown: document.getElementById('caption').textContent,
        lineStep: detail.lineStep, lineIndex: detail.lineIndex });
    });
  });
  await live.waitForFunction(() => window.stillpointPage.player.state.lineIndex >= 0, null, { timeout: 15000 });
  await live.waitForTimeout(300);
  await live.screenshot({ path: path.join(outDir, 'web-example.png') });
  await live.keyboard.press('n'); // next section
  await live.waitForFunction(() => window.stillpointPage.player.state.section === 1, null, { timeout: 10000 });
  await live.keyboard.press('h'); // hold
  await live.waitForFunction(() => window.stillpointPage.player.state.holding === 1, null, { timeout: 10000 });
  assert.equal(await live.textContent('#hold'), 'Release');
  await live.keyboard.press('h'); // release
  await live.waitForFunction(() => window.stillpointPage.player.state.holding === 0, null, { timeout: 10000 });
  await live.keyboard.press(' '); // focus is on Play: its own Space pauses
  await live.waitForFunction(() => window.stillpointPage.player.state.paused === 1, null, { timeout: 10000 });
  assert.equal(await live.textContent('#play'), 'Play');
  await live.keyboard.press(' ');
  await live.waitForFunction(() => window.stillpointPage.player.state.paused === 0, null, { timeout: 10000 });
  await live.keyboard.press('g'); // grounding
  await live.waitForFunction(() => window.stillpointPage.player.state.groundingActive === 1, null, { timeout: 10000 });
});

await check('the worklet keeps well inside its quantum while playing live', async () => {
  const load = await live.evaluate(() => window.stillpointPage.player.renderLoad);
  assert.ok(load.quanta > 500, `only ${load.quanta} quanta played`);
  // 128 frames at 48 kHz last 2667 us; the engine takes a few percent of that.
  assert.ok(load.microsecondsPerQuantum < 500, `${load.microsecondsPerQuantum} us per quantum`);
  console.log(`MEASURE live worklet: ${load.microsecondsPerQuantum.toFixed(1)} us per 128-frame quantum ` +
    `(${(load.microsecondsPerQuantum / 2667 * 100).toFixed(2)} % of its 2667 us) over ${load.quanta} quanta`);
});

await check('Q stops the session (the engine fades it out) and the page says so', async () => {
  await live.keyboard.press('q');
  await live.waitForFunction(() => window.stillpointPage.player.state.finished === 1, null, { timeout: 10000 });
  assert.equal(await live.textContent('#section'), 'The session has ended.');
});

await check('captions follow the voice', async () => {
  const log = await live.evaluate(() => window.captionLog);
  const program = JSON.parse(json);
  const spoken = log.filter((entry) => entry.lineIndex >= 0);
  assert.ok(spoken.length > 0, 'no line was spoken while the page played');
  for (const entry of log) {
    const expected = entry.lineIndex >= 0 ? program.narration.steps[entry.lineStep][entry.lineIndex].caption : '';
    assert.equal(entry.shown, expected);
  }
  assert.equal(spoken[0].shown, 'Welcome. You might notice the room around you.');
});

await check('the strap button shows only where the browser has Web Bluetooth', async () => {
  const [hasBluetooth, hidden] = await live.evaluate(() =>
    [Boolean(navigator.bluetooth), document.getElementById('heart').hidden]);
  assert.equal(hidden, !hasBluetooth);
});

// Web Bluetooth stood in for: a strap whose notifications the test sends, each
// a DataView into a larger buffer, as the characteristic's `value` is.
const strapPage = await browser.newPage();
strapPage.on('pageerror', (error) => console.log(`  page error: ${error.message}`));
await strapPage.addInitScript(() => {
  const asked = { devices: [], services: [], characteristics: [] };
  const characteristic = new EventTarget();
  characteristic.startNotifications = async () => {
    window.strap.notify = (bytes) => {
      const buffer = new ArrayBuffer(bytes.length + 3);
      new Uint8Array(buffer, 3).set(bytes);
      characteristic.value = new DataView(buffer, 3, bytes.length);
      characteristic.dispatchEvent(new Event('characteristicvaluechanged'));
    };
    return characteristic;
  };
  const device = new EventTarget();
  device.name = 'Test strap';
  const service = { getCharacteristic: async (name) => { asked.characteristics.push(name); return characteristic; } };
  device.gatt = {
    connect: async () => device.gatt,
    getPrimaryService: async (name) => { asked.services.push(name); return service; },
    disconnect: () => device.dispatchEvent(new Event('gattserverdisconnected')),
  };
  Object.defineProperty(navigator, 'bluetooth', {
    value: { requestDevice: async (options) => { asked.devices.push(options); return device; } },
  });
  window.strap = { asked, notify: null };
});
await strapPage.goto(`${origin}/example/index.html?session=${encodeURIComponent('/compiled/web-test/')}`);
await strapPage.evaluate(() => window.stillpointPage.sessionReady);

await check('a strap connected from the keyboard shows its heart rate and coherence', async () => {
  assert.equal(await strapPage.evaluate(() => document.getElementById('heart').hidden), false);
  for (let tabs = 0; tabs < 20; ++tabs) {
    await strapPage.keyboard.press('Tab');
    if (await strapPage.evaluate(() => document.activeElement.id) === 'strap') break;
  }
  assert.equal(await strapPage.evaluate(() => document.activeElement.id), 'strap');
  await strapPage.keyboard.press('Enter');
  await strapPage.waitForFunction(() => window.strap.notify !== null, null, { timeout: 10000 });
  assert.deepEqual(await strapPage.evaluate(() => window.strap.asked), {
    devices: [{ filters: [{ services: ['heart_rate'] }] }],
    services: ['heart_rate'], characteristics: ['heart_rate_measurement'] });
  assert.equal(await strapPage.textContent('#strap'), 'Disconnect Test strap');
  // 40 s of beats swinging with a 10 s breath, 8-bit rate (flags 0x10), one RR each;
  // then one with a 16-bit rate and two RR (flags 0x11), and one the flags belie.
  const rr1024 = (beat) => Math.round(1.024 * (1000 + 60 * Math.sin(2 * Math.PI * beat / 10)));
  const packets = [];
  for (let beat = 0; beat < 40; ++beat) packets.push([0x10, 60, rr1024(beat) & 0xff, rr1024(beat) >> 8]);
  packets.push([0x11, 60, 0, 0x00, 0x04, 0x00, 0x04], [0x11, 0x01]);
  const refusals = await strapPage.evaluate(async (notifications) => {
    const refused = [];
    window.stillpointPage.player.addEventListener('refused', ({ detail }) => refused.push(detail));
    for (const bytes of notifications) window.strap.notify(Uint8Array.from(bytes));
    await new Promise((resolve) => {
      const wait = () => (window.stillpointPage.player.state?.heartBeats === 42 ? resolve() : setTimeout(wait, 20));
      wait();
    });
    return refused;
  }, packets);
  assert.deepEqual(refusals.map(({ what, result }) => ({ what, result })), [{ what: 'heartMeasurement', result: -2 }]);
  assert.match(refusals[0].message, /^heart rate measurement \(0x2A37\): 2 bytes, but its flags announce 3 /);
  // Shown before the session plays, as the engine's state carries it.
  await strapPage.waitForTimeout(200);
  const [state, shown, started] = await strapPage.evaluate(() => [window.stillpointPage.player.state,
    document.getElementById('heart-figures').textContent, window.stillpointPage.player.started]);
  assert.deepEqual([started, state.outputSample], [false, 0], 'nothing has played');
  assert.deepEqual([state.heartConnected, state.heartLive, state.heartBeats, state.heartArtefacts,
    state.coherenceValid], [1, 1, 42, 0, 1]);
  assert.equal(shown, `${state.heartRateBpm.toFixed(0)} bpm, coherence ${state.coherence.toFixed(2)}`);
  assert.match(shown, /^\d+ bpm, coherence 0\.\d\d$/);
  await strapPage.screenshot({ path: path.join(outDir, 'web-example-heart.png') });
  await strapPage.keyboard.press('Enter'); // the focused button now disconnects
  await strapPage.waitForFunction(() => window.stillpointPage.player.state.heartConnected === 0, null,
    { timeout: 10000 });
  assert.equal(await strapPage.textContent('#strap'), 'Connect heart-rate strap');
  assert.equal(await strapPage.textContent('#heart-figures'), '');
});

await browser.close();
server.close();
console.log(failures.length ? `${failures.length} failed: ${failures.join('; ')}` : 'all passed');
process.exit(failures.length ? 1 : 0);
