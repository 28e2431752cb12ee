// @ts-check
/**
 * The statuses, in the order bars and legends show them, each with its words and colour. Colours are from the
 * Okabe–Ito palette (distinguishable with the common colour-vision deficiencies) and every use of a colour
 * also writes the status, so nothing is said by colour alone.
 */
import { el } from './dom.js';

/** @typedef {'achieved' | 'partially_achieved' | 'in_progress' | 'not_achieved' | 'no_evidence' | 'pending' | 'withdrawn'} Status */

/** @type {ReadonlyArray<{ status: Status, label: string, chinese: string, symbol: string }>} */
export const STATUSES = [
  { status: 'achieved', label: 'Achieved', chinese: '已完成', symbol: '✓' },
  { status: 'partially_achieved', label: 'Partially', chinese: '部分完成', symbol: '◐' },
  { status: 'in_progress', label: 'In progress', chinese: '推进中', symbol: '→' },
  { status: 'not_achieved', label: 'Not achieved', chinese: '未完成', symbol: '✗' },
  { status: 'no_evidence', label: 'No evidence', chinese: '无佐证', symbol: '?' },
  { status: 'pending', label: 'Pending', chinese: '待总结', symbol: '…' },
  { status: 'withdrawn', label: 'Withdrawn', chinese: '已撤回', symbol: '–' },
];

const byStatus = new Map(STATUSES.map((entry) => [entry.status, entry]));

/** @param {string} status */
export function statusInfo(status) {
  return byStatus.get(/** @type {Status} */ (status)) ?? { status, label: status, chinese: '', symbol: '' };
}

/** @param {string} status */
export function statusBadge(status) {
  const info = statusInfo(status);
  return el('span', { class: `badge status-${status}`, 'data-status': status }, `${info.symbol} ${info.label}`, info.chinese ? el('span', { class: 'zh', lang: 'zh-Hans' }, info.chinese) : null);
}

/**
 * A bar of counts by status; each segment says its count and status, and so does its tooltip.
 * @param {Record<string, number>} counts
 * @param {number} total
 */
export function statusBar(counts, total) {
  const bar = el('div', { class: 'bar', role: 'img', 'aria-label': STATUSES.filter(({ status }) => (counts[status] ?? 0) > 0).map(({ status, label }) => `${label}: ${counts[status]}`).join(', ') || 'no commitments' });
  for (const { status, label, symbol } of STATUSES) {
    const count = counts[status] ?? 0;
    if (count === 0 || total === 0) continue;
    const segment = el('span', { class: `segment status-${status}`, 'data-status': status, title: `${label}: ${count} of ${total}` }, `${symbol} ${count}`);
    // Through the CSSOM, not a style attribute: the page's content security policy forbids inline styles.
    segment.style.flexGrow = String(count);
    bar.appendChild(segment);
  }
  return bar;
}

/**
 * The same counts in words, for readers who cannot tell the colours apart or whose segment is too narrow.
 * @param {Record<string, number>} counts
 */
export function statusWords(counts) {
  const parts = STATUSES.filter(({ status }) => (counts[status] ?? 0) > 0).map(({ status, label, symbol }) => `${symbol} ${counts[status]} ${label.toLowerCase()}`);
  return el('div', { class: 'bar-words' }, parts.length === 0 ? 'no commitments' : parts.join(' · '));
}

/** The key to the colours, with the words beside each. */
export function legend() {
  return el(
    'ul',
    { class: 'legend', 'aria-label': 'Status key' },
    STATUSES.map(({ status }) => el('li', {}, statusBadge(status))),
  );
}
