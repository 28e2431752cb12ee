import t from 'tap';
import { ingestReportSchema } from '../../../domain/commands/ingest-report.ts';
import { ledgerCommandSchema } from '../../../domain/commands/ledger-command.ts';

t.test('commands are validated at the boundary', async (t) => {
  const ok = (input: unknown) => ledgerCommandSchema.safeParse(input).success;
  t.ok(ok({ type: 'WithdrawCommitment', commitmentId: 'c', reason: 'dropped' }));
  t.notOk(ok({ type: 'WithdrawCommitment', commitmentId: 'c', reason: '  ' }), 'a withdrawal needs a reason');
  t.notOk(ok({ type: 'AmendCommitment', commitmentId: 'c', text: null, targets: null, reason: 'nothing' }), 'an amendment must change something');
  t.ok(ok({ type: 'AmendCommitment', commitmentId: 'c', text: '新文本', targets: null, reason: 'typo' }));
  t.notOk(ok({ type: 'AssessCommitment', commitmentId: 'c', status: 'pending', rationale: 'x' }), 'pending is computed, never assessed');
  t.notOk(ok({ type: 'AssessCommitment', commitmentId: 'c', status: 'withdrawn', rationale: 'x' }), 'withdrawal has its own command');
  t.notOk(ok({ type: 'ProposeEvidenceLink', commitmentId: 'c', outcomeId: 'o', targetId: null, score: Number.NaN, method: { name: 'm', version: '1' }, matchedTerms: [] }));
  t.notOk(ok({ type: 'ProposeEvidenceLink', commitmentId: 'c', outcomeId: 'o', targetId: null, score: 1, method: { name: 'm', version: '' }, matchedTerms: [] }), 'a method has a version');
  t.notOk(ok({ type: 'DeleteEverything' }));
});

t.test('an ingestion command defaults its optional source and hint to null', async (t) => {
  t.same(ingestReportSchema.parse({ type: 'IngestReport', text: '正文' }), { type: 'IngestReport', text: '正文', sourceUri: null, organisationHint: null });
  t.equal(ingestReportSchema.parse({ type: 'IngestReport', text: '正文', organisationHint: ' 国务院 ' }).organisationHint, '国务院');
  t.notOk(ingestReportSchema.safeParse({ type: 'IngestReport' }).success);
});
