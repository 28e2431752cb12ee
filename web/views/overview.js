// @ts-check
/** Every organisation and year with a plan: its follow-through rate and its commitments by status. */
import { get } from '../api.js';
import { el, formatRate } from '../dom.js';
import { statusBar, statusWords } from '../status.js';

/** @param {string} organisation @param {number} year */
export function scorecardHref(organisation, year) {
  return `#/scorecard/${encodeURIComponent(organisation)}/${year}`;
}

/**
 * @typedef {{ organisation: string, year: number, counts: Record<string, number>, total: number, assessable: number, followThroughRate: number | null }} PlanTotal
 */

export async function renderOverview() {
  // One request for every plan's figures: a request per plan ran into the rate limit with many organisations.
  const [organisations, totals] = await Promise.all([get('/organisations'), get('/scorecards/totals')]);
  if (!organisations.ok) return el('p', { class: 'error', role: 'alert' }, `Organisations could not be read: ${organisations.message}`);
  if (!totals.ok) return el('p', { class: 'error', role: 'alert' }, `Scorecards could not be read: ${totals.message}`);
  /** @type {Array<{ name: string, planYears: number[], summaryYears: number[] }>} */
  const items = organisations.value.items;
  /** @type {PlanTotal[]} */
  const planTotals = totals.value.items;
  const totalOf = new Map(planTotals.map((total) => [`${total.year}|${total.organisation}`, total]));
  // A plan part read but holding no commitment has no scorecard; it still gets its row, saying so.
  const plans = [
    ...planTotals.map(({ organisation, year }) => ({ organisation, year })),
    ...items.flatMap((organisation) =>
      organisation.planYears.filter((year) => !totalOf.has(`${year}|${organisation.name}`)).map((year) => ({ organisation: organisation.name, year })),
    ),
  ];
  plans.sort((a, b) => b.year - a.year || a.organisation.localeCompare(b.organisation, 'zh-Hans-CN'));

  const rows = plans.map(({ organisation, year }) => {
    const total = totalOf.get(`${year}|${organisation}`);
    if (total === undefined) {
      return el('tr', { 'data-organisation': organisation, 'data-year': year }, el('th', { scope: 'row' }, organisation), el('td', {}, year), el('td', { colspan: 3, class: 'muted' }, 'no commitment recorded'));
    }
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
