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

/**
 * A float sample as libsndfile stores it in a 24-bit WAV (normalised float
 * to int: lrintf(x * 0x7FFFFFFF) in float arithmetic, the top 24 bits kept),
 * read back as readWav24 reads it: so a float render compares exactly.
 */
export function as24BitWav(x) {
  const scaled = Math.fround(Math.fround(x) * Math.fround(2147483647));
  const floor = Math.floor(scaled);
  const rest = scaled - floor;
  let rounded = rest > 0.5 || (rest === 0.5 && floor % 2 !== 0) ? floor + 1 : floor; // to even
  rounded = Math.max(-2147483648, Math.min(2147483647, rounded));
  return Math.floor(rounded / 256) / 8388608;
}

/** How many samples of `floats`, stored as 24-bit WAV, differ from `wav`, and the first that does. */
export function compareWithWav(floats, wav) {
  let differing = 0; let first = -1;
  for (let i = 0; i < wav.length; ++i) {
    if (as24BitWav(floats[i]) !== wav[i]) {
      if (first < 0) first = i;
      ++differing;
    }
  }
  return { differing, first };
}
