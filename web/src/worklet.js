// The AudioWorkletProcessor that plays a compiled session: the WebAssembly
// engine renders each 128-frame quantum on the audio rendering thread.
// Messages only (no SharedArrayBuffer, no cross-origin isolation): commands
// come in through the port and land at the next quantum, or at the output
// frame they name; events and the session state go back through it. A
// heart-rate strap's beats come in the same way; the heart runs on the audio
// context's clock (currentFrame), whether or not the session plays. Its
// update before each quantum also ticks the player's follow of the heart
// (docs/heart.md), which hears the events polled after the quantum before:
// a `pace: resonance` step's pace follows the heart, all inside this thread.
import { NO_EVENTS, WasmPlayer, instantiateEngine } from './wasm_player.js';

/** Quanta between two state messages (about 43 ms at 48 kHz); events go at once. */
const STATE_EVERY_QUANTA = 16;

class StillpointProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.player = null;
    this.playing = false;
    this.frame = 0; // output frames rendered since play
    this.scheduled = []; // commands waiting for their frame, in order
    this.quanta = 0;
    this.idleQuanta = 0; // quanta not playing: a heart attached before play still reports
    this.heartAttached = false; // beats have come: the state carries the heart
    // The engine's time per quantum. The scope has no performance.now(), only
    // Date.now() in whole milliseconds; summed over many quanta the sum is
    // still unbiased (a 20 us block reads 1 ms one time in fifty).
    this.busyMs = 0;
    this.port.onmessage = (message) => this.receive(message.data);
  }

  async load({ module, json, clips, hapticTrack, start, waitAtCheckins, schedule }) {
    try {
      const engine = await instantiateEngine(module);
      this.player = new WasmPlayer(engine, json, new Uint8Array(clips),
        { maxBlockFrames: 128, hapticTrack });
      this.player.setParameter('waitAtCheckins', waitAtCheckins ? 1 : 0);
      this.scheduled = [...schedule].sort((a, b) => a.at - b.at);
      this.playing = start;
      this.port.postMessage({ type: 'ready', vocabulary: this.player.vocabulary,
        channels: this.player.audioChannels, sampleRate: this.player.sampleRate,
        state: this.player.state() });
    } catch (error) {
      this.port.postMessage({ type: 'error', message: String(error.message ?? error) });
    }
  }

  receive(data) {
    switch (data.type) {
      case 'load': this.load(data); break;
      case 'play': this.playing = true; break;
      case 'command':
        if (data.at === undefined) {
          this.apply(data);
        } else {
          this.scheduled.push(data);
          this.scheduled.sort((a, b) => a.at - b.at);
        }
        break;
      case 'heartRR':
      case 'heartMeasurement':
        this.pushHeart(data);
        break;
      case 'heartDetach':
        if (!this.player) break;
        this.heartAttached = false;
        this.player.attachHeart(false);
        this.publish(NO_EVENTS); // the heart's fields gone, even while nothing plays
        break;
      case 'parameter': {
        const result = this.player ? this.player.setParameter(data.name, data.value) : -3;
        if (result !== 0) this.port.postMessage({ type: 'refused', what: data.name, result });
        break;
      }
      default: break;
    }
  }

  apply(command) {
    const result = this.player ? this.player.command(command.name, command.value ?? 0) : -3;
    if (result !== 0) this.port.postMessage({ type: 'refused', what: command.name, result });
  }

  /** A beat (heartRR) or a strap's notification (heartMeasurement); the first attaches the heart. */
  pushHeart(data) {
    if (!this.player) {
      this.port.postMessage({ type: 'refused', what: data.type, result: -3 });
      return;
    }
    if (!this.heartAttached) {
      this.heartAttached = true;
      this.player.attachHeart(true);
    }
    if (data.type === 'heartRR') {
      const result = this.player.pushRR(data.ms);
      if (result !== 0) this.port.postMessage({ type: 'refused', what: data.type, result });
    } else {
      const { result, message } = this.player.pushHeartMeasurement(data.bytes);
      if (result !== 0) this.port.postMessage({ type: 'refused', what: data.type, result, message });
    }
  }

  /** The state (and `events`) to the main thread. */
  publish(events) {
    this.port.postMessage({ type: 'update', events, state: this.player.state(),
      load: { quanta: this.quanta, busyMs: this.busyMs } });
  }

  process(inputs, outputs) {
    const output = outputs[0];
    if (this.heartAttached) this.player.updateHeart(currentFrame / sampleRate);
    if (!this.player || !this.playing) {
      for (const channel of output) channel.fill(0);
      // A strap connected before play shows its heart all the same.
      if (this.heartAttached && ++this.idleQuanta % STATE_EVERY_QUANTA === 0) this.publish(NO_EVENTS);
      return true;
    }
    const frames = output[0].length;
    while (this.scheduled.length && this.scheduled[0].at <= this.frame) {
      this.apply(this.scheduled.shift());
    }
    const before = Date.now();
    const rendered = this.player.process(frames);
    this.busyMs += Date.now() - before;
    for (let c = 0; c < output.length; ++c) {
      // A mono session feeds every output channel. A whole block copies
      // without a new view (the usual quantum allocates nothing here).
      const channel = rendered[Math.min(c, this.player.audioChannels - 1)];
      output[c].set(frames === channel.length ? channel : channel.subarray(0, frames));
    }
    this.frame += frames;
    const events = this.player.pollEvents();
    if (++this.quanta % STATE_EVERY_QUANTA === 0 || events.length) this.publish(events);
    return true;
  }
}

registerProcessor('stillpoint', StillpointProcessor);
