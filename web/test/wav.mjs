// Reads the 24-bit PCM WAV files `stillpoint render` writes, as floats.
export function readWav24(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') throw new Error('not a RIFF WAVE file');
  let at = 12;
  let channels = 0; let rate = 0; let bits = 0;
  while (at + 8 <= bytes.length) {
    const id = tag(at); const size = view.getUint32(at + 4, true);
    if (id === 'fmt ') {
      channels = view.getUint16(at + 10, true);
      rate = view.getUint32(at + 12, true);
      bits = view.getUint16(at + 22, true);
    } else if (id === 'data') {
      if (bits !== 24) throw new Error(`${bits}-bit WAV; expected 24-bit`);
      const frames = Math.floor(size / (3 * channels));
      const samples = new Float32Array(frames * channels);
      for (let i = 0; i < samples.length; ++i) {
        const b = at + 8 + 3 * i;
        const value = (bytes[b] | (bytes[b + 1] << 8) | (bytes[b + 2] << 16)) << 8 >> 8;
        samples[i] = value / 8388608;
      }
      return { channels, rate, samples };
    }
    at += 8 + size + (size & 1);
  }
  throw new Error('no data chunk');
}
