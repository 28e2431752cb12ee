// @ts-check
/**
 * The REST API as the page uses it. Reads revalidate every time (`no-cache` + the server's ETags make that a
 * cheap 304); the reviewer's token, when given, goes with every request. Failures are returned as values.
 */

const TOKEN_KEY = 'plan-ledger.token';

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** @param {string} value */
export function setToken(value) {
  if (value === '') sessionStorage.removeItem(TOKEN_KEY);
  else sessionStorage.setItem(TOKEN_KEY, value);
}

/** @returns {Record<string, string>} */
function authorization() {
  const secret = token();
  return secret === '' ? {} : { authorization: `Bearer ${secret}` };
}

/**
 * @typedef {{ ok: true, value: any } | { ok: false, status: number, message: string }} Answer
 */

/**
 * @param {Response} response
 * @returns {Promise<Answer>}
 */
async function answerOf(response) {
  const type = response.headers.get('content-type') ?? '';
  if (response.ok) return { ok: true, value: type.includes('json') ? await response.json() : await response.text() };
  let message = `${response.status} ${response.statusText}`;
  if (type.includes('json')) {
    const problem = await response.json().catch(() => null);
    if (problem && typeof problem.detail === 'string') message = `${problem.title ?? response.status}: ${problem.detail}`;
  }
  return { ok: false, status: response.status, message };
}

/**
 * @param {string} path
 * @returns {Promise<Answer>}
 */
export async function get(path) {
  try {
    return await answerOf(await fetch(path, { cache: 'no-cache', headers: authorization() }));
  } catch (error) {
    return { ok: false, status: 0, message: `the service did not answer (${String(error)})` };
  }
}

/**
 * @param {string} path
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 * @returns {Promise<Answer>}
 */
export async function post(path, body, headers = {}) {
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: { ...headers, ...authorization(), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await answerOf(response);
  } catch (error) {
    return { ok: false, status: 0, message: `the service did not answer (${String(error)})` };
  }
}

/**
 * Every commitment matching the filters, following the cursor pages.
 * @param {Record<string, string>} filters
 * @returns {Promise<Answer>}
 */
export async function allCommitments(filters) {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ ...filters, limit: '500', ...(cursor === null ? {} : { cursor }) });
    const page = await get(`/commitments?${query}`);
    if (!page.ok) return page;
    items.push(...page.value.items);
    cursor = page.value.nextCursor;
  } while (cursor !== null);
  return { ok: true, value: items };
}

/** Report texts never change (their id is their SHA-256): fetch each once per page load. */
const reportTexts = new Map();

/**
 * @param {string} reportId
 * @returns {Promise<Answer>}
 */
export function reportText(reportId) {
  let pending = reportTexts.get(reportId);
  if (pending === undefined) {
    pending = get(`/reports/${reportId}/text`).then((answer) => {
      if (!answer.ok) reportTexts.delete(reportId);
      return answer;
    });
    reportTexts.set(reportId, pending);
  }
  return pending;
}
