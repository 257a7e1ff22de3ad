// The example page: one compiled session, big controls, keyboard shortcuts,
// captions, section progress and a breathing circle, all read from the
// engine's session state. ?session=FOLDER picks another compiled session.
// Where the browser has Web Bluetooth, a heart-rate strap can be connected:
// its notifications go to the engine as they come, and the page shows the
// heart rate and coherence the engine's state carries.
import { LAYERS, StillpointPlayer, fetchCompiledSession } from '../dist/stillpoint.js';

const $ = (id) => document.getElementById(id);
const folder = new URLSearchParams(location.search).get('session') ??
  '../dist/sessions/arrive-and-breathe/';
const clock = (seconds) => {
  const s = Math.max(0, Math.round(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const sessionReady = fetchCompiledSession(folder);
let player = null;
let context = null;
let strap = null; // the connected heart-rate strap (a BluetoothDevice)

sessionReady.then((session) => {
  $('title').textContent = session.program.title;
  for (const section of session.program.sections) {
    if (session.program.groundingSection >= 0 &&
        section === session.program.sections[session.program.groundingSection]) continue;
    const item = document.createElement('li');
    item.textContent = section.name;
    $('sections').append(item);
  }
}).catch((error) => { $('section').textContent = `Could not load the session: ${error.message}`; });

/** The heart as `stillpoint play` and the app show it (describeHeart in heart_monitor.cpp). */
function describeHeart(state) {
  if (!state.heartConnected || state.heartBeats === 0) return '';
  if (!state.heartLive) return 'heart lost';
  const bpm = `${state.heartRateBpm.toFixed(0)} bpm`;
  return state.coherenceValid ? `${bpm}, coherence ${state.coherence.toFixed(2)}` : bpm;
}

function show(state) {
  $('heart-figures').textContent = strap ? describeHeart(state) || 'Waiting for beats…' : '';
  if (!player.started) return; // a strap connected before play: only the heart so far
  $('section').textContent = state.finished ? 'The session has ended.' :
    state.paused ? 'Paused' : state.waitingForContinue ? 'Take your time. Continue when ready.' :
      player.sectionName;
  $('caption').textContent = player.caption;
  [...$('sections').children].forEach((item, i) => {
    item.className = i === state.section ? 'now' : i < state.section ? 'done' : '';
  });
  $('position').textContent = clock(player.positionSeconds);
  $('remaining').textContent = `${state.remainingAtLeast ? 'at least ' : ''}${clock(player.remainingSeconds)} left`;
  $('circle').style.transform = `scale(${1 + 1.2 * state.hapticIntensity})`;
  $('play').textContent = !player.started || state.paused ? 'Play' : 'Pause';
  $('hold').setAttribute('aria-pressed', String(Boolean(state.holding)));
  $('hold').textContent = state.holding ? 'Release' : 'Hold';
  $('continue').hidden = !state.waitingForContinue;
  $('grounding').disabled = Boolean(state.groundingActive);
  $('stop').disabled = Boolean(state.finished);
}

let creating = null;
/** The player, made once (the first Play or strap connection). */
function ensurePlayer() {
  creating ??= createPlayer();
  return creating;
}

async function createPlayer() {
  const session = await sessionReady;
  context = new AudioContext({ sampleRate: session.sampleRate });
  player = await StillpointPlayer.create(context, session);
  player.connect(context.destination);
  player.addEventListener('state', (event) => show(event.detail));
  player.addEventListener('hapticTap', (event) => {
    if ($('vibrate').checked && navigator.vibrate) navigator.vibrate(Math.round(20 + 60 * event.detail.value));
  });
  for (const layer of LAYERS) {
    const label = document.createElement('label');
    label.textContent = layer;
    const slider = Object.assign(document.createElement('input'),
      { type: 'range', min: -60, max: 6, step: 1, value: session.program.sound.volumes[layer] });
    slider.setAttribute('aria-label', `${layer} volume in dB`);
    slider.addEventListener('input', () => player.setLayerVolume(layer, Number(slider.value)));
    label.append(slider);
    $('layers').append(label);
  }
  window.stillpointPage.player = player;
  await context.resume();
}

async function start() {
  await ensurePlayer();
  player.play();
}

// The strap: the Bluetooth Heart Rate service's measurement notifications,
// each passed on as it came (the engine reads the 0x2A37 bytes).
function strapGone() {
  strap = null;
  player?.detachHeart();
  $('strap').textContent = 'Connect heart-rate strap';
  $('heart-figures').textContent = '';
}

async function toggleStrap() {
  if (strap) {
    strap.gatt.disconnect(); // fires gattserverdisconnected
    return;
  }
  try {
    // First, while the click still counts as the listener's gesture.
    const device = await navigator.bluetooth.requestDevice({ filters: [{ services: ['heart_rate'] }] });
    await ensurePlayer();
    const server = await device.gatt.connect();
    const service = await server.getPrimaryService('heart_rate');
    const measurement = await service.getCharacteristic('heart_rate_measurement');
    measurement.addEventListener('characteristicvaluechanged',
      (event) => player.pushHeartMeasurement(event.target.value));
    device.addEventListener('gattserverdisconnected', strapGone);
    await measurement.startNotifications();
    strap = device;
    $('strap').textContent = `Disconnect ${device.name || 'strap'}`;
    $('heart-figures').textContent = 'Waiting for beats…';
  } catch (error) {
    // NotFoundError: the chooser was closed without a strap.
    $('heart-figures').textContent = error.name === 'NotFoundError' ? '' : `Strap: ${error.message}`;
  }
}

if (navigator.bluetooth) {
  $('heart').hidden = false;
  $('strap').addEventListener('click', toggleStrap);
}

// The player once Play has started it (a strap may make it earlier).
const playing = () => (player?.started ? player : null);
const actions = {
  play: async () => {
    if (!playing()) return start();
    if (player.state?.paused) player.resume(); else player.pause();
    return undefined;
  },
  hold: () => (playing()?.state?.holding ? player.release() : playing()?.hold()),
  next: () => playing()?.next(),
  previous: () => playing()?.previous(),
  continue: () => playing()?.continue(),
  grounding: () => playing()?.grounding(),
  slower: () => playing()?.state?.paceBpm > 0 && player.pace(Math.max(3, player.state.paceBpm - 0.5)),
  stop: () => playing()?.stop(),
  faster: () => playing()?.state?.paceBpm > 0 && player.pace(Math.min(12, player.state.paceBpm + 0.5)),
};
for (const [id, action] of Object.entries(actions)) $(id).addEventListener('click', action);

const keys = { ' ': 'play', h: 'hold', n: 'next', p: 'previous', g: 'grounding', c: 'continue',
  Enter: 'continue', '-': 'slower', '+': 'faster', '=': 'faster', q: 'stop' };
document.addEventListener('keydown', (event) => {
  // A focused control takes its own Space and Enter; sliders take their arrows.
  if ((event.key === ' ' || event.key === 'Enter') && event.target.closest('button, summary, input')) return;
  if (event.target.closest('input') || event.ctrlKey || event.metaKey || event.altKey) return;
  const action = keys[event.key.length === 1 ? event.key.toLowerCase() : event.key];
  if (!action) return;
  event.preventDefault();
  actions[action]();
});

window.stillpointPage = { player: null, sessionReady };
