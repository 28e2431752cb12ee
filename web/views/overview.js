// @ts-check
/** Every organisation and year with a plan: its follow-through rate and its commitments by status. */
import { get } from '../api.js';
import { el, formatRate } from '../dom.js';
import { statusBar, statusWords } from '../status.js';

/** @param {string} organisation @param {number} year */
export function scorecardHref(organisation, year) {
  return `#/scorecard/${encodeURIComponent(organisation)}/${year}`;
}

export async function renderOverview() {
  const organisations = await get('/organisations');
  if (!organisations.ok) return el('p', { class: 'error', role: 'alert' }, `Organisations could not be read: ${organisations.message}`);
  /** @type {Array<{ name: string, planYears: number[], summaryYears: number[] }>} */
  const items = organisations.value.items;
  const plans = items.flatMap((organisation) => organisation.planYears.map((year) => ({ organisation: organisation.name, year })));
  const scorecards = await Promise.all(
    plans.map(async ({ organisation, year }) => ({
      organisation,
      year,
      answer: await get(`/scorecards?${new URLSearchParams({ organisation, year: String(year) })}`),
    })),
  );
  scorecards.sort((a, b) => b.year - a.year || a.organisation.localeCompare(b.organisation, 'zh-Hans-CN'));

  const rows = scorecards.map(({ organisation, year, answer }) => {
    if (!answer.ok) {
      return el('tr', { 'data-organisation': organisation, 'data-year': year }, el('th', { scope: 'row' }, organisation), el('td', {}, year), el('td', { colspan: 3, class: 'error' }, answer.message));
    }
    const total = answer.value.total;
    return el(
      'tr',
      { class: 'plan-row', 'data-organisation': organisation, 'data-year': year, 'data-rate': total.followThroughRate ?? '' },
      el('th', { scope: 'row' }, el('a', { href: scorecardHref(organisation, year) }, organisation)),
      el('td', { class: 'year' }, year),
      el('td', { class: 'count' }, total.total),
      el(
        'td',
        { class: 'rate' },
        el('strong', {}, formatRate(total.followThroughRate)),
        el('span', { class: 'muted small' }, total.followThroughRate === null ? ' nothing assessable yet' : ` ${total.counts.achieved ?? 0} of ${total.assessable} assessable`),
      ),
      el('td', { class: 'bar-cell' }, statusBar(total.counts, total.total), statusWords(total.counts)),
    );
  });

  const summariesOnly = items.filter((organisation) => organisation.planYears.length === 0);
  return el(
    'section',
    { class: 'overview' },
    el('h1', {}, 'Plans and follow-through ', el('span', { lang: 'zh-Hans', class: 'zh' }, '计划落实情况')),
    el('p', { class: 'muted' }, 'Follow-through rate = achieved ÷ assessed commitments (pending and withdrawn ones are not assessed). Open a row for its scorecard.'),
    plans.length === 0
      ? el('p', {}, 'No plan has been ingested yet.')
      : el(
          'table',
          { class: 'plans' },
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Organisation'), el('th', { scope: 'col' }, 'Plan year'), el('th', { scope: 'col' }, 'Commitments'), el('th', { scope: 'col' }, 'Follow-through'), el('th', { scope: 'col' }, 'By status'))),
          el('tbody', {}, rows),
        ),
    summariesOnly.length === 0
      ? null
      : el(
          'p',
          { class: 'muted small' },
          'Reviews without a plan: ',
          summariesOnly.map((organisation, index) => `${index > 0 ? '; ' : ''}${organisation.name} (${organisation.summaryYears.join(', ')})`),
        ),
  );
}
