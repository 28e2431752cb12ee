// @ts-check
/**
 * One commitment: its text in its report, each target's actual against target, the evidence sentence
 * highlighted in the summary's text, the reason for the status, reviewer assessments and the history as a
 * timeline. With a reviewer token, links can be confirmed or rejected and an assessment recorded.
 */
import { get, post, reportText, token } from '../api.js';
import { el, formatTime } from '../dom.js';
import { STATUSES, statusBadge, statusInfo } from '../status.js';
import { scorecardHref } from './overview.js';

/** How much of the report to show on either side of a highlighted passage. */
const CONTEXT_CHARS = 160;

const comparatorWords = /** @type {Record<string, string>} */ ({
  at_least: 'at least',
  at_most: 'at most',
  about: 'about',
  range: 'between',
  exactly: 'exactly',
});

/**
 * @param {string} id
 * @param {() => void} refresh
 */
export async function renderCommitment(id, refresh) {
  const [answer, history] = await Promise.all([get(`/commitments/${encodeURIComponent(id)}`), get(`/commitments/${encodeURIComponent(id)}/history`)]);
  if (!answer.ok) return el('p', { class: 'error', role: 'alert' }, `Commitment could not be read: ${answer.message}`);
  const commitment = answer.value;
  const planText = await reportText(commitment.reportId);
  const evidenceTexts = new Map(
    await Promise.all(
      [...new Set(commitment.evidence.map((/** @type {any} */ link) => link.reportId))].map(async (reportId) => /** @type {[string, any]} */ ([reportId, await reportText(String(reportId))])),
    ),
  );
  const reason = commitment.reason;
  const targetReasons = new Map((reason?.targets ?? []).map((/** @type {any} */ target) => [target.targetId, target]));

  return el(
    'article',
    { class: 'commitment', 'data-id': commitment.id, 'data-status': commitment.status },
    el('nav', { class: 'crumbs' }, el('a', { href: '#/' }, 'Overview'), ' › ', el('a', { href: scorecardHref(commitment.organisation, commitment.planYear) }, `${commitment.organisation} ${commitment.planYear}`), ' › ', commitment.marker ?? 'commitment'),
    el('div', { class: 'item-head' }, statusBadge(commitment.status), commitment.carriedOver ? el('span', { class: 'flag' }, '↻ carried over to the next plan') : null),
    el('h1', { class: 'commitment-text', lang: 'zh-Hans' }, commitment.text),
    el('p', { class: 'muted small' }, `${commitment.organisation} · plan for ${commitment.planYear} · ${commitment.area ?? 'no area'}`, commitment.originalText ? ` · amended; first recorded as “${commitment.originalText}”` : ''),
    commitment.withdrawnReason ? el('p', { class: 'flag' }, `Withdrawn: ${commitment.withdrawnReason}`) : null,

    el('section', { class: 'why' }, el('h2', {}, 'Why this status'), whyBlock(commitment)),

    el(
      'section',
      { class: 'in-report' },
      el('h2', {}, 'In its report'),
      planText.ok
        ? passage(planText.value, commitment.span, commitment.targets.map((/** @type {any} */ target) => target.span), 'commitment')
        : el('p', { class: 'error' }, `The report text could not be read: ${planText.message}`),
    ),

    el(
      'section',
      { class: 'targets' },
      el('h2', {}, 'Targets: actual vs target'),
      commitment.targets.length === 0
        ? el('p', { class: 'muted' }, 'No quantified target: the status is judged from the wording of the evidence.')
        : el(
            'table',
            {},
            el('thead', {}, el('tr', {}, ['Target', 'Metric', 'Target value', 'Actual', 'Status', 'Rule'].map((title) => el('th', { scope: 'col' }, title)))),
            el('tbody', {}, commitment.targets.map((/** @type {any} */ target) => targetRow(target, targetReasons.get(target.targetId)))),
          ),
    ),

    el(
      'section',
      { class: 'evidence' },
      el('h2', {}, 'Evidence in the next summary'),
      commitment.evidence.length === 0
        ? el('p', { class: 'muted' }, reason?.rule === 'summary_not_ingested' ? 'The summary of this year has not been ingested yet.' : 'Nothing in the summary was linked to this commitment.')
        : outcomesOf(commitment.evidence).map((links) => evidenceBlock(commitment, links, evidenceTexts.get(links[0].reportId), refresh)),
    ),

    el('section', { class: 'assessment' }, el('h2', {}, 'Reviewer assessment'), assessmentBlock(commitment, refresh)),

    el('section', { class: 'history' }, el('h2', {}, 'History'), history.ok ? timeline(history.value) : el('p', { class: 'error' }, `History could not be read: ${history.message}`)),
  );
}

/** @param {any} commitment */
function whyBlock(commitment) {
  const reason = commitment.reason;
  return el(
    'div',
    {},
    reason ? el('p', { class: 'reason' }, reason.reason, ' ', el('code', { class: 'muted small' }, reason.rule)) : el('p', { class: 'muted' }, 'Not computed yet.'),
    commitment.assessment
      ? el('p', { class: 'assessed' }, 'Shown: the reviewer’s ', statusBadge(commitment.assessment.status), ' · computed by the rules: ', statusBadge(commitment.computedStatus))
      : null,
  );
}

/**
 * The report text around a span, the span marked, and inner spans (targets, actual figures) emphasised in it.
 * @param {string} text
 * @param {[number, number]} span
 * @param {Array<[number, number]>} inner
 * @param {string} kind
 * @param {Record<string, string>} [attributes]
 */
function passage(text, span, inner, kind, attributes = {}) {
  const [start, end] = span;
  const from = windowStart(text, start);
  const to = windowEnd(text, end);
  const mark = el('mark', { class: kind, ...attributes });
  let cursor = start;
  for (const [innerStart, innerEnd] of [...inner].filter(([a, b]) => a >= start && b <= end && a < b).sort((a, b) => a[0] - b[0])) {
    if (innerStart < cursor) continue;
    mark.append(text.slice(cursor, innerStart), el('strong', { class: 'figure' }, text.slice(innerStart, innerEnd)));
    cursor = innerEnd;
  }
  mark.append(text.slice(cursor, end));
  return el('blockquote', { class: 'passage', lang: 'zh-Hans' }, from > 0 ? '…' : '', text.slice(from, start), mark, text.slice(end, to), to < text.length ? '…' : '');
}

/** @param {string} text @param {number} start */
function windowStart(text, start) {
  const earliest = Math.max(0, start - CONTEXT_CHARS);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  return lineStart >= earliest ? lineStart : earliest;
}

/** @param {string} text @param {number} end */
function windowEnd(text, end) {
  const latest = Math.min(text.length, end + CONTEXT_CHARS);
  const lineEnd = text.indexOf('\n', end);
  return lineEnd !== -1 && lineEnd <= latest ? lineEnd : latest;
}

/** @param {any} target @param {any} verdict */
function targetRow(target, verdict) {
  const range = target.min === target.max ? `${target.min}` : `${target.min}–${target.max}`;
  const direction = target.direction === 'lower_better' ? ' (a ceiling: lower is better)' : '';
  return el(
    'tr',
    { 'data-target': target.targetId, 'data-status': target.status },
    el('td', { lang: 'zh-Hans' }, target.text),
    el('td', { lang: 'zh-Hans' }, target.object ?? '—', target.multiYear ? ' (multi-year)' : ''),
    el('td', {}, `${comparatorWords[target.comparator] ?? target.comparator} ${range}${target.unit}${direction}`),
    el('td', { class: 'actual', lang: 'zh-Hans' }, target.actual ? `${target.actual.value}${target.actual.unit} (“${target.actual.text}”)` : '—'),
    el('td', {}, statusBadge(target.status)),
    el('td', { class: 'small' }, verdict ? verdict.reason : '', verdict ? el('code', { class: 'muted' }, ` ${verdict.rule}`) : null),
  );
}

/**
 * The links grouped by the outcome they point at: one outcome is often evidence for several targets, and its
 * sentence is shown once with every link under it.
 * @param {any[]} evidence
 * @returns {any[][]}
 */
function outcomesOf(evidence) {
  /** @type {Map<string, any[]>} */
  const groups = new Map();
  for (const link of evidence) groups.set(link.outcomeId, [...(groups.get(link.outcomeId) ?? []), link]);
  return [...groups.values()];
}

/**
 * @param {any} commitment
 * @param {any[]} links all for one outcome
 * @param {any} summaryText
 * @param {() => void} refresh
 */
function evidenceBlock(commitment, links, summaryText, refresh) {
  const first = links[0];
  const actualSpans = commitment.targets.filter((/** @type {any} */ target) => target.actual !== null).map((/** @type {any} */ target) => target.actual.span);
  const markAttributes = { 'data-outcome-id': first.outcomeId };
  return el(
    'div',
    { class: 'evidence-outcome', 'data-outcome-id': first.outcomeId },
    summaryText?.ok
      ? passage(summaryText.value, first.span, actualSpans, 'evidence', markAttributes)
      : el('blockquote', { class: 'passage', lang: 'zh-Hans' }, el('mark', { class: 'evidence', ...markAttributes }, first.outcomeText)),
    links.map((link) => linkLine(commitment, link, refresh)),
  );
}

/**
 * @param {any} commitment
 * @param {any} link
 * @param {() => void} refresh
 */
function linkLine(commitment, link, refresh) {
  const target = link.targetId === null ? null : commitment.targets.find((/** @type {any} */ candidate) => candidate.targetId === link.targetId);
  return el(
    'div',
    { class: `evidence-link state-${link.state}`, 'data-link-id': link.linkId, 'data-state': link.state },
    el(
      'p',
      { class: 'small' },
      el('span', { class: `link-state state-${link.state}` }, link.state === 'confirmed' ? '✓ confirmed' : link.state === 'rejected' ? '✗ rejected' : '? proposed'),
      link.stateReason ? ` (“${link.stateReason}”)` : '',
      el('span', { class: 'muted' }, ` · for ${target ? `target “${target.text}”` : 'the task as a whole'} · score ${link.score.toFixed(2)} by ${link.method}`, link.matchedTerms.length > 0 ? ` · matched: ${link.matchedTerms.join('、')}` : ''),
    ),
    reviewControls(
      [
        { label: 'Confirm', action: 'confirm', disabled: link.state === 'confirmed' },
        { label: 'Reject', action: 'reject', disabled: link.state === 'rejected' },
      ],
      (action, reasonText) => post(`/evidence/${encodeURIComponent(link.linkId)}/${action}`, { reason: reasonText }),
      refresh,
      `reason-${link.linkId}`,
    ),
  );
}

/**
 * A reason box and buttons that post a reviewer's decision; disabled, with a hint, without a token.
 * @param {Array<{ label: string, action: string, disabled: boolean }>} buttons
 * @param {(action: string, reason: string) => Promise<import('../api.js').Answer>} send
 * @param {() => void} refresh
 * @param {string} reasonId
 */
function reviewControls(buttons, send, refresh, reasonId) {
  const canReview = token() !== '';
  const reasonInput = /** @type {HTMLInputElement} */ (el('input', { id: reasonId, type: 'text', placeholder: 'Reason (recorded in the history)', disabled: !canReview, 'aria-label': 'Reason' }));
  const message = el('span', { class: 'small', role: 'status' });
  return el(
    'div',
    { class: 'review' },
    reasonInput,
    buttons.map(({ label, action, disabled }) =>
      el('button', {
        type: 'button',
        'data-action': action,
        disabled: !canReview || disabled,
        onclick: async () => {
          const reason = reasonInput.value.trim();
          if (reason === '') {
            message.textContent = 'Give a reason first.';
            return;
          }
          message.textContent = 'Recording…';
          const result = await send(action, reason);
          message.textContent = result.ok ? 'Recorded.' : result.message;
          if (result.ok) refresh();
        },
      }, label),
    ),
    message,
    canReview ? null : el('span', { class: 'muted small' }, ' Paste a reviewer token at the top to review.'),
  );
}

/** @param {any} commitment @param {() => void} refresh */
function assessmentBlock(commitment, refresh) {
  const canReview = token() !== '';
  const choices = STATUSES.filter(({ status }) => status !== 'pending' && status !== 'withdrawn');
  const select = /** @type {HTMLSelectElement} */ (
    el('select', { id: 'assessment-status', disabled: !canReview, 'aria-label': 'Assessed status' }, choices.map(({ status, label, chinese }) => el('option', { value: status, selected: (commitment.assessment?.status ?? commitment.computedStatus) === status }, `${label} ${chinese}`)))
  );
  const rationale = /** @type {HTMLTextAreaElement} */ (el('textarea', { id: 'assessment-reason', rows: 2, disabled: !canReview, placeholder: 'Rationale (required)', 'aria-label': 'Rationale' }));
  const message = el('span', { class: 'small', role: 'status' });
  const form = el(
    'form',
    {
      class: 'assess',
      onsubmit: async (event) => {
        event.preventDefault();
        const reason = rationale.value.trim();
        if (reason === '') {
          message.textContent = 'Give a rationale first.';
          return;
        }
        message.textContent = 'Recording…';
        // If-Match: refuse to overwrite a state this reviewer has not seen.
        const result = await post(`/commitments/${encodeURIComponent(commitment.id)}/assessments`, { status: select.value, reason }, { 'if-match': `"${commitment.version}"` });
        message.textContent = result.ok ? 'Recorded.' : result.message;
        if (result.ok) refresh();
      },
    },
    select,
    rationale,
    el('button', { type: 'submit', disabled: !canReview }, 'Record assessment'),
    message,
  );
  return el(
    'div',
    {},
    commitment.assessment
      ? el('p', {}, 'Current: ', statusBadge(commitment.assessment.status), ` “${commitment.assessment.rationale}” (computed: ${statusInfo(commitment.computedStatus).label})`)
      : el('p', { class: 'muted' }, 'No reviewer has assessed this commitment.'),
    form,
    canReview ? null : el('p', { class: 'muted small' }, 'Paste a reviewer token at the top to record an assessment.'),
  );
}

/** @param {{ events: any[], timeline: any[] }} history */
function timeline(history) {
  const sources = new Map(history.events.map((event) => [event.position, event.metadata?.source ?? null]));
  if (history.timeline.length === 0) return el('p', { class: 'muted' }, 'No history.');
  return el(
    'ol',
    { class: 'timeline' },
    history.timeline.map((entry) => {
      const source = sources.get(entry.position);
      const actor = entry.actor ? `${entry.actor.kind} ${entry.actor.id}${entry.actor.version ? `@${entry.actor.version}` : ''}` : '';
      return el(
        'li',
        { 'data-kind': entry.kind },
        el('time', { datetime: entry.recordedAt }, formatTime(entry.recordedAt)),
        el('div', {}, el('strong', {}, entry.kind), entry.status ? [' → ', statusBadge(entry.status)] : null, el('span', { class: 'muted small' }, ` by ${actor}`)),
        el('div', { class: 'small', lang: 'zh-Hans' }, entry.summary),
        source ? el('div', { class: 'muted small' }, `from document ${source.sha256.slice(0, 12)}…${source.span ? `, characters ${source.span[0]}–${source.span[1]}` : ''}`) : null,
      );
    }),
  );
}
