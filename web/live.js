// @ts-check
/**
 * Follows the changes feed from "now": it first pages `GET /changes` to the newest cursor (so the page is not
 * told again about everything already shown), then listens to `GET /changes/stream` (Server-Sent Events; the
 * browser resumes from the last event id on its own). EventSource cannot send a bearer token, so when reads
 * need one the same feed is followed by long polls instead.
 */
import { get, token } from './api.js';

/** @typedef {'connecting' | 'live' | 'reconnecting' | 'offline'} LiveState */

/**
 * @param {(changes: Array<{ commitmentId: string, status: string, position: string }>) => void} onChanges
 * @param {(state: LiveState, detail?: string) => void} onState
 */
export async function followChanges(onChanges, onState) {
  let cursor = await newestCursor();
  if (cursor === undefined) {
    onState('offline', 'the changes feed did not answer');
    return;
  }
  if (token() !== '') {
    void longPoll(cursor, onChanges, onState);
    return;
  }
  const source = new EventSource(`/changes/stream${cursor === null ? '' : `?cursor=${encodeURIComponent(cursor)}`}`);
  source.addEventListener('open', () => onState('live'));
  source.addEventListener('change', (event) => {
    const message = /** @type {MessageEvent<string>} */ (event);
    onChanges([JSON.parse(message.data)]);
  });
  source.addEventListener('error', () => {
    if (source.readyState !== EventSource.CLOSED) {
      onState('reconnecting');
      return;
    }
    // The server refused the stream (reads need a token): fall back to long polls, which can carry one.
    onState('reconnecting', 'stream refused; polling');
    void longPoll(cursor, onChanges, onState);
  });
}

/** @returns {Promise<string | null | undefined>} the newest cursor, null for an empty feed, undefined on failure */
async function newestCursor() {
  /** @type {string | null} */
  let cursor = null;
  for (;;) {
    const page = await get(`/changes?limit=1000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    if (!page.ok) return undefined;
    cursor = page.value.cursor ?? cursor;
    if (!page.value.hasMore) return cursor;
  }
}

/**
 * @param {string | null} from
 * @param {(changes: Array<{ commitmentId: string, status: string, position: string }>) => void} onChanges
 * @param {(state: LiveState, detail?: string) => void} onState
 */
async function longPoll(from, onChanges, onState) {
  let cursor = from;
  for (;;) {
    const page = await get(`/changes?wait=25&limit=1000${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    if (!page.ok) {
      onState('reconnecting', page.message);
      await new Promise((resolve) => setTimeout(resolve, 3000));
      continue;
    }
    onState('live', 'long poll');
    cursor = page.value.cursor ?? cursor;
    if (page.value.items.length > 0) onChanges(page.value.items);
  }
}
