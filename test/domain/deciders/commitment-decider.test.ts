import t from 'tap';
import { commitmentDecider, type CommitmentEvent, type RecordedCommitmentState } from '../../../domain/deciders/commitment-decider.ts';
import { carriedOverKeyFor, commitmentIdFor, evidenceLinkIdFor, normaliseCommitmentText } from '../../../domain/ids.ts';
import {
  commitmentId,
  commitmentRecorded,
  linkProposed,
  matcherV1,
  matcherV2,
  organisation,
  outcomeFacts,
  proposal,
  recordCommitment,
  socialWorkTarget,
  targetId,
  withdrawn,
} from './commitment-fixtures.ts';
import { errorCodeOf, eventsOf, givenWhen, stateAfter } from './given-when-then.ts';

const linkId = evidenceLinkIdFor({ commitmentId, outcomeId: outcomeFacts.outcomeId, targetId: null });
const rejectedLink: CommitmentEvent = { type: 'EvidenceLinkRejected', data: { linkId, commitmentId, reason: 'talks about another programme' } };
const confirmedLink: CommitmentEvent = { type: 'EvidenceLinkConfirmed', data: { linkId, commitmentId, reason: 'same programme' } };

function recorded(given: readonly CommitmentEvent[]): RecordedCommitmentState {
  const state = stateAfter(commitmentDecider, given);
  if (!state.recorded) throw new Error('expected a recorded commitment');
  return state;
}

t.test('recording a commitment', async (t) => {
  t.test('given nothing, when recorded, then CommitmentRecorded with deterministic ids', async (t) => {
    const [event, ...rest] = eventsOf(givenWhen(commitmentDecider, [], recordCommitment));
    t.same(rest, []);
    t.equal(event?.type, 'CommitmentRecorded');
    if (event?.type !== 'CommitmentRecorded') return;
    const normalisedText = normaliseCommitmentText(recordCommitment.text);
    t.equal(event.data.normalisedText, '在全区56个社区建立社会工作点');
    t.equal(event.data.commitmentId, commitmentIdFor({ organisation, planYear: 2022, normalisedText }));
    t.equal(event.data.carriedOverKey, carriedOverKeyFor({ organisation, normalisedText }));
    t.same(event.data.targets, [{ ...socialWorkTarget, targetId: `${event.data.commitmentId}.t0` }]);
  });
  t.test('given it is recorded, when recorded again, then nothing happens', async (t) => {
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], recordCommitment)), []);
  });
  t.test('the same task scraped with other whitespace and punctuation is the same commitment', async (t) => {
    const variant = { ...recordCommitment, text: '在全区 56 个社区建立社会工作点；', span: [400, 430] as [number, number] };
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], variant)), []);
  });
});

t.test('every command but recording needs a recorded commitment', async (t) => {
  const commands = [
    proposal(),
    { type: 'ConfirmEvidenceLink', commitmentId, linkId, reason: 'x' },
    { type: 'RejectEvidenceLink', commitmentId, linkId, reason: 'x' },
    { type: 'AssessCommitment', commitmentId, status: 'achieved', rationale: 'done' },
    { type: 'AmendCommitment', commitmentId, text: '新文本', targets: null, reason: 'typo' },
    { type: 'WithdrawCommitment', commitmentId, reason: 'dropped' },
  ] as const;
  for (const command of commands) {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [], command)), 'unknown_commitment', command.type);
  }
});

t.test('proposing an evidence link', async (t) => {
  t.test('given a commitment, when an outcome of the same organisation and year is proposed, then it is linked', async (t) => {
    const events = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal()));
    t.same(events, [
      {
        type: 'EvidenceLinkProposed',
        data: {
          linkId,
          commitmentId,
          outcomeId: outcomeFacts.outcomeId,
          targetId: null,
          organisation,
          year: 2022,
          score: 0.8,
          method: matcherV1,
          matchedTerms: ['社会工作点'],
        },
      },
    ]);
  });
  t.test('a link may be evidence for one target of the commitment', async (t) => {
    const [event] = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal({ targetId })));
    t.equal(event?.type === 'EvidenceLinkProposed' && event.data.targetId, targetId);
  });
  t.test('when the target is not one of the commitment, then unknown_target', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal({ targetId: `${commitmentId}.t9` }))), 'unknown_target');
  });
  t.test('when the outcome is not recorded, then unknown_outcome', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal({ outcome: null }))), 'unknown_outcome');
  });
  t.test('when the outcome is of another organisation, then organisation_mismatch', async (t) => {
    const outcome = { ...outcomeFacts, organisation: '深圳市罗湖区民政局' };
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal({ outcome }))), 'organisation_mismatch');
  });
  t.test('when the outcome summarises another year than the plan year, then year_mismatch', async (t) => {
    for (const summaryYear of [2021, 2023]) {
      const outcome = { ...outcomeFacts, summaryYear };
      t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], proposal({ outcome }))), 'year_mismatch', String(summaryYear));
    }
  });
  t.test('given the link exists, when it is proposed again (any score or method), then nothing happens', async (t) => {
    const given = [commitmentRecorded, linkProposed()];
    t.same(eventsOf(givenWhen(commitmentDecider, given, proposal())), []);
    t.same(eventsOf(givenWhen(commitmentDecider, given, proposal({ score: 0.99, method: matcherV2 }))), []);
    t.same(eventsOf(givenWhen(commitmentDecider, [...given, confirmedLink], proposal({ method: matcherV2 }))), []);
  });
  t.test('given a reviewer rejected the link, when the same method version proposes it again, then nothing happens', async (t) => {
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, linkProposed(), rejectedLink], proposal())), []);
  });
  t.test('given a reviewer rejected the link, when a new method version proposes it, then it is proposed again', async (t) => {
    const events = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, linkProposed(), rejectedLink], proposal({ method: matcherV2 })));
    t.equal(events.length, 1);
    t.equal(events[0]?.type, 'EvidenceLinkProposed');
    const after = recorded([commitmentRecorded, linkProposed(), rejectedLink, ...events]);
    t.equal(after.links[linkId]?.state, 'proposed');
    t.same(after.links[linkId]?.rejectedMethods, ['term-overlap@1.0.0'], 'the earlier rejection is remembered');
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, linkProposed(), rejectedLink, ...events], proposal())), [], 'v1 stays silenced');
  });
  t.test('given the commitment is withdrawn, when a link is proposed, then commitment_withdrawn', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded, withdrawn], proposal())), 'commitment_withdrawn');
  });
});

t.test('reviewing an evidence link', async (t) => {
  const given = [commitmentRecorded, linkProposed()];
  t.test('when an unknown link is confirmed or rejected, then unknown_link', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, given, { type: 'ConfirmEvidenceLink', commitmentId, linkId: 'nope', reason: '' })), 'unknown_link');
    t.equal(errorCodeOf(givenWhen(commitmentDecider, given, { type: 'RejectEvidenceLink', commitmentId, linkId: 'nope', reason: 'x' })), 'unknown_link');
  });
  t.test('when a proposed link is confirmed, then EvidenceLinkConfirmed, and confirming again changes nothing', async (t) => {
    const command = { type: 'ConfirmEvidenceLink', commitmentId, linkId, reason: 'same programme' } as const;
    t.same(eventsOf(givenWhen(commitmentDecider, given, command)), [confirmedLink]);
    t.same(eventsOf(givenWhen(commitmentDecider, [...given, confirmedLink], command)), []);
    t.equal(recorded([...given, confirmedLink]).links[linkId]?.state, 'confirmed');
  });
  t.test('when a link is rejected, then EvidenceLinkRejected, and rejecting again changes nothing', async (t) => {
    const command = { type: 'RejectEvidenceLink', commitmentId, linkId, reason: 'talks about another programme' } as const;
    t.same(eventsOf(givenWhen(commitmentDecider, given, command)), [rejectedLink]);
    t.same(eventsOf(givenWhen(commitmentDecider, [...given, rejectedLink], command)), []);
  });
  t.test('a reviewer may reverse a decision', async (t) => {
    const confirm = { type: 'ConfirmEvidenceLink', commitmentId, linkId, reason: 'same programme' } as const;
    t.same(eventsOf(givenWhen(commitmentDecider, [...given, rejectedLink], confirm)), [confirmedLink]);
  });
  t.test('given the commitment is withdrawn, a link can still be rejected but not confirmed', async (t) => {
    const afterWithdrawal = [...given, withdrawn];
    t.equal(errorCodeOf(givenWhen(commitmentDecider, afterWithdrawal, { type: 'ConfirmEvidenceLink', commitmentId, linkId, reason: '' })), 'commitment_withdrawn');
    t.same(eventsOf(givenWhen(commitmentDecider, afterWithdrawal, { type: 'RejectEvidenceLink', commitmentId, linkId, reason: 'talks about another programme' })), [rejectedLink]);
  });
});

t.test('assessing a commitment', async (t) => {
  const assess = { type: 'AssessCommitment', commitmentId, status: 'partially_achieved', rationale: '建成40个，未达56个' } as const;
  const assessed: CommitmentEvent = { type: 'CommitmentAssessed', data: { commitmentId, status: 'partially_achieved', rationale: '建成40个，未达56个' } };
  t.test('when assessed, then CommitmentAssessed; the same assessment again changes nothing', async (t) => {
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], assess)), [assessed]);
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, assessed], assess)), []);
    t.same(recorded([commitmentRecorded, assessed]).assessment, { status: 'partially_achieved', rationale: '建成40个，未达56个' });
  });
  t.test('a different assessment replaces the previous one', async (t) => {
    const changed = { ...assess, status: 'achieved', rationale: '年底建成56个' } as const;
    t.equal(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, assessed], changed)).length, 1);
  });
  t.test('given the commitment is withdrawn, when assessed, then commitment_withdrawn', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded, withdrawn], assess)), 'commitment_withdrawn');
  });
});

t.test('amending a commitment', async (t) => {
  const amendText = { type: 'AmendCommitment', commitmentId, text: '在全区57个社区建立社会工作点', targets: null, reason: 'the scrape dropped a digit' } as const;
  t.test('when the text is corrected, then CommitmentAmended and the original stays visible', async (t) => {
    const events = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], amendText));
    t.same(events, [{ type: 'CommitmentAmended', data: { commitmentId, text: amendText.text, targets: null, reason: amendText.reason } }]);
    const state = recorded([commitmentRecorded, ...events]);
    t.equal(state.text, amendText.text);
    t.equal(state.original.text, recordCommitment.text, 'the original text is kept');
    t.equal(state.amendments.length, 1);
    t.same(state.targets, state.original.targets, 'targets are untouched by a text-only amendment');
  });
  t.test('when the amendment repeats the current text and targets, then nothing happens', async (t) => {
    const amended = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], amendText));
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, ...amended], amendText)), []);
    const sameTargets = { ...amendText, text: null, targets: [{ ...socialWorkTarget }] };
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], sameTargets)), []);
  });
  t.test('targets keep their id when given it; new targets get ids no earlier target had', async (t) => {
    const corrected = { ...socialWorkTarget, min: 57, max: 57, text: '57个', targetId };
    const added = { ...socialWorkTarget, text: '8-10个', min: 8, max: 10, comparator: 'range' as const, object: '社工站' };
    const events = eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], { ...amendText, text: null, targets: [corrected, added] }));
    const amendedTargets = events[0]?.type === 'CommitmentAmended' ? events[0].data.targets : null;
    t.same(amendedTargets?.map((target) => target.targetId), [targetId, `${commitmentId}.a1.t1`]);
    t.same(recorded([commitmentRecorded, ...events]).original.targets[0]?.min, 56, 'the original target is kept');
  });
  t.test('a target id that is not the commitment’s, or given twice, is refused', async (t) => {
    const foreign = { ...socialWorkTarget, targetId: 'other.t0' };
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], { ...amendText, targets: [foreign] })), 'unknown_target');
    const twice = { ...socialWorkTarget, targetId };
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded], { ...amendText, targets: [twice, twice] })), 'duplicate_target_id');
  });
  t.test('given the commitment is withdrawn, when amended, then commitment_withdrawn', async (t) => {
    t.equal(errorCodeOf(givenWhen(commitmentDecider, [commitmentRecorded, withdrawn], amendText)), 'commitment_withdrawn');
  });
});

t.test('withdrawing a commitment', async (t) => {
  const withdraw = { type: 'WithdrawCommitment', commitmentId, reason: 'merged into another task' } as const;
  t.test('when withdrawn, then CommitmentWithdrawn; withdrawing again changes nothing', async (t) => {
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded], withdraw)), [withdrawn]);
    t.same(eventsOf(givenWhen(commitmentDecider, [commitmentRecorded, withdrawn], withdraw)), []);
    t.same(recorded([commitmentRecorded, withdrawn]).withdrawal, { reason: 'merged into another task' });
  });
});
