// Renders a compiled session through the WebAssembly engine in 128-frame
// blocks (an AudioWorklet's quantum), interleaved, as Node or a page does.
import { WasmPlayer } from '../src/wasm_player.js';

/**
 * @param exports the engine
 * @param {string} json session.json
 * @param {Uint8Array} clips the clip files' samples (clips.pcm with --clips pcm)
 * @param {{at: number, name: string, value?: number}[]} schedule commands by output frame (multiples of 128)
 */
export function renderCompiled(exports, json, clips, schedule = [], quantum = 128) {
  const player = new WasmPlayer(exports, json, clips, { maxBlockFrames: quantum });
  player.setParameter('waitAtCheckins', 0); // as a render: a check-in's written wait passes
  const chunks = []; const events = [];
  let frame = 0; let next = 0;
  const pending = [...schedule].sort((a, b) => a.at - b.at);
  while (!player.state().finished || frame === 0) {
    while (next < pending.length && pending[next].at <= frame) {
      player.command(pending[next].name, pending[next].value ?? 0);
      ++next;
    }
    const out = player.process(quantum);
    const block = new Float32Array(quantum * player.channels);
    for (let i = 0; i < quantum; ++i) {
      for (let c = 0; c < player.channels; ++c) block[i * player.channels + c] = out[c][i];
    }
    chunks.push(block);
    events.push(...player.pollEvents());
    frame += quantum;
  }
  const samples = new Float32Array(chunks.length * quantum * player.channels);
  chunks.forEach((chunk, i) => samples.set(chunk, i * chunk.length));
  const result = { channels: player.channels, sampleRate: player.sampleRate, samples, events };
  player.destroy();
  return result;
}
