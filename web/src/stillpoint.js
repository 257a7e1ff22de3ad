// Stillpoint in the browser: a compiled session (`stillpoint compile`)
// played by the engine's WebAssembly build inside an AudioWorklet.
//
//   const session = await fetchCompiledSession('sessions/arrive/');
//   const context = new AudioContext({ sampleRate: session.sampleRate });
//   const player = await StillpointPlayer.create(context, session);
//   player.connect(context.destination);
//   player.addEventListener('state', () => render(player.state, player.caption));
//   player.play();
//
// The commands are the engine's vocabulary (the C API's sp_command): pause,
// resume, hold, release, next, previous, grounding, continue, stop, pace,
// pattern. A heart-rate strap's beats go in with pushRR and
// pushHeartMeasurement (the C API's sp_heart_push_*). State and events come
// back on the main thread after each few quanta; nothing here needs
// SharedArrayBuffer or cross-origin isolation.

const here = (path) => new URL(path, import.meta.url).href;

/**
 * session.json and its clip files from the folder `stillpoint compile` wrote:
 * each FLAC file decoded by the browser at its own rate, clips.pcm as it is.
 */
export async function fetchCompiledSession(folderUrl) {
  const base = new URL(folderUrl, globalThis.location?.href);
  const json = await (await fetchOk(new URL('session.json', base))).text();
  const program = parseProgram(json);
  // No "clips" list: another format version, which the engine names when it loads.
  const files = Array.isArray(program.clips) ? program.clips : [];
  const samples = await Promise.all(files.map(async (file) => {
    // A plain name beside session.json, never a path or another site.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(String(file.file))) {
      throw new Error(`session.json: clips: "${file.file}" is not a file name beside session.json; ` +
        'compile the session again');
    }
    const url = new URL(String(file.file), base);
    return decodeClipFile(file, await (await fetchOk(url)).arrayBuffer(), url.href);
  }));
  const clips = new Uint8Array(samples.reduce((sum, part) => sum + part.byteLength, 0));
  samples.reduce((at, part) => { clips.set(part, at); return at + part.byteLength; }, 0);
  return compiledSession(json, clips.buffer);
}

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${response.url || url}: ${response.status} ${response.statusText}`);
  return response;
}

/**
 * One clip file's samples as the engine takes them, 16-bit little-endian:
 * `file` is its entry in session.json's "clips", `bytes` the file, `name`
 * names it in errors. clips.pcm is that already; a FLAC file is decoded in
 * an OfflineAudioContext at the file's own rate (so decodeAudioData does
 * not resample), and its floats turned back into the integers they were.
 */
export async function decodeClipFile(file, bytes, name = file.file) {
  let samples;
  if (file.encoding === 'pcm') {
    samples = new Uint8Array(bytes);
  } else if (file.encoding === 'flac') {
    samples = sixteenBit(await decodeAudio(file.sampleRate, bytes, name), name);
  } else if (file.encoding === 'opus') {
    samples = rounded(await decodeAudio(file.sampleRate, bytes, name));
  } else {
    throw new Error(`${name}: "${file.encoding}" is not a clip encoding this player reads ` +
      '(flac, pcm, opus); compile the session again with this version\'s `stillpoint compile`');
  }
  if (samples.byteLength !== file.samples * 2) {
    throw new Error(`${name}: holds ${samples.byteLength / 2} samples, session.json says ` +
      `${file.samples}; compile the session again`);
  }
  return samples;
}

async function decodeAudio(sampleRate, bytes, name) {
  if (typeof OfflineAudioContext !== 'function') {
    throw new Error(`${name}: there is no audio decoder here (no OfflineAudioContext); ` +
      'compile the session with --clips pcm for this player');
  }
  let context;
  try {
    context = new OfflineAudioContext({ numberOfChannels: 1, length: 1, sampleRate });
  } catch (error) {
    throw new Error(`${name}: this browser refuses an audio context at ${sampleRate} Hz, the ` +
      `file's rate (${error.message}); compile the session with --clips pcm`);
  }
  let buffer;
  try {
    buffer = await context.decodeAudioData(bytes);
  } catch (error) {
    throw new Error(`${name}: the browser cannot decode this FLAC file (${error?.message ?? error}); ` +
      'compile the session again, or with --clips pcm');
  }
  if (buffer.sampleRate !== sampleRate || buffer.numberOfChannels !== 1) {
    throw new Error(`${name}: decoded as ${buffer.numberOfChannels} channels at ${buffer.sampleRate} Hz, ` +
      `expected 1 at ${sampleRate} Hz; compile the session again`);
  }
  return buffer.getChannelData(0);
}

/**
 * A decoder's floats back to the 16-bit n, little-endian. Decoders turn n
 * into n / 32768, except that Chromium's scales positive samples by 1 / 32767
 * (its media code's int16 to float, in float32: n * float32(1 / 32767)): a
 * float is taken as n / 32768 when that gives a whole n, else as n scaled by
 * 1 / 32767, which it must then be exactly, in float32 by either rounding
 * (the two scales never give one float but at 0). Any other float is refused.
 */
const INVERSE_32767 = Math.fround(1 / 32767);
function sixteenBit(floats, name) {
  const bytes = new Uint8Array(floats.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < floats.length; ++i) {
    const f = floats[i];
    let n = f * 32768;
    if (!Number.isInteger(n)) {
      n = Math.round(f * 32767);
      if (Math.fround(n * INVERSE_32767) !== f && Math.fround(n / 32767) !== f) n = NaN;
    }
    if (!(n >= -32768 && n <= 32767)) {
      throw new Error(`${name}: sample ${i} decoded to ${f}, not a 16-bit value: this ` +
        'decoder is not lossless; compile the session with --clips pcm');
    }
    view.setInt16(i * 2, n, true);
  }
  return bytes;
}

/** A lossy decoder's floats to the nearest 16-bit values, little-endian (as readCompiledFolder rounds them). */
function rounded(floats) {
  const bytes = new Uint8Array(floats.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < floats.length; ++i) {
    view.setInt16(i * 2, Math.max(-32768, Math.min(32767, Math.round(floats[i] * 32768))), true);
  }
  return bytes;
}

function parseProgram(json) {
  const program = JSON.parse(json);
  if (program?.format !== 'stillpoint-compiled-session') {
    throw new Error('session.json: not a compiled Stillpoint session; write one with `stillpoint compile`');
  }
  return program;
}

/**
 * A compiled session from session.json's text and its clips: every clip
 * file's samples (decodeClipFile), one file after another in the order
 * session.json's "clips" lists them (with --clips pcm, clips.pcm itself).
 */
export function compiledSession(json, clips) {
  const program = parseProgram(json);
  return { json, clips, program, sampleRate: program.sampleRate, channels: program.channels };
}

let engineModule = null;
/** The engine's WebAssembly module, compiled once per page. */
export async function loadEngineModule(wasmUrl = here('./stillpoint.wasm')) {
  if (!engineModule) {
    engineModule = (async () => {
      const response = await fetch(wasmUrl);
      if (!response.ok) throw new Error(`${response.url}: ${response.status} ${response.statusText}`);
      return WebAssembly.compile(await response.arrayBuffer());
    })();
  }
  return engineModule;
}

export const LAYERS = Object.freeze(['tone', 'bed', 'bells', 'voice', 'binaural', 'isochronic']);

export class StillpointPlayer extends EventTarget {
  /**
   * Loads `session` into a new AudioWorkletNode on `context`, whose rate must
   * be the session's (AudioContext({ sampleRate: session.sampleRate })).
   * `start`, `waitAtCheckins` and `schedule` ({at, name, value} commands by
   * output frame) take effect before the first quantum: what an
   * OfflineAudioContext needs to render a session exactly.
   */
  static async create(context, session, {
    wasmUrl, hapticEvents = true, start = false, waitAtCheckins = true, schedule = [],
  } = {}) {
    if (context.sampleRate !== session.sampleRate) {
      throw new Error(`the audio context runs at ${context.sampleRate} Hz, the session was ` +
        `compiled for ${session.sampleRate} Hz; create the context with ` +
        `{ sampleRate: ${session.sampleRate} } or compile with --rate ${context.sampleRate}`);
    }
    const [module] = await Promise.all([
      loadEngineModule(wasmUrl),
      context.audioWorklet.addModule(here('./worklet.js')),
    ]);
    const node = new AudioWorkletNode(context, 'stillpoint', {
      numberOfInputs: 0, numberOfOutputs: 1, outputChannelCount: [session.channels],
    });
    const player = new StillpointPlayer(context, node, session, start);
    const clips = session.clips.slice(0); // the worklet takes its own copy
    await new Promise((resolve, reject) => {
      player.pending = { resolve, reject };
      node.port.postMessage({
        type: 'load', module, json: session.json, clips, hapticTrack: hapticEvents,
        start, waitAtCheckins, schedule,
      }, [clips]);
    });
    return player;
  }

  constructor(context, node, session, start = false) {
    super();
    this.context = context;
    this.node = node;
    this.session = session;
    this.program = session.program;
    /** The last session state the engine published (see stillpoint.d.ts). */
    this.state = null;
    this.vocabulary = null;
    this.started = start;
    node.port.onmessage = (message) => this.receive(message.data);
  }

  receive(data) {
    if (data.type === 'ready') {
      this.vocabulary = data.vocabulary;
      this.state = data.state;
      this.pending?.resolve();
    } else if (data.type === 'error') {
      this.pending?.reject(new Error(data.message));
    } else if (data.type === 'update') {
      this.state = data.state;
      this.load = data.load;
      for (const event of data.events) {
        this.dispatchEvent(new CustomEvent('engineevent', { detail: event }));
        this.dispatchEvent(new CustomEvent(event.type, { detail: event }));
      }
      this.dispatchEvent(new CustomEvent('state', { detail: data.state }));
    } else if (data.type === 'refused') {
      this.dispatchEvent(new CustomEvent('refused', { detail: data }));
    }
    if (data.type !== 'update') this.pending = null;
  }

  connect(destination) { this.node.connect(destination); return destination; }
  disconnect() { this.node.disconnect(); }

  /** Starts the session (its fade-in is the engine's). */
  play() {
    this.started = true;
    this.node.port.postMessage({ type: 'play' });
  }

  /**
   * A command of the engine's vocabulary by name. With `atFrame`, it lands
   * at the quantum that starts at that output frame (counted from play()).
   */
  command(name, value = 0, { atFrame } = {}) {
    if (this.vocabulary && !(name in this.vocabulary.commands)) {
      throw new Error(`${name}: not a command; use one of ${Object.keys(this.vocabulary.commands).join(', ')}`);
    }
    this.node.port.postMessage({ type: 'command', name, value, at: atFrame });
  }

  pause() { this.command('pause'); }
  resume() { this.command('resume'); }
  hold() { this.command('hold'); }
  release() { this.command('release'); }
  next() { this.command('next'); }
  previous() { this.command('previous'); }
  grounding() { this.command('grounding'); }
  continue() { this.command('continue'); }
  stop() { this.command('stop'); }
  /** Glide the breath to `bpm` breaths per minute. */
  pace(bpm) { this.command('pace', bpm); }
  /** Breathe a built-in pattern from the next whole breath: its name, or null for the session's own. */
  pattern(name) {
    const preset = name === null ? -1 : this.vocabulary.presets.indexOf(name);
    if (name !== null && preset < 0) {
      throw new Error(`${name}: not a breath pattern; use one of ${this.vocabulary.presets.join(', ')}`);
    }
    this.command('pattern', preset + 1); // 0: the session's own
  }
  /** A layer ('tone', 'bed', 'bells', 'voice', 'binaural', 'isochronic') to `db` (-60..6). */
  setLayerVolume(layer, db) {
    if (!LAYERS.includes(layer)) throw new Error(`${layer}: not a layer; use one of ${LAYERS.join(', ')}`);
    this.node.port.postMessage({ type: 'parameter', name: layer, value: db });
  }
  /** The haptic track on or off (it glides); `cap` 0..1 limits its intensity. */
  setHaptics(on, cap) {
    this.node.port.postMessage({ type: 'parameter', name: 'hapticsOn', value: on ? 1 : 0 });
    if (cap !== undefined) this.node.port.postMessage({ type: 'parameter', name: 'hapticCap', value: cap });
  }

  /**
   * Whether a check-in waits for continue() (true, the default: a listener
   * is there) or lets its written wait pass, as a render does.
   */
  setWaitAtCheckins(wait) {
    this.node.port.postMessage({ type: 'parameter', name: 'waitAtCheckins', value: wait ? 1 : 0 });
  }

  /**
   * One RR interval (the time between two heartbeats) in milliseconds, as
   * the C API's sp_heart_push_rr. The first beat attaches the heart:
   * `state.heartConnected` is 1 from then on, and the other heart fields
   * follow the beats (artefact rules and coherence: docs/heart.md).
   */
  pushRR(ms) {
    if (typeof ms !== 'number') throw new TypeError(`pushRR: ${ms} is not a number; give the interval in ms`);
    this.node.port.postMessage({ type: 'heartRR', ms });
  }

  /**
   * One Bluetooth Heart Rate Measurement notification (characteristic
   * 0x2A37) as it came: a Web Bluetooth characteristicvaluechanged event's
   * `target.value` (a DataView), or any Uint8Array or ArrayBuffer. Its RR
   * intervals are pushed; a malformed packet pushes nothing and fires
   * `refused` with the reason in `detail.message`. Attaches the heart like pushRR.
   */
  pushHeartMeasurement(bytes) {
    let view;
    if (bytes instanceof ArrayBuffer) view = new Uint8Array(bytes);
    else if (ArrayBuffer.isView(bytes)) view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    else throw new TypeError('pushHeartMeasurement: give the notification\'s bytes (a DataView, Uint8Array or ArrayBuffer)');
    this.node.port.postMessage({ type: 'heartMeasurement', bytes: view.slice() });
  }

  /** The strap is gone: the heart fields return to 0 until beats come again. */
  detachHeart() {
    this.node.port.postMessage({ type: 'heartDetach' });
  }

  /**
   * The engine's average time per quantum on the audio thread so far, in
   * microseconds (the worklet sums Date.now() around each block), and how
   * many quanta it averages.
   */
  get renderLoad() {
    const load = this.load ?? { quanta: 0, busyMs: 0 };
    return { quanta: load.quanta, microsecondsPerQuantum: load.quanta ? load.busyMs * 1000 / load.quanta : 0 };
  }

  /** The breath presets `pattern` takes. */
  get presets() { return this.vocabulary.presets; }
  /** The planned sections: name, start in seconds, steps. */
  get sections() { return this.program.sections; }
  /** The words of the line being spoken, or '' between lines. */
  get caption() {
    const s = this.state;
    if (!s || s.lineIndex < 0 || s.lineStep < 0) return '';
    return this.program.narration?.steps[s.lineStep]?.[s.lineIndex]?.caption ?? '';
  }
  /** The section now, by name ('' before the start). */
  get sectionName() {
    const s = this.state;
    return s && s.section >= 0 ? this.program.sections[s.section].name : '';
  }
  /** Seconds left as the plan stands (a lower bound while holding or waiting: state.remainingAtLeast). */
  get remainingSeconds() { return this.state ? this.state.remainingFrames / this.state.sampleRate : 0; }
  /** Seconds heard so far (pauses included). */
  get positionSeconds() { return this.state ? this.state.outputSample / this.state.sampleRate : 0; }
}
