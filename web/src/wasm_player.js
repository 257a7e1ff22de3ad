// The WebAssembly engine, wrapped for JavaScript: one compiled session played
// block by block. Used inside the AudioWorkletProcessor (worklet.js) and by
// tests under Node; nothing here touches the DOM or Web Audio.
//
// The numbers (commands, parameters, events) are the C API's (stillpoint.h);
// command names come from the engine's own vocabulary through the module.

/** sp_param values of stillpoint.h that the web player takes. */
export const PARAMS = Object.freeze({
  tone: 0, bed: 1, bells: 2, voice: 3, binaural: 4, isochronic: 5,
  hapticsOn: 17, hapticCap: 18, waitAtCheckins: 20,
});

/** sp_event_type values of stillpoint.h, by the names events carry here. */
export const EVENT_TYPES = Object.freeze({
  1: 'sessionStarted', 2: 'sectionStarted', 3: 'stepStarted', 4: 'phaseChanged', 5: 'bell',
  6: 'paused', 7: 'resumed', 8: 'finished', 9: 'waiting', 16: 'hapticTap', 32: 'lineSpoken',
});

/** No events: one shared empty list, so a quantum without events allocates none. */
export const NO_EVENTS = Object.freeze([]);

/** The wasm module's WASI imports: it never reads files or a clock; what it would print is dropped. */
function wasiImports(memoryOf) {
  return {
    wasi_snapshot_preview1: {
      fd_write(fd, iovs, count, written) {
        const view = new DataView(memoryOf().buffer);
        let total = 0;
        for (let i = 0; i < count; ++i) total += view.getUint32(iovs + 8 * i + 4, true);
        view.setUint32(written, total, true);
        return 0;
      },
      fd_close: () => 0,
      fd_seek: () => 70, // ESPIPE: nothing to seek
    },
  };
}

/** Instantiates the engine from a WebAssembly.Module (or its bytes). */
export async function instantiateEngine(moduleOrBytes) {
  let memory = null;
  const module = moduleOrBytes instanceof WebAssembly.Module
    ? moduleOrBytes : await WebAssembly.compile(moduleOrBytes);
  const instance = await WebAssembly.instantiate(module, wasiImports(() => memory));
  memory = instance.exports.memory;
  instance.exports._initialize();
  return instance.exports;
}

// UTF-8 both ways by hand: an AudioWorkletGlobalScope has no TextEncoder or TextDecoder.
function utf8Bytes(text) {
  return Uint8Array.from(unescape(encodeURIComponent(text)), (c) => c.charCodeAt(0));
}

function cString(exports, pointer) {
  const bytes = new Uint8Array(exports.memory.buffer, pointer);
  let end = 0;
  while (bytes[end] !== 0) ++end;
  let escaped = '';
  for (let i = 0; i < end; ++i) escaped += `%${bytes[i].toString(16).padStart(2, '0')}`;
  return decodeURIComponent(escaped);
}

/** The engine's vocabulary: command names to sp_command_type, state fields, breath presets. */
export function engineVocabulary(exports) {
  const commands = {};
  for (let i = 0; i < exports.sp_web_command_count(); ++i) {
    commands[cString(exports, exports.sp_web_command_name(i))] = exports.sp_web_command_value(i);
  }
  const stateFields = [];
  for (let i = 0; i < exports.sp_web_state_field_count(); ++i) {
    stateFields.push(cString(exports, exports.sp_web_state_field_name(i)));
  }
  const presets = [];
  for (let i = 0; i < exports.sp_web_preset_count(); ++i) {
    presets.push(cString(exports, exports.sp_web_preset_name(i)));
  }
  return { commands, stateFields, presets };
}

export class WasmPlayer {
  /**
   * @param exports the engine (instantiateEngine)
   * @param {string} programJson session.json's text
   * @param {Uint8Array} clips the clip files' 16-bit samples, one file after another (clips.pcm's bytes)
   * @param {{maxBlockFrames?: number, hapticTrack?: boolean}} options
   */
  constructor(exports, programJson, clips, { maxBlockFrames = 128, hapticTrack = false } = {}) {
    this.exports = exports;
    this.vocabulary = engineVocabulary(exports);
    const json = utf8Bytes(programJson);
    const jsonAt = exports.sp_web_alloc(json.length);
    const clipsAt = exports.sp_web_alloc(Math.max(clips.length, 1));
    new Uint8Array(exports.memory.buffer, jsonAt, json.length).set(json);
    new Uint8Array(exports.memory.buffer, clipsAt, clips.length).set(clips);
    this.handle = exports.sp_web_create(jsonAt, json.length, clipsAt, clips.length,
      maxBlockFrames, hapticTrack ? 1 : 0);
    exports.sp_web_free(jsonAt);
    exports.sp_web_free(clipsAt);
    if (!this.handle) throw new Error(cString(exports, exports.sp_web_last_error()));
    this.maxBlockFrames = maxBlockFrames;
    this.channels = exports.sp_web_output_channels(this.handle); // audio, then haptic if asked
    this.audioChannels = this.channels - (hapticTrack ? 1 : 0);
    this.sampleRate = exports.sp_web_sample_rate(this.handle);
    this.buffer = null; // the memory the views below see; renewed when it grows
    this.outputs = [];
  }

  /** Renders `frames` and returns one Float32Array per output channel (views into the engine). */
  process(frames) {
    const result = this.exports.sp_web_process(this.handle, frames);
    if (result !== 0) throw new Error(`block of ${frames} frames: sp_result ${result}`);
    if (this.buffer !== this.exports.memory.buffer) {
      this.buffer = this.exports.memory.buffer;
      this.outputs = [];
      for (let c = 0; c < this.channels; ++c) {
        this.outputs.push(new Float32Array(this.buffer,
          this.exports.sp_web_output(this.handle, c), this.maxBlockFrames));
      }
    }
    return this.outputs;
  }

  /** A command by its vocabulary name ('pause', 'next', 'pace', ...); sp_result (0 OK). */
  command(name, value = 0) {
    const code = this.vocabulary.commands[name];
    if (code === undefined || code < 0) return -2;
    return this.exports.sp_web_command(this.handle, code, value);
  }

  /** A parameter by name (PARAMS); sp_result (0 OK). */
  setParameter(name, value) {
    const code = PARAMS[name];
    if (code === undefined) return -2;
    return this.exports.sp_web_set_parameter(this.handle, code, value);
  }

  /** Every event the last blocks produced, oldest first (NO_EVENTS, shared, when none). */
  pollEvents() {
    let at = this.exports.sp_web_poll_event(this.handle);
    if (!at) return NO_EVENTS; // the usual quantum allocates nothing here
    const events = [];
    for (; at; at = this.exports.sp_web_poll_event(this.handle)) {
      const f = new Float64Array(this.exports.memory.buffer, at, 5);
      events.push({ type: EVENT_TYPES[f[0]] ?? `event${f[0]}`, index: f[1], value: f[2],
        sample: f[3], sessionSample: f[4] });
    }
    return events;
  }

  /** The session state as of the last block (session_state.hpp's fields). */
  state() {
    const fields = this.vocabulary.stateFields;
    const f = new Float64Array(this.exports.memory.buffer,
      this.exports.sp_web_state(this.handle), fields.length);
    const state = {};
    fields.forEach((name, i) => { state[name] = f[i]; });
    return state;
  }

  /**
   * The listener's heart (the C API's sp_attach_heart): while attached, the
   * state's heart fields carry the figures of the beats pushed here.
   */
  attachHeart(attached) {
    return this.exports.sp_web_attach_heart(this.handle, attached ? 1 : 0);
  }

  /** One RR interval in ms (sp_heart_push_rr); sp_result (0 OK, -11 queue full). */
  pushRR(ms) {
    return this.exports.sp_web_heart_push_rr(this.handle, ms);
  }

  /**
   * One Heart Rate Measurement notification (0x2A37) as its bytes came
   * (sp_heart_push_measurement): { result, message }, message saying why a
   * malformed packet pushed nothing ('' when it was read).
   */
  pushHeartMeasurement(bytes) {
    const e = this.exports;
    const inboxBytes = e.sp_web_heart_inbox_bytes();
    // A notification fits the player's inbox; only a longer (hostile) one needs memory.
    const at = bytes.length <= inboxBytes ? e.sp_web_heart_inbox(this.handle)
      : e.sp_web_alloc(bytes.length);
    new Uint8Array(e.memory.buffer, at, bytes.length).set(bytes);
    const result = e.sp_web_heart_push_measurement(this.handle, at, bytes.length);
    if (bytes.length > inboxBytes) e.sp_web_free(at);
    return { result, message: result === 0 ? '' : cString(e, e.sp_web_heart_error_message(this.handle)) };
  }

  /** Take the beats pushed, at `seconds` on the consumer's clock (sp_heart_update). */
  updateHeart(seconds) {
    return this.exports.sp_web_heart_update(this.handle, seconds);
  }

  destroy() {
    if (this.handle) this.exports.sp_web_destroy(this.handle);
    this.handle = 0;
  }
}
