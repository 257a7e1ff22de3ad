// The example page: one compiled session, big controls, keyboard shortcuts,
// captions, section progress and a breathing circle, all read from the
// engine's session state. ?session=FOLDER picks another compiled session.
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

function show(state) {
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

async function start() {
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
  player.play();
}

const actions = {
  play: async () => {
    if (!player) return start();
    if (player.state?.paused) player.resume(); else player.pause();
    return undefined;
  },
  hold: () => (player?.state?.holding ? player.release() : player?.hold()),
  next: () => player?.next(),
  previous: () => player?.previous(),
  continue: () => player?.continue(),
  grounding: () => player?.grounding(),
  slower: () => player?.state?.paceBpm > 0 && player.pace(Math.max(3, player.state.paceBpm - 0.5)),
  stop: () => player?.stop(),
  faster: () => player?.state?.paceBpm > 0 && player.pace(Math.min(12, player.state.paceBpm + 0.5)),
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
