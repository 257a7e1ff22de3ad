// Types of the Stillpoint web module (stillpoint.js). They mirror the C API
// (stillpoint.h): the same commands, layers and session state.

/** session.json, as `stillpoint compile` writes it (docs/web.md describes every field). */
export interface CompiledProgram {
  format: 'stillpoint-compiled-session';
  version: number;
  sampleRate: number;
  channels: 1 | 2;
  title: string;
  lengthSeconds: number;
  groundingSection: number;
  sections: { name: string; firstStep: number; stepCount: number; startSeconds: number }[];
  narration: { sampleRate: number; steps: { caption: string; offsetFrames: number }[][] } | null;
  clips: ClipFile[];
  [field: string]: unknown;
}

/** One of session.json's "clips": a file beside it holding narration clips' 16-bit samples. */
export interface ClipFile {
  file: string;
  /** flac: one 16-bit mono FLAC stream at `sampleRate`; pcm: raw little-endian samples; opus: mono Ogg Opus at `sampleRate` (lossy). */
  encoding: 'flac' | 'pcm' | 'opus';
  samples: number;
  sampleRate?: number;
}

export interface CompiledSession {
  json: string;
  /** Every clip file's samples, 16-bit little-endian, one file after another. */
  clips: ArrayBuffer;
  program: CompiledProgram;
  sampleRate: number;
  channels: 1 | 2;
}

/** The engine's command vocabulary (command_vocabulary.hpp), by name. */
export type CommandName =
  | 'pause' | 'resume' | 'hold' | 'release' | 'next' | 'previous' | 'grounding'
  | 'pace' | 'pattern' | 'continue' | 'stop';

export type Layer = 'tone' | 'bed' | 'bells' | 'voice' | 'binaural' | 'isochronic';
export declare const LAYERS: readonly Layer[];

/** SessionState (session_state.hpp) after the last quantum; positions in samples. */
export interface SessionState {
  sampleRate: number;
  outputSample: number;
  sessionSample: number;
  section: number;
  sectionStart: number;
  sectionLength: number;
  step: number;
  remainingFrames: number;
  endSample: number;
  remainingAtLeast: 0 | 1;
  lineStep: number;
  lineIndex: number;
  lineStart: number;
  lineEnd: number;
  started: 0 | 1;
  waitingForContinue: 0 | 1;
  groundingActive: 0 | 1;
  paused: 0 | 1;
  holding: 0 | 1;
  finished: 0 | 1;
  paceBpm: number;
  /** 0 inhale, 1 hold in, 2 exhale, 3 hold out; -1 outside breathe steps. */
  breathPhase: number;
  patternChoice: number;
  patternIndex: number;
  /** Haptic intensity 0..1 at the end of the quantum. */
  hapticIntensity: number;
  /**
   * The listener's heart (docs/heart.md), as sp_status's heart_* and
   * coherence fields: all 0 until the first pushRR or pushHeartMeasurement
   * (and after detachHeart). The worklet takes the beats every quantum on the
   * audio context's clock; the state arrives every 16 quanta (before play too, while attached).
   */
  heartConnected: 0 | 1;
  /** A beat accepted within the last 5 s. */
  heartLive: 0 | 1;
  /** Beats per minute: the mean of the last 4 accepted beats; 0 before any. */
  heartRateBpm: number;
  /** At least 32 s of beats in the 64 s window: `coherence` means something. */
  coherenceValid: 0 | 1;
  /** 0..1: the strongest heart-rate rhythm's share of its power. */
  coherence: number;
  /** Intervals accepted. */
  heartBeats: number;
  /** Intervals refused by the artefact rules (outside 300-2000 ms, jumps over 20 %). */
  heartArtefacts: number;
  /**
   * The pace the heart sets (breaths/min, 4.5-7) in a `pace: resonance` step
   * while beats come, as sp_status's heart_followed_pace_bpm: the worklet
   * follows the heart live (docs/heart.md), nudging the breath toward the
   * heart's resonance at most 0.5/min a minute; 0 while the session's own
   * pace plays (no beats, another step, or after a pace(bpm) of the listener's).
   */
  heartFollowedPaceBpm: number;
}

export type EngineEventType =
  | 'sessionStarted' | 'sectionStarted' | 'stepStarted' | 'phaseChanged' | 'bell' | 'paused'
  | 'resumed' | 'finished' | 'waiting' | 'hapticTap' | 'lineSpoken';

/** An engine event (sp_event): `sample` is the output sample where it is heard. */
export interface EngineEvent {
  type: EngineEventType;
  index: number;
  value: number;
  sample: number;
  sessionSample: number;
}

export interface ScheduledCommand { at: number; name: CommandName; value?: number }

export interface CreateOptions {
  /** Where stillpoint.wasm is (default: beside stillpoint.js). */
  wasmUrl?: string | URL;
  /** Haptic taps among the events (default true), for navigator.vibrate. */
  hapticEvents?: boolean;
  /** Play from the first quantum (an OfflineAudioContext's render). */
  start?: boolean;
  /** Check-ins wait for continue() (default true); false: their written wait passes, as in a render. */
  waitAtCheckins?: boolean;
  /** Commands by output frame, in place before the first quantum. */
  schedule?: ScheduledCommand[];
}

export declare function fetchCompiledSession(folderUrl: string | URL): Promise<CompiledSession>;
export declare function compiledSession(json: string, clips: ArrayBuffer): CompiledSession;
/** A clip file's samples, 16-bit little-endian: clips.pcm as it is, FLAC (exactly) and Opus (rounded) decoded at the file's own rate. */
export declare function decodeClipFile(file: ClipFile, bytes: ArrayBuffer, name?: string): Promise<Uint8Array>;
export declare function loadEngineModule(wasmUrl?: string | URL): Promise<WebAssembly.Module>;

export interface StillpointEventMap {
  state: CustomEvent<SessionState>;
  engineevent: CustomEvent<EngineEvent>;
  /** A command, parameter or heart input the engine refused (sp_result); `message` says why a notification was. */
  refused: CustomEvent<{ what: string; result: number; message?: string }>;
  sessionStarted: CustomEvent<EngineEvent>;
  sectionStarted: CustomEvent<EngineEvent>;
  stepStarted: CustomEvent<EngineEvent>;
  phaseChanged: CustomEvent<EngineEvent>;
  bell: CustomEvent<EngineEvent>;
  paused: CustomEvent<EngineEvent>;
  resumed: CustomEvent<EngineEvent>;
  finished: CustomEvent<EngineEvent>;
  waiting: CustomEvent<EngineEvent>;
  hapticTap: CustomEvent<EngineEvent>;
  lineSpoken: CustomEvent<EngineEvent>;
}

export declare class StillpointPlayer extends EventTarget {
  static create(context: BaseAudioContext, session: CompiledSession,
    options?: CreateOptions): Promise<StillpointPlayer>;
  readonly context: BaseAudioContext;
  readonly node: AudioWorkletNode;
  readonly program: CompiledProgram;
  readonly state: SessionState | null;
  connect(destination: AudioNode): AudioNode;
  disconnect(): void;
  play(): void;
  command(name: CommandName, value?: number, options?: { atFrame?: number }): void;
  pause(): void;
  resume(): void;
  hold(): void;
  release(): void;
  next(): void;
  previous(): void;
  grounding(): void;
  continue(): void;
  stop(): void;
  /** Breaths per minute, 1..30. */
  pace(bpm: number): void;
  /** A built-in pattern's name (presets), or null for the session's own. */
  pattern(name: string | null): void;
  /** dB, -60..6. */
  setLayerVolume(layer: Layer, db: number): void;
  setHaptics(on: boolean, cap?: number): void;
  setWaitAtCheckins(wait: boolean): void;
  /** One RR interval in ms (sp_heart_push_rr); the first beat attaches the heart. */
  pushRR(ms: number): void;
  /**
   * One Heart Rate Measurement notification (0x2A37) as it came: a Web
   * Bluetooth characteristicvaluechanged event's `target.value` as it is
   * (sp_heart_push_measurement). A malformed one fires `refused` with the reason.
   */
  pushHeartMeasurement(bytes: DataView | Uint8Array | ArrayBuffer): void;
  /** The strap is gone: the heart fields return to 0 until beats come again. */
  detachHeart(): void;
  /** The engine's average time per 128-frame quantum on the audio thread, in microseconds. */
  readonly renderLoad: { quanta: number; microsecondsPerQuantum: number };
  readonly presets: string[];
  readonly sections: CompiledProgram['sections'];
  readonly caption: string;
  readonly sectionName: string;
  readonly remainingSeconds: number;
  readonly positionSeconds: number;
  addEventListener<K extends keyof StillpointEventMap>(type: K,
    listener: (event: StillpointEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions): void;
}
