/**
 * The issuing organisation under its canonical full name. Sources, strongest first: the speaker of a government
 * work report (`我代表国务院`, `我代表北京市人民政府`), a page's issuer label (`来源:`, `信息来源:`, `发布机构:`),
 * the page title. A name that leaves out its district or city (`区民政局`, `海珠区民政局`) is completed from the
 * places named in the body and footer (`主办:广州市海珠区人民政府办公室`, `《海曙区社区工作经费使用管理办法》`).
 */
import type { TextLine } from './text-lines.ts';

export interface Organisation {
  name: string;
  evidence: string;
}

const CJK = '\\u4e00-\\u9fff';
const SPEAKER = new RegExp(`我代表([${CJK}]{2,20}?)(?:[，,、]|向)`);
const ISSUER_LABEL = new RegExp(`(?:信息来源|来源单位|发布机构|发文机关|发文单位|来源)\\s*[:：]?\\s*[|｜]?\\s*([${CJK}（）()]{2,30})`);
const ORGANISATION_ENDING = /(?:局|委|委员会|办|办公室|厅|部|院|政府|中心|会|署|府|所|处|站|司|室|组)$/;
const MEDIA = /报$|日报|晚报|新闻|网$|网站|电视|广播|新华社|客户端|杂志|出版/;
const TITLE_ORGANISATION = new RegExp(`^([${CJK}]{2,30}?(?:局|委员会|委|办公室|厅|政府|中心|院))(?:关于|(?:19|20)\\d{2}年|年度|工作)`);
const TITLE_GOVERNMENT = new RegExp(`^(?:(?:19|20)\\d{2}年)?([${CJK}]{2,10}?(?:省|自治区|市|区|县))(?:人民)?政府工作报告`);
const NAME_PARTS = new RegExp(`^([${CJK}]{2,6}?(?:省|自治区))?([${CJK}]{2,3}?市)?([${CJK}]{2,3}?(?:区|县))?(.*)$`);
/** `我代表省人民政府` names the province only in the title: `2024年广东省政府工作报告`. */
const TITLE_PLACE = new RegExp(`^(?:关于)?(?:(?:19|20)\\d{2}年度?)?([${CJK}]{2,6}?(?:省|自治区|市|区|县))(?:人民)?政府`);
/**
 * A work report's header names its government's place where the speaker does not (`我代表省人民政府`): the
 * dateline's congress (`——2024年1月22日在江苏省第十四届人民代表大会…`) or the speaker's title line (`江苏省省长 许昆林`).
 */
const HEADER_LINES = 12;
const CONGRESS_PLACE = new RegExp(`在([${CJK}]{2,8}?(?:省|自治区|市|区|县))第[一二三四五六七八九十]{1,3}届`);
const HEAD_OF_GOVERNMENT = new RegExp(`^([${CJK}]{2,8}?(?:省|自治区|市|区|县))(?:代)?(?:省长|市长|区长|县长|主席)\\s*([${CJK}](?:[·\\s]*[${CJK}]){1,3})$`);
const PREMIER = new RegExp(`^国务院(?:代)?总理\\s*([${CJK}](?:\\s*[${CJK}]){1,3})$`);
/** `北京市市长信箱` is a portal's navigation, not a speaker. */
const NOT_A_PERSON = /信箱|邮箱|热线|专线|留言|来信|之窗|专栏|访谈|回复|办公/;
/** The header of a speech to a people's congress (`政 府 工 作 报 告`, `…人民代表大会第二次会议上`). */
const SPEECH_HEADER = /工作报告|人民代表大会/;

export function findOrganisation(document: string, lines: readonly TextLine[], title: string | null): Organisation | null {
  const found = rawOrganisation(lines, title);
  if (found === null) return null;
  return placedByTitle(found, title) ?? placedByHeader(found, lines) ?? qualify(found, document);
}

function placedByHeader(found: Organisation, lines: readonly TextLine[]): Organisation | null {
  const level = /^(省|自治区|市|区|县)/.exec(found.name)?.[1];
  if (level === undefined) return null;
  for (const line of lines.slice(0, HEADER_LINES)) {
    const text = line.text.trim();
    const place = CONGRESS_PLACE.exec(text)?.[1] ?? HEAD_OF_GOVERNMENT.exec(text)?.[1];
    if (place !== undefined && place.endsWith(level)) return { name: place + found.name.slice(level.length), evidence: `${found.evidence}；${text}` };
  }
  return null;
}

/** A bare `省人民政府`/`市人民政府` completed with the place the title names at the same level. */
function placedByTitle(found: Organisation, title: string | null): Organisation | null {
  const level = /^(省|自治区|市|区|县)/.exec(found.name)?.[1];
  if (level === undefined || title === null) return null;
  const place = TITLE_PLACE.exec(title)?.[1];
  if (place === undefined || !place.endsWith(level)) return null;
  return { name: place + found.name.slice(level.length), evidence: `${found.evidence}；${title}` };
}

function rawOrganisation(lines: readonly TextLine[], title: string | null): Organisation | null {
  for (const line of lines) {
    const speaker = SPEAKER.exec(line.text);
    if (speaker && ORGANISATION_ENDING.test(speaker[1]!)) return { name: governmentName(speaker[1]!), evidence: `我代表${speaker[1]}` };
  }
  const header = lines.slice(0, HEADER_LINES);
  if (SPEECH_HEADER.test(header.map((line) => line.text.replace(/\s/g, '')).join(''))) {
    for (const line of header) {
      const text = line.text.trim();
      const head = HEAD_OF_GOVERNMENT.exec(text);
      if (head && !NOT_A_PERSON.test(head[2]!)) return { name: `${head[1]}人民政府`, evidence: text };
      const premier = PREMIER.exec(text);
      if (premier && !NOT_A_PERSON.test(premier[1]!)) return { name: '国务院', evidence: text };
    }
  }
  for (const line of lines) {
    if (line.text.length > 120) continue;
    const label = ISSUER_LABEL.exec(line.text);
    if (!label) continue;
    const name = label[1]!;
    if (ORGANISATION_ENDING.test(name) && !MEDIA.test(name)) return { name, evidence: label[0].trim() };
  }
  if (title !== null) {
    const government = TITLE_GOVERNMENT.exec(title);
    if (government) return { name: `${government[1]}人民政府`, evidence: title };
    const named = TITLE_ORGANISATION.exec(title);
    if (named) return { name: named[1]!, evidence: title };
  }
  let seen = 0;
  for (const line of lines) {
    if (line.text.length === 0) continue;
    if (++seen > OPENING_LINES) break;
    const opening = OPENING_ORGANISATION.exec(line.text);
    if (opening) return { name: opening[1]!, evidence: opening[0] };
  }
  seen = 0;
  for (const line of lines) {
    if (line.text.length === 0) continue;
    if (++seen > OPENING_LINES) break;
    const subject = OPENING_SUBJECT.exec(line.text);
    if (subject) return { name: subject[1]!, evidence: subject[0] };
  }
  return null;
}

/** Last resort: a body that opens by naming a placed organisation (`深圳市罗湖区民政局2017年…`). */
const OPENING_LINES = 5;
/** `今年以来,区民政局坚持…`: a bureau that leaves out its place, as the subject of the opening sentence. */
const OPENING_SUBJECT = new RegExp(`(?:^|[，,。；;：:])((?:区|县|市)[${CJK}]{1,6}?(?:局|委员会|办公室))(?:坚持|始终|紧紧|认真|全面|深入|围绕|在)`);
const OPENING_ORGANISATION = new RegExp(`((?:[${CJK}]{2,4}?(?:省|市|区|县)){1,3}[${CJK}]{1,8}?(?:局|委员会|办公室|人民政府))`);

/** `北京市政府` is `北京市人民政府`. */
function governmentName(name: string): string {
  return /(?:省|市|区|县)政府$/.test(name) ? name.replace(/政府$/, '人民政府') : name;
}

interface NameParts {
  province: string;
  city: string;
  district: string;
  rest: string;
}

function nameParts(name: string): NameParts {
  const match = NAME_PARTS.exec(name);
  return { province: match?.[1] ?? '', city: match?.[2] ?? '', district: match?.[3] ?? '', rest: match?.[4] ?? name };
}

function qualify(found: Organisation, document: string): Organisation {
  const parts = nameParts(found.name);
  const bareLevel = parts.rest.startsWith('区') || parts.rest.startsWith('县') ? 'district' : parts.rest.startsWith('市') ? 'city' : null;
  if (parts.province !== '' || (parts.city !== '' && (parts.district !== '' || bareLevel === null))) return found;
  if (parts.city === '' && parts.district === '' && bareLevel === null) return found;
  const evidence: string[] = [found.evidence];
  let district = parts.district;
  let rest = parts.rest;
  if (district === '' && bareLevel === 'district') {
    const named = mostFrequentPlace(document, 'district');
    if (named === null) return found;
    district = named.name;
    rest = rest.slice(1);
    evidence.push(named.evidence);
  }
  let city = parts.city;
  if (city === '' && (district !== '' || bareLevel === 'city')) {
    const paired = district === '' ? null : cityPairedWith(document, district);
    const named = paired ?? mostFrequentPlace(document, 'city');
    if (named !== null) {
      city = named.name;
      if (bareLevel === 'city') rest = rest.slice(1);
      evidence.push(named.evidence);
    }
  }
  const name = `${city}${district}${rest}`;
  return name === found.name ? found : { name, evidence: evidence.join('；') };
}

interface NamedPlace {
  name: string;
  evidence: string;
}

const CITY_BEFORE = new RegExp(`([${CJK}]{2})市(?!级|场|民生|区域)`, 'g');
const DISTRICT_BEFORE = new RegExp(`([${CJK}]{2})区(?!域|级|别|分|间)`, 'g');
/** Second characters that make `X市`/`X区` a common word (`全市`, `城市`, `社区`, `辖区`, `示范区`) rather than a place. */
const GENERIC_SECOND = /[全我本该各省县城超股楼夜集门街黑闹上入退开的得了社辖地小园片景市山郊范验发护能心聚政湾保库矿灾林校院牧老特分学营军住宅业贸试居风两三四五六七八九十个和与及在为是对到至等将把向经由据从委]/;
/** Verbs and adverbs that often stand before `区委`/`区政府`/`区民政局` and are never a place (`紧紧围绕区委`, `现将区民政局`). */
const GENERIC_STEM = /^(?:围绕|做好|现将|按照|根据|配合|协助|落实|完成|参加|组织|推荐|报请|提请|经过|通过|代表|全体|联合|会同|牵头|指导|支持|服务|推进|推动|全面|共同|积极|主动|以及|其中|报送|上报|向全)$/;
const GENERIC_FIRST = /[在为和与及的是了大一年成设至对把将从向于由按照全我本该各个等到这那其每]/;
const CONTEXT = 12;

function mostFrequentPlace(document: string, level: 'city' | 'district'): NamedPlace | null {
  const pattern = level === 'city' ? CITY_BEFORE : DISTRICT_BEFORE;
  const suffix = level === 'city' ? '市' : '区';
  const counts = new Map<string, { count: number; first: number }>();
  pattern.lastIndex = 0;
  for (let match = pattern.exec(document); match !== null; match = pattern.exec(document)) {
    const stem = match[1]!;
    // Let overlapping candidates (`在深圳市` → `深圳`) be found: step back over the consumed suffix only.
    pattern.lastIndex = match.index + 1;
    if (GENERIC_SECOND.test(stem[1]!) || GENERIC_FIRST.test(stem[0]!) || GENERIC_STEM.test(stem)) continue;
    const seen = counts.get(stem);
    if (seen) seen.count++;
    else counts.set(stem, { count: 1, first: match.index });
  }
  let best: { stem: string; count: number; first: number } | null = null;
  for (const [stem, seen] of counts) {
    if (best === null || seen.count > best.count || (seen.count === best.count && seen.first < best.first)) best = { stem, ...seen };
  }
  if (best === null) return null;
  return { name: best.stem + suffix, evidence: quoteAround(document, best.first, best.stem.length + 1) };
}

function cityPairedWith(document: string, district: string): NamedPlace | null {
  const pattern = new RegExp(`([${CJK}]{2})市${district}`);
  const match = pattern.exec(document);
  if (!match || GENERIC_SECOND.test(match[1]![1]!) || GENERIC_STEM.test(match[1]!)) return null;
  return { name: `${match[1]}市`, evidence: quoteAround(document, match.index, match[0].length) };
}

/** The words around a place name, cut at the nearest clause or line boundary on each side. */
function quoteAround(document: string, at: number, length: number): string {
  let start = at;
  const floor = Math.max(0, at - CONTEXT);
  while (start > floor && !CLAUSE_BOUNDARY.has(document[start - 1]!)) start--;
  let end = at + length;
  const ceiling = Math.min(document.length, at + length + CONTEXT);
  while (end < ceiling && !CLAUSE_BOUNDARY.has(document[end]!)) end++;
  return document.slice(start, end).trim();
}

const CLAUSE_BOUNDARY = new Set(['\n', '\r', '。', '，', ',', '；', ';', '：', ':', '！', '？', '|', '｜']);
