import t from 'tap';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGoldSet } from '../../eval/load-gold.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

t.test('the seed texts are found under their new names through the manifest', async (t) => {
  const loaded = await loadGoldSet(join(root, 'test/fixtures/gold'), join(root, 'seeds'));
  t.ok(loaded.ok);
  if (!loaded.ok) return;
  const longhua = loaded.gold.seeds.find((seed) => seed.gold.file === '001_57373a5570e31e25.txt');
  t.equal(longhua?.file, 'shenzhen-longhua-civil-affairs-2021-review-2022-plan.txt');
  t.match(longhua?.source ?? '', /下一步工作思路/);
});

t.test('a missing gold directory is an error value naming it', async (t) => {
  const loaded = await loadGoldSet('/nonexistent/gold', join(root, 'seeds'));
  t.same(loaded, { ok: false, message: 'gold directory not found: /nonexistent/gold' });
});

t.test('a gold file of the wrong shape or a pair naming a missing text is an error value, not a crash', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'eval-gold-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'seeds.gold.json'), JSON.stringify({ documents: [{ file: 'x.txt' }] }));
  const badShape = await loadGoldSet(dir, join(root, 'seeds'));
  t.equal(badShape.ok, false);
  t.match(badShape.ok ? '' : badShape.message, /unexpected shape in .*seeds\.gold\.json at documents\.0\./);

  await writeFile(join(dir, 'seeds.gold.json'), JSON.stringify({ documents: [] }));
  await mkdir(join(dir, 'pairs'));
  const pair = { org: '国务院', planYear: 2022, planFile: 'a.txt', summaryFile: 'b.txt', planHeading: 'p', summaryHeading: 's', targetParagraphCharOffset: 0, fiscalParagraphCharOffset: null, targets: [] };
  await writeFile(join(dir, 'pairs', 'a__b.gold.json'), JSON.stringify(pair));
  const missingText = await loadGoldSet(dir, join(root, 'seeds'));
  t.same(missingText, { ok: false, message: `a__b.gold.json names a report text missing from ${join(dir, 'pairs')}: a.txt` });
});
