// @ts-check
/**
 * One organisation's plan year: the same bar by area, and its commitments with status badges, filterable by
 * status and area and searchable. Filters live in the address (`?status=&area=&q=`) so a refresh keeps them.
 */
import { allCommitments, get } from '../api.js';
import { el, formatRate } from '../dom.js';
import { STATUSES, statusBadge, statusBar, statusWords } from '../status.js';

const NO_AREA = '(no area)';

function currentFilters() {
  const query = new URLSearchParams(location.hash.split('?')[1] ?? '');
  return { status: query.get('status') ?? '', area: query.get('area') ?? '', q: query.get('q') ?? '' };
}

/** @param {{ status: string, area: string, q: string }} filters */
function rememberFilters(filters) {
  const base = location.hash.split('?')[0];
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  history.replaceState(null, '', `${base}${query.size > 0 ? `?${query}` : ''}`);
}

/** @param {string} id */
export function commitmentHref(id) {
  return `#/commitment/${encodeURIComponent(id)}`;
}

/**
 * @param {string} organisation
 * @param {number} year
 * @param {() => void} _refresh
 */
export async function renderScorecard(organisation, year, _refresh) {
  const [scorecard, commitments] = await Promise.all([
    get(`/scorecards?${new URLSearchParams({ organisation, year: String(year) })}`),
    allCommitments({ organisation, planYear: String(year) }),
  ]);
  if (!scorecard.ok) return el('p', { class: 'error', role: 'alert' }, `Scorecard could not be read: ${scorecard.message}`);
  if (!commitments.ok) return el('p', { class: 'error', role: 'alert' }, `Commitments could not be read: ${commitments.message}`);
  /** @type {any[]} */
  const items = commitments.value;
  const total = scorecard.value.total;

  // Areas in the order the plan lists them, not alphabetically: (一) before (二) before (十).
  const areaOrder = [...new Set(items.map((item) => item.area ?? NO_AREA))];
  /** @type {any[]} */
  const areas = [...scorecard.value.areas].sort((a, b) => rank(areaOrder, a.area ?? NO_AREA) - rank(areaOrder, b.area ?? NO_AREA));

  const filters = currentFilters();
  const statusSelect = el('select', { id: 'filter-status', 'aria-label': 'Status' }, el('option', { value: '' }, `All statuses (${items.length})`), STATUSES.map(({ status, label, chinese }) => {
    const count = items.filter((item) => item.status === status).length;
    return count === 0 && filters.status !== status ? null : el('option', { value: status, selected: filters.status === status }, `${label} ${chinese} (${count})`);
  }));
  const areaSelect = el('select', { id: 'filter-area', 'aria-label': 'Area' }, el('option', { value: '' }, 'All areas'), areaOrder.map((area) => el('option', { value: area, selected: filters.area === area }, area)));
  const search = el('input', { id: 'filter-q', type: 'search', placeholder: 'Search text 搜索', value: filters.q, 'aria-label': 'Search commitments' });
  const shown = el('p', { class: 'muted small', id: 'shown', role: 'status' });
  const list = el('ol', { class: 'commitments' }, items.map((item) => commitmentItem(item)));

  const apply = () => {
    const chosen = {
      status: /** @type {HTMLSelectElement} */ (statusSelect).value,
      area: /** @type {HTMLSelectElement} */ (areaSelect).value,
      q: /** @type {HTMLInputElement} */ (search).value.trim(),
    };
    rememberFilters(chosen);
    let count = 0;
    for (const row of /** @type {HTMLElement[]} */ ([...list.children])) {
      const visible =
        (chosen.status === '' || row.dataset.status === chosen.status) &&
        (chosen.area === '' || row.dataset.area === chosen.area) &&
        (chosen.q === '' || (row.dataset.text ?? '').toLowerCase().includes(chosen.q.toLowerCase()));
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = `${count} of ${items.length} commitments shown`;
  };
  statusSelect.addEventListener('change', apply);
  areaSelect.addEventListener('change', apply);
  search.addEventListener('input', apply);
  apply();

  const areaRows = areas.map((line) =>
    el(
      'tr',
      { 'data-area': line.area ?? NO_AREA },
      el('th', { scope: 'row' }, el('button', { type: 'button', class: 'link', onclick: () => {
        /** @type {HTMLSelectElement} */ (areaSelect).value = line.area ?? NO_AREA;
        apply();
        list.scrollIntoView({ behavior: 'smooth' });
      } }, line.area ?? NO_AREA)),
      el('td', { class: 'count' }, line.total),
      el('td', { class: 'rate' }, formatRate(line.followThroughRate)),
      el('td', { class: 'bar-cell' }, statusBar(line.counts, line.total), statusWords(line.counts)),
    ),
  );

  return el(
    'section',
    { class: 'scorecard', 'data-organisation': organisation, 'data-year': year },
    el('nav', { class: 'crumbs' }, el('a', { href: '#/' }, 'Overview'), ' › ', `${organisation} ${year}`),
    el('h1', {}, organisation, ' ', el('span', { class: 'muted' }, `plan for ${year} · ${year}年计划`)),
    el(
      'div',
      { class: 'headline' },
      el('div', { class: 'big-rate' }, el('strong', { class: 'rate' }, formatRate(total.followThroughRate)), el('span', { class: 'muted small' }, total.followThroughRate === null ? 'nothing assessable yet' : `follow-through: ${total.counts.achieved ?? 0} achieved of ${total.assessable} assessed`)),
      el('div', { class: 'headline-bar' }, statusBar(total.counts, total.total), statusWords(total.counts), el('span', { class: 'muted small' }, `${total.total} commitments`)),
    ),
    el('h2', {}, 'By area ', el('span', { class: 'zh muted', lang: 'zh-Hans' }, '分领域')),
    el('table', { class: 'areas' }, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Area'), el('th', { scope: 'col' }, 'Commitments'), el('th', { scope: 'col' }, 'Follow-through'), el('th', { scope: 'col' }, 'By status'))), el('tbody', {}, areaRows)),
    el('h2', {}, 'Commitments ', el('span', { class: 'zh muted', lang: 'zh-Hans' }, '工作任务')),
    el('div', { class: 'filters' }, statusSelect, areaSelect, search),
    shown,
    list,
  );
}

/** @param {string[]} order @param {string} area */
function rank(order, area) {
  const index = order.indexOf(area);
  return index === -1 ? order.length : index;
}

/** @param {any} item */
function commitmentItem(item) {
  const linked = item.evidence.filter((/** @type {any} */ link) => link.state !== 'rejected').length;
  return el(
    'li',
    { class: 'commitment-item', 'data-id': item.id, 'data-status': item.status, 'data-area': item.area ?? NO_AREA, 'data-text': item.text },
    el('div', { class: 'item-head' }, statusBadge(item.status), item.carriedOver ? el('span', { class: 'flag' }, '↻ carried over') : null, item.assessment ? el('span', { class: 'flag' }, '✎ reviewed') : null),
    el('a', { href: commitmentHref(item.id), class: 'item-text', lang: 'zh-Hans' }, item.marker ? `${item.marker} ` : '', item.text),
    el(
      'div',
      { class: 'muted small' },
      item.area ?? NO_AREA,
      ` · ${item.targets.length} target${item.targets.length === 1 ? '' : 's'} · ${linked} evidence link${linked === 1 ? '' : 's'}`,
    ),
  );
}
