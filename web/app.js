// @ts-check
/**
 * The dashboard's shell: hash routes (`#/`, `#/scorecard/<organisation>/<year>`, `#/commitment/<id>`), the
 * reviewer's token, and live refresh: when the changes feed reports anything, the view on screen is rebuilt
 * from the API without a reload.
 */
import { setToken, token } from './api.js';
import { el } from './dom.js';
import { followChanges } from './live.js';
import { legend } from './status.js';
import { renderCommitment } from './views/commitment.js';
import { renderOverview } from './views/overview.js';
import { renderScorecard } from './views/scorecard.js';

const view = /** @type {HTMLElement} */ (document.getElementById('view'));
const liveBadge = /** @type {HTMLElement} */ (document.getElementById('live'));

/** Counts renders so a slow, superseded one never replaces a newer view. */
let renderGeneration = 0;

/**
 * @param {{ keepScroll?: boolean }} [options]
 */
async function render(options = {}) {
  const generation = ++renderGeneration;
  const [route = '', ...parts] = location.hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  const refresh = () => render({ keepScroll: true });
  let content;
  try {
    const params = parts.map((part) => decodeURIComponent(part));
    if (route === 'scorecard' && params.length === 2) content = await renderScorecard(params[0] ?? '', Number(params[1]), refresh);
    else if (route === 'commitment' && params.length === 1) content = await renderCommitment(params[0] ?? '', refresh);
    else content = await renderOverview();
  } catch (error) {
    content = el('p', { class: 'error', role: 'alert' }, `Could not show this page: ${String(error)}`);
  }
  if (generation !== renderGeneration) return;
  const scroll = window.scrollY;
  const focused = document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLTextAreaElement ? document.activeElement : null;
  const focus = focused?.id ? { id: focused.id, start: focused.selectionStart, end: focused.selectionEnd } : null;
  view.replaceChildren(content);
  document.body.dataset.view = route || 'overview';
  view.dataset.rendered = String(generation);
  if (options.keepScroll) window.scrollTo(0, scroll);
  else window.scrollTo(0, 0);
  if (focus !== null) {
    const again = document.getElementById(focus.id);
    if (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement) {
      again.focus();
      if (focus.start !== null && again.type !== 'password') again.setSelectionRange(focus.start, focus.end);
    }
  }
}

/**
 * Several changes usually arrive together (one report records many commitments): refresh once for them, but
 * never later than MAX_DELAY_MS after the first, so a long burst still shows progress.
 */
const QUIET_MS = 300;
const MAX_DELAY_MS = 1500;
let refreshTimer = 0;
let firstUnshown = 0;
function refreshSoon() {
  const now = performance.now();
  if (firstUnshown === 0) firstUnshown = now;
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => {
    firstUnshown = 0;
    void render({ keepScroll: true });
  }, Math.max(0, Math.min(QUIET_MS, firstUnshown + MAX_DELAY_MS - now)));
}

function setUpToken() {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('token-form'));
  const input = /** @type {HTMLInputElement} */ (document.getElementById('token'));
  const clear = /** @type {HTMLButtonElement} */ (document.getElementById('token-clear'));
  const show = () => {
    form.dataset.set = String(token() !== '');
    input.placeholder = token() === '' ? 'paste to review' : 'token in use';
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    input.value = '';
    show();
    void render({ keepScroll: true });
  });
  clear.addEventListener('click', () => {
    setToken('');
    show();
    void render({ keepScroll: true });
  });
  show();
}

const liveWords = { connecting: 'connecting…', live: '● live', reconnecting: '○ reconnecting…', offline: '○ offline' };

setUpToken();
document.getElementById('legend')?.replaceChildren(legend());
window.addEventListener('hashchange', () => void render());
void render();
void followChanges(
  () => refreshSoon(),
  (state, detail) => {
    liveBadge.dataset.state = state;
    liveBadge.textContent = liveWords[state];
    liveBadge.title = detail ?? '';
  },
);
